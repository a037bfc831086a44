/** Chinese for the data/ and ledger checks' messages (core/common/messages-ledger.ts). */
import type { LEDGER_MESSAGES } from '../../core/common/messages-ledger.ts';

export const LEDGER_PROBLEM_ZH: Record<keyof typeof LEDGER_MESSAGES, string> = {
  ledger_column_missing: '表头中缺少此列',
  ledger_cells_too_many: '多出 {count} 个单元格',
  ledger_city_unknown: '“{city}”不在目录中',
  ledger_duplicate_row: '与前面的行重复',
  ledger_duplicate_feature: '与前面的要素重复',
  ledger_not_collection: '不是 GeoJSON FeatureCollection',
  ledger_not_array: '不是数组',
  ledger_not_feature: '不是 Feature',
  ledger_programme_unknown: '“{programme}”不是计划项目',
  ledger_duplicate: '重复',
  ledger_not_polygon: '不是多边形或多部件多边形',
  ledger_not_count: '不是 ≥ 0 的数字',
  ledger_not_point_or_polygon: '不是点、多边形或多部件多边形',
  ledger_mixed: '点和多边形混在一起',
  ledger_seed_unknown: '种子文件“{seed}”不属于 catalog.json 中的任何计划项目',
  ledger_seed_uncited: '没有任何行引用种子文件“{seed}”',
  ledger_workbook_unreadable: '无法读取该工作簿：{error}',
};
