/** Layers of the green-access view: service areas, the gaps around them, the place asked about. */
import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
} from 'maplibre-gl';
import { LAYER, SOURCE } from './ids.ts';
import { perFeature } from './layers.ts';
import { COLORS } from './palette.ts';

/** The cities whose coverage is shown, in the gap colour (the covered part is drawn over it). */
export function coverageGap(cityIds: readonly string[]): FillLayerSpecification {
  return {
    id: LAYER.coverageGap,
    type: 'fill',
    source: SOURCE.boundaries,
    filter: ['in', ['get', 'id'], ['literal', [...cityIds]]],
    paint: { 'fill-color': perFeature(COLORS.gap), 'fill-opacity': perFeature(0.35) },
  };
}

export const coverageFill: FillLayerSpecification = {
  id: LAYER.coverageFill,
  type: 'fill',
  source: SOURCE.coverage,
  paint: { 'fill-color': perFeature(COLORS.covered), 'fill-opacity': perFeature(0.9) },
};

export const coverageLine: LineLayerSpecification = {
  id: LAYER.coverageLine,
  type: 'line',
  source: SOURCE.coverage,
  paint: { 'line-color': perFeature(COLORS.coveredLine), 'line-width': 1 },
};

export const placeMarker: CircleLayerSpecification = {
  id: LAYER.place,
  type: 'circle',
  source: SOURCE.place,
  paint: {
    'circle-radius': perFeature(7),
    'circle-color': ['case', ['get', 'covered'], COLORS.coveredLine, COLORS.gap],
    'circle-opacity': perFeature(1),
    'circle-stroke-color': perFeature('#ffffff'),
    'circle-stroke-width': perFeature(2.5),
  },
};

/** The park a user dropped for "what if": dashed, like every shape that is not a real park. */
export const whatIfPark: LineLayerSpecification = {
  id: LAYER.whatIf,
  type: 'line',
  source: SOURCE.whatIf,
  paint: { 'line-color': COLORS.green, 'line-width': 2.5, 'line-dasharray': [1.5, 1] },
};
