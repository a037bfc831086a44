import { lazy, Suspense, useEffect, useState } from 'react';
import { useWorkspace } from '../workspace/store.ts';
import { afterFirstMap } from './first-map.ts';

const loadDrawControl = () => import('./DrawControl.tsx');
const DrawControl = lazy(() => loadDrawControl().then((m) => ({ default: m.DrawControl })));

/**
 * terra-draw (about 150 KB of script, three GeoJSON sources and five layers of its own on the
 * map) starts only when drawing or editing a region is first asked for, and then stays. Its
 * script is fetched after the first map, so the first draw does not wait for the download.
 *
 * Measured before this (terra-draw started at the first map): adding its sources and layers cost
 * three more map frames right after the first map (about 0.1 s each in software WebGL), during
 * the user's first filter change, and every later frame drew its five empty layers.
 */
export function LazyDrawControl() {
  const wanted = useWorkspace((s) => s.drawMode !== null || s.editing !== null);
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (wanted) setStarted(true);
  }, [wanted]);
  useEffect(() => {
    void afterFirstMap().then(() => loadDrawControl());
  }, []);
  if (!started && !wanted) return null;
  return (
    <Suspense fallback={null}>
      <DrawControl />
    </Suspense>
  );
}
