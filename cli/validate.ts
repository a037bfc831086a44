/**
 * `atlas validate <input>`: exit 0 with a summary, or exit 1 with every problem on stdout as
 * {"errors":[{"row"|"feature":N,"field":"...","reason":"..."}]}. Besides what the format loaders
 * check, polygons go through the analytics' checks: degenerate rings are errors, self-intersections
 * warnings (the analytics repair them). GeoJSON files are also checked against RFC 7946 as written
 * (src/core/formats/rfc7946.ts): unclosed or short rings, short lines, non-numeric positions, bad
 * ids and bboxes are errors even though the loader could repair them.
 */
import { readFileSync } from 'node:fs';
import type { Geometry } from 'geojson';
import { decodeText, type FormatIssue, type LoadResult } from '../src/core/formats/index.ts';
import { checkRfc7946, type Rfc7946Report } from '../src/core/formats/rfc7946.ts';
import {
  COMMON_OPTIONS,
  formatOption,
  INPUT_OPTIONS,
  InputError,
  type Io,
  issueJson,
  parse,
  Reporter,
  readInput,
  sheetOption,
  writeJson,
} from './common.ts';

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...INPUT_OPTIONS,
  format: { type: 'string' },
} as const;

/** Polygon problems the analytics would meet: errors (unusable) and warnings (repaired). */
async function polygonChecks(
  result: LoadResult,
): Promise<{ errors: FormatIssue[]; warnings: FormatIssue[] }> {
  const { checkPolygonal, findSelfIntersection } = await import(
    '../src/core/analytics/validate.ts'
  );
  const { repairNote, repairPolygonal } = await import('../src/core/analytics/repair.ts');
  const errors: FormatIssue[] = [];
  const warnings: FormatIssue[] = [];
  const bad = new Set(result.errors.map((e) => e.feature));
  (result.features?.features ?? []).forEach((f, i) => {
    const g = f.geometry as Geometry | null;
    if (bad.has(i) || !g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return;
    const checked = checkPolygonal(g);
    if ('error' in checked) {
      errors.push({ feature: i, field: 'geometry', reason: checked.error });
      return;
    }
    const at = findSelfIntersection(checked.coords);
    if (at) {
      // What area/totals/coverage will do with it: the same repair and the same message.
      const note = repairNote(at, repairPolygonal(checked.coords));
      warnings.push({
        feature: i,
        field: 'geometry',
        reason: `${note.replace(': repaired into', ': the analytics repair it into')}`,
      });
    }
  });
  return { errors, warnings };
}

/** RFC 7946 problems of a GeoJSON file as written (empty for other formats). */
function rfcChecks(file: string, r: LoadResult): Rfc7946Report {
  if (r.format !== 'geojson') return { errors: [], warnings: [] };
  try {
    return checkRfc7946(JSON.parse(decodeText(readFileSync(file)).text));
  } catch {
    return { errors: [], warnings: [] }; // the loader already read it; cannot fail here
  }
}

/** Errors of both checks, one per feature and field (the RFC's wording first). */
function merge(first: FormatIssue[], second: FormatIssue[]): FormatIssue[] {
  const seen = new Set(first.map((e) => `${e.feature}|${e.row}|${e.field}`));
  return [...first, ...second.filter((e) => !seen.has(`${e.feature}|${e.row}|${e.field}`))];
}

function summary(file: string, r: LoadResult, warnings: FormatIssue[]) {
  const base = { file, format: r.format, kind: r.kind };
  const notes = { warnings: warnings.map((w) => issueJson(w, false)) };
  if (r.kind === 'points') {
    return {
      ...base,
      ...(r.meta.encoding ? { encoding: r.meta.encoding } : {}),
      delimiter: r.meta.delimiter,
      columns: r.meta.columns,
      ...(r.meta.lonField ? { lon_field: r.meta.lonField, lat_field: r.meta.latField } : {}),
      ...(r.meta.wktField ? { wkt_field: r.meta.wktField } : {}),
      rows: r.meta.total,
      valid: r.points?.lons.length ?? 0,
      ...notes,
    };
  }
  const types: Record<string, number> = {};
  for (const f of r.features?.features ?? []) {
    const t = f.geometry?.type ?? 'null';
    types[t] = (types[t] ?? 0) + 1;
  }
  return {
    ...base,
    ...(r.meta.encoding ? { encoding: r.meta.encoding } : {}),
    ...(r.meta.layers ? { layers: r.meta.layers } : {}),
    features: r.meta.total,
    valid: r.meta.total,
    geometry_types: types,
    ...notes,
  };
}

export async function validate(args: string[], io: Io): Promise<number | 'help'> {
  const { values, positionals } = parse('validate', args, OPTIONS, 1);
  if (values.help) return 'help';
  const format = formatOption('validate', values.format);
  const reporter = new Reporter(io, 'validate', values.progress ?? io.errIsTTY);
  const file = positionals[0]!;
  let loaded: LoadResult;
  try {
    // Warnings go into the summary, not stderr.
    const quiet = new Reporter({ ...io, err: () => {} }, 'validate', false);
    loaded = await readInput(file, {
      crs: 'wgs84',
      reporter: quiet,
      ...(format ? { format } : {}),
      ...sheetOption('validate', values.sheet),
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    writeJson(io, { errors: e.issues.map((i) => issueJson(i, false)) });
    return 1;
  }
  reporter.progress(`checking ${file}`);
  const polygons = await polygonChecks(loaded);
  const rfc = rfcChecks(file, loaded);
  const errors = merge(rfc.errors, [...loaded.errors, ...polygons.errors]).sort(
    (a, b) => (a.row ?? a.feature ?? -1) - (b.row ?? b.feature ?? -1),
  );
  const warnings = [...loaded.warnings, ...rfc.warnings, ...polygons.warnings];
  if (errors.length > 0) {
    writeJson(io, { errors: errors.map((i) => issueJson(i, false)) });
    reporter.warn(file, warnings);
    return 1;
  }
  writeJson(io, summary(file, loaded, warnings));
  return 0;
}
