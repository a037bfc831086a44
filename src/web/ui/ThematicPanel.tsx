import { MEASURES } from '../../core/thematic/choropleth-values.ts';
import { CLASS_METHODS, MAX_CLASSES, MIN_CLASSES } from '../../core/thematic/class-breaks.ts';
import { H3_EDGE_M, MAX_RESOLUTION, MIN_RESOLUTION } from '../../core/thematic/hex-resolution.ts';
import { numericFields } from '../../core/thematic/layer-columns.ts';
import { PALETTE_IDS, type PaletteId } from '../../core/thematic/palettes.ts';
import { isPointLayer } from '../../core/workspace/point-layer.ts';
import { type THEMATIC_LABELS, thematicLabel } from '../i18n/thematic-strings.ts';
import { formatNumber } from '../i18n/useT.ts';
import { useAtlas } from '../state/store.ts';
import { setThematic, type ThematicSettings, useThematic } from '../state/thematic-store.ts';
import { LEDGER_SOURCE, useWorkspace } from '../workspace/store.ts';
import { ErrorNote } from './ErrorNote.tsx';
import './thematic.css';

const KINDS = ['off', 'choropleth', 'hexagons', 'heatmap'] as const;
const CLASS_COUNTS = Array.from(
  { length: MAX_CLASSES - MIN_CLASSES + 1 },
  (_, i) => MIN_CLASSES + i,
);
const RESOLUTIONS = Array.from(
  { length: MAX_RESOLUTION - MIN_RESOLUTION + 1 },
  (_, i) => MIN_RESOLUTION + i,
);

/**
 * The Thematic map panel: data (the filtered ledger or an imported point layer), map type,
 * measure, classing method and number of classes, colours, hexagon size. Off by default; the
 * map and its legend follow (useThematicMap, ThematicLayers, ThematicLegend).
 */
export function ThematicPanel() {
  const lang = useAtlas((s) => s.lang);
  const s = useThematic((x) => x.settings);
  const status = useThematic((x) => x.status);
  const error = useThematic((x) => x.error);
  const cells = useThematic((x) => x.cells);
  const layers = useWorkspace((x) => x.layers);
  const hasRegions = useWorkspace((x) => x.regions.length > 0);
  const L = (k: keyof typeof THEMATIC_LABELS, p?: Record<string, string | number>) =>
    thematicLabel(k, lang, p);
  const pointLayers = layers.filter(isPointLayer);
  const layer = pointLayers.find((l) => l.id === s.source);
  const fields = layer ? numericFields(layer) : ['investment_cny'];
  const field = layer ? (fields.includes(s.field ?? '') ? s.field : fields[0]) : 'investment_cny';
  const set = (patch: Partial<ThematicSettings>) => setThematic(patch);
  const edge = (r: number) => {
    const m = H3_EDGE_M[r] ?? 0;
    return m >= 1000 ? `${formatNumber(m / 1000, lang, 1)} km` : `${formatNumber(m, lang, 0)} m`;
  };
  const on = s.kind !== 'off';
  return (
    <section
      className="panel thematic-panel"
      aria-labelledby="thematic-h"
      data-testid="thematic-panel"
      data-status={status}
    >
      <h2 id="thematic-h">
        {L('title')}
        {status === 'busy' && (
          <span className="busy" role="status">
            {' '}
            {L('busy')}
          </span>
        )}
      </h2>
      <label className="field">
        <span>{L('mapType')}</span>
        <select
          data-testid="thematic-kind"
          value={s.kind}
          onChange={(e) => set({ kind: e.target.value as ThematicSettings['kind'] })}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {L(k)}
            </option>
          ))}
        </select>
      </label>
      {on && (
        <>
          <label className="field">
            <span>{L('data')}</span>
            <select
              data-testid="thematic-source"
              value={layer ? layer.id : LEDGER_SOURCE}
              onChange={(e) => set({ source: e.target.value, field: null })}
            >
              <option value={LEDGER_SOURCE}>{L('ledger')}</option>
              {pointLayers.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </label>
          {s.kind === 'choropleth' && (
            <label className="field">
              <span>{L('areas')}</span>
              <select
                data-testid="thematic-regions"
                value={s.regions}
                onChange={(e) => set({ regions: e.target.value as ThematicSettings['regions'] })}
              >
                <option value="boundaries">{L('boundaries')}</option>
                <option value="regions" disabled={!hasRegions}>
                  {L('myRegions')}
                </option>
              </select>
            </label>
          )}
          <label className="field">
            <span>{L('measure')}</span>
            <select
              data-testid="thematic-measure"
              value={s.measure}
              onChange={(e) => set({ measure: e.target.value as ThematicSettings['measure'] })}
            >
              {MEASURES.map((m) => (
                <option key={m} value={m} disabled={m === 'sum' && fields.length === 0}>
                  {L(m)}
                </option>
              ))}
            </select>
          </label>
          {s.measure === 'sum' && fields.length === 0 && <p className="muted">{L('noNumeric')}</p>}
          {s.measure === 'sum' && fields.length > 0 && (
            <label className="field">
              <span>{L('field')}</span>
              <select
                data-testid="thematic-field"
                value={field ?? ''}
                disabled={!layer}
                onChange={(e) => set({ field: e.target.value })}
              >
                {fields.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </label>
          )}
          {s.kind !== 'heatmap' && (
            <div className="thematic-row">
              <label className="field">
                <span>{L('method')}</span>
                <select
                  data-testid="thematic-method"
                  value={s.method}
                  onChange={(e) => set({ method: e.target.value as ThematicSettings['method'] })}
                >
                  {CLASS_METHODS.map((m) => (
                    <option key={m} value={m}>
                      {L(m)}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{L('classes')}</span>
                <select
                  data-testid="thematic-classes"
                  value={s.classes}
                  onChange={(e) => set({ classes: Number(e.target.value) })}
                >
                  {CLASS_COUNTS.map((n) => (
                    <option key={n} value={n}>
                      {formatNumber(n, lang)}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          )}
          <label className="field">
            <span>{L('palette')}</span>
            <select
              data-testid="thematic-palette"
              value={s.palette}
              onChange={(e) => set({ palette: e.target.value as PaletteId })}
            >
              {PALETTE_IDS.map((p) => (
                <option key={p} value={p}>
                  {L(p)}
                </option>
              ))}
            </select>
          </label>
          {s.kind !== 'choropleth' && (
            <label className="field">
              <span>{L('resolution')}</span>
              <select
                data-testid="thematic-resolution"
                value={String(s.resolution)}
                onChange={(e) =>
                  set({
                    resolution: e.target.value === 'auto' ? 'auto' : Number(e.target.value),
                  })
                }
              >
                <option value="auto">{L('resolutionAuto')}</option>
                {RESOLUTIONS.map((r) => (
                  <option key={r} value={r}>
                    {L('resolutionN', { r, edge: edge(r) })}
                  </option>
                ))}
              </select>
            </label>
          )}
          {s.kind === 'hexagons' && status === 'done' && (
            <p className="muted" data-testid="thematic-cells">
              {L('cells', { n: formatNumber(cells, lang) })}
            </p>
          )}
          {error && (
            <ErrorNote what="thematic" raw={error}>
              {L('error')}: {error}
            </ErrorNote>
          )}
        </>
      )}
    </section>
  );
}
