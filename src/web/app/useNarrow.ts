import { useSyncExternalStore } from 'react';

/**
 * Phones: narrower than ~700 px, or a phone held sideways (too short for the sidebar and the
 * ledger beside the map). The map then comes first and the panels live in a bottom sheet.
 */
export const NARROW_QUERY = '(max-width: 699px), (max-height: 480px)';

function subscribe(onChange: () => void): () => void {
  const mq = window.matchMedia(NARROW_QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

const snapshot = () => window.matchMedia(NARROW_QUERY).matches;

export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, snapshot, () => false);
}
