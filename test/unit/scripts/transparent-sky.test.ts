/** scripts/vite/transparent-sky.ts: MapLibre's sky drawn only when it can be seen. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMapLibreModule, skipTransparentSky } from '../../../scripts/vite/transparent-sky.ts';
import { buildBasemapStyle } from '../../../src/web/map/basemap-style.ts';

/** The module `import 'maplibre-gl'` resolves to (its package.json `exports`). */
const pkg = createRequire(import.meta.url).resolve('maplibre-gl/package.json');
const installed = readFileSync(join(dirname(pkg), 'dist/maplibre-gl.mjs'), 'utf8');

type Colour = { r: number; g: number; b: number; a: number };
const clear: Colour = { r: 0, g: 0, b: 0, a: 0 };
const blue: Colour = { r: 0.53, g: 0.78, b: 0.99, a: 1 };

/** Runs the patched painter line with a frame's evaluated sky; returns how often the sky drew. */
function drawsFor(sky: Record<string, Colour> | undefined): number {
  const patched = skipTransparentSky('n.sky&&this.drawFunctions.sky(this.skyMesh,r)');
  let draws = 0;
  const painter = { skyMesh: {}, drawFunctions: { sky: () => draws++ } };
  new Function('n', 'r', patched).call(painter, { sky }, {});
  return draws;
}

describe("MapLibre's sky", () => {
  it('is drawn in one place of the installed MapLibre, which the patch finds', () => {
    const patched = skipTransparentSky(installed);
    expect(patched).toContain('["sky-color"].a>0||');
    expect(patched.length - installed.length).toBeGreaterThan(0);
  });

  it('is transparent in MapLibre when a style sets none, and our style sets none', () => {
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

  it('stops the build when MapLibre changes: the call missing or found twice', () => {
    expect(() => skipTransparentSky('draw()')).toThrow(/found 0/);
    const twice =
      'a.sky&&this.drawFunctions.sky(this.skyMesh,b);c.sky&&this.drawFunctions.sky(this.skyMesh,d)';
    expect(() => skipTransparentSky(twice)).toThrow(/found 2/);
  });

  it("is patched in MapLibre's main module only", () => {
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
