/**
 * Planning Atlas analytics: pure TypeScript (no DOM, no fs), shared by the app's Worker, the
 * `atlas` CLI and the tests. All distances and areas are geodesic on WGS84 (GeographicLib).
 * Results are plain JSON-serialisable objects; points come as typed arrays (`PointSet`).
 */
export {
  type FeatureAreas,
  featureAreas,
  geometryArea,
  multiPolygonArea,
  polygonArea,
  ringArea,
  straightEdgeArea,
} from './area.ts';
export { type BufferOptions, geodesicBuffer } from './buffer.ts';
export {
  type CoverageOptions,
  type CoverageRegion,
  type CoverageResult,
  type ParkUse,
  type PopulationInput,
  parkCoverage,
} from './coverage.ts';
export {
  type CoverageRule,
  type CoverageRuleResult,
  canonicalRule,
  coverageRule,
  DEFAULT_RULE,
  parseCoverageRule,
  ruleLabel,
  WALK_MAX_M,
  WALK_MIN_M,
} from './coverage-rule.ts';
export { DENSIFY_METRES, densify, densifyRing } from './densify.ts';
export {
  distance,
  EdgeSet,
  geodesicDistance,
  PreparedShape,
  pointToGeometryDistance,
  pointToSegmentDistance,
} from './distance.ts';
export { WGS84_A, WGS84_F } from './geodesic.ts';
export {
  type GreenShareOptions,
  type GreenShareRegion,
  type GreenShareResult,
  greenShare,
} from './green-share.ts';
export { GridIndex } from './grid-index.ts';
export { featureId } from './ids.ts';
export {
  type NearestHit,
  type NearestOptions,
  type NearestResult,
  nearest,
} from './nearest.ts';
export {
  type OverlayInput,
  type OverlayOptions,
  type OverlayResult,
  overlayAreas,
  type WeightedPolygon,
} from './overlay.ts';
export { PreparedPolygon, pointInPolygon } from './point-in-polygon.ts';
export { isValidLonLat, PointIndex } from './point-index.ts';
export { serviceRadius } from './service-radius.ts';
export {
  invalidPointRows,
  type RegionTotals,
  regionTotals,
  type TotalsOptions,
  type TotalsResult,
} from './totals.ts';
export type {
  BBox,
  FeatureId,
  FeatureIssue,
  FeaturesInput,
  IdOptions,
  MultiPolygonCoords,
  PointSet,
  PolygonCoords,
  Ring,
  SkippedRow,
} from './types.ts';
export {
  checkPolygonal,
  findSelfIntersection,
  type PolygonalItem,
  type PolygonalRead,
  type ReadOptions,
  readPolygonal,
  repairPolygonal,
} from './validate.ts';
export { BLANK_LABEL, toLabel, toNumber } from './values.ts';
