import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { atlasApi } from './scripts/vite/api.ts';
import { precompress } from './scripts/vite/precompress.ts';
import { serveData } from './scripts/vite/serve-data.ts';
import { transparentSky } from './scripts/vite/transparent-sky.ts';

export default defineConfig({
  plugins: [react(), transparentSky(), serveData(), atlasApi(), precompress()],
  worker: { format: 'es' },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
});
