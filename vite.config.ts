import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Static build. BASE_PATH lets the same build serve from a subpath
 * (e.g. GitHub Pages: BASE_PATH=/recoworld-playground/ npm run build).
 */
export default defineConfig({
  base: process.env.BASE_PATH ?? './',
  plugins: [svelte()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 8000 },
  server: { host: '127.0.0.1' },
});
