/**
 * The year or date columns of a GeoJSON layer (a small import: features, not a table), by the
 * same rule as a big layer's columns (year-column.ts, yearOfValue): a property qualifies when
 * every feature's non-blank value is a year 1900-2100 or an ISO date of one, and at least one
 * feature has a value. A feature without the property, or with null or '', has no year. Pure.
 */
import type { Feature, Geometry } from 'geojson';
import { type YearColumn, yearOfValue } from './year-column.ts';

/** The row number an import adds to each feature (import-file.ts): never a time column. */
const ROW_PROPERTY = '__row';

type Features = readonly Pick<Feature<Geometry | null>, 'properties'>[];

/** The years of one property, or null when it is not a year or date property. */
export function featureYearColumn(features: Features, name: string): YearColumn | null {
  const years = new Float64Array(features.length);
  let missing = 0;
  for (let i = 0; i < features.length; i++) {
    const y = yearOfValue(features[i]!.properties?.[name]);
    if (y === null) {
      years[i] = Number.NaN;
      missing++;
    } else if (Number.isNaN(y)) return null;
    else years[i] = y;
  }
  if (missing === features.length) return null;
  return { name, years, missing };
}

/** Every year or date property of the features, in the order they first appear. */
export function featureYearColumns(features: Features): YearColumn[] {
  const names = new Set<string>();
  for (const f of features) {
    for (const k of Object.keys(f.properties ?? {})) if (k !== ROW_PROPERTY) names.add(k);
  }
  const out: YearColumn[] = [];
  for (const name of names) {
    const c = featureYearColumn(features, name);
    if (c) out.push(c);
  }
  return out;
}
