/**
 * The measure tool on the map: a click (or tap) adds a point; a double-click or Enter finishes;
 * Esc cancels (a second Esc leaves the tool); Backspace removes the last point. While measuring,
 * the map's double-click zoom is off and clicks select nothing (MapView checks useMeasure). The
 * map's element carries `data-measure-mode` (distance, area or off).
 */
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { MapMouseEvent } from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import { Layer, Source, useMap } from 'react-map-gl/maplibre';
import {
  addMeasurePoint,
  clearMeasure,
  finishMeasure,
  startMeasure,
  useMeasure,
} from '../state/measure-store.ts';
import { SLOT } from './slots.ts';

const COLOR = '#b4006e';

export function MeasureLayer() {
  const { current } = useMap();
  const kind = useMeasure((s) => s.kind);
  const points = useMeasure((s) => s.points);
  const hover = useMeasure((s) => s.hover);
  const done = useMeasure((s) => s.done);

  useEffect(() => {
    const map = current?.getMap();
    if (!map) return;
    map.getContainer().dataset.measureMode = kind ?? 'off';
    if (!kind) return;
    map.doubleClickZoom.disable();
    const canvas = map.getCanvas();
    const cursor = canvas.style.cursor;
    canvas.style.cursor = 'crosshair';
    const onClick = (e: MapMouseEvent) => addMeasurePoint([e.lngLat.lng, e.lngLat.lat]);
    const onMove = (e: MapMouseEvent) => {
      if (!useMeasure.getState().done) useMeasure.setState({ hover: [e.lngLat.lng, e.lngLat.lat] });
    };
    const onDblClick = (e: MapMouseEvent) => {
      e.preventDefault();
      // The double-click's two clicks added the same point twice: keep one.
      const pts = useMeasure.getState().points;
      const a = pts.at(-1);
      const b = pts.at(-2);
      if (a && b && Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9) {
        useMeasure.setState({ points: pts.slice(0, -1) });
      }
      finishMeasure();
    };
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && /^(INPUT|TEXTAREA)$/.test(target.tagName)) return;
      const s = useMeasure.getState();
      if (e.key === 'Escape') {
        if (s.points.length > 0) clearMeasure();
        else startMeasure(null);
      } else if (e.key === 'Enter' && target?.tagName !== 'BUTTON') finishMeasure();
      else if (e.key === 'Backspace' && !s.done && s.points.length > 0) {
        useMeasure.setState({ points: s.points.slice(0, -1) });
      } else return;
      e.preventDefault();
    };
    map.on('click', onClick);
    map.on('mousemove', onMove);
    map.on('dblclick', onDblClick);
    window.addEventListener('keydown', onKey);
    return () => {
      map.off('click', onClick);
      map.off('mousemove', onMove);
      map.off('dblclick', onDblClick);
      window.removeEventListener('keydown', onKey);
      map.doubleClickZoom.enable();
      canvas.style.cursor = cursor;
    };
  }, [current, kind]);

  const shape = useMemo((): FeatureCollection => {
    const pts: Position[] = done || !hover ? [...points] : [...points, hover];
    const features: Feature[] = points.map((p) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: p },
      properties: {},
    }));
    if (kind === 'area' && pts.length >= 3) {
      features.push({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: [[...pts, pts[0]!]] },
        properties: {},
      });
    } else if (pts.length >= 2) {
      features.push({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: pts },
        properties: {},
      });
    }
    return { type: 'FeatureCollection', features };
  }, [kind, points, hover, done]);

  if (!kind) return null;
  return (
    <Source id="measure" type="geojson" data={shape}>
      <Layer
        id="measure-fill"
        beforeId={SLOT.marks}
        type="fill"
        filter={['==', ['geometry-type'], 'Polygon']}
        paint={{ 'fill-color': COLOR, 'fill-opacity': 0.15 }}
      />
      <Layer
        id="measure-line"
        beforeId={SLOT.marks}
        type="line"
        filter={['!=', ['geometry-type'], 'Point']}
        paint={{ 'line-color': COLOR, 'line-width': 2.5, 'line-dasharray': [3, 1.5] }}
      />
      <Layer
        id="measure-points"
        beforeId={SLOT.marks}
        type="circle"
        filter={['==', ['geometry-type'], 'Point']}
        paint={{
          'circle-radius': 4.5,
          'circle-color': '#ffffff',
          'circle-stroke-color': COLOR,
          'circle-stroke-width': 2,
        }}
      />
    </Source>
  );
}
