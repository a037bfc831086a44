/** scripts/vite/maplibre-patches.ts: two no-op draws of MapLibre's, patched out. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  isMapLibreModule,
  PATCHES,
  patchMapLibre,
} from '../../../scripts/vite/maplibre-patches.ts';
import { buildBasemapStyle } from '../../../src/web/map/basemap-style.ts';

/** The module `import 'maplibre-gl'` resolves to (its package.json `exports`). */
const pkg = createRequire(import.meta.url).resolve('maplibre-gl/package.json');
const installed = readFileSync(join(dirname(pkg), 'dist/maplibre-gl.mjs'), 'utf8');

const patch = (name: string) => {
  const p = PATCHES.find((x) => x.name === name);
  if (!p) throw new Error(name);
  return p;
};

describe('the patches, on the installed MapLibre', () => {
  it('each find its call exactly once', () => {
    for (const p of PATCHES) expect(installed.match(p.find) ?? [], p.name).toHaveLength(1);
    const patched = patchMapLibre(installed);
    expect(patched).toContain('["sky-color"].a>0||');
    expect(patched).toMatch(/\.type==="fill"&&[\w$]+\.renderTileClippingMasks\(/);
  });

  it('stop the build when MapLibre changes: a call missing or found twice', () => {
    const sky = [patch('transparent sky')];
    expect(() => patchMapLibre('draw()', sky)).toThrow(/found 0/);
    const twice =
      'a.sky&&this.drawFunctions.sky(this.skyMesh,b);c.sky&&this.drawFunctions.sky(this.skyMesh,d)';
    expect(() => patchMapLibre(twice, sky)).toThrow(/found 2/);
    expect(() =>
      patchMapLibre(installed.replace('currentPass=`opaque`', 'currentPass=`o`')),
    ).toThrow(/opaque-pass clipping masks.*found 0/);
  });

  it("apply to MapLibre's main module only", () => {
    expect(isMapLibreModule('/app/node_modules/maplibre-gl/dist/maplibre-gl.mjs')).toBe(true);
    expect(isMapLibreModule('/app/node_modules/maplibre-gl/dist/maplibre-gl.mjs?v=1a2b')).toBe(
      true,
    );
    expect(isMapLibreModule('C:\\app\\node_modules\\maplibre-gl\\dist\\maplibre-gl.mjs')).toBe(
      true,
    );
    expect(isMapLibreModule('/app/node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs')).toBe(
      false,
    );
    expect(isMapLibreModule('/app/node_modules/maplibre-gl/dist/maplibre-gl-dev.mjs')).toBe(false);
    expect(isMapLibreModule('/app/src/web/map/maplibre-gl.mjs')).toBe(false);
  });
});

type Colour = { r: number; g: number; b: number; a: number };
const clear: Colour = { r: 0, g: 0, b: 0, a: 0 };
const blue: Colour = { r: 0.53, g: 0.78, b: 0.99, a: 1 };

describe('the transparent sky', () => {
  /** Runs the patched painter line with a frame's evaluated sky; how often the sky drew. */
  function drawsFor(sky: Record<string, Colour> | undefined): number {
    const code = patchMapLibre('n.sky&&this.drawFunctions.sky(this.skyMesh,r)', [
      patch('transparent sky'),
    ]);
    let draws = 0;
    const painter = { skyMesh: {}, drawFunctions: { sky: () => draws++ } };
    new Function('n', 'r', code).call(painter, { sky }, {});
    return draws;
  }

  it('is what MapLibre uses when a style sets none, and our style sets none', () => {
    // Sky.setSky(undefined) substitutes these defaults (maplibre-gl src/style/sky.ts).
    expect(installed).toContain('"sky-color":`transparent`,"horizon-color":`transparent`');
    const style = buildBasemapStyle({
      dataBase: 'data/',
      fontUrl: 'f.woff2',
      lang: 'en',
      online: false,
      context: false,
    });
    expect(style.sky).toBeUndefined();
  });

  it('is skipped when both its colours are transparent, drawn when either shows', () => {
    expect(drawsFor({ 'sky-color': clear, 'horizon-color': clear, 'fog-color': blue })).toBe(0);
    expect(drawsFor({ 'sky-color': blue, 'horizon-color': clear })).toBe(1);
    expect(drawsFor({ 'sky-color': clear, 'horizon-color': { ...blue, a: 0.2 } })).toBe(1);
    expect(drawsFor(undefined)).toBe(0);
  });
});

describe("the opaque pass's clipping masks", () => {
  // The shape of MapLibre's opaque loop (painter.ts), top layer first.
  const loop =
    'for(r.currentPass=`opaque`,r.currentLayer=i.length-1;r.currentLayer>=0;r.currentLayer--)' +
    '{let n=i[r.currentLayer];let s=a[n.source],c=o[n.source];' +
    'r.renderTileClippingMasks(n,c),this.renderLayer(this,s,n,c,r)}';

  it('are drawn for fill layers only; every layer is still drawn', () => {
    const code = patchMapLibre(loop, [patch('opaque-pass clipping masks')]);
    const masks: string[] = [];
    const drawn: string[] = [];
    const context = { renderTileClippingMasks: (l: { id: string }) => masks.push(l.id) };
    const painter = {
      renderLayer: (_p: unknown, _s: unknown, l: { id: string }) => drawn.push(l.id),
    };
    const layers = [
      { id: 'land', type: 'fill', source: 'land' },
      { id: 'borders', type: 'line', source: 'countries' },
      { id: 'parks', type: 'fill', source: 'green' },
      { id: 'park-outlines', type: 'line', source: 'green' },
      { id: 'points', type: 'circle', source: 'projects' },
    ];
    const tiles = { land: [1], countries: [2], green: [3], projects: [4] };
    new Function('r', 'i', 'a', 'o', code).call(painter, context, layers, tiles, tiles);
    expect(masks).toEqual(['parks', 'land']);
    expect(drawn).toEqual(['points', 'park-outlines', 'parks', 'borders', 'land']);
  });

  it('are left alone outside the opaque pass', () => {
    const translucent =
      'r.currentPass=`translucent`;r.renderTileClippingMasks(n,c),this.renderLayer(this,s,n,c,r)';
    expect(() => patchMapLibre(translucent, [patch('opaque-pass clipping masks')])).toThrow(
      /found 0/,
    );
  });
});
