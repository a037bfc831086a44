import { useEffect, useMemo, useRef } from 'react';
import { resolutionForZoom } from '../../core/thematic/hex-resolution.ts';
import { featureColumns, numericFields } from '../../core/thematic/layer-columns.ts';
import { regionsToGeoJSON } from '../../core/workspace/model.ts';
import { atlasWorker, layersReady, ledgerColumns, transferColumns } from '../../worker/client.ts';
import type { ThematicRequest, ThematicResult } from '../../worker/thematic-api.ts';
import { timeChoice, useLayerAsOf } from '../state/layer-time.ts';
import { useAtlas } from '../state/store.ts';
import { buildLegend, type LegendInput } from '../state/thematic-legend.ts';
import { useThematic } from '../state/thematic-store.ts';
import { useFilteredInitiatives } from '../state/useFiltered.ts';
import { LEDGER_SOURCE, useWorkspace } from '../workspace/store.ts';
import { tableInWorker } from '../workspace/table-views.ts';
import { latestOnly, STALE } from './latest-only.ts';

/** One thematic map in the worker at a time; the newest waiting request runs next. */
const latest = latestOnly();

let lastUrl: string | null = null;
const blobUrl = (text: string): string => {
  if (lastUrl) URL.revokeObjectURL(lastUrl);
  lastUrl = URL.createObjectURL(new Blob([text], { type: 'application/geo+json' }));
  return lastUrl;
};

/** The resolution hexagons are drawn at: chosen, or from the map's zoom and latitude. */
function useResolution(): number {
  const chosen = useThematic((s) => s.settings.resolution);
  const auto = useAtlas((s) => (s.view ? resolutionForZoom(s.view.zoom, s.view.lat) : 8));
  return chosen === 'auto' ? auto : chosen;
}

/**
 * Computes the thematic map in the worker whenever its settings, the data (the filtered ledger,
 * an imported layer, its filter and, on the timeline, the year: core/time/rows-as-of.ts; the
 * regions) or, for automatic hexagons, the zoom change; the
 * legend follows the language. Stale answers are dropped; the previous map stays while the next
 * one is computed.
 */
export function useThematicMap(): void {
  const settings = useThematic((s) => s.settings);
  const data = useAtlas((s) => s.data);
  const lang = useAtlas((s) => s.lang);
  const rows = useFilteredInitiatives();
  const layers = useWorkspace((s) => s.layers);
  const regions = useWorkspace((s) => s.regions);
  const auto = useResolution();
  const seq = useRef(0);

  const layer =
    settings.source === LEDGER_SOURCE ? null : layers.find((l) => l.id === settings.source);
  const ledger = settings.source === LEDGER_SOURCE || !layer;
  const asOf = useLayerAsOf(ledger ? null : layer);
  const field = ledger
    ? 'investment_cny'
    : settings.field && layer && numericFields(layer).includes(settings.field)
      ? settings.field
      : ((layer ? numericFields(layer)[0] : undefined) ?? null);
  const regionsFc = useMemo(
    () => (settings.regions === 'regions' ? regionsToGeoJSON(regions) : null),
    [settings.regions, regions],
  );

  const { kind, measure, method, classes, regions: regionsKind } = settings;
  // A choropleth does not depend on the zoom: no recomputation when the hexagon size would change.
  const resolution = kind === 'choropleth' ? 0 : auto;
  useEffect(() => {
    if (kind === 'off' || !data) {
      seq.current++;
      useThematic.setState({ status: 'idle', url: null, drawn: null, legend: null, values: {} });
      return;
    }
    if (measure === 'sum' && !field) {
      useThematic.setState({ status: 'idle', url: null, drawn: null, legend: null, values: {} });
      return;
    }
    const mine = ++seq.current;
    useThematic.setState({ status: 'busy', error: null });
    const request = async (): Promise<ThematicRequest> => {
      const base = {
        map: kind,
        measure,
        method,
        classes,
        resolution,
        regions: kind === 'choropleth' ? regionsFc : null,
      };
      if (ledger) {
        const cols = transferColumns(ledgerColumns(rows));
        return { ...base, source: { kind: 'columns', ...cols, values: cols.investment } };
      }
      if (layer?.table) {
        await tableInWorker(layer);
        return {
          ...base,
          source: {
            kind: 'table',
            id: layer.id,
            filter: layer.filter ?? null,
            field,
            time: timeChoice(asOf),
          },
        };
      }
      return { ...base, source: { kind: 'columns', ...featureColumns(layer!, field, asOf) } };
    };
    layersReady(data)
      .then(() =>
        latest(
          async (): Promise<ThematicResult> => await atlasWorker().thematicMap(await request()),
        ),
      )
      .then((r) => {
        if (r === STALE || mine !== seq.current) return;
        const input: LegendInput = {
          kind,
          measure,
          ledger,
          field,
          regions: regionsKind,
          palette: useThematic.getState().settings.palette,
          classes: r.classes,
          resolution: r.map === 'choropleth' ? resolution : r.resolution,
          missing: r.missing,
        };
        useThematic.setState({
          status: 'done',
          url: blobUrl(r.geojson),
          drawn: kind,
          values:
            r.map === 'choropleth' ? Object.fromEntries(r.values.map((v) => [v.id, v.value])) : {},
          cells: r.map === 'choropleth' ? 0 : r.cells,
          resolution: r.map === 'choropleth' ? 0 : r.resolution,
          ms: r.ms,
          legendInput: input,
          legend: buildLegend(input, useAtlas.getState().lang),
        });
      })
      .catch((e: unknown) => {
        if (mine !== seq.current) return;
        useThematic.setState({
          status: 'error',
          error: e instanceof Error ? e.message : String(e),
        });
      });
  }, [
    kind,
    measure,
    method,
    classes,
    regionsKind,
    data,
    rows,
    layer,
    ledger,
    field,
    regionsFc,
    resolution,
    asOf,
  ]);

  // The legend in the UI's language; the palette changes only colours (no new computation).
  const palette = settings.palette;
  useEffect(() => {
    const input = useThematic.getState().legendInput;
    if (!input) return;
    const next = { ...input, palette };
    useThematic.setState({ legendInput: next, legend: buildLegend(next, lang) });
  }, [lang, palette]);
}
