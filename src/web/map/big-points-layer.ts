/**
 * The one place that builds a big point layer's deck.gl layer, for the live map
 * (BigPointsOverlay.tsx) and for print / export (print/print-points.ts): one WebGL point per row
 * (point-sprite-layer.ts) over binary Float32 offsets from the layer's centre (lnglat-offsets),
 * sized in CSS pixels, so a print at 300 dpi draws the same points 300/96 times larger in output
 * pixels.
 */
import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { BIG_POINTS_RGBA, bigPointsLayerId } from './big-points.ts';
import type { BigPointsShown } from './big-points-shown.ts';
import { PointSpriteLayer, type PointSpriteProps } from './point-sprite-layer.ts';
import { SLOT } from './slots.ts';

/** A point's radius in CSS px. */
export const BIG_POINTS_RADIUS_PX = 2.5;

/**
 * The deck.gl layer of one big point layer as the live map draws it, in the imported layers' slot:
 * under the parks, projects and regions.
 */
export function bigPointsLayer(
  l: BigPointsShown,
  onDrawn: PointSpriteProps['onDrawn'] = null,
): PointSpriteLayer {
  const { drawn: d } = l;
  return new PointSpriteLayer({
    id: bigPointsLayerId(l.layerId),
    // MapboxOverlay (interleaved) reads `beforeId` from the props; deck's types do not declare it.
    ...{ beforeId: SLOT.imported },
    visible: l.visible,
    data: {
      length: Math.min(l.length, d.length),
      attributes: { getPosition: { value: d.positions, size: 2 } },
    },
    coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
    coordinateOrigin: [d.origin[0], d.origin[1], 0],
    radiusPixels: BIG_POINTS_RADIUS_PX,
    color: BIG_POINTS_RGBA,
    // Not deck.gl's picking: it draws every point again and reads the pixels back on each
    // pointer move (seconds per move with 100,000 points in software WebGL). A click is
    // answered from the columns instead (big-points.ts nearestDrawn).
    pickable: false,
    onDrawn,
  });
}
