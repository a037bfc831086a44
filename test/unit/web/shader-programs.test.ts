import type { LayerSpecification } from 'maplibre-gl';
import { describe, expect, it } from 'vitest';
import { buildBasemapStyle } from '../../../src/web/map/basemap-style.ts';
import {
  coverageFill,
  coverageGap,
  coverageLine,
  placeMarker,
} from '../../../src/web/map/coverage-layers.ts';
import * as L from '../../../src/web/map/layers.ts';

/** Operators that make a paint value differ per feature (MapLibre then feeds it as a vertex attribute). */
const PER_FEATURE = new Set(['get', 'has', 'feature-state', 'properties', 'geometry-type', 'id']);

function perFeature(value: unknown): boolean {
  if (!Array.isArray(value)) return false;
  if (typeof value[0] === 'string' && PER_FEATURE.has(value[0])) return true;
  return value.some(perFeature);
}

/** The paint properties a layer feeds per feature: with its type, what picks its shader program. */
function mix(layer: LayerSpecification): string {
  const paint = ('paint' in layer ? layer.paint : undefined) ?? {};
  return Object.entries(paint)
    .filter(([, v]) => perFeature(v))
    .map(([k]) => k)
    .sort()
    .join(',');
}

const basemap = buildBasemapStyle({
  dataBase: 'data/',
  fontUrl: 'f.woff2',
  lang: 'zh',
  online: false,
  context: true,
});
const layers: LayerSpecification[] = [
  ...basemap.layers,
  L.boundaryFill,
  L.boundaryLine,
  L.greenFill,
  L.greenLine,
  L.clusters,
  L.points,
  L.selectionPoint,
  L.selectionLine,
  L.siteUnknownMarker,
  coverageGap(['jiyuan']),
  coverageFill,
  coverageLine,
  placeMarker,
];

describe('one shader program per layer type (software WebGL compiles each mix for 10-200 ms)', () => {
  it.each([
    ['circle', 'circle-color,circle-opacity,circle-radius,circle-stroke-color,circle-stroke-width'],
    ['fill', 'fill-color,fill-opacity'],
  ])('every %s layer feeds the same paint properties per feature', (type, expected) => {
    const of = layers.filter((l) => l.type === type);
    expect(of.length).toBeGreaterThan(2);
    for (const l of of) expect([l.id, mix(l)]).toEqual([l.id, expected]);
  });

  it('every solid line feeds only its colour per feature', () => {
    const solid = layers.filter(
      (l) => l.type === 'line' && !(l.paint && 'line-dasharray' in l.paint),
    );
    expect(solid.length).toBeGreaterThan(3);
    for (const l of solid) expect([l.id, mix(l)]).toEqual([l.id, 'line-color']);
  });

  it('perFeature keeps the value it wraps', () => {
    const e = L.perFeature('#123456');
    expect(perFeature(e)).toBe(true);
    expect(e.slice(2)).toEqual(['#123456', '#123456']);
  });
});
