import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/**
 * The console (`index.html` → `/`) and the customer portal (`portal.html` → `/portal`) are two pages of one
 * build, sharing chunks. `npm run web:dev` serves them with hot reload and proxies the API to :3000.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: { index: here('index.html'), portal: here('portal.html') },
      // No vendor mega-chunks: Rollup splits antd and ECharts by what each lazy page imports, so the first page
      // loads only the components it uses (budget: ≤ 400 KB gzip of initial JS).
    },
  },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:3000' } },
});
