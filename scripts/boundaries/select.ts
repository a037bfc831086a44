/**
 * Choosing the features: each place's feature by name in its source file, the neighbouring
 * counties drawn as context, and the cross-check of the ECharts decoder. Pure: sources in,
 * choices and messages out.
 */
import { bbox, multiPolygon } from '@turf/turf';
import { geometryArea } from '../../src/core/analytics/area.ts';
import type { PlaceInfo } from './config.ts';
import type { SourceFeature } from './echarts-decode.ts';
import { asGeometry, type Multi } from './rings.ts';
import type { Source } from './sources.ts';

const SIX_DIGITS = /^\d{6}$/;

/** The feature's own code when it is a 6-digit GB/T 2260 code, else the one in places.json. */
export function adminCodeOf(feature: SourceFeature, place: PlaceInfo): string | null {
  return feature.id !== null && SIX_DIGITS.test(feature.id) ? feature.id : place.admin_code;
}

export type PlaceMatch =
  | { ok: true; feature: SourceFeature; warning: string | null }
  | { ok: false; problem: string };

/**
 * The one feature of `source` named `place.name_zh`. Zero or several is a problem; a source code
 * that differs from places.json is a warning (the source's code is used).
 */
export function selectPlaceFeature(place: PlaceInfo, source: Source): PlaceMatch {
  const matches = source.features.filter((f) => f.name === place.name_zh);
  if (matches.length !== 1) {
    return {
      ok: false,
      problem: `${place.id}: ${matches.length} features named ${place.name_zh} in ${source.file}`,
    };
  }
  const feature = matches[0]!;
  const warning =
    feature.id !== null && SIX_DIGITS.test(feature.id) && place.admin_code !== feature.id
      ? `${place.id}: the source's code ${feature.id} differs from places.json ${place.admin_code}; using the source's`
      : null;
  return { ok: true, feature, warning };
}

/** The text that finds a feature named `name` in a source file's JSON (`"name":"…"`). */
export const nameNeedle = (name: string): string => `"name":"${name}"`;

export interface FoundPlace {
  place: PlaceInfo;
  source: Source;
  feature: SourceFeature;
}
export interface ContextPick {
  source: Source;
  feature: SourceFeature;
}

const bboxOfMulti = (multi: Multi) => bbox(multiPolygon(multi));

/**
 * The context counties: every feature of the context files that is not a place, has geometry,
 * and whose bbox comes within `margin` degrees of a place's bbox; each id once (first wins).
 * A feature without geometry is a warning.
 */
export function selectContext(
  found: readonly FoundPlace[],
  contextSources: readonly Source[],
  margin: number,
  warnings: string[],
): ContextPick[] {
  const placeKeys = new Set(
    found.map((f) => `${f.source.package}/${f.source.file}/${f.feature.name}`),
  );
  const near = found.map((f) => {
    const [a, b, c, d] = bboxOfMulti(f.feature.multi);
    return [a - margin, b - margin, c + margin, d + margin];
  });
  const context: ContextPick[] = [];
  const seen = new Set<string>();
  for (const source of contextSources) {
    for (const feature of source.features) {
      if (placeKeys.has(`${source.package}/${source.file}/${feature.name}`)) continue;
      if (feature.multi.length === 0) {
        warnings.push(
          `context: ${source.file} ${feature.name} has no geometry in the source; skipped`,
        );
        continue;
      }
      const [minX, minY, maxX, maxY] = bboxOfMulti(feature.multi);
      if (!near.some((b) => minX <= b[2]! && maxX >= b[0]! && minY <= b[3]! && maxY >= b[1]!)) {
        continue;
      }
      const id = contextId(source, feature);
      if (seen.has(id)) continue;
      seen.add(id);
      context.push({ source, feature });
    }
  }
  return context;
}

/** A context feature's id: the source's, else `file:name`. */
export const contextId = (source: Source, feature: SourceFeature): string =>
  feature.id ?? `${source.file}:${feature.name}`;

export interface DecoderCheck {
  /** `name decoded/plain` areas in km², one decimal, per feature found in both. */
  rows: string[];
  /** How many of them agree within 1 %. */
  agree: number;
  problem: string | null;
}

/**
 * Cross-check of the decoder: the areas of the features of an ECharts-encoded file against
 * the same-named features of a plain file (Beijing's districts in both packages). A problem
 * when fewer than `minRows` are found or more than two disagree by 1 % or more.
 */
export function decoderCheck(encoded: Source, plain: Source, minRows = 14): DecoderCheck {
  const rows: string[] = [];
  let agree = 0;
  for (const f of encoded.features) {
    const g = plain.features.find((p) => p.name === f.name);
    if (!g) continue;
    const a = geometryArea(asGeometry(f.multi));
    const b = geometryArea(asGeometry(g.multi));
    const rel = Math.abs(a / b - 1);
    if (rel < 0.01) agree++;
    rows.push(`${f.name} ${(a / 1e6).toFixed(1)}/${(b / 1e6).toFixed(1)}`);
  }
  const problem =
    agree < rows.length - 2 || rows.length < minRows
      ? `decoder check: only ${agree} of ${rows.length} Beijing districts agree within 1 %`
      : null;
  return { rows, agree, problem };
}
