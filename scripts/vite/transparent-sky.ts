/**
 * MapLibre GL 6.17 draws its sky on every frame: a quad over the whole canvas, with a program
 * of its own, before any layer. It does so even when the style has no sky, whose default colours
 * are transparent, so the draw changes no pixel (it writes depth 1, the value the depth buffer was
 * just cleared to). With software WebGL (SwiftShader) that no-op is not free. Measured on the
 * built app, interleaved A/B: the first map 3.42 → 3.12 s (8 loads each; the program's link was
 * the first frame's longest wait), 157 → 116 ms of GPU-process CPU per frame (4 × 20 forced
 * repaints each), filter change 285 → 244 ms (25 switches each).
 *
 * This plugin patches that one call at build time (and in the dev server's pre-bundling) so the
 * sky is drawn only when its sky or horizon colour is not fully transparent. The sky's fragment
 * colour is a mix of those two colours, scaled by an opacity; with both transparent it is
 * transparent wherever it is defined. A style that sets a visible sky is drawn as before.
 *
 * MapLibre's code is minified, so the call is found by its shape. When an upgrade changes it, the
 * build fails here, and `test/unit/scripts/transparent-sky.test.ts` fails against the installed
 * MapLibre: check whether the new version still draws a transparent sky, then adapt or remove
 * this plugin.
 */
import type { Plugin } from 'vite';

/** `<frame data>.sky&&this.drawFunctions.sky(this.skyMesh,<frame context>)` in MapLibre's painter. */
const DRAW_SKY = /([\w$]+)\.sky&&this\.drawFunctions\.sky\(this\.skyMesh,([\w$]+)\)/g;

/** The module the app gets for `import 'maplibre-gl'` (its package.json `exports`). */
const MAPLIBRE_MODULE = /\/node_modules\/maplibre-gl\/dist\/maplibre-gl\.mjs(?:\?|$)/;

/**
 * MapLibre's code with its sky drawn only when it is visible. Throws when the painter's sky call
 * is not found exactly once.
 */
export function skipTransparentSky(code: string): string {
  const found = code.match(DRAW_SKY) ?? [];
  if (found.length !== 1) {
    throw new Error(
      `transparent-sky: expected MapLibre's painter to draw the sky in one place, found ${found.length}. ` +
        'MapLibre has changed: see scripts/vite/transparent-sky.ts.',
    );
  }
  return code.replace(
    DRAW_SKY,
    (_call, data: string, context: string) =>
      `${data}.sky&&(${data}.sky["sky-color"].a>0||${data}.sky["horizon-color"].a>0)` +
      `&&this.drawFunctions.sky(this.skyMesh,${context})`,
  );
}

/** Whether a module id (a path, perhaps with a query) is MapLibre's main module. */
export function isMapLibreModule(id: string): boolean {
  return MAPLIBRE_MODULE.test(id.replaceAll('\\', '/'));
}

function transform(code: string, id: string): { code: string; map: null } | null {
  // The replacement stays on the same line of MapLibre's one-line-per-module output.
  return isMapLibreModule(id) ? { code: skipTransparentSky(code), map: null } : null;
}

/** The Vite plugin: the build, and the dev server's dependency pre-bundling (Rolldown). */
export function transparentSky(): Plugin {
  const name = 'atlas:maplibre-transparent-sky';
  return {
    name,
    enforce: 'pre',
    transform,
    config: () => ({ optimizeDeps: { rolldownOptions: { plugins: [{ name, transform }] } } }),
  };
}
