import type { FeatureCollection } from 'geojson';
import { useMemo } from 'react';
import { Layer, Source } from 'react-map-gl/maplibre';
import { useGreen } from '../state/green-store.ts';
import { useAtlas } from '../state/store.ts';
import {
  coverageFill,
  coverageGap,
  coverageLine,
  placeMarker,
  whatIfPark,
} from './coverage-layers.ts';
import { SOURCE } from './ids.ts';
import { SLOT } from './slots.ts';

const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };

/** The green-access view on the map: gaps, service areas, and the place asked about. */
export function CoverageLayers() {
  const on = useAtlas((s) => s.coverageRule !== null);
  const hasBoundaries = useAtlas((s) => s.data?.boundaries != null);
  const place = useAtlas((s) => s.place);
  const coverage = useGreen((s) => s.coverage);
  const answer = useGreen((s) => s.answer);
  const whatIf = useGreen((s) => s.detail?.newPark ?? null);
  const ids = useMemo(() => coverage?.cities.map((c) => String(c.id)) ?? [], [coverage]);
  const gap = useMemo(() => coverageGap(ids), [ids]);
  const placeData = useMemo<FeatureCollection>(
    () =>
      place
        ? {
            type: 'FeatureCollection',
            features: [
              {
                type: 'Feature',
                properties: { covered: answer?.covered ?? false },
                geometry: { type: 'Point', coordinates: [place.lon, place.lat] },
              },
            ],
          }
        : EMPTY,
    [place, answer],
  );
  if (!on || !hasBoundaries) return null;
  // Under the parks, the projects, the city names and the site-unknown markers (slots.ts).
  const under = { beforeId: SLOT.analysis };
  return (
    <>
      <Layer {...gap} {...under} />
      <Source id={SOURCE.coverage} type="geojson" data={coverage?.covered ?? EMPTY}>
        <Layer {...coverageFill} {...under} />
        <Layer {...coverageLine} {...under} />
      </Source>
      <Source
        id={SOURCE.whatIf}
        type="geojson"
        data={whatIf ? { type: 'FeatureCollection', features: [whatIf] } : EMPTY}
      >
        <Layer {...whatIfPark} beforeId={SLOT.marks} />
      </Source>
      <Source id={SOURCE.place} type="geojson" data={placeData}>
        <Layer {...placeMarker} beforeId={SLOT.marks} />
      </Source>
    </>
  );
}
