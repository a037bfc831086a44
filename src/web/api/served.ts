import { SERVER_MARKER } from '../../core/common/server-marker.ts';

/** True when the page came from the atlas server (its HTML carries the mark). */
export function servedByAtlasServer(): boolean {
  return (
    typeof document !== 'undefined' &&
    document.querySelector(`meta[name="${SERVER_MARKER}"]`) !== null
  );
}
