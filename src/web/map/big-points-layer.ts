/**
 * The one place that builds a big point layer's deck.gl layer, for the live map
 * (BigPointsOverlay.tsx) and for print / export (print/print-points.ts): a ScatterplotLayer over
 * binary Float32 offsets from the layer's centre (lnglat-offsets), in CSS pixels, so a print at
 * 300 dpi draws the same points 300/96 times larger in output pixels.
 */
import { COORDINATE_SYSTEM, type DefaultProps } from '@deck.gl/core';
import { ScatterplotLayer, type ScatterplotLayerProps } from '@deck.gl/layers';
import { BIG_POINTS_RGBA, bigPointsLayerId } from './big-points.ts';
import type { BigPointsShown } from './big-points-shown.ts';

/** A point's radius in CSS px. */
export const BIG_POINTS_RADIUS_PX = 2.5;

interface DrawnProps {
  /** Called after each draw call that reached the GPU (luma.gl's Model.draw returned true). */
  onDrawn: ((layerId: string) => void) | null;
}

/**
 * A ScatterplotLayer that says when it has really drawn: deck.gl skips a draw while a shader is
 * still compiling or a buffer loading, and a print must not copy the canvas before the points
 * are on it.
 */
export class DrawnScatterplotLayer extends ScatterplotLayer<unknown, DrawnProps> {
  static override layerName = 'DrawnScatterplotLayer';
  static override defaultProps: DefaultProps<ScatterplotLayerProps<unknown> & DrawnProps> = {
    ...ScatterplotLayer.defaultProps,
    onDrawn: { type: 'function', value: null, optional: true, compare: false },
  };

  protected override _getModel() {
    const model = super._getModel();
    const draw = model.draw.bind(model);
    model.draw = (renderPass) => {
      const ok = draw(renderPass);
      if (ok) this.props.onDrawn?.(this.props.id);
      return ok;
    };
    return model;
  }
}

/** The deck.gl layer of one big point layer as the live map draws it, under `beforeId`. */
export function bigPointsLayer(
  l: BigPointsShown,
  beforeId: string | undefined,
  onDrawn: DrawnProps['onDrawn'] = null,
): DrawnScatterplotLayer {
  const { drawn: d } = l;
  return new DrawnScatterplotLayer({
    id: bigPointsLayerId(l.layerId),
    ...(beforeId ? { beforeId } : {}),
    visible: l.visible,
    data: {
      length: Math.min(l.length, d.length),
      attributes: { getPosition: { value: d.positions, size: 2 } },
    },
    coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
    coordinateOrigin: [d.origin[0], d.origin[1], 0],
    radiusUnits: 'pixels',
    getRadius: BIG_POINTS_RADIUS_PX,
    getFillColor: BIG_POINTS_RGBA,
    // Not deck.gl's picking: it draws every point again and reads the pixels back on each
    // pointer move (seconds per move with 100,000 points in software WebGL). A click is
    // answered from the columns instead (big-points.ts nearestDrawn).
    pickable: false,
    onDrawn,
  });
}
