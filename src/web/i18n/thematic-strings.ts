import type { Pair } from './strings.ts';

/**
 * The Thematic map panel and its legend (issue 12): choropleth, hexagons, heatmap. `{name}`
 * placeholders are filled by thematicLabel (numbers already formatted by the caller).
 */
export const THEMATIC_LABELS = {
  title: { en: 'Thematic map', zh: '专题地图' },
  mapType: { en: 'Map type', zh: '地图类型' },
  off: { en: 'Off', zh: '关闭' },
  choropleth: { en: 'Choropleth of areas', zh: '分级设色（按区域）' },
  hexagons: { en: 'Hexagons (H3 grid)', zh: '六边形格网（H3）' },
  heatmap: { en: 'Heatmap', zh: '热力图' },
  data: { en: 'Data', zh: '数据' },
  ledger: { en: 'Project ledger (current filters)', zh: '项目台账（当前筛选）' },
  areas: { en: 'Areas', zh: '区域' },
  boundaries: { en: 'City boundaries', zh: '城市边界' },
  myRegions: { en: 'My regions', zh: '我的区域' },
  measure: { en: 'Measure', zh: '指标' },
  count: { en: 'Number of points', zh: '点数' },
  sum: { en: 'Sum of a numeric field', zh: '数值字段合计' },
  density: { en: 'Points per km²', zh: '每平方千米点数' },
  field: { en: 'Field', zh: '字段' },
  noNumeric: { en: 'This layer has no numeric column.', zh: '该图层没有数值列。' },
  method: { en: 'Classes by', zh: '分级方法' },
  quantile: { en: 'Quantiles', zh: '分位数' },
  equal: { en: 'Equal intervals', zh: '等间距' },
  jenks: { en: 'Natural breaks (Jenks)', zh: '自然断点（Jenks）' },
  classes: { en: 'Number of classes', zh: '分级数' },
  palette: { en: 'Colours', zh: '配色' },
  YlGnBu: { en: 'Yellow–green–blue', zh: '黄—绿—蓝' },
  YlOrRd: { en: 'Yellow–orange–red', zh: '黄—橙—红' },
  Purples: { en: 'Purples', zh: '紫色' },
  Greys: { en: 'Greys (black-and-white print)', zh: '灰度（适合黑白打印）' },
  viridis: { en: 'Viridis', zh: 'Viridis（蓝绿黄）' },
  resolution: { en: 'Hexagon size', zh: '六边形大小' },
  resolutionAuto: { en: 'Automatic (follows the zoom)', zh: '自动（随缩放变化）' },
  resolutionN: { en: 'Resolution {r} (edge ≈ {edge})', zh: '分辨率 {r}（边长约 {edge}）' },
  busy: { en: 'computing…', zh: '计算中…' },
  error: { en: 'Could not compute the map', zh: '无法计算专题图' },
  whatProjects: { en: 'Projects', zh: '项目数' },
  whatPoints: { en: 'Points', zh: '点数' },
  whatInvestment: { en: 'Stated investment, CNY million', zh: '已公布投资（亿元）' },
  whatSum: { en: 'Sum of {field}', zh: '{field}合计' },
  whatProjectsKm2: { en: 'Projects per km²', zh: '每平方千米项目数' },
  whatPointsKm2: { en: 'Points per km²', zh: '每平方千米点数' },
  perBoundary: { en: 'per city boundary', zh: '按城市边界' },
  perRegion: { en: 'per region', zh: '按区域' },
  perHexagon: {
    en: 'per hexagon (H3 resolution {r}, edge ≈ {edge})',
    zh: '按六边形（H3 分辨率 {r}，边长约 {edge}）',
  },
  nClasses: { en: '{method}, {n} classes', zh: '{method}，{n} 级' },
  heatTitle: { en: '{what}: density (relative)', zh: '{what}：密度（相对值）' },
  heatLow: { en: 'low', zh: '低' },
  heatHigh: { en: 'high', zh: '高' },
  heatNote: {
    en: 'Hexagons of resolution {r} (edge ≈ {edge}) blurred: shows where points gather, not figures to read.',
    zh: '由分辨率 {r}（边长约 {edge}）的六边形平滑而成：显示点的聚集处，不宜读数。',
  },
  noData: { en: 'No data', zh: '无数据' },
  noDataSum: {
    en: 'No data (no point here states the value)',
    zh: '无数据（此处没有点给出该数值）',
  },
  investmentNote: {
    en: '{n} projects in these areas state no investment, or only an estimate or a target: they are not in the sums, so each sum is a lower bound.',
    zh: '这些区域内有 {n} 个项目未公布投资，或只有估算数、目标数：均未计入合计，因此每个合计都是下限。',
  },
  missingNote: {
    en: '{n} points leave {field} blank and are not in the sums.',
    zh: '{n} 个点的{field}为空，未计入合计。',
  },
  limitsNote: {
    en: 'A value equal to a limit belongs to the lower class.',
    zh: '等于分界值的数值归入较低一级。',
  },
  cells: { en: '{n} hexagons', zh: '{n} 个六边形' },
  source: { en: 'Colours: {source}', zh: '配色：{source}' },
  legendAria: { en: 'Thematic map legend', zh: '专题地图图例' },
} satisfies Record<string, Pair>;

/** A label of THEMATIC_LABELS in the language, with `{name}` placeholders filled. */
export function thematicLabel(
  key: keyof typeof THEMATIC_LABELS,
  lang: 'en' | 'zh',
  params: Record<string, string | number> = {},
): string {
  return THEMATIC_LABELS[key][lang].replace(/\{(\w+)\}/g, (all, name: string) =>
    params[name] === undefined ? all : String(params[name]),
  );
}
