/**
 * Problems (import errors and notes, region repairs) in the UI's language. English is THE core
 * formatter (common/problem.ts), word for word what the CLI prints. Chinese words a coded problem
 * from its code and params (a zh template for every code of core/common/messages.ts, checked by
 * a unit test); a problem without a code, or with one this build does not know, keeps its English
 * reason.
 */
import type { MessageCode, MessageParams } from '../../core/common/messages.ts';
import { formatProblem, type Problem } from '../../core/common/problem.ts';
import type { Lang } from '../state/url.ts';
import { ANALYTICS_PROBLEM_ZH } from './problems-analytics-zh.ts';
import { APP_PROBLEM_ZH } from './problems-app-zh.ts';
import { FORMAT_PROBLEM_ZH } from './problems-formats-zh.ts';
import { LEDGER_PROBLEM_ZH } from './problems-ledger-zh.ts';
import { SCHEMA_PROBLEM_ZH, SCHEMA_TERMS_ZH, TERM_PARAMS } from './problems-schema-zh.ts';
import { formatNumber } from './useT.ts';
import { allowedValuesIn } from './values.ts';

/** Chinese for every coded message; `{name}` as in the English template. */
export const PROBLEM_ZH: Record<MessageCode, string> = {
  coord_blank: '为空',
  coord_not_number: '不是数字：{value}',
  lon_out_of_range: '超出范围：{value}（经度应在 -180 到 180 之间）',
  lat_out_of_range: '超出范围：{value}（纬度应在 -90 到 90 之间）',
  lat_out_of_range_swapped:
    '超出范围：{value}（纬度应在 -90 到 90 之间；经度列和纬度列是否颠倒？）',
  wkt_lon_out_of_range: '经度超出范围：{value}（经度应在 -180 到 180 之间）',
  wkt_lat_out_of_range: '纬度超出范围：{value}（纬度应在 -90 到 90 之间）',
  wkt_lat_out_of_range_swapped:
    '纬度超出范围：{value}（纬度应在 -90 到 90 之间；经度和纬度是否颠倒？）',
  wkt_empty: '空点（POINT EMPTY）',
  wkt_not_point: 'WKT 几何类型 {type} 不是 POINT',
  wkt_malformed: '不是 WKT 格式的 POINT(经度 纬度)：{value}',
  table_empty: '空文件：没有表头行',
  header_after_blank_line: '表头在第 {line} 行（已跳过前面 1 个空行）',
  header_after_blank_lines: '表头在第 {line} 行（已跳过前面 {count} 个空行）',
  header_blank: '第 {column} 列没有表头，已命名为 {name}',
  header_repeats: '表头 {name} 重复，第 {column} 列已命名为 {renamed}',
  row_field_count: '有 {count} 个字段，表头有 {expected} 个',
  id_column_missing: '没有 {name} 列；编号取行号或 id 列',
  no_coordinates:
    '未找到坐标列：需要经度列（{lonNames}）和纬度列（{latNames}），或含 POINT(经度 纬度) 的 WKT 列；现有表头：{headers}',
  csv_parse: 'CSV 解析问题（{papaCode}）',
  json_malformed_at: 'JSON 格式错误',
  json_malformed: 'JSON 格式错误',
  json_array: '这是 JSON 数组而非 GeoJSON；已按要素列表读取',
  json_no_features: 'FeatureCollection 缺少 "features" 数组',
  json_not_geojson: '不是 GeoJSON（应为 FeatureCollection、Feature 或几何对象）',
  not_a_feature: '不是 GeoJSON 要素（type 为 {type}）',
  no_usable_row: '没有可用的行：共 {total} 行，全部有问题',
  no_usable_feature: '没有可用的要素：共 {total} 个要素，全部有问题',
  import_no_usable_rows: '没有可用的行：文件共有 {total} 行',
  import_no_usable_features: '没有可用的要素：文件共有 {total} 个要素',
  import_unreadable: '无法读取该文件',
  polygon_repaired:
    '多边形自相交（约在 [{lon}, {lat}]）：已在交叉处拆分修复为 {parts} 个部分（面积 {area} m²）',
  region_repaired:
    '区域“{name}”：多边形自相交（约在 [{lon}, {lat}]），已在交叉处拆分修复为 {parts} 个部分（面积 {area} m²）',
  region_left_out: '区域“{name}”：已略去（{reason}）',
  geom_null: '没有几何（null）',
  geom_not_object: '几何不是对象',
  geom_collection_no_array: 'GeometryCollection 缺少 geometries 数组',
  geom_collection_empty: '空的 GeometryCollection',
  geom_unknown_type: '未知的几何类型 {type}',
  geom_no_coordinates: '缺少坐标或坐标不是数组',
  geom_empty: '空的 {type}',
  geom_malformed_at: '坐标格式错误，位于 {at}',
  geom_position_short: '坐标点少于 2 个数值，位于 {at}',
  geom_non_numeric: '坐标不是数字，位于 {at}',
  geom_non_finite: '坐标不是有限数值，位于 {at}',
  geom_out_of_range: '坐标超出范围（经度 {lon}，纬度 {lat}），位于 {at}',
  geom_line_short: 'LineString 少于 2 个点',
  geom_polygon_no_rings: '第 {polygon} 个多边形没有环',
  geom_ring_short: '第 {polygon} 个多边形的第 {ring} 个环少于 3 个点',
  web_mercator: '坐标为 Web 墨卡托（EPSG:3857）米制坐标而非经纬度：已转换为 WGS84 经纬度',
  ...FORMAT_PROBLEM_ZH,
  ...LEDGER_PROBLEM_ZH,
  ...SCHEMA_PROBLEM_ZH,
  ...ANALYTICS_PROBLEM_ZH,
  ...APP_PROBLEM_ZH,
};

/** Names of the parts a problem can point at (a column name from the file stays as written). */
const PART_ZH: Record<string, string> = {
  file: '文件',
  json: 'JSON',
  header: '表头',
  geometry: '几何',
  type: '类型',
  features: '要素列表',
  crs: '坐标系',
  xml: 'XML',
  zip: '压缩包',
  sheet: '工作表',
  encoding: '编码',
  '(row)': '（整行）',
  layer: '图层',
};

const known = (code: unknown): code is MessageCode =>
  typeof code === 'string' && code in PROBLEM_ZH;

/** A template filled from the params under `prefix` (a nested message's own params). */
function fillZh(code: MessageCode, params: MessageParams, prefix: string): string {
  return PROBLEM_ZH[code].replace(/\{(\w+)\}/g, (all, name: string) => {
    const v = valueZh(params, `${prefix}${name}`);
    if (v === undefined) return all;
    if (code === 'zod_expected_one_of' && name === 'values') return allowedValuesIn(v, 'zh');
    return TERM_PARAMS.has(name) && Object.hasOwn(SCHEMA_TERMS_ZH, v) ? SCHEMA_TERMS_ZH[v]! : v;
  });
}

/**
 * The value at `path` in Chinese: a list (`path:n`) joined the Chinese way, a nested coded
 * message (`path:code`, see nest/nestList in core/common/messages.ts) in Chinese, a whole number
 * grouped as the UI writes numbers, else the value as it is (a name, a file's own text).
 */
function valueZh(params: MessageParams, path: string): string | undefined {
  const n = params[`${path}:n`];
  if (typeof n === 'number') {
    const items = Array.from({ length: n }, (_, i) => valueZh(params, `${path}.${i}`) ?? '');
    const coded = items.some((_, i) => known(params[`${path}.${i}:code`]));
    return items.join(coded ? '；' : '、');
  }
  const code = params[`${path}:code`];
  if (known(code)) return fillZh(code, params, `${path}.`);
  const v = params[path];
  if (typeof v === 'number') return Number.isInteger(v) ? formatNumber(v, 'zh') : String(v);
  return v;
}

/** A coded problem's reason in Chinese, or null when the code is unknown here. */
export function reasonZh(code: string | undefined, params: MessageParams | undefined) {
  if (!known(code)) return null;
  return fillZh(code, params ?? {}, '');
}

/** One problem as a line in the UI's language. */
export function formatProblemIn(p: Problem, lang: Lang): string {
  if (lang === 'en') return formatProblem(p);
  const parts: string[] = [];
  if (p.row !== undefined) parts.push(`第 ${p.row} 行`);
  else if (p.feature !== undefined) parts.push(`要素 ${p.feature}`);
  if (p.line !== undefined) parts.push(`文本第 ${p.line} 行`);
  if (p.column !== undefined) parts.push(`第 ${p.column} 列`);
  if (p.id !== undefined && p.id !== '') parts.push(`编号 ${JSON.stringify(String(p.id))}`);
  if (p.field) parts.push(PART_ZH[p.field] ?? p.field);
  const where = parts.join('，');
  const reason = reasonZh(p.code, p.params) ?? p.reason;
  if (p.file) return `${p.file}${where ? `（${where}）` : ''}：${reason}`;
  return where ? `${where}：${reason}` : reason;
}
