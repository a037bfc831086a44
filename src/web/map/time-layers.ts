/**
 * The timeline on the ledger's map: a project under way as of the year (started, end year not
 * reached) gets a dark ring around its dot; one whose end year is reached has none. The phase is
 * computed by core/time/phase.ts into each point's properties (features.ts).
 */
import type { CircleLayerSpecification } from 'maplibre-gl';
import { SOURCE } from './ids.ts';

export const UNDER_WAY_LAYER = 'initiative-under-way';

export const underWayRing: CircleLayerSpecification = {
  id: UNDER_WAY_LAYER,
  type: 'circle',
  source: SOURCE.initiatives,
  filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'phase'], 'under_way']],
  paint: {
    'circle-radius': 10.5,
    'circle-color': 'rgba(0,0,0,0)',
    'circle-stroke-color': '#333333',
    'circle-stroke-width': 2,
  },
};
