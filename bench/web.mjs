#!/usr/bin/env node
// Web benchmark: builds Kader (server and web app), starts the server on a fresh embedded database and measures, in
// headless chromium (Debian's /usr/bin/chromium), how long the product search page takes on first load until it is
// usable: the search box is visible and the first results are rendered. Also prints the size of the production
// initial JavaScript (every script the entry HTML loads, gzip via node:zlib).
// Targets: usable ≤ 1.5 s, initial JS ≤ 300 kB gzip. BENCH_SKIP_BUILD=1 reuses dist/; BENCH_RUNS sets the loads.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

const root = new URL("..", import.meta.url).pathname;
const web = join(root, "dist/web");
const runs = Number(process.env.BENCH_RUNS ?? 5);
const CHROMIUM = "/usr/bin/chromium";

if (process.env.BENCH_SKIP_BUILD !== "1") {
  const b = spawnSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

// 1. initial JavaScript: the module scripts and modulepreloads of index.html (lazy chunks are not counted)
const html = await readFile(join(web, "index.html"), "utf8");
const refs = (re) => [...html.matchAll(re)].map((m) => m[1]);
const scripts = [...refs(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...refs(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)];
const styles = refs(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g);
async function sizes(files) {
  let raw = 0;
  let gz = 0;
  for (const f of files) {
    const buf = await readFile(join(web, f.replace(/^\//, "")));
    raw += buf.length;
    gz += gzipSync(buf).length;
  }
  return { raw, gz };
}
const kb = (n) => (n / 1024).toFixed(1);
const js = await sizes(scripts);
const css = await sizes(styles);
console.log(`initial JS (${scripts.length} file${scripts.length === 1 ? "" : "s"}): ${kb(js.raw)} kB, ${kb(js.gz)} kB gzip (target ≤ 300 kB gzip)`);
console.log(`initial CSS: ${kb(css.raw)} kB, ${kb(css.gz)} kB gzip`);

if (!existsSync(CHROMIUM)) {
  console.log(`load time not measured: ${CHROMIUM} is missing (apt-get install -y chromium)`);
  process.exit(0);
}

// 2. the server, on a free port and a fresh embedded database
const port = await new Promise((resolve) => {
  const s = createServer().listen(0, "127.0.0.1", () => {
    const p = s.address().port;
    s.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
const data = await mkdtemp(join(tmpdir(), "kader-bench-web-"));
const server = spawn(process.execPath, [join(root, "dist/src/cli/main.js"), "serve", "--port", String(port), "--host", "127.0.0.1"], {
  env: { ...process.env, DATABASE_URL: "", KADER_DATA: data, NODE_OPTIONS: "--max-old-space-size=512" },
  stdio: ["ignore", "ignore", "inherit"],
});
let browser;
try {
  for (;;) {
    try {
      if ((await fetch(`${base}/health`)).ok) break;
    } catch {}
    if (server.exitCode !== null) throw new Error("de server stopte");
    await new Promise((r) => setTimeout(r, 50));
  }
  const page0 = await (await fetch(`${base}/producten`)).text();
  if (!page0.includes('id="root"')) throw new Error("de server levert de webapp niet op /producten");

  // 3. first loads in headless chromium: every run in a fresh context (empty HTTP cache, no cookies)
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const results = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(`${base}/producten`, { waitUntil: "commit" });
    // usable: the search box is visible and the first result row is in the table
    const inPage = await page.waitForFunction(
      () => {
        const box = document.getElementById("zoek-q");
        const visible = box && box.getBoundingClientRect().height > 0;
        return visible && document.querySelector("tbody tr") ? performance.now() : null;
      },
      null,
      { polling: "raf", timeout: 30_000 },
    );
    const wall = performance.now() - t0;
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0];
      const fcp = performance.getEntriesByName("first-contentful-paint")[0];
      return { dcl: n?.domContentLoadedEventEnd ?? 0, fcp: fcp?.startTime ?? 0 };
    });
    results.push({ usable: await inPage.jsonValue(), wall, ...nav });
    await context.close();
  }
  const fmt = (r) =>
    `usable ${Math.round(r.usable)} ms after navigation start (${r.fcp ? `first contentful paint ${Math.round(r.fcp)} ms, ` : ""}DOM ready ${Math.round(r.dcl)} ms; ${Math.round(r.wall)} ms measured outside the page)`;
  console.log(`search page, first load on a fresh server: ${fmt(results[0])}`);
  const rest = results.slice(1).sort((a, b) => a.usable - b.usable);
  if (rest.length) {
    const med = rest[Math.floor(rest.length / 2)];
    console.log(`search page, first load in a new browser context (median of ${rest.length}): ${fmt(med)}`);
  }
  const worst = Math.max(...results.map((r) => r.usable));
  console.log(`slowest of ${results.length} loads: ${Math.round(worst)} ms (target ≤ 1500 ms) — ${worst <= 1500 ? "ok" : "TOO SLOW"}`);
  if (js.gz / 1024 > 300) console.log("initial JS exceeds 300 kB gzip");
} finally {
  await browser?.close();
  server.kill("SIGTERM");
  await new Promise((r) => (server.exitCode !== null ? r() : server.once("exit", r)));
  await rm(data, { recursive: true, force: true });
}
