/**
 * Browser tests of the compliance screens (issue 4): providers with their verdicts, the staff file import with its
 * row-level error report, the product × requirement matrix, the Excel report, evidence and signals. The setup is in
 * harness.ts (shared with web.e2e.test.ts): the web app built into a temporary folder (or KADER_WEB_DIST), the API
 * in-process on a fresh database with the catalogue and the demo accounts (today = 2026-06-01), Debian's chromium,
 * axe (WCAG 2.1 A/AA) on every new page and screenshots in test-results/screenshots/. Skipped when /usr/bin/chromium
 * is absent.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { browserHarness, nav, noChromium, ROOT, text, XLSX } from "./harness.ts";

const STAFF = join(ROOT, "test/fixtures/staff");

let base = "";
const { start, stop, newPage, open, shot, assertAccessible, signIn } = browserHarness({ langAndH1: true });

/** Signs in with the demo password and waits for the name in the header. */
async function login(page: Page, username: string) {
  await signIn(page, username);
  await page.getByTestId("current-user").waitFor();
}

/** Uploads a staff file through the import form; resolves with the API's answer. */
async function importFile(page: Page, agb: string, name: string, file: string) {
  await page.getByLabel("AGB-code").fill(agb);
  await page.getByLabel("Naam van de aanbieder").fill(name);
  await page.getByLabel("Personeelsbestand (.csv of .xlsx)", { exact: true }).setInputFiles(join(STAFF, file));
  const request = page.waitForRequest((r) => r.url().includes("/api/v1/aanbieders/") && r.method() === "POST");
  const response = page.waitForResponse((r) => r.url().includes("/api/v1/aanbieders/") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Bestand inlezen" }).click();
  return { request: await request, response: await response };
}

describe("compliance in de browser", { skip: noChromium, timeout: 180_000 }, () => {
  before(async () => {
    base = await start();
  });
  after(stop);

  test("niet ingelogd: geen menu-items, de pagina's vragen om in te loggen", async () => {
    const { page, errors } = await newPage();
    await open(page, "/");
    assert.equal(await nav(page).getByRole("link", { name: "Aanbieders" }).count(), 0);
    assert.equal(await nav(page).getByRole("link", { name: "Signalen" }).count(), 0);
    for (const [path, name] of [
      ["/aanbieders", "aanbieders-niet-ingelogd"],
      ["/aanbieders/12345678", "aanbieder-niet-ingelogd"],
      ["/signalen", "signalen-niet-ingelogd"],
    ] as const) {
      await open(page, path);
      await page.getByRole("main").getByRole("link", { name: "Log in" }).waitFor();
      await assertAccessible(page, `${path} (niet ingelogd)`);
      await shot(page, name);
    }
    assert.deepEqual(errors, []);
  });

  test("contractmanager: personeelsbestand inlezen, lijst, toets, Excel, bewijs, foute rijen en signalen", async () => {
    const { page, context, errors } = await newPage();
    await login(page, "contractmanager");
    assert.equal(await nav(page).getByRole("link", { name: "Accounts" }).count(), 0);
    await nav(page).getByRole("link", { name: "Aanbieders" }).click();
    await page.waitForURL(/\/aanbieders$/);
    await page.getByRole("heading", { level: 1, name: "Aanbieders" }).waitFor();
    await page.getByTestId("no-providers").waitFor();

    // 1. the staff file of the issue, through the form: sent as text/csv with the CSRF token
    const ok = await importFile(page, "12345678", "Zorg Voorbeeld", "zorg-voorbeeld.csv");
    assert.equal(ok.response.status(), 201);
    assert.match(ok.request.headers()["content-type"] ?? "", /^text\/csv/);
    assert.ok(ok.request.headers()["x-csrf-token"], "het CSRF-token gaat mee");
    assert.match(ok.request.url(), /bestand=zorg-voorbeeld\.csv&naam=Zorg\+Voorbeeld/);
    const outcome = page.getByTestId("import-outcome");
    await outcome.filter({ hasText: "10 medewerkers ingelezen" }).waitFor();
    assert.match(await text(outcome), /uit zorg-voorbeeld\.csv voor Zorg Voorbeeld \(AGB 12345678\)\. De aanbieder is nieuw in Kader\./);
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("data-testid")), "import-outcome", "de focus gaat naar de uitkomst");

    // 2. the provider in the list, with its status in words and the counts
    const row = page.getByTestId("providers").locator("tbody tr", { hasText: "Zorg Voorbeeld" });
    await row.waitFor();
    const cells = (await row.locator("th, td").allTextContents()).map((c) => c.trim());
    assert.deepEqual(cells, ["Zorg Voorbeeld", "12345678", "2 producten voldoen niet", "2", "2", "0", "10"]);
    await assertAccessible(page, "/aanbieders na inlezen");
    await shot(page, "aanbieders");

    // 3. the provider page: the matrix, the vervoer reason, the default peildatum (the server's today)
    await row.getByRole("link", { name: "Zorg Voorbeeld" }).click();
    await page.waitForURL(/\/aanbieders\/12345678$/);
    await page.getByRole("heading", { level: 1, name: "Zorg Voorbeeld" }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "na navigeren staat de focus op de paginakop");
    const m1 = page.locator('[data-product="004-nmd-pve-2026.wmo.dagbesteding-m1"]');
    await m1.waitFor();
    assert.match(await text(m1.locator("p").first()), /^Oordeel: voldoet niet/);
    const vervoer = m1.locator("tbody tr", { hasText: "inschrijving vervoer" });
    assert.equal(await vervoer.getAttribute("data-status"), "voldoet-niet");
    assert.match(await text(vervoer), /voldoet niet/);
    assert.match(await text(vervoer), /niet gecontracteerd voor vervoer-regulier-0-10/);
    assert.match(await text(m1.locator("tbody tr", { hasText: "beroepsregistratie" })), /te beoordelen/);
    assert.match(await text(m1.locator("tbody tr", { hasText: "dagdeel" })), /per cliënt/);
    const begeleiding = page.locator('[data-product="000-begeleiding-dagbesteding.wmo.02A03"]');
    assert.match(await text(begeleiding.locator("p").first()), /^Oordeel: voldoet/);
    assert.match(await text(begeleiding.locator("tbody tr", { hasText: "opleiding" }).first()), /83% van de personen/);
    assert.equal(await page.getByLabel("Peildatum", { exact: true }).inputValue(), "2026-06-01");
    assert.match(await text(page.getByTestId("check-summary")), /Peildatum 1 juni 2026: 2 producten voldoen niet \(2 voldoet, 2 voldoet niet, 0 onbekend\)/);

    // the staff list marks what lapses soon: Dirk Smit's VOG (30 days), Anna de Vries' SKJ registration (44 days)
    const staff = page.getByTestId("staff");
    assert.equal(await staff.locator("tbody tr").count(), 10);
    assert.match(await text(staff.locator("tbody tr", { hasText: "Dirk Smit" })), /verloopt over 30 dagen/);
    assert.match(await text(staff.locator("tbody tr", { hasText: "Anna de Vries" })), /SKJ 110012345 geldig tot 15 juli 2026 verloopt over 44 dagen/);
    assert.doesNotMatch(await text(staff.locator("tbody tr", { hasText: "Hanna Peters" })), /verloopt/);
    await assertAccessible(page, "/aanbieders/12345678");
    await shot(page, "aanbieder");

    // 4. the Excel report: a download link that answers 200 with the xlsx type (with the session's cookie)
    const excel = page.getByRole("link", { name: /Download de toets in Excel/ });
    assert.notEqual(await excel.getAttribute("download"), null);
    const href = (await excel.getAttribute("href")) ?? "";
    assert.match(href, /^\/api\/v1\/aanbieders\/12345678\/compliance\?format=xlsx$/);
    const xlsx = await context.request.get(base + href);
    assert.equal(xlsx.status(), 200);
    assert.match(xlsx.headers()["content-type"] ?? "", XLSX);
    assert.ok((await xlsx.body()).byteLength > 1000);

    // 5. another peildatum and one productenboek: the URL carries both, and so does the Excel link
    await page.getByLabel("Peildatum", { exact: true }).fill("2026-08-01");
    await page.getByLabel("Productenboek", { exact: true }).selectOption("004-nmd-pve-2026");
    await page.getByRole("button", { name: "Toetsen" }).click();
    await page.waitForURL(/peildatum=2026-08-01&productenboek=004-nmd-pve-2026/);
    await page.getByTestId("check-summary").filter({ hasText: "Peildatum 1 augustus 2026" }).waitFor();
    assert.equal(await page.getByTestId("product-result").count(), 2, "alleen de producten uit 004");
    assert.match((await excel.getAttribute("href")) ?? "", /peildatum=2026-08-01&productenboek=004-nmd-pve-2026&format=xlsx/);

    // 6. evidence: an expired KvK-uittreksel (6 months from 1 oktober 2025); the whole list goes in one PUT
    await page.getByLabel("Soort", { exact: true }).selectOption("kvk-uittreksel");
    await page.getByLabel("Datum", { exact: true }).fill("2025-10-01");
    const put = page.waitForRequest((r) => r.url().endsWith("/api/v1/aanbieders/12345678/bewijs") && r.method() === "PUT");
    await page.getByRole("button", { name: "Bewijsstuk toevoegen" }).click();
    const body = (await put).postDataJSON() as { items: unknown[] };
    assert.deepEqual(body, { items: [{ kind: "kvk-uittreksel", date: "2025-10-01", validUntil: null, scope: ["*"], description: null }] });
    await page.getByRole("status").filter({ hasText: "KvK-uittreksel toegevoegd." }).waitFor();
    const evidence = page.getByTestId("evidence");
    await evidence.locator("tbody tr", { hasText: "verlopen" }).waitFor();
    assert.match(await text(evidence.locator("tbody tr").first()), /KvK-uittreksel verlopen 61 dagen geleden 1 oktober 2025 geen einddatum hele organisatie/);
    await assertAccessible(page, "/aanbieders/12345678 met bewijsstuk");
    await shot(page, "aanbieder-bewijs");

    // 7. a file with three wrong rows: the row-level report, and nothing is imported
    await open(page, "/aanbieders");
    const bad = await importFile(page, "12345678", "", "drie-foute-rijen.csv");
    assert.equal(bad.response.status(), 400);
    const report = page.getByTestId("import-errors");
    await report.waitFor();
    assert.match(await text(page.getByTestId("import-outcome")), /Het bestand drie-foute-rijen\.csv is niet ingelezen: 3 fouten gevonden/);
    const errorRows = await report.locator("tbody tr").all();
    assert.equal(errorRows.length, 3);
    const found = await Promise.all(errorRows.map(async (r) => (await r.locator("td").allTextContents()).slice(0, 2)));
    assert.deepEqual(found, [
      ["3", "opleidingsniveau"],
      ["5", "vog_datum"],
      ["6", "soort"],
    ]);
    assert.match(await text(errorRows[1]!), /"31-4-2025" is geen bestaande datum/);
    assert.deepEqual(
      (await page.getByTestId("providers").locator("tbody tr").first().locator("td").allTextContents()).at(-1),
      "10",
      "de medewerkerslijst is niet vervangen",
    );
    await assertAccessible(page, "/aanbieders met foutenrapport");
    await shot(page, "aanbieders-foute-rijen");

    // 8. signals: soonest first, the lapsed KvK-uittreksel on top
    await nav(page).getByRole("link", { name: "Signalen" }).click();
    await page.waitForURL(/\/signalen$/);
    const signals = page.getByTestId("signals");
    await signals.waitFor();
    assert.equal(await page.getByLabel("Verloopt binnen (dagen)").inputValue(), "60");
    const rows = await signals.locator("tbody tr").all();
    const subjects = await Promise.all(rows.map(async (r) => (await r.locator("td").allTextContents()).map((c) => c.trim())));
    assert.deepEqual(
      subjects.map((c) => [c[1], c[3], c[4]]),
      [
        ["verlopen 61 dagen geleden", "Zorg Voorbeeld", "KvK-uittreksel"],
        ["verloopt over 30 dagen", "Dirk Smit", "VOG"],
        ["verloopt over 44 dagen", "Anna de Vries", "registratie SKJ 110012345"],
      ],
    );
    assert.match(await text(page.getByTestId("signal-count")), /3 signalen: verloopt binnen 60 dagen, waarvan 1 al verlopen/);
    await assertAccessible(page, "/signalen");
    await shot(page, "signalen");

    await page.getByLabel("Verloopt binnen (dagen)").fill("35");
    await page.getByRole("button", { name: "Tonen" }).click();
    await page.waitForURL(/\/signalen\?dagen=35$/);
    await page.getByTestId("signal-count").filter({ hasText: "2 signalen" }).waitFor();
    assert.deepEqual(errors, []);
  });

  test("aanbieder 98765432: een lege lijst, geen toegang tot 12345678, alleen de eigen organisatie bijwerken", async () => {
    const { page, errors } = await newPage();
    await login(page, "aanbieder");
    await nav(page).getByRole("link", { name: "Aanbieders" }).click();
    await page.waitForURL(/\/aanbieders$/);
    await page.getByTestId("no-providers").waitFor();
    await assertAccessible(page, "/aanbieders (aanbieder)");
    await shot(page, "aanbieders-aanbieder");

    // the form is filled in with the own organisation; another AGB code is refused by the API (403, no row table)
    assert.equal(await page.getByLabel("AGB-code").inputValue(), "98765432");
    assert.equal(await page.getByLabel("Naam van de aanbieder").inputValue(), "Zorg Voorbeeld B.V.");
    const other = await importFile(page, "12345678", "", "geldig-komma.csv");
    assert.equal(other.response.status(), 403);
    assert.match(await text(page.getByTestId("import-outcome").getByRole("alert")), /Inlezen mislukt: Geen toegang/);
    assert.equal(await page.getByTestId("import-errors").count(), 0);
    const own = await importFile(page, "98765432", "Zorg Voorbeeld B.V.", "geldig-komma.csv");
    assert.equal(own.response.status(), 201);
    await page.getByTestId("import-outcome").filter({ hasText: "2 medewerkers ingelezen" }).waitFor();
    const rows = page.getByTestId("providers").locator("tbody tr");
    await rows.first().waitFor();
    assert.deepEqual(await rows.locator("th").allTextContents(), ["Zorg Voorbeeld B.V."], "alleen de eigen organisatie");

    await open(page, "/aanbieders/12345678");
    const alert = page.getByRole("alert");
    await alert.waitFor();
    assert.match(await text(alert), /Geen toegang/);
    assert.match(await text(alert), /hoort niet bij uw organisatie/);
    assert.equal(await page.evaluate(() => fetch("/api/v1/aanbieders/12345678").then((r) => r.status)), 403);
    assert.equal(await page.getByTestId("staff").count(), 0);
    await assertAccessible(page, "/aanbieders/12345678 (aanbieder)");
    await shot(page, "aanbieder-geen-toegang");

    await nav(page).getByRole("link", { name: "Signalen" }).click();
    await page.waitForURL(/\/signalen$/);
    await page.getByTestId("signal-count").filter({ hasText: "Er verloopt niets" }).waitFor();
    await assertAccessible(page, "/signalen (aanbieder)");

    // signing out leaves the page with personal data
    await page.getByRole("button", { name: "Uitloggen" }).click();
    await page.waitForURL((u) => u.pathname === "/");
    assert.equal(await nav(page).getByRole("link", { name: "Aanbieders" }).count(), 0);
    assert.deepEqual(errors, []);
  });

  test("andere rollen zien de menu-items niet en krijgen een melding", async () => {
    const { page } = await newPage();
    await login(page, "toegang");
    assert.equal(await nav(page).getByRole("link", { name: "Aanbieders" }).count(), 0);
    await open(page, "/aanbieders");
    await page.getByText("Geen toegang: alleen een contractmanager of een aanbieder").waitFor();
    await assertAccessible(page, "/aanbieders (toegang)");
  });
});
