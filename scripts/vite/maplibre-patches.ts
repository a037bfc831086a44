/**
 * Two no-op draws that MapLibre GL 6.17 makes on every frame, patched out of its code at build
 * time (and in the dev server's pre-bundling). With software WebGL (SwiftShader) neither is free:
 * there, a frame's cost follows what is drawn, and both cover the whole canvas.
 *
 * 1. **The transparent sky.** MapLibre draws its sky before any layer, a quad over the whole
 *    canvas with a program of its own, even when the style has no sky, whose default colours
 *    are transparent: no pixel changes (it writes depth 1, the value the buffer was cleared
 *    to). The sky's fragment colour is a mix of its sky and horizon colours, scaled by an
 *    opacity; the patch draws it only when one of them is not fully transparent, so a style
 *    with a visible sky is drawn as before. Measured on the built app, interleaved A/B: first
 *    map 3.42 → 3.12 s (8 loads each; the program's link was the first frame's longest wait),
 *    157 → 116 ms of GPU-process CPU per frame (4 × 20 forced repaints), filter change
 *    285 → 244 ms (25 switches each).
 * 2. **Line layers' clipping masks in the opaque pass.** MapLibre draws opaque layers top to
 *    bottom first, and before each layer whose source differs from the last it draws the
 *    source's tile clipping masks into the stencil buffer (a quad per tile). A line layer never
 *    draws in the opaque pass (drawLine returns unless the pass is translucent), yet its masks
 *    were drawn: the patch draws them only for fill layers, the other clipped type. Masks are
 *    tracked by source, so a fill that follows still gets its own. Measured: 106 → 100 ms of
 *    GPU-process CPU per frame (4 × 20 each).
 *
 * MapLibre's code is minified, so each call is found by its shape. When an upgrade changes one,
 * the build fails here, and `test/unit/scripts/maplibre-patches.test.ts` fails against the
 * installed MapLibre: check whether the new version still makes the draw, then adapt or remove
 * the patch.
 */
import type { Plugin } from 'vite';

interface Patch {
  name: string;
  find: RegExp;
  replace: (match: string, ...groups: string[]) => string;
}

export const PATCHES: readonly Patch[] = [
  {
    name: 'transparent sky',
    // `<frame data>.sky&&this.drawFunctions.sky(this.skyMesh,<frame context>)` in the painter.
    find: /([\w$]+)\.sky&&this\.drawFunctions\.sky\(this\.skyMesh,([\w$]+)\)/g,
    replace: (_call, data = '', context = '') =>
      `${data}.sky&&(${data}.sky["sky-color"].a>0||${data}.sky["horizon-color"].a>0)` +
      `&&this.drawFunctions.sky(this.skyMesh,${context})`,
  },
  {
    name: 'opaque-pass clipping masks',
    // In the opaque loop: `<context>.renderTileClippingMasks(<layer>,<tiles>)`, then the draw.
    find: /(\.currentPass=`opaque`[^}]{0,200}?)([\w$]+)\.renderTileClippingMasks\(([\w$]+),([\w$]+)\),this\.renderLayer\(/g,
    replace: (_loop, head = '', context = '', layer = '', tiles = '') =>
      `${head}${layer}.type==="fill"&&${context}.renderTileClippingMasks(${layer},${tiles}),this.renderLayer(`,
  },
];

/**
 * MapLibre's code with the patches applied. Throws when a patch's call is not found exactly
 * once.
 */
export function patchMapLibre(code: string, patches: readonly Patch[] = PATCHES): string {
  let out = code;
  for (const p of patches) {
    const found = out.match(p.find) ?? [];
    if (found.length !== 1) {
      throw new Error(
        `maplibre-patches: expected "${p.name}" once in MapLibre's code, found ${found.length}. ` +
          'MapLibre has changed: see scripts/vite/maplibre-patches.ts.',
      );
    }
    out = out.replace(p.find, p.replace);
  }
  return out;
}

/** The module the app gets for `import 'maplibre-gl'` (its package.json `exports`). */
const MAPLIBRE_MODULE = /\/node_modules\/maplibre-gl\/dist\/maplibre-gl\.mjs(?:\?|$)/;

/** Whether a module id (a path, perhaps with a query) is MapLibre's main module. */
export function isMapLibreModule(id: string): boolean {
  return MAPLIBRE_MODULE.test(id.replaceAll('\\', '/'));
}

function transform(code: string, id: string): { code: string; map: null } | null {
  // Each replacement stays on its line of MapLibre's output.
  return isMapLibreModule(id) ? { code: patchMapLibre(code), map: null } : null;
}

/** The Vite plugin: the build, and the dev server's dependency pre-bundling (Rolldown). */
export function maplibrePatches(): Plugin {
  const name = 'atlas:maplibre-patches';
  return {
    name,
    enforce: 'pre',
    transform,
    config: () => ({ optimizeDeps: { rolldownOptions: { plugins: [{ name, transform }] } } }),
  };
}
