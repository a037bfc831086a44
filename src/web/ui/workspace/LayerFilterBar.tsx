/**
 * An imported layer's filter (a column and the text its value must contain), for both kinds of
 * layer: GeoJSON features (ImportPanel) and big point tables (TableLayerRows). The filter lives
 * on the layer in the workspace store; the rule that applies it is the core's passesLayerFilter.
 */
import type { LayerFilter } from '../../../core/workspace/model.ts';
import { useT } from '../../i18n/useT.ts';
import { useWorkspace } from '../../workspace/store.ts';

export function LayerFilterBar({
  layerId,
  columns,
  filter,
}: {
  layerId: string;
  columns: readonly string[];
  filter: LayerFilter;
}) {
  const t = useT();
  const setFilter = (patch: Partial<LayerFilter>) =>
    useWorkspace.setState((s) => ({
      layers: s.layers.map((l) =>
        l.id === layerId ? { ...l, filter: { ...filter, ...patch } } : l,
      ),
    }));
  return (
    <div className="layer-filter">
      <select
        aria-label={t('impFilterColumn')}
        value={filter.column}
        onChange={(e) => setFilter({ column: e.target.value })}
      >
        {columns.map((c) => (
          <option key={c}>{c}</option>
        ))}
      </select>
      <input
        type="search"
        aria-label={t('impFilter')}
        placeholder={t('impFilter')}
        data-testid="layer-filter"
        value={filter.text}
        onChange={(e) => setFilter({ text: e.target.value })}
      />
    </div>
  );
}
