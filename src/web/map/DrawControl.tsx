import type { Polygon } from 'geojson';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-map-gl/maplibre';
import {
  TerraDraw,
  TerraDrawCircleMode,
  TerraDrawPolygonMode,
  TerraDrawRectangleMode,
  TerraDrawRenderMode,
  TerraDrawSelectMode,
} from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import type { RegionShape } from '../../core/workspace/model.ts';
import { translate } from '../i18n/useT.ts';
import { useAtlas } from '../state/store.ts';
import { addRegion, newId, updateRegion, useWorkspace } from '../workspace/store.ts';

const editable = {
  feature: {
    draggable: true,
    coordinates: { draggable: true, midpoints: true, deletable: true },
  },
};

/**
 * Drawing with terra-draw: polygon, rectangle and circle (a geodesic circle: `globe` projection).
 * A finished shape becomes a workspace region (drawn by WorkspaceLayers, not by terra-draw);
 * editing puts one region back into terra-draw's select mode until the user is done.
 */
export function DrawControl() {
  const { current } = useMap();
  const drawRef = useRef<TerraDraw | null>(null);
  const mode = useWorkspace((s) => s.drawMode);
  const editing = useWorkspace((s) => s.editing);

  useEffect(() => {
    const map = current?.getMap();
    if (!map) return;
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      idStrategy: {
        isValidId: (id) => typeof id === 'string' && id.length > 0,
        getId: () => newId('region'),
      },
      modes: [
        new TerraDrawPolygonMode(),
        new TerraDrawRectangleMode(),
        new TerraDrawCircleMode({ projection: 'globe' }),
        new TerraDrawSelectMode({
          flags: {
            polygon: editable,
            rectangle: editable,
            circle: { feature: { draggable: true } },
          },
        }),
        new TerraDrawRenderMode({ modeName: 'static', styles: {} }),
      ],
    });
    draw.start();
    draw.setMode('static');
    draw.on('finish', (id, ctx) => {
      if (ctx.action !== 'draw') return;
      const f = draw.getSnapshotFeature(id);
      if (f?.geometry.type !== 'Polygon') return;
      const n = useWorkspace.getState().regions.length + 1;
      addRegion({
        id: String(id),
        // A default name in the language of the moment (the user may rename it).
        name: translate(useAtlas.getState().lang, 'regionDefault', { n: String(n) }),
        shape: ctx.mode as RegionShape,
        geometry: f.geometry as Polygon,
      });
      draw.removeFeatures([id]);
      useWorkspace.setState({ drawMode: null, drawFinishedAt: Date.now() });
    });
    drawRef.current = draw;
    return () => {
      drawRef.current = null;
      try {
        draw.stop();
      } catch {
        // The map may already be gone.
      }
    };
  }, [current]);

  useEffect(() => {
    const draw = drawRef.current;
    if (!draw) return;
    if (editing) return;
    draw.setMode(mode ?? 'static');
    // The mode terra-draw is in, on the map's element: the sign (for tests too) that clicks on
    // the map now draw (its script loads lazily, after the first map).
    const container = current?.getMap().getContainer();
    if (container) container.dataset.drawMode = mode ?? 'static';
  }, [mode, editing, current]);

  // Editing: the region goes into terra-draw's select mode; "done" writes its geometry back.
  useEffect(() => {
    const draw = drawRef.current;
    if (!draw || !editing) return;
    const region = useWorkspace.getState().regions.find((r) => r.id === editing);
    if (region?.geometry.type !== 'Polygon') return;
    const mode = region.shape === 'imported' ? 'polygon' : region.shape;
    draw.setMode('select');
    draw.addFeatures([
      { type: 'Feature', id: region.id, geometry: region.geometry, properties: { mode } },
    ]);
    draw.selectFeature(region.id);
    return () => {
      const f = draw.getSnapshotFeature(region.id);
      if (f?.geometry.type === 'Polygon')
        updateRegion(region.id, { geometry: f.geometry as Polygon });
      draw.removeFeatures([region.id]);
      draw.setMode('static');
    };
  }, [editing]);

  return null;
}
