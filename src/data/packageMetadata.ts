import type { FeatureCollection } from 'geojson';
import type { FetchedPackage } from './fetchPackage.ts';
import { type MapGeometry, packageGeometry, perLevelGeometry } from './mapGeometry.ts';
import type { Aim, Area, DatasetMeta, Indicator } from './package.ts';
import { validateDatasetMeta, validateIndicators } from './validate.ts';
import { validateAims } from './validateAims.ts';
import { validateAreas, validateAreaTable } from './validateAreas.ts';

/** What a package says about itself, without its observations: all the Over page and the start screen need. */
export interface PackageMetadata {
  meta: DatasetMeta;
  areas: Area[];
  indicators: Indicator[];
  aims: Aim[];
  /** The areas' shapes as fetched (a partitioned package: the gemeenten only), for an outline before the map. */
  outline: FeatureCollection | null;
  /**
   * The map's geometry as the loader makes it (a partitioned package's wijken and buurten as URLs of its files), so
   * the start screen draws the first map where the dashboard will.
   */
  geometry: MapGeometry | null;
  /** Whether its observations are partition files (a partitioned package's Kompas asks other files; first/ too). */
  partitioned: boolean;
}

/**
 * The metadata of fetched package files, validated by the loader's own validators, so that the Over page can be read
 * and the area list and an outline shown while DuckDB still starts and loads the observations. Null when the files
 * are invalid: the load reports why.
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
    const shapes = fetched.layout === 'single' ? fetched.files['areas.geojson'] : fetched.files['geo/gemeente.geojson'];
    const outline = JSON.parse(shapes) as FeatureCollection;
    return {
      meta,
      areas,
      indicators,
      aims,
      outline,
      geometry:
        fetched.layout === 'single'
          ? packageGeometry(outline, areas, meta.default_period)
          : perLevelGeometry(outline, fetched.base),
      partitioned: fetched.layout === 'partitioned',
    };
  } catch {
    return null;
  }
}
