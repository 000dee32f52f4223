import type { FetchedPackage } from './fetchPackage.ts';
import type { Aim, Area, DatasetMeta, Indicator } from './package.ts';
import { validateDatasetMeta, validateIndicators } from './validate.ts';
import { validateAims } from './validateAims.ts';
import { validateAreas, validateAreaTable } from './validateAreas.ts';

/** What a package says about itself, without its observations: all the Over page needs. */
export interface PackageMetadata {
  meta: DatasetMeta;
  areas: Area[];
  indicators: Indicator[];
  aims: Aim[];
}

/**
 * The metadata of fetched package files, validated by the loader's own validators, so that the Over page can be read
 * while DuckDB still starts and loads the observations. Null when the files are invalid: the load reports why.
 */
export function packageMetadata(fetched: FetchedPackage): PackageMetadata | null {
  try {
    const meta = validateDatasetMeta(fetched.files['dataset.json']);
    const areas =
      fetched.layout === 'single'
        ? validateAreas(fetched.files['areas.geojson'])
        : validateAreaTable(fetched.files['areas.csv']);
    const indicators = validateIndicators(fetched.files['indicators.csv']);
    const aims = validateAims(fetched.files['aims.csv'], indicators, areas, meta.periods);
    return { meta, areas, indicators, aims };
  } catch {
    return null;
  }
}
