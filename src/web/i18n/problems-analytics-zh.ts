/** Chinese for the analytics' skip and repair reasons (core/common/messages-analytics.ts). */
import type { ANALYTICS_MESSAGES } from '../../core/common/messages-analytics.ts';

const AT = '多边形 {polygon}、环 {ring}、顶点 {vertex}';

export const ANALYTICS_PROBLEM_ZH: Record<keyof typeof ANALYTICS_MESSAGES, string> = {
  an_not_feature: '不是 GeoJSON 要素',
  an_no_geometry: '没有几何',
  an_not_polygonal: '几何类型 {type} 不是多边形或多部件多边形',
  an_malformed_coordinates: '坐标格式错误',
  an_malformed_ring: '多边形 {polygon} 的环 {ring} 格式错误',
  an_malformed_position: `坐标点格式错误，位于${AT}`,
  an_non_numeric: `坐标不是数字，位于${AT}`,
  an_non_finite: `坐标不是有限数值，位于${AT}`,
  an_out_of_range: `坐标超出范围（经度 {lon}，纬度 {lat}），位于${AT}`,
  an_empty_geometry: '空几何（没有含 3 个不同顶点的环）',
  an_self_intersecting: '多边形自相交（约在 [{lon}, {lat}]）',
  an_nothing_left: '多边形自相交（约在 [{lon}, {lat}]），修复后什么也不剩',
  an_area_below: '面积 {area} m² 小于 {min} m²',
  an_area_below_rule: '面积 {area} m² 小于该标准要求的最小面积 {min} m²',
  an_point_invalid: '坐标缺失或无效',
  an_point_invalid_at: '坐标缺失或无效（经度 {lon}，纬度 {lat}）',
  an_target_invalid: '坐标缺失、格式错误或超出范围',
  an_field_not_numeric: '{field} 为空或不是数字',
  an_zero_area: '面积为零',
  an_park_skipped: '{reason}（已跳过）',
  an_park_repaired: '{reason}（已修复）',
};
