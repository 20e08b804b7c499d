import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app lives in web/; the server serves dist/web at / with an SPA fallback.
export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // bootstrap-italia and design-react-kit are large; one vendor chunk keeps the warning meaningful.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
