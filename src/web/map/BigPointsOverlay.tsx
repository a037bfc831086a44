/**
 * Big imported point layers (tables) drawn by deck.gl's ScatterplotLayer from binary attributes,
 * interleaved with MapLibre (@deck.gl/maplibre's MapLibreOverlay) under the parks, projects and
 * regions. A click on a point shows its row (looked up by position in the columns, as text).
 */
import { COORDINATE_SYSTEM } from '@deck.gl/core';
import { ScatterplotLayer } from '@deck.gl/layers';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import { useEffect, useMemo, useState } from 'react';
import { Popup, useControl, useMap } from 'react-map-gl/maplibre';
import { countUpTo } from '../../core/time/year-index.ts';
import { rowRecord } from '../../core/workspace/point-table.ts';
import { useT } from '../i18n/useT.ts';
import { useAtlas } from '../state/store.ts';
import { useLayerTimes } from '../ui/time/TimeLayers.tsx';
import { useWorkspace } from '../workspace/store.ts';
import { useTableViews } from '../workspace/table-views.ts';
import {
  BIG_POINTS_BEFORE,
  bigPointsLayerId,
  type DrawnPoints,
  drawnPoints,
} from './big-points.ts';

const COLOR: [number, number, number, number] = [34, 34, 85, 200];
const NO_LAYERS: never[] = [];

interface Picked {
  layerId: string;
  row: number;
  lon: number;
  lat: number;
}

export function BigPointsOverlay() {
  const t = useT();
  const layers = useWorkspace((s) => s.layers);
  const views = useTableViews((s) => s.views);
  // The timeline: a layer with a year column is drawn in year order, and a year draws only the
  // first countUpTo(year) points of it (one binary search per step, the positions unchanged).
  const times = useLayerTimes();
  const year = useAtlas((s) => s.filters.year);
  const { current: map } = useMap();
  const [picked, setPicked] = useState<Picked | null>(null);
  const overlay = useControl(() => new MapLibreOverlay({ interleaved: true, layers: NO_LAYERS }));

  const tables = useMemo(() => layers.filter((l) => l.table), [layers]);
  // Positions are rebuilt only when a table or its shown points change.
  const drawn = useMemo(() => {
    const out = new Map<string, DrawnPoints>();
    for (const l of tables) {
      const view = views[l.id];
      const order = times.find((lt) => lt.layer.id === l.id)?.index?.order;
      if (l.table && view) out.set(l.id, drawnPoints(l.table, order ?? view.indices));
    }
    return out;
  }, [tables, views, times]);

  useEffect(() => {
    const m = map?.getMap();
    const beforeId = BIG_POINTS_BEFORE.find((id) => m?.getLayer(id));
    overlay.setProps({
      layers: tables.flatMap((l) => {
        const d = drawn.get(l.id);
        if (!d || !l.table) return [];
        const index = times.find((lt) => lt.layer.id === l.id)?.index;
        const length = index && year !== null ? countUpTo(index, year) : d.length;
        return [
          new ScatterplotLayer({
            id: bigPointsLayerId(l.id),
            ...(beforeId ? { beforeId } : {}),
            visible: l.visible,
            data: {
              length,
              attributes: { getPosition: { value: d.positions, size: 2 } },
            },
            coordinateSystem: COORDINATE_SYSTEM.LNGLAT_OFFSETS,
            coordinateOrigin: [d.origin[0], d.origin[1], 0],
            radiusUnits: 'pixels',
            getRadius: 2.5,
            getFillColor: COLOR,
            pickable: true,
          }),
        ];
      }),
    });
  }, [overlay, map, tables, drawn, times, year]);

  // A click on a point shows its row: deck.gl picks at the click (its own click routing did not
  // reach the layer in interleaved mode under MapLibre 6 here).
  useEffect(() => {
    const m = map?.getMap();
    if (!m) return;
    const onClick = (e: { point: { x: number; y: number } }) => {
      const info = overlay.pickObject({ x: e.point.x, y: e.point.y, radius: 4 });
      const id = info?.layer?.id;
      const l = id ? tables.find((t) => bigPointsLayerId(t.id) === id) : undefined;
      const d = l ? drawn.get(l.id) : undefined;
      const row = info && d ? d.index(info.index) : -1;
      if (!l?.table || row < 0) return;
      setPicked({ layerId: l.id, row, lon: l.table.lons[row]!, lat: l.table.lats[row]! });
    };
    m.on('click', onClick);
    return () => {
      m.off('click', onClick);
    };
  }, [map, overlay, tables, drawn]);

  const pickedLayer = picked && layers.find((l) => l.id === picked.layerId);
  if (!picked || !pickedLayer?.table) return null;
  const record = rowRecord(pickedLayer.table, picked.row);
  return (
    <Popup
      longitude={picked.lon}
      latitude={picked.lat}
      onClose={() => setPicked(null)}
      closeOnClick={false}
      maxWidth="320px"
    >
      <div data-testid="big-point-popup">
        <strong>
          {pickedLayer.name} · {t('impRow')} {pickedLayer.table.rows[picked.row]}
        </strong>
        <table className="preview">
          <tbody>
            {Object.entries(record).map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Popup>
  );
}
