/**
 * Under the Regions panel's choice of points: when the chosen imported layer is on the timeline,
 * the results count its points as of the year, and the panel says so.
 */
import { timeLayerLabel } from '../../i18n/time-layer-strings.ts';
import { useLayerAsOf } from '../../state/layer-time.ts';
import { useAtlas } from '../../state/store.ts';
import { useWorkspace } from '../../workspace/store.ts';

export function LayerAsOfNote({ layerId }: { layerId: string }) {
  const lang = useAtlas((s) => s.lang);
  const layer = useWorkspace((s) => s.layers.find((l) => l.id === layerId));
  const asOf = useLayerAsOf(layer);
  if (!layer || !asOf) return null;
  return (
    <p className="note" data-testid="results-as-of">
      {timeLayerLabel('resultsAsOf', lang, {
        name: layer.name,
        year: String(asOf.year),
        column: asOf.column,
      })}
    </p>
  );
}
