/** "as of 2020" after a layer's shown count while the layer is on the timeline. */
import { timeLayerLabel } from '../../i18n/time-layer-strings.ts';
import type { LayerAsOf } from '../../state/layer-time.ts';
import { useAtlas } from '../../state/store.ts';

export function ShownAsOf({ asOf }: { asOf: LayerAsOf | null }) {
  const lang = useAtlas((s) => s.lang);
  if (!asOf) return null;
  return (
    <span className="muted" data-testid="layer-shown-year">
      {' · '}
      {timeLayerLabel('listAsOf', lang, { year: String(asOf.year) })}
    </span>
  );
}
