import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { atlasApi } from './scripts/vite/api.ts';
import { maplibrePatches } from './scripts/vite/maplibre-patches.ts';
import { precompress } from './scripts/vite/precompress.ts';
import { serveData } from './scripts/vite/serve-data.ts';

export default defineConfig({
  plugins: [react(), maplibrePatches(), serveData(), atlasApi(), precompress()],
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
});
