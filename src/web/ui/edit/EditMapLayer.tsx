/**
 * Inside the map: in "add" mode a click places the new project; in "move" mode the selected
 * project gets a draggable pin, and dropping it asks for the new precision and source.
 */
import { useEffect, useState } from 'react';
import { Marker, useMap } from 'react-map-gl/maplibre';
import { useAtlas } from '../../state/store.ts';
import { useCanEdit, useEdit } from './edit-store.ts';

export function EditMapLayer() {
  const { current: map } = useMap();
  const canEdit = useCanEdit();
  const mode = useEdit((s) => s.mode);
  const moved = useEdit((s) => s.moved);
  // The pin follows the drag in state: a re-render of the map during a drag must not put it back.
  const [dragging, setDragging] = useState<{ id: string; lon: number; lat: number } | null>(null);
  const selection = useAtlas((s) => s.selection);
  const row = useAtlas((s) =>
    selection?.kind === 'initiative'
      ? s.data?.initiatives.find((r) => r.id === selection.id)
      : undefined,
  );

  useEffect(() => {
    const m = map?.getMap();
    if (!m || !canEdit || mode !== 'add') return;
    const canvas = m.getCanvas();
    const before = canvas.style.cursor;
    canvas.style.cursor = 'crosshair';
    const onClick = (e: { lngLat: { lng: number; lat: number } }) => {
      useEdit.setState({ mode: 'idle', draft: { lon: e.lngLat.lng, lat: e.lngLat.lat } });
    };
    m.once('click', onClick);
    return () => {
      m.off('click', onClick);
      canvas.style.cursor = before;
    };
  }, [map, canEdit, mode]);

  if (!canEdit || mode !== 'move' || !row) return null;
  const at =
    dragging && dragging.id === row.id ? dragging : moved && moved.id === row.id ? moved : row;
  return (
    <Marker
      longitude={at.lon}
      latitude={at.lat}
      draggable
      color="#d9480f"
      onDrag={(e) => setDragging({ id: row.id, lon: e.lngLat.lng, lat: e.lngLat.lat })}
      onDragEnd={(e) => {
        setDragging(null);
        useEdit.setState({ moved: { id: row.id, lon: e.lngLat.lng, lat: e.lngLat.lat } });
      }}
    >
      <div className="move-pin" data-testid="move-pin" title={row.id} />
    </Marker>
  );
}
