#!/usr/bin/env node
// Catalogue benchmark (npm run bench): process start → API ready on the embedded database, product search latency
// under 50 concurrent clients (with and without the read cache), and the server's peak RSS.
// The load generator (autocannon) runs in this process, on the same 2 cores as the server. The server runs with the
// heap limit of `npm start` (--max-old-space-size=512; override with BENCH_SERVER_NODE_OPTIONS).
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

const root = new URL("..", import.meta.url).pathname;
const PORT = 18181;
const base = `http://127.0.0.1:${PORT}`;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

async function start(dataDir, env = {}) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [join(root, "dist/src/cli/main.js"), "serve", "--port", String(PORT), "--host", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: "", KADER_DATA: dataDir, ...env, NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? "--max-old-space-size=512" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  for (;;) {
    try {
      const r = await fetch(`${base}/api/v1/products?limit=1`);
      if (r.ok) break;
    } catch {}
    if (child.exitCode !== null) throw new Error("server stopped");
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, ms: performance.now() - t0 };
}
async function stop(child) {
  const status = await readFile(`/proc/${child.pid}/status`, "utf8").catch(() => "");
  const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  child.kill("SIGTERM");
  await new Promise((r) => child.once("exit", r));
  return hwm;
}

const queries = [
  "/api/v1/products?q=begeleiding",
  "/api/v1/products?q=dagbesteding&law=wmo",
  "/api/v1/products?q=vervoer",
  "/api/v1/products?law=jeugdwet&limit=20",
  "/api/v1/products?unit=16",
  "/api/v1/products?code=02A05",
  "/api/v1/products?productcategorie=07&sort=code",
  "/api/v1/products?productenboek=001-concept-inkoop-2025&limit=20&offset=20",
  "/api/v1/products?q=crisis%20verblijf",
  "/api/v1/products?q=pleegzorg&law=jeugdwet",
];
async function load(label) {
  const r = await autocannon({ url: base, connections: 50, duration: seconds, requests: queries.map((path) => ({ method: "GET", path })) });
  const line = `${label}: ${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, errors ${r.errors + r.non2xx}`;
  console.log(line);
  return r;
}

const data = await mkdtemp(join(tmpdir(), "kader-bench-"));
try {
  const first = await start(data);
  console.log(`first start (create, migrate, load 111 products) → API ready: ${Math.round(first.ms)} ms`);
  await stop(first.child);
  const warm = [];
  for (let i = 0; i < 3; i++) {
    const s = await start(data);
    warm.push(s.ms);
    if (i < 2) await stop(s.child);
    else {
      console.log(`start on existing embedded data → API ready: ${warm.map((m) => Math.round(m)).join(", ")} ms (target ≤ 3000)`);
      await load("search, 50 clients, read cache on");
      console.log(`peak RSS of the server: ${Math.round(await stop(s.child))} MB`);
    }
  }
  const nocache = await start(data, { KADER_CACHE: "0" });
  await load("search, 50 clients, read cache off (every request hits PGlite)");
  console.log(`peak RSS of the server (cache off): ${Math.round(await stop(nocache.child))} MB`);
} finally {
  await rm(data, { recursive: true, force: true });
}
