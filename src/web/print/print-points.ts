/**
 * The big point layers on the print's offscreen map: deck.gl interleaved with the copied style,
 * in the same slot as on screen (map/slots.ts), built by the live map's own builder
 * (map/big-points-layer.ts). deck.gl takes its pixel ratio from the canvas (drawing
 * buffer over CSS size), so points keep their CSS size at the print's resolution.
 *
 * Loaded with `import()` only when a big point layer is shown: deck.gl stays out of the main
 * chunk (the live map has usually loaded it already).
 */
import { MapLibreOverlay } from '@deck.gl/maplibre';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { bigPointsLayerId } from '../map/big-points.ts';
import { bigPointsLayer } from '../map/big-points-layer.ts';
import type { BigPointsShown } from '../map/big-points-shown.ts';

export interface PrintPoints {
  /**
   * Whether every layer was drawn in the frame that just ended (called at each 'render'; starts
   * the next frame's count).
   */
  frameComplete(): boolean;
  remove(): void;
}

/** Adds the layers to `map`; call it once the style is in (its 'style.load'). */
export function addPrintPoints(map: MapLibreMap, shown: readonly BigPointsShown[]): PrintPoints {
  const expected = new Set(shown.map((l) => bigPointsLayerId(l.layerId)));
  const drawn = new Set<string>();
  let everDrawn = false;
  const onDrawn = (id: string) => {
    drawn.add(id);
    everDrawn = true;
  };
  const layers = shown.map((l) => bigPointsLayer(l, onDrawn));
  const overlay = new MapLibreOverlay({
    interleaved: true,
    layers,
    // deck.gl sets up its device asynchronously: draw again once it can draw.
    onLoad: () => map.triggerRepaint(),
  });
  map.addControl(overlay);
  // deck.gl adds its MapLibre layer only once the style is loaded (sources included): hand it
  // the layers again as data arrives, until they are drawn.
  const onData = () => {
    if (everDrawn || !map.isStyleLoaded()) return;
    overlay.setProps({ layers });
  };
  map.on('data', onData);
  let removed = false;
  return {
    frameComplete() {
      const ok = [...expected].every((id) => drawn.has(id));
      drawn.clear();
      if (!ok) onData();
      return ok;
    },
    remove() {
      if (removed) return;
      removed = true;
      map.off('data', onData);
      map.removeControl(overlay);
    },
  };
}
