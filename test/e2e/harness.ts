/**
 * Shared setup of the browser tests (*.e2e.test.ts): Debian's chromium driven by playwright-core, the web app built
 * with vite into a temporary folder (or KADER_WEB_DIST points to a build), the API in-process on a fresh database
 * with the shipped catalogue and the demo accounts (testApp), listening on a free port; axe (WCAG 2.1 A/AA) and
 * screenshots in test-results/screenshots/. Each test file makes one harness and starts it in its suite's `before`:
 *
 *   const { start, stop, newPage, open, shot, assertAccessible } = browserHarness();
 *   describe("…", { skip: noChromium }, () => {
 *     before(async () => { base = await start(); });
 *     after(stop);
 *   });
 *
 * Not a test file itself (the name does not end in .test.ts).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page, type Response } from "playwright-core";
import { SqlProviderRepository } from "../../src/adapters/db/provider-repository.ts";
import { loadDemo } from "../../src/app/demo.ts";
import type { Db } from "../../src/adapters/db/db.ts";
import type { Kader } from "../../src/cli/compose.ts";
import { TODAY, testApp } from "../support/app.ts";

export const CHROMIUM = "/usr/bin/chromium";
export const ROOT = resolve(import.meta.dirname, "../..");
export const SHOTS = join(ROOT, "test-results/screenshots");
/** `skip` for the suites: false with chromium, otherwise the reason (in Dutch and English). */
export const noChromium = existsSync(CHROMIUM)
  ? false
  : `browsertests overgeslagen: ${CHROMIUM} ontbreekt (apt-get install -y chromium) / browser tests skipped: no chromium at ${CHROMIUM}`;
/** the password of every demo account (testApp with demoUsers) */
export const DEMO_PASSWORD = "kader-demo";
export const XLSX = /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/;

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const nav = (page: Page) => page.getByRole("navigation", { name: "Hoofdmenu" });
/** The text as shown (line breaks and cells as spaces, no-break spaces too), on one line. */
export const text = async (l: { innerText(): Promise<string> }) => (await l.innerText()).replace(/\s+/g, " ").trim();

export interface HarnessOptions {
  /** browser contexts accept downloads (page.waitForEvent("download")) */
  acceptDownloads?: boolean;
  /** assertAccessible also checks lang="nl" on <html> and exactly one h1 */
  langAndH1?: boolean;
  /** loads the synthetic demo data set (gemeente 0106, three aanbieders, a year of declaraties) as `kader serve` does */
  demoData?: boolean;
  /** more data for one test file, on the running application before the browser starts */
  seed?: (t: { kader: Kader; db: Db }) => Promise<void>;
}

export interface BrowserHarness {
  /** builds the web app (once), starts the API with the demo accounts and chromium; resolves with the base URL */
  start(): Promise<string>;
  /** closes the pages, the API, the build folder and chromium */
  stop(): Promise<void>;
  newPage(): Promise<{ page: Page; context: BrowserContext; errors: string[] }>;
  open(page: Page, path: string): Promise<void>;
  shot(page: Page, name: string): Promise<void>;
  /** axe with the WCAG 2.0/2.1 A and AA rules; fails with a readable list of what is wrong where. */
  assertAccessible(page: Page, what: string): Promise<void>;
  /** fills in and sends the sign-in form; resolves with the API's answer to the login */
  signIn(page: Page, username: string, password?: string): Promise<Response>;
}

export function browserHarness(opts: HarnessOptions = {}): BrowserHarness {
  let browser: Browser | undefined;
  let base = "";
  const cleanups: (() => Promise<void>)[] = [];

  async function webRoot(): Promise<string> {
    const given = process.env.KADER_WEB_DIST;
    if (given) {
      assert.ok(existsSync(join(given, "index.html")), `KADER_WEB_DIST=${given} bevat geen index.html`);
      return resolve(given);
    }
    const out = await mkdtemp(join(tmpdir(), "kader-web-"));
    cleanups.push(() => rm(out, { recursive: true, force: true }));
    const { build } = await import("vite");
    await build({ configFile: join(ROOT, "web/vite.config.ts"), logLevel: "warn", build: { outDir: out, emptyOutDir: true } });
    return out;
  }

  async function open(page: Page, path: string): Promise<void> {
    await page.goto(base + path);
    await page.waitForLoadState("networkidle");
  }

  return {
    async start() {
      await mkdir(SHOTS, { recursive: true });
      const root = await webRoot();
      const { app, kader, db, close } = await testApp({ webRoot: root, demoUsers: true });
      cleanups.push(close);
      if (opts.demoData) await loadDemo({ care: kader.care, catalogue: kader.catalogue, providers: new SqlProviderRepository(db) }, TODAY);
      if (opts.seed) await opts.seed({ kader, db });
      await app.listen({ port: 0, host: "127.0.0.1" });
      base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      return base;
    },

    async stop() {
      for (const c of cleanups.reverse()) await c().catch(() => {});
      await browser?.close();
    },

    async newPage() {
      assert.ok(browser, "browserHarness: start() has not run");
      const context = await browser.newContext({
        locale: "nl-NL",
        viewport: { width: 1280, height: 900 },
        ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      cleanups.push(() => context.close().catch(() => {}));
      return { page, context, errors };
    },

    open,

    async shot(page, name) {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },

    async assertAccessible(page, what) {
      if (opts.langAndH1) {
        assert.equal(await page.locator("html").getAttribute("lang"), "nl");
        assert.equal(await page.locator("h1").count(), 1, `precies één h1 op ${what}`);
      }
      const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const found = r.violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes
            .map((n) => n.target.join(" "))
            .slice(0, 5)
            .join("\n    ")}`,
      );
      assert.deepEqual(found, [], `toegankelijkheidsfouten op ${what}:\n  ${found.join("\n  ")}`);
    },

    async signIn(page, username, password = DEMO_PASSWORD) {
      await open(page, "/inloggen");
      await page.getByLabel("Gebruikersnaam").fill(username);
      await page.getByLabel("Wachtwoord").fill(password);
      const answer = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/login"));
      await page.getByRole("button", { name: "Inloggen", exact: true }).click();
      return answer;
    },
  };
}
