/** The main thread's handle on the analytics worker (one per page, created on first use). */
import { type Remote, transfer, wrap } from 'comlink';
import type { AtlasData } from '../core/ledger/load.ts';
import type { Initiative } from '../core/ledger/model.ts';
import { countedInvestment } from '../core/ledger/totals.ts';
import type { AtlasApi, LedgerColumns } from './api.ts';

let remote: Remote<AtlasApi> | null = null;

export function atlasWorker(): Remote<AtlasApi> {
  if (!remote) {
    const worker = new Worker(new URL('./atlas.worker.ts', import.meta.url), {
      type: 'module',
      name: 'atlas-analytics',
    });
    remote = wrap<AtlasApi>(worker);
  }
  return remote;
}

let sent: { data: AtlasData; ready: Promise<unknown> } | null = null;

/** Sends the data's layers to the worker once per data set; resolves when it holds them. */
export function layersReady(data: AtlasData): Promise<unknown> {
  if (sent?.data !== data) {
    sent = {
      data,
      ready: atlasWorker().setLayers(data.boundaries, data.green, {
        residential: data.residential,
        population: data.population,
      }),
    };
  }
  return sent.ready;
}

/**
 * Ledger rows as transferable columns. Investment: exact and "at least" figures only (NaN for
 * estimates, targets and unknowns), so sums are lower bounds, never inflated (countedInvestment).
 */
export function ledgerColumns(rows: readonly Initiative[]): LedgerColumns {
  const n = rows.length;
  const cols: LedgerColumns = {
    lons: new Float64Array(n),
    lats: new Float64Array(n),
    investment: new Float64Array(n),
  };
  rows.forEach((r, i) => {
    cols.lons[i] = r.lon;
    cols.lats[i] = r.lat;
    cols.investment[i] = countedInvestment(r) ?? Number.NaN;
  });
  return cols;
}

/** Marks the column buffers for transfer (moved, not copied, to the worker). */
export function transferColumns(cols: LedgerColumns): LedgerColumns {
  return transfer(cols, [cols.lons.buffer, cols.lats.buffer, cols.investment.buffer]);
}
