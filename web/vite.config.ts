import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * @utrecht/component-library-react ships one module with every component, each followed by a top-level
 * `X.displayName = 'X'`. A bundler must treat such a property write as a side effect, so every component (about
 * 55 kB gzip) would stay in the bundle. The names only serve React DevTools: the production build drops them from
 * that one file, and components the app does not use are then tree-shaken.
 */
function dropUtrechtDisplayNames(): Plugin {
  return {
    name: "kader:drop-utrecht-display-names",
    apply: "build",
    transform(code, id) {
      if (!/[\\/]@utrecht[\\/]component-library-react[\\/]dist[\\/]index\.mjs$/.test(id)) return null;
      return { code: code.replace(/^[A-Za-z0-9_$]+\.displayName = '[^']*';$/gm, ""), map: null };
    },
  };
}

/**
 * The Kader web application. `npm run build` writes it to dist/web, which the server serves at "/" with an SPA
 * fallback; `npm run dev:web` serves it with hot reload and sends /api to a Kader server on port 8080.
 */
export default defineConfig({
  root,
  base: "/",
  plugins: [react(), dropUtrechtDisplayNames()],
  build: {
    outDir: fileURLToPath(new URL("../dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: false,
    // the entry chunk holds React and the catalogue pages (~85 kB gzip); the larger areas (care chain, quality,
    // messages, conversion, tariffs) load on first visit. The largest lazy chunk is the budget charts (recharts,
    // ~130 kB gzip), loaded only on /budget — hence the limit.
    chunkSizeWarningLimit: 500,
  },
  server: {
    proxy: { "/api": { target: "http://localhost:8080", changeOrigin: false } },
  },
});
