/**
 * Browser tests of the web application (web/): Debian's chromium driven by playwright-core, accessibility checked
 * with axe (WCAG 2.1 A/AA) on every page, screenshots of the main pages in test-results/screenshots/.
 *
 * Setup (harness.ts): the web app is built into a temporary folder (or KADER_WEB_DIST points to a build), the API
 * runs in-process on a fresh database with the shipped catalogue and the demo accounts, listening on a free port.
 * Skipped as a whole when /usr/bin/chromium is absent (apt-get install -y chromium; never `playwright install`).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { browserHarness, DEMO_PASSWORD, noChromium } from "./harness.ts";

const ROLES = [
  { username: "beheerder", label: "Beheerder" },
  { username: "contractmanager", label: "Contractmanager" },
  { username: "toegang", label: "Toegang (consulent)" },
  { username: "aanbieder", label: "Aanbieder" },
  { username: "controller", label: "Controller" },
] as const;

let base = "";
const { start, stop, newPage, open, shot, assertAccessible, signIn: login } = browserHarness();

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
const activeTag = (page: Page) => page.evaluate(() => document.activeElement?.tagName ?? "");

describe("webapplicatie in de browser", { skip: noChromium, timeout: 180_000 }, () => {
  before(async () => {
    base = await start();
  });
  after(stop);

  describe("catalogus (zonder inloggen)", () => {
    test("de server levert de webapp: index.html voor elke route buiten /api", async () => {
      for (const path of ["/", "/producten/002-wmo-2026.wmo.02A05", "/vergelijken?code=02A05", "/inloggen"]) {
        const res = await fetch(base + path);
        assert.equal(res.status, 200, path);
        assert.match(res.headers.get("content-type") ?? "", /^text\/html/, path);
        assert.match(await res.text(), /<div id="root"><\/div>/, path);
      }
      const api = await fetch(`${base}/api/v1/bestaat-niet`);
      assert.equal(api.status, 404);
      assert.match(api.headers.get("content-type") ?? "", /^application\/problem\+json/);
    });

    test("zoeken en een product openen", async () => {
      const { page, errors } = await newPage();
      await open(page, "/producten");
      await page.getByTestId("result-count").filter({ hasText: "gevonden" }).waitFor();
      await page.getByLabel("Zoekterm").fill("dagbesteding");
      await page.getByRole("button", { name: "Zoeken", exact: true }).click();
      await page.waitForURL(/\/producten\?q=dagbesteding$/);
      await page
        .locator("tbody tr")
        .first()
        .filter({ hasText: /dagbesteding/i })
        .waitFor();
      assert.match((await page.getByTestId("result-count").textContent()) ?? "", /\d+ producten gevonden.*relevantie/);
      await shot(page, "producten-zoeken");

      const link = page.locator("tbody tr").first().getByRole("link").first();
      const name = ((await link.textContent()) ?? "").trim();
      assert.ok(name, "de eerste rij heeft een productlink");
      await link.click();
      await page.waitForURL(/\/producten\/[^/?]+$/);
      await page.getByRole("heading", { level: 1, name }).waitFor();
      assert.equal(await activeTag(page), "H1", "na navigeren staat de focus op de paginakop");
      assert.match(await page.title(), new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} – Kader`));
      for (const text of ["Gegevens", "Versie in Kader", "Bron", "Zoals in het document"]) await page.getByText(text, { exact: true }).first().waitFor();
      assert.deepEqual(errors, []);
    });

    test("productpagina: eisen met de woorden van het document, tegenstrijdigheden en betwiste eisen gemarkeerd", async () => {
      const { page } = await newPage();
      await open(page, "/producten/002-wmo-2026.wmo.02A05");
      await page.getByRole("heading", { level: 1, name: "Individuele begeleiding 4 Ontwikkelgericht 24/7 bereikbaarheid" }).waitFor();
      const notes = page.locator(".kader-note--contradiction");
      assert.equal(await notes.count(), 1);
      const contradiction = (await notes.first().textContent()) ?? "";
      assert.match(contradiction, /Tegenstrijdig/);
      assert.match(contradiction, /Funciemix 10% MBO 4/, "elke lezing staat er letterlijk bij");
      assert.match(contradiction, /regel 84/);
      assert.ok((await page.locator("tr.kader-contested").count()) >= 2, "betwiste eisen zijn gemarkeerd");
      assert.match((await page.locator("tr.kader-contested").first().textContent()) ?? "", /betwist/);
      await page
        .getByRole("cell", { name: /Funciemix 10% MBO 4 \/ 80% HBO \/ 10% WO/ })
        .first()
        .waitFor();
      await shot(page, "product");

      // a gap in the document: "volgt nog" and "niet vermeld" are shown as statuses
      await open(page, "/producten/001-concept-inkoop-2025.wmo.02A05");
      const sections = (await page.locator("section[aria-labelledby=sections-h]").textContent()) ?? "";
      assert.match(sections, /volgt nog/);
      assert.match(sections, /niet vermeld/);
    });

    test("producten zonder code tonen 'nog geen code'", async () => {
      const { page } = await newPage();
      await open(page, "/producten?q=gewoon%20thuis");
      const first = page.locator("tbody tr").first();
      await first.waitFor();
      assert.match((await first.locator("td").nth(1).textContent()) ?? "", /^nog geen code/);
      await open(page, "/producten/001-concept-inkoop-2025.wmo.b-nieuw-tv-gewoon-thuis");
      await page
        .getByText(/nog geen code/)
        .first()
        .waitFor();
    });

    test("filteren, sorteren en bladeren", async () => {
      const { page } = await newPage();
      await open(page, "/producten");
      await page.getByLabel("Wet", { exact: true }).selectOption("jeugdwet");
      await page.getByLabel("Eenheid (WJ756)").selectOption({ label: "16 – dagdeel (4 uur)" });
      await page.getByRole("button", { name: "Zoeken", exact: true }).click();
      await page.waitForURL(/law=jeugdwet/);
      await page.waitForFunction(
        () => !document.querySelector("table.kader-busy") && /gevonden/.test(document.querySelector("[data-testid=result-count]")?.textContent ?? ""),
      );
      const rows = page.locator("tbody tr");
      assert.ok((await rows.count()) > 0);
      for (const row of await rows.all()) {
        const cells = await row.locator("td").allTextContents();
        assert.equal(cells[3], "Jeugdwet");
        assert.match(cells[4] ?? "", /dagdeel/);
      }

      await open(page, "/producten");
      await page.getByRole("button", { name: /^Code/ }).click();
      await page.waitForURL(/sort=code/);
      await page.waitForFunction(() => document.querySelector("th[aria-sort=ascending]")?.textContent?.startsWith("Code"));
      await page.waitForFunction(() => !document.querySelector("table.kader-busy"));
      const codes = (await page.locator("tbody tr td:nth-child(2) .kader-code").allTextContents()).map((c) => c.trim());
      assert.ok(codes.length > 1);
      assert.deepEqual(codes, [...codes].sort(), "gesorteerd op productcode");

      await page.getByRole("link", { name: /Volgende/ }).click();
      await page.waitForURL(/pagina=2/);
      await page.getByTestId("result-count").filter({ hasText: "pagina 2 van" }).waitFor();
    });

    test("twee producten vergelijken: verschillen gemarkeerd met tekst", async () => {
      const { page } = await newPage();
      await open(page, "/vergelijken");
      await page.getByLabel("Productcode", { exact: true }).fill("02a05");
      await page.getByRole("button", { name: "Vergelijk op code" }).click();
      await page.waitForURL(/code=02A05/);
      const table = page.getByTestId("compare-table");
      await table.waitFor();
      assert.equal(await table.locator("thead th").count(), 4, "een kolom per product (3) plus de aspecten");
      const differing = table.locator("tbody tr[data-differs=true]");
      assert.ok((await differing.count()) > 0);
      for (const row of await differing.all()) assert.match((await row.locator("th").textContent()) ?? "", /verschilt/);
      const same = table.locator("tbody tr[data-differs=false]");
      assert.ok((await same.count()) > 0);
      for (const row of await same.all()) assert.equal(await row.locator(".kader-marker").count(), 0);
      assert.match((await table.locator("tbody tr", { hasText: "Wet" }).first().getAttribute("data-differs")) ?? "", /false/);
      await shot(page, "vergelijken");

      await page.getByLabel("Toon alleen de aspecten die verschillen").check();
      assert.equal(await table.locator("tbody tr[data-differs=false]").count(), 0);

      // from a product page: "Vergelijk met…", then pick a second product from search results
      await open(page, "/producten/000-begeleiding-dagbesteding.wmo.02A05");
      await page.getByRole("link", { name: "Vergelijk met…" }).click();
      await page.waitForURL(/\/vergelijken\?ids=/);
      await page.getByText("Kies nog minstens één product").waitFor();
      await page.getByRole("searchbox", { name: "Product zoeken om toe te voegen" }).fill("dagbesteding");
      await page.getByRole("button", { name: "Zoeken", exact: true }).click();
      await page
        .getByRole("button", { name: /^Toevoegen/ })
        .first()
        .click();
      await page.waitForURL(/ids=[^,]+(,|%2C)[^,]+/);
      await page.getByTestId("compare-table").waitFor();
      assert.equal(await page.getByTestId("compare-table").locator("thead th").count(), 3);
    });

    test("producten kiezen in de zoekresultaten en vergelijken", async () => {
      const { page } = await newPage();
      await open(page, "/producten?q=begeleiding");
      const boxes = page.locator("tbody input[type=checkbox]");
      await boxes.nth(0).check();
      await boxes.nth(1).check();
      await page.getByRole("link", { name: "Vergelijk gekozen producten" }).click();
      await page.waitForURL(/\/vergelijken\?ids=/);
      await page.getByTestId("compare-table").waitFor();
      assert.equal(await page.getByTestId("compare-table").locator("thead th").count(), 3);
    });

    test("exportlinks geven 200 met het juiste inhoudstype", async () => {
      const { page } = await newPage();
      await open(page, "/producten");
      const expected: [RegExp, RegExp][] = [
        [/Excel/, /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/],
        [/CSV/, /^text\/csv/],
        [/JSON/, /^application\/json/],
      ];
      for (const [name, type] of expected) {
        const link = page.locator("main").getByRole("link", { name }).first();
        const href = await link.getAttribute("href");
        assert.ok(href, `link ${name}`);
        assert.notEqual(await link.getAttribute("download"), null, "de link downloadt");
        const res = await fetch(new URL(href, base));
        assert.equal(res.status, 200, href);
        assert.match(res.headers.get("content-type") ?? "", type, href);
        assert.ok((await res.arrayBuffer()).byteLength > 100);
      }
    });

    test("toetsenbord: overslaanlink, zoekformulier en resultaat alleen met het toetsenbord", async () => {
      const { page } = await newPage();
      await open(page, "/producten");
      await page.keyboard.press("Tab");
      assert.equal(((await page.evaluate(() => document.activeElement?.textContent)) ?? "").trim(), "Naar de inhoud");
      const box = await page.locator(".utrecht-skip-link").boundingBox();
      assert.ok(box && box.y >= 0 && box.height > 0, "de overslaanlink is zichtbaar bij focus");
      await page.keyboard.press("Enter");
      assert.equal(await activeId(page), "main");
      for (let i = 0; i < 10 && (await activeId(page)) !== "zoek-q"; i++) await page.keyboard.press("Tab");
      assert.equal(await activeId(page), "zoek-q", "met Tab bij het zoekveld");
      await page.keyboard.type("vervoer");
      await page.keyboard.press("Tab"); // Zoeken
      await page.keyboard.press("Tab"); // Wet
      assert.equal(await activeId(page), "zoek-law");
      await page.keyboard.press("j"); // Jeugdwet
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Enter");
      await page.waitForURL(/q=vervoer&law=jeugdwet/);
      await page
        .locator("tbody tr")
        .first()
        .filter({ hasText: /vervoer/i })
        .waitFor();
      for (let i = 0; i < 40; i++) {
        const inResults = await page.evaluate(() => document.activeElement?.tagName === "A" && !!document.activeElement.closest("tbody"));
        if (inResults) break;
        await page.keyboard.press("Tab");
      }
      const name = ((await page.evaluate(() => document.activeElement?.textContent)) ?? "").trim();
      assert.match(name, /vervoer/i, "met Tab bij het eerste resultaat");
      await page.keyboard.press("Enter");
      await page.waitForURL(/\/producten\/[^/?]+$/);
      await page.getByRole("heading", { level: 1, name }).waitFor();
      assert.equal(await activeTag(page), "H1");
    });

    test("probleemmeldingen van de API staan in een melding", async () => {
      const { page } = await newPage();
      await open(page, "/producten/bestaat-niet");
      const alert = page.getByRole("alert");
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? "", /Product niet gevonden/);
      await open(page, "/vergelijken?code=99X99");
      assert.match((await page.getByRole("alert").textContent()) ?? "", /Geen producten gevonden/);
      // 400: every problem with the parameter it is about
      await open(page, "/producten?productcategorie=abc&law=bgb");
      const bad = (await page.getByRole("alert").textContent()) ?? "";
      assert.match(bad, /Zoeken mislukt/);
      assert.match(bad, /productcategorie: productcategorie is 2 cijfers/);
      assert.match(bad, /law: /);
    });

    const pages: [string, string, string][] = [
      ["/", "start", "h1"],
      ["/productenboeken", "productenboeken", ".kader-book"],
      ["/producten?q=dagbesteding", "producten-zoeken", "tbody tr"],
      ["/producten/002-wmo-2026.wmo.02A05", "product", ".kader-note"],
      ["/producten/001-concept-inkoop-2025.wmo.02A05", "product-volgt-nog", ".kader-note"],
      ["/vergelijken", "vergelijken-leeg", "h1"],
      ["/vergelijken?code=02A05", "vergelijken", "[data-testid=compare-table]"],
      ["/inloggen", "inloggen", "form"],
      ["/accounts", "accounts-niet-ingelogd", "h1"],
      ["/bestaat-niet", "niet-gevonden", "h1"],
    ];
    for (const [path, name, ready] of pages)
      test(`toegankelijk (axe, WCAG 2.1 AA): ${path}`, async () => {
        const { page, errors } = await newPage();
        await open(page, path);
        await page.locator(ready).first().waitFor();
        assert.equal(await page.locator("html").getAttribute("lang"), "nl");
        assert.equal(await page.locator("h1").count(), 1, "precies één h1");
        await assertAccessible(page, path);
        await shot(page, name);
        assert.deepEqual(errors, []);
      });
  });

  describe("inloggen, rollen en uitloggen (demo-accounts)", () => {
    for (const role of ROLES)
      test(`inloggen als ${role.username}: naam, rol en organisatie in de kop`, async () => {
        const { page } = await newPage();
        const res = await login(page, role.username, DEMO_PASSWORD);
        assert.equal(res.status(), 200);
        const { user } = (await res.json()) as { user: { displayName: string; role: string } };
        assert.equal(user.role, role.username);
        await page.getByTestId("current-user").waitFor();
        assert.match((await page.getByTestId("current-user").textContent()) ?? "", new RegExp(user.displayName));
        assert.equal(await page.getByTestId("current-role").textContent(), role.label);
        await page.getByRole("button", { name: "Uitloggen" }).waitFor();
        const nav = page.getByRole("navigation", { name: "Hoofdmenu" });
        assert.equal(await nav.getByRole("link", { name: "Accounts" }).count(), role.username === "beheerder" ? 1 : 0);
        // the catalogue stays as it was
        await open(page, "/producten?q=dagbesteding");
        await page.locator("tbody tr").first().waitFor();
        if (role.username === "beheerder") {
          await assertAccessible(page, "kop met ingelogde gebruiker");
          await shot(page, "ingelogd");
        }
      });

    test("verkeerd wachtwoord: de algemene foutmelding", async () => {
      const { page } = await newPage();
      const res = await login(page, "contractmanager", "niet-het-wachtwoord");
      assert.equal(res.status(), 401);
      const err = page.getByTestId("login-error");
      await err.waitFor();
      assert.match((await err.textContent()) ?? "", /Onjuiste gebruikersnaam of wachtwoord/);
      assert.equal(await page.getByLabel("Wachtwoord").inputValue(), "", "het wachtwoord wordt gewist");
      assert.equal(await page.getByTestId("current-user").count(), 0);
      await assertAccessible(page, "inloggen met foutmelding");
      await shot(page, "inloggen-fout");
    });

    test("te veel pogingen (429): de melding van de server en het advies om te wachten", async () => {
      const { page } = await newPage();
      await page.route("**/api/v1/auth/login", (route) =>
        route.fulfill({
          status: 429,
          contentType: "application/problem+json",
          body: JSON.stringify({
            title: "Te veel pogingen",
            status: 429,
            detail: "probeer het over 15 minuten opnieuw",
            problems: [{ code: "rate-limited", detail: "probeer het over 15 minuten opnieuw" }],
          }),
        }),
      );
      await login(page, "beheerder", "wat-dan-ook");
      const err = page.getByTestId("login-error");
      await err.waitFor();
      const text = (await err.textContent()) ?? "";
      assert.match(text, /Te veel pogingen/);
      assert.match(text, /probeer het over 15 minuten opnieuw/);
      assert.match(text, /Wacht even/);
    });

    test("uitloggen stuurt het CSRF-token mee en beëindigt de sessie", async () => {
      const { page } = await newPage();
      const res = await login(page, "toegang", DEMO_PASSWORD);
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      await page.getByRole("button", { name: "Uitloggen" }).waitFor();
      const logoutRequest = page.waitForRequest((r) => r.url().endsWith("/api/v1/auth/logout"));
      const logoutResponse = page.waitForResponse((r) => r.url().endsWith("/api/v1/auth/logout"));
      await page.getByRole("button", { name: "Uitloggen" }).click();
      assert.equal((await logoutRequest).headers()["x-csrf-token"], csrfToken);
      assert.equal((await logoutResponse).status(), 204);
      await page.getByRole("banner").getByRole("link", { name: "Inloggen" }).waitFor();
      assert.equal(await page.evaluate(() => fetch("/api/v1/auth/me").then((r) => r.status)), 401);
      // a reload does not bring the session back
      await page.reload();
      await page.waitForLoadState("networkidle");
      assert.equal(await page.getByTestId("current-user").count(), 0);
    });

    test("een beheerder ziet de accounts; een ander niet", async () => {
      const { page } = await newPage();
      await login(page, "beheerder", DEMO_PASSWORD);
      await page.getByTestId("current-user").waitFor();
      await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Accounts" }).click();
      await page.waitForURL(/\/accounts$/);
      const table = page.locator("table");
      await table.waitFor();
      const names = await table.locator("tbody th").allTextContents();
      for (const r of ROLES) assert.ok(names.includes(r.username), `account ${r.username} in de lijst`);
      await assertAccessible(page, "/accounts");
      await shot(page, "accounts");

      const other = await newPage();
      await login(other.page, "aanbieder", DEMO_PASSWORD);
      await other.page.getByTestId("current-user").waitFor();
      await open(other.page, "/accounts");
      await other.page.getByText("Geen toegang").waitFor();
      assert.equal(await other.page.evaluate(() => fetch("/api/v1/users").then((r) => r.status)), 403);
    });

    test("na inloggen terug naar de pagina waar u was", async () => {
      const { page } = await newPage();
      await open(page, "/productenboeken");
      await page.getByRole("banner").getByRole("link", { name: "Inloggen" }).click();
      await page.waitForURL(/\/inloggen\?terug=/);
      await page.getByLabel("Gebruikersnaam").fill("controller");
      await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Inloggen", exact: true }).click();
      await page.waitForURL(/\/productenboeken$/);
      await page.getByTestId("current-user").waitFor();
    });
  });
});
