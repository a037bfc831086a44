import 'maplibre-gl/dist/maplibre-gl.css';
import './app/app.css';
import { setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { atlasData } from './app/early-data.ts';
import { applyUrlOnce } from './state/useUrlSync.ts';

// MapLibre 6 derives its worker URL from import.meta.url, which a bundle breaks: set it.
setWorkerUrl(workerUrl);
applyUrlOnce();
// The data downloads start now, while the map and React set up (the app awaits the same promise).
void atlasData();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
