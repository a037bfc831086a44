import type { FeatureId } from './types.ts';

interface IdSource {
  id?: unknown;
  properties?: Readonly<Record<string, unknown>> | null;
}

function usable(value: unknown): FeatureId | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  return undefined;
}

/**
 * The id rule of the `atlas` contract: the `idField` property when given (and usable), else the
 * feature's own `id`, else `properties.id`, else the feature's position in its collection
 * (0-based). A usable id is a finite number or a non-blank string; anything else falls through.
 */
export function featureId(
  feature: IdSource | null | undefined,
  index: number,
  idField?: string,
): FeatureId {
  const props = feature?.properties ?? undefined;
  if (idField !== undefined && props) {
    const fromField = usable(props[idField]);
    if (fromField !== undefined) return fromField;
  }
  const own = usable(feature?.id);
  if (own !== undefined) return own;
  const fromProps = usable(props?.id);
  if (fromProps !== undefined) return fromProps;
  return index;
}
