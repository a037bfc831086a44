/** `atlas totals --regions R --points P`: points, sums and counts by value per region. */
import {
  COMMON_OPTIONS,
  crsOption,
  INPUT_OPTIONS,
  type Io,
  issueJson,
  parse,
  pointLayer,
  Reporter,
  readInput,
  required,
  sheetOption,
  writeJson,
} from './common.ts';

const OPTIONS = {
  ...COMMON_OPTIONS,
  ...INPUT_OPTIONS,
  regions: { type: 'string' },
  points: { type: 'string' },
  sum: { type: 'string', multiple: true },
  by: { type: 'string' },
  'id-field': { type: 'string' },
  crs: { type: 'string' },
  'regions-crs': { type: 'string' },
} as const;

export async function totals(args: string[], io: Io): Promise<number | 'help'> {
  const { values } = parse('totals', args, OPTIONS);
  if (values.help) return 'help';
  const regionsFile = required('totals', values, 'regions');
  const pointsFile = required('totals', values, 'points');
  const crs = crsOption('totals', values.crs);
  const regionsCrs = crsOption('totals', values['regions-crs'], 'regions-crs');
  const idField = values['id-field'];
  const sum = values.sum ?? [];
  const by = values.by;
  const reporter = new Reporter(io, 'totals', values.progress ?? io.errIsTTY);
  // Loaded after the arguments are checked: the analytics bring Turf, slow to load.
  const { regionTotals } = await import('../src/core/analytics/index.ts');
  const { countedInvestmentColumn } = await import('../src/core/ledger/totals.ts');
  const { failOnSkipped, polygonLayer } = await import('./layers.ts');

  const regions = polygonLayer(
    regionsFile,
    'regions',
    await readInput(regionsFile, { crs: regionsCrs, reporter }),
  );
  const { points: read, skipped } = pointLayer(
    await readInput(pointsFile, { crs, reporter, ...sheetOption('totals', values.sheet) }),
  );
  // A ledger table: investments are summed by the ledger's rule (exact and "at least" only).
  const counted = sum.includes('investment_cny') ? countedInvestmentColumn(read.properties) : null;
  const points = counted ? { ...read, columns: { investment_cny: counted.values } } : read;
  if (counted && counted.notCounted > 0) {
    reporter.warn(pointsFile, [
      {
        field: 'investment_cny',
        reason: `${counted.notCounted} figures qualified "about" or "target" (investment_qualifier) are not summed; they count as missing`,
      },
    ]);
  }
  reporter.progress(`totals of ${points.lons.length} points in ${regions.features.length} regions`);
  const result = regionTotals(regions, points, {
    sum,
    ...(by !== undefined ? { by } : {}),
    ...(idField !== undefined ? { idField } : {}),
  });
  failOnSkipped(regionsFile, result.skippedRegions);
  reporter.warn(
    regionsFile,
    result.repairedRegions.map((r) => ({
      feature: r.feature,
      field: 'geometry',
      reason: r.reason,
    })),
  );
  if (skipped.length > 0) {
    reporter.progress(
      `${skipped.length} rows/features of ${pointsFile} skipped (listed in "skipped")`,
    );
  }
  writeJson(io, {
    regions: result.regions.map((r) => ({
      id: r.id,
      area_m2: r.area_m2,
      count: r.count,
      sums: r.sums,
      missing: r.missing,
      by: r.by ?? {},
    })),
    skipped: [
      ...skipped.map((s) => issueJson(s, false)),
      ...result.skipped.map((s) => ({ row: s.row, reason: s.reason })),
    ],
  });
  reporter.progress('done');
  return 0;
}
