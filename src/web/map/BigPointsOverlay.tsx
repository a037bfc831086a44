/**
 * Big imported point layers (tables) drawn by a deck.gl layer (point-sprite-layer.ts, one WebGL
 * point per row) from binary attributes, interleaved with MapLibre (@deck.gl/maplibre's
 * MapLibreOverlay) under the parks, projects and regions. A click on a point shows its row (looked up by position in the columns, as text).
 */
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
import { type DrawnPoints, drawnPoints, nearestDrawn } from './big-points.ts';
import { bigPointsLayer } from './big-points-layer.ts';
import { type BigPointsShown, setBigPointsShown } from './big-points-shown.ts';

const NO_LAYERS: never[] = [];
/** How far from a point a click still picks it, in CSS px. */
const PICK_RADIUS_PX = 5;

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
  // How many of a layer's drawn points show: all, or those of the timeline's year.
  const lengths = useMemo(() => {
    const out = new Map<string, number>();
    for (const [id, d] of drawn) {
      const index = times.find((lt) => lt.layer.id === id)?.index;
      out.set(id, index && year !== null ? countUpTo(index, year) : d.length);
    }
    return out;
  }, [drawn, times, year]);

  useEffect(() => {
    const shown: BigPointsShown[] = tables.flatMap((l) => {
      const d = drawn.get(l.id);
      if (!d || !l.table) return [];
      const length = lengths.get(l.id) ?? d.length;
      return [{ layerId: l.id, name: l.name, visible: l.visible, drawn: d, length }];
    });
    // What print / export draws (big-points-shown.ts): the same layers, built the same way.
    setBigPointsShown(shown);
    overlay.setProps({ layers: shown.map((l) => bigPointsLayer(l)) });
  }, [overlay, tables, drawn, lengths]);
  useEffect(() => () => setBigPointsShown([]), []);

  // A step of the year may take the picked point off the map: its popup closes with it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each change of the year
  useEffect(() => setPicked(null), [year]);

  // A click on a point shows its row: the nearest drawn point within 5 px, topmost layer first.
  useEffect(() => {
    const m = map?.getMap();
    if (!m) return;
    const onClick = (e: { point: { x: number; y: number } }) => {
      const r = PICK_RADIUS_PX;
      const corners = [
        m.unproject([e.point.x - r, e.point.y - r]),
        m.unproject([e.point.x + r, e.point.y + r]),
      ];
      const box: [number, number, number, number] = [
        Math.min(corners[0]!.lng, corners[1]!.lng),
        Math.min(corners[0]!.lat, corners[1]!.lat),
        Math.max(corners[0]!.lng, corners[1]!.lng),
        Math.max(corners[0]!.lat, corners[1]!.lat),
      ];
      const project = (lon: number, lat: number) => m.project([lon, lat]);
      for (const l of [...tables].reverse()) {
        const d = drawn.get(l.id);
        if (!l.visible || !l.table || !d) continue;
        const hit = nearestDrawn(d, lengths.get(l.id) ?? d.length, box, project, e.point, r);
        const row = hit ? d.index(hit.k) : -1;
        if (row < 0) continue;
        setPicked({ layerId: l.id, row, lon: l.table.lons[row]!, lat: l.table.lats[row]! });
        return;
      }
    };
    m.on('click', onClick);
    return () => {
      m.off('click', onClick);
    };
  }, [map, tables, drawn, lengths]);

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
