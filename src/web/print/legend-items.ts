import { CATEGORIES } from '../../core/ledger/model.ts';
import type { LegendItem } from '../../core/print/legend.ts';
import type { ImportedLayer } from '../../core/workspace/model.ts';
import { printLabel } from '../i18n/print-strings.ts';
import { CATEGORY_LABELS, publicLabel } from '../i18n/strings.ts';
import { translate } from '../i18n/useT.ts';
import type { BigPointsShown } from '../map/big-points-shown.ts';
import { CATEGORY_STYLE, COLORS } from '../map/palette.ts';
import type { ThematicLegend } from '../state/thematic-legend.ts';
import type { Lang, LayerKey } from '../state/url.ts';

export interface LegendState {
  lang: Lang;
  hidden: readonly LayerKey[];
  /** The green-access view is on: its service areas and gaps are drawn. */
  coverage: boolean;
  /** The thematic map's legend when one is drawn (state/thematic-store.ts), else null. */
  thematic?: ThematicLegend | null;
  /** The imported layers that are on, in the workspace's order. */
  imported?: readonly ImportedLegend[];
}

export interface ImportedLegend {
  name: string;
  kind: 'points' | 'features';
  /** A big point layer's points on the map (filtered, up to the timeline's year). */
  shown?: number;
}

/**
 * The imported layers that are on, for the legend: a big point layer (a table) with the number of
 * its points the map shows (`shown`: what the live map draws, big-points-shown.ts).
 */
export function importedLegend(
  layers: readonly ImportedLayer[],
  shown: readonly BigPointsShown[],
): ImportedLegend[] {
  return layers
    .filter((l) => l.visible)
    .map((l) => {
      if (!l.table) return { name: l.name, kind: l.kind };
      const s = shown.find((x) => x.layerId === l.id);
      return { name: l.name, kind: 'points', shown: s ? Math.min(s.length, s.drawn.length) : 0 };
    });
}

/** Imported layers' colour on the map (WorkspaceLayers.tsx, big-points.ts). */
const IMPORTED_COLOR = '#222255';

/** Opacity of the thematic fills on the map (map/thematic-layers.ts). */
const THEMATIC_OPACITY = 0.78;

/** A thematic map's classes (or a heatmap's ramp, low to high) and its "no data" class. */
function thematicItems(t: ThematicLegend): LegendItem[] {
  const items: LegendItem[] = [{ symbol: { kind: 'heading' }, label: t.title }];
  for (const c of t.classes) {
    items.push({
      symbol: { kind: 'fill', color: c.color, opacity: THEMATIC_OPACITY },
      label: c.label,
    });
  }
  const ramp = t.ramp ?? [];
  if (ramp.length > 1) {
    const ends = [ramp[0], ramp[ramp.length - 1]] as [string, string];
    const words = [printLabel('legendLow', t.lang), printLabel('legendHigh', t.lang)];
    ends.forEach((color, i) => {
      items.push({ symbol: { kind: 'fill', color, opacity: 0.8 }, label: words[i] ?? '' });
    });
  }
  if (t.noData) {
    items.push({
      symbol: {
        kind: 'fill',
        color: t.noData.color,
        opacity: 1,
        outline: t.noData.outline,
        dashed: true,
      },
      label: t.noData.label,
    });
  }
  return items;
}

/**
 * The exported map's legend: what the live map shows (LayersAndLegend.tsx), for the layers that
 * are on. The one place that lists legend items: a new map type appends its own here.
 */
export function legendItems(s: LegendState): LegendItem[] {
  const items: LegendItem[] = s.thematic ? thematicItems(s.thematic) : [];
  const on = (k: LayerKey) => !s.hidden.includes(k);
  const grey = '#555555';
  if (on('initiatives')) {
    items.push({ symbol: { kind: 'heading' }, label: printLabel('legendProjects', s.lang) });
    for (const c of CATEGORIES) {
      items.push({
        symbol: { kind: 'point', color: CATEGORY_STYLE[c].color, code: CATEGORY_STYLE[c].code },
        label: CATEGORY_LABELS[c][s.lang],
      });
    }
    items.push({ symbol: { kind: 'heading' }, label: printLabel('legendMarks', s.lang) });
    items.push({ symbol: { kind: 'point', color: grey }, label: translate(s.lang, 'legendExact') });
    items.push({
      symbol: { kind: 'point', color: grey, approximate: true },
      label: translate(s.lang, 'legendApprox'),
    });
    items.push({
      symbol: { kind: 'count-ring', color: '#4a4a4a' },
      label: publicLabel('legendSiteUnknown', s.lang)
        .replace(/[（(].*[)）]$/, '')
        .trim(),
    });
  }
  if (on('green')) {
    items.push({
      symbol: { kind: 'fill', color: COLORS.green, opacity: 0.6 },
      label: translate(s.lang, 'legendGreen'),
    });
    items.push({
      symbol: { kind: 'fill', color: COLORS.greenSchematic, opacity: 0.6, dashed: true },
      label: translate(s.lang, 'legendSchematic'),
    });
  }
  if (on('boundaries')) {
    items.push({
      symbol: { kind: 'line', color: COLORS.boundaryLine },
      label: translate(s.lang, 'legendBoundary'),
    });
  }
  if (s.imported?.length) {
    items.push({ symbol: { kind: 'heading' }, label: printLabel('legendImported', s.lang) });
    for (const l of s.imported) {
      items.push({
        symbol:
          l.kind === 'points'
            ? { kind: 'point', color: IMPORTED_COLOR }
            : { kind: 'fill', color: IMPORTED_COLOR, opacity: 0.15, outline: IMPORTED_COLOR },
        label:
          l.shown === undefined
            ? l.name
            : printLabel('legendImportedPoints', s.lang, {
                name: l.name,
                n: l.shown.toLocaleString(s.lang === 'zh' ? 'zh-CN' : 'en-US'),
              }),
      });
    }
  }
  if (s.coverage) {
    items.push({
      symbol: { kind: 'fill', color: COLORS.covered, opacity: 0.9, outline: COLORS.coveredLine },
      label: translate(s.lang, 'greenLegendCovered'),
    });
    items.push({
      symbol: { kind: 'fill', color: COLORS.gap, opacity: 0.35 },
      label: translate(s.lang, 'greenLegendGap'),
    });
  }
  return items;
}
