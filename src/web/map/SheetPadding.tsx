import { useEffect } from 'react';
import { useMap } from 'react-map-gl/maplibre';
import { selectionBbox } from '../state/actions.ts';
import { useAtlas } from '../state/store.ts';
import { useSheet } from '../ui/sheet/sheet-store.ts';

/**
 * On phones the bottom sheet covers the lower part of the map: the map's padding follows it, so
 * flying to a project centres it in the part left visible, and a selection the sheet would hide
 * is brought into view when the sheet rises (only then: a selection's own fly is never cut short). Nothing on the desktop (the cover is 0 there).
 */
export function SheetPadding() {
  const { current } = useMap();
  const cover = useSheet((s) => s.cover);

  useEffect(() => {
    const map = current?.getMap();
    if (!map || (cover === 0 && map.getPadding().bottom === 0)) return;
    const padding = { top: 0, left: 0, right: 0, bottom: cover };
    const sel = useAtlas.getState().selection;
    const b = sel ? selectionBbox(sel) : null;
    const h = map.getContainer().clientHeight;
    if (b) {
      const c: [number, number] = [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2];
      const y = map.project(c).y;
      if (y > h - cover - 24 || y < 24) {
        map.easeTo({ center: c, padding, duration: 300 });
        return;
      }
    }
    // The sheet moved: the map's content stays where it is on the screen (no jump under the
    // finger); only the centre of what is left visible is redefined.
    if (map.getPadding().bottom !== cover) {
      const w = map.getContainer().clientWidth;
      map.jumpTo({ center: map.unproject([w / 2, (h - cover) / 2]), padding });
    }
  }, [current, cover]);

  return null;
}
