import { type AtlasData, loadAtlasData } from '../../core/ledger/load.ts';
import { servedByAtlasServer } from '../api/served.ts';
import { withPublishedLayers } from './publishedLayers.ts';

const DATA_BASE = `${import.meta.env.BASE_URL}data/`;
/** The atlas server's API, when the app is served by it (npm start / npm run dev). */
const API_BASE = `${import.meta.env.BASE_URL}api/`;

let started: Promise<AtlasData> | null = null;

/**
 * The shipped data (with the server's published layers when served by the atlas server), loaded
 * once per page. main.tsx starts it before React renders, so the downloads run while the
 * bundle's modules, React's first render and the map's WebGL set-up keep the main thread busy,
 * instead of after them (useAtlasData's effect runs only after the map was created).
 */
export function atlasData(): Promise<AtlasData> {
  if (!started) {
    started = loadAtlasData(DATA_BASE, (url) => fetch(url)).then((data) =>
      servedByAtlasServer() ? withPublishedLayers(data, API_BASE, (url) => fetch(url)) : data,
    );
  }
  return started;
}
