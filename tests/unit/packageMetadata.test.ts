import { describe, expect, it } from 'vitest';
import { packageMetadata } from '../../src/data/packageMetadata.ts';
import { DEMO, readCsvObjects, readPackage } from '../fixtures/readPackage.ts';

const files = readPackage(DEMO);

describe('packageMetadata (the Over page before DuckDB)', () => {
  it('reads the fetched demo files as the loader would: meta, every area, indicator and aim', () => {
    const metadata = packageMetadata({ layout: 'single', files });
    expect(metadata).not.toBeNull();
    const meta = JSON.parse(files['dataset.json']) as { id: string; periods: number[] };
    expect(metadata?.meta.id).toBe(meta.id);
    expect(metadata?.meta.periods).toEqual(meta.periods);
    expect(metadata?.indicators.map((i) => i.id)).toEqual(readCsvObjects(files['indicators.csv']).map((r) => r.id));
    expect(metadata?.aims).toHaveLength(readCsvObjects(files['aims.csv']).length);
    const features = (JSON.parse(files['areas.geojson']) as { features: unknown[] }).features;
    expect(metadata?.areas).toHaveLength(features.length);
  });

  it('gives nothing for files the loader would refuse (the load then says why)', () => {
    expect(packageMetadata({ layout: 'single', files: { ...files, 'indicators.csv': 'id,label_nl\n' } })).toBeNull();
    expect(packageMetadata({ layout: 'single', files: { ...files, 'dataset.json': '{' } })).toBeNull();
  });
});
