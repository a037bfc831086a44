import { lazy, Suspense, useEffect, useState } from 'react';
import { useWorkspace } from '../workspace/store.ts';
import { afterFirstMap } from './first-map.ts';

const DrawControl = lazy(() =>
  import('./DrawControl.tsx').then((m) => ({ default: m.DrawControl })),
);

/**
 * terra-draw (about 150 KB of script) is not needed to draw the first map: its chunk loads after
 * the first map, or at once when drawing or editing a region is asked for.
 */
export function LazyDrawControl() {
  const wanted = useWorkspace((s) => s.drawMode !== null || s.editing !== null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    afterFirstMap().then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, []);
  if (!ready && !wanted) return null;
  return (
    <Suspense fallback={null}>
      <DrawControl />
    </Suspense>
  );
}
