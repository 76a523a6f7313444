/**
 * Browser tests of the tariff screens (issue 7): the calculator for one product (the tariff, its steps and the
 * waterfall chart), a product whose unit is missing, a refused parameter, and a whole productenboek with the live
 * workbook and the sensitivity. The setup is in harness.ts (shared with web.e2e.test.ts): the web app built into a
 * temporary folder (or KADER_WEB_DIST), the API in-process on a fresh database with the catalogue and the demo
 * accounts, Debian's chromium, axe (WCAG 2.1 A/AA) on every page and screenshots in test-results/screenshots/.
 * Skipped when /usr/bin/chromium is absent.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page, Request } from "playwright-core";
import { parse } from "yaml";
import { browserHarness, DEMO_PASSWORD, nav, noChromium, ROOT, text, XLSX } from "./harness.ts";

/** the example parameters as shipped; the web app embeds the same values as its defaults */
const EXAMPLE = parse(readFileSync(join(ROOT, "tarieven/voorbeeld-2026.yaml"), "utf8")) as Record<string, unknown>;
const DAGBESTEDING = "002-wmo-2026.wmo.07A03";
const NO_UNIT = "000-begeleiding-dagbesteding.wmo.02A03";

let base = "";
const { start, stop, newPage, open, shot, assertAccessible } = browserHarness({ acceptDownloads: true, langAndH1: true });

const active = (page: Page) =>
  page.evaluate(() => ({ id: document.activeElement?.id ?? "", testid: document.activeElement?.getAttribute("data-testid") ?? "" }));
const euro = (cents: number) => `€ ${Math.floor(cents / 100)},${String(cents % 100).padStart(2, "0")}`;

/** Waits until the product list is loaded and picks a product. */
async function chooseProduct(page: Page, id: string) {
  const select = page.getByLabel("Product", { exact: true });
  await select.locator(`option[value="${id}"]`).waitFor({ state: "attached" });
  await select.selectOption(id);
}

/** Clicks a compute button; resolves with the request and the API's answer. */
async function compute(page: Page, button: string): Promise<{ request: Request; status: number }> {
  const request = page.waitForRequest((r) => r.url().endsWith("/api/v1/tarieven/bereken") && r.method() === "POST");
  const response = page.waitForResponse((r) => r.url().endsWith("/api/v1/tarieven/bereken"));
  await page.getByRole("button", { name: button, exact: true }).click();
  return { request: await request, status: (await response).status() };
}

describe("tarieven in de browser", { skip: noChromium, timeout: 240_000 }, () => {
  before(async () => {
    base = await start();
  });
  after(stop);

  test("Tarieven staat in het menu, voor iedereen", async () => {
    const { page, errors } = await newPage();
    await open(page, "/");
    await nav(page).getByRole("link", { name: "Tarieven" }).click();
    await page.waitForURL(/\/tarieven$/);
    await page.getByRole("heading", { level: 1, name: "Tarief berekenen" }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), "H1", "na navigeren staat de focus op de paginakop");
    assert.equal(await nav(page).getByRole("link", { name: "Tarieven" }).getAttribute("aria-current"), "page");
    assert.match(await page.title(), /^Tarief berekenen – Kader$/);

    // signed in (any role) the entry stays
    await open(page, "/inloggen");
    await page.getByLabel("Gebruikersnaam").fill("toegang");
    await page.getByLabel("Wachtwoord").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Inloggen", exact: true }).click();
    await page.getByTestId("current-user").waitFor();
    assert.equal(await nav(page).getByRole("link", { name: "Tarieven" }).count(), 1);
    assert.deepEqual(errors, []);
  });

  test(`het tarief van ${DAGBESTEDING} met de voorbeeldparameters: € 33,06 per dagdeel, de berekening en de grafiek`, async () => {
    const { page, errors } = await newPage();
    await open(page, "/tarieven");
    await page.getByText("Voorbeeld, geen cao-cijfers.").waitFor();
    // the defaults are the example file, in euros and percentages
    assert.equal(await page.getByLabel("MBO-4 (€ per maand)").inputValue(), "3450,00");
    assert.equal(await page.getByLabel("Eindejaarsuitkering (%)").inputValue(), "8,33");
    assert.equal(await page.getByLabel("Overhead (%)").inputValue(), "15");
    assert.equal(await page.getByLabel("Ziekte (%)").inputValue(), "6");
    assert.equal(await page.getByLabel("Contracturen per jaar").inputValue(), "1878");
    await assertAccessible(page, "/tarieven");

    await chooseProduct(page, DAGBESTEDING);
    const { request, status } = await compute(page, "Tarief berekenen");
    assert.equal(status, 200);
    // what is sent is exactly the example (cents and fractions), with no units or mix of its own
    assert.deepEqual(request.postDataJSON(), { productId: DAGBESTEDING, parameters: { ...EXAMPLE, eenheden: {}, mix: {} } });

    const amount = page.getByTestId("tariff-amount");
    await amount.waitFor();
    assert.equal(await text(amount), "Tarief € 33,06 per dagdeel");
    await page.waitForURL(new RegExp(`/tarieven\\?product=${DAGBESTEDING.replace(/\./g, "\\.")}$`));
    assert.equal((await active(page)).testid, "tariff-outcome", "de focus gaat naar de uitkomst");
    const facts = page.getByTestId("tariff-facts");
    assert.match(await text(facts), /Eenheid 16 – dagdeel van 4 uur/);
    assert.match(await text(page.getByTestId("tariff-hourly")), /^€ 53,72 \(exact 53,716346\)$/);
    assert.equal(await text(page.getByTestId("tariff-mix")), "MBO-4 100%");
    assert.match(await text(facts), /Herkomst van de mix functiemix uit de productbeschrijving/);

    // the breakdown: every step with its value, formula and cost element
    const steps = page.getByTestId("tariff-steps");
    const names = (await steps.locator("tbody th").allTextContents()).map((s) => s.trim());
    assert.deepEqual(names, [
      "jaarloon mbo4",
      "gewogen jaarloon (mix)",
      "productieve uren per jaar",
      "uurkosten",
      "met overhead",
      "met kapitaallasten, leegstand en risico",
      "uurtarief",
      "per cliënturen",
      "tarief per eenheid (onafgerond)",
      "tarief per eenheid",
    ]);
    assert.match(
      await text(steps.locator("tbody tr", { hasText: "productieve uren per jaar" })),
      /1\.314,6 uur contracturenPerJaar × \(1 − 0\.300000\) niet-productieve uren/,
    );
    assert.match(await text(steps.locator("tbody tr").nth(3)), /^uurkosten € 45,79 exact 45,793987 gewogen jaarloon \/ productieve uren niet-productieve uren/);
    assert.match(await text(steps.locator("tbody tr").last()), /^tarief per eenheid € 33,06/);
    assert.match(await text(steps.locator("caption")), /stap voor stap/);

    // the waterfall chart: an image with a name and a description that says every figure, and the same as a table
    const chart = page.getByRole("img", { name: /Opbouw van het tarief van .*: van uurkosten naar € 33,06 per dagdeel/ });
    await chart.waitFor();
    assert.equal(await page.getByTestId("tariff-chart").locator("g[data-kind]").count(), 9);
    const desc = (await page.getByTestId("tariff-chart").locator("desc").textContent()) ?? "";
    assert.match(
      desc.replace(/\s+/g, " "),
      /^Uurkosten: € 45,79; Overhead: \+ € 6,87; Kapitaallasten, leegstand, risico: \+ € 1,05; Indexatie: \+ € 0,00; Uurtarief: € 53,72; ÷ 6,5 cliënten per begeleider: − € 45,45; Per cliënturen: € 8,26; × 4 uur per dagdeel: \+ € 24,79; Per dagdeel \(afgerond\): € 33,06\.$/,
    );
    await page.getByText("De grafiek als tabel").click();
    const chartTable = page.getByTestId("tariff-chart-table");
    await chartTable.waitFor();
    assert.equal(await chartTable.locator("tbody tr").count(), 9);
    assert.equal(await text(chartTable.locator("tbody tr").last()), "Per dagdeel (afgerond) stand € 33,06 € 33,06");
    await assertAccessible(page, "/tarieven met uitkomst");
    await shot(page, "tarief-berekenen");
    assert.deepEqual(errors, []);
  });

  test("een product zonder eenheid: de melding noemt wat ontbreekt; met eenheid uur komt er een tarief", async () => {
    const { page, context, errors } = await newPage();
    await open(page, "/tarieven");
    await chooseProduct(page, NO_UNIT);
    assert.equal((await compute(page, "Tarief berekenen")).status, 200);
    const alert = page.getByTestId("tariff-missing");
    await alert.waitFor();
    assert.match(await text(alert), /is niet te berekenen: er ontbreken gegevens/);
    assert.match(await text(alert), new RegExp(`Eenheid: de productbeschrijving noemt geen eenheid\\. .*eenheden\\.${NO_UNIT.replace(/\./g, "\\.")}`));
    assert.equal((await active(page)).testid, "tariff-outcome");
    assert.equal(await page.getByTestId("tariff-amount").count(), 0);
    assert.equal(await page.getByTestId("tariff-steps").count(), 0);
    // the field to supply it, with the reason as its hint; no mix fields: the description gives a mix
    const unit = page.getByLabel("Eenheid", { exact: true });
    assert.match((await unit.getAttribute("aria-describedby")) ?? "", /tp-eenheid-hint/);
    assert.equal(await page.getByLabel("MBO-4 (%)").count(), 0);
    await assertAccessible(page, "/tarieven met ontbrekende eenheid");
    await shot(page, "tarief-eenheid-ontbreekt");

    await unit.selectOption({ label: "04 – uur" });
    const again = await compute(page, "Opnieuw berekenen");
    assert.equal(again.status, 200);
    const sent = again.request.postDataJSON() as { parameters: { eenheden: Record<string, string> } };
    assert.deepEqual(sent.parameters.eenheden, { [NO_UNIT]: "04" });
    // the same figure as the API gives for these parameters
    const api = await context.request.post(`${base}/api/v1/tarieven/bereken`, {
      data: { productId: NO_UNIT, parameters: { ...EXAMPLE, eenheden: { [NO_UNIT]: "04" } } },
    });
    const expected = (await api.json()) as { tariefPerEenheid: number };
    await page.getByTestId("tariff-amount").waitFor();
    assert.equal(await text(page.getByTestId("tariff-amount")), `Tarief ${euro(expected.tariefPerEenheid)} per uur`);
    assert.equal(await page.getByTestId("tariff-missing").count(), 0);
    assert.match(await text(page.getByTestId("tariff-facts")), /Eenheid 04 – uur \(door u gekozen\)/);
    assert.equal(await text(page.getByTestId("tariff-mix")), "MBO-3 20%, MBO-4 80%");
    // the unit stays editable beside the result
    assert.equal(await unit.inputValue(), "04");
    await page.getByTestId("tariff-chart").waitFor();
    await assertAccessible(page, "/tarieven met gekozen eenheid");
    await shot(page, "tarief-eenheid-gekozen");
    assert.deepEqual(errors, []);
  });

  test("een foute parameter (overhead 150%) toont de veldfout van de API", async () => {
    const { page, errors } = await newPage();
    // a link with ?product= computes at once
    await open(page, `/tarieven?product=${DAGBESTEDING}`);
    await page.getByTestId("tariff-amount").filter({ hasText: "€ 33,06" }).waitFor();

    const overhead = page.getByLabel("Overhead (%)");
    await overhead.fill("150");
    assert.match(await text(page.getByTestId("tariff-outcome")), /Let op: deze uitkomst hoort bij de parameters van daarnet/);
    const { request, status } = await compute(page, "Tarief berekenen");
    assert.equal(status, 400);
    assert.equal((request.postDataJSON() as { parameters: { overhead: number } }).parameters.overhead, 1.5);
    const alert = page.getByTestId("tariff-outcome").getByRole("alert");
    await alert.waitFor();
    assert.match(await text(alert), /^Berekenen mislukt: Ongeldige tariefparameter overhead: overhead is een fractie tussen 0 en 1 \(boven 100% kan niet\)$/);
    assert.equal(await overhead.getAttribute("aria-invalid"), "true");
    assert.match((await overhead.getAttribute("aria-describedby")) ?? "", /tp-overhead-error/);
    assert.equal(await text(page.locator("#tp-overhead-error")), "overhead is een fractie tussen 0 en 1 (boven 100% kan niet)");
    assert.equal((await active(page)).id, "tp-overhead", "de focus gaat naar het foute veld");
    assert.equal(await page.getByTestId("tariff-amount").count(), 0);
    await assertAccessible(page, "/tarieven met foute parameter");
    await shot(page, "tarief-foute-parameter");

    // text that is no number is caught before sending, with the same marks
    await overhead.fill("vijftien");
    let sent = 0;
    page.on("request", (r) => {
      if (r.url().endsWith("/tarieven/bereken")) sent++;
    });
    await page.getByRole("button", { name: "Tarief berekenen", exact: true }).click();
    await page.getByTestId("tariff-outcome").getByRole("alert").filter({ hasText: "Controleer de parameters" }).waitFor();
    assert.equal(await text(page.locator("#tp-overhead-error")), '"vijftien" is geen getal; schrijf bijvoorbeeld 15 of 8,33');
    assert.equal(sent, 0);

    // back to 15%: the tariff again
    await overhead.fill("15");
    assert.equal((await compute(page, "Tarief berekenen")).status, 200);
    await page.getByTestId("tariff-amount").filter({ hasText: "€ 33,06" }).waitFor();
    assert.equal(await overhead.getAttribute("aria-invalid"), null);
    assert.deepEqual(errors, []);
  });

  test("productenboek 002-wmo-2026: 9 tarieven, sorteren, de Excel-werkmap en de gevoeligheid", async () => {
    const { page, errors } = await newPage();
    await open(page, "/tarieven/productenboek");
    await page.getByRole("heading", { level: 1, name: "Tarieven van een productenboek" }).waitFor();
    await assertAccessible(page, "/tarieven/productenboek");
    const book = page.getByLabel("Productenboek", { exact: true });
    await book.locator('option[value="002-wmo-2026"]').waitFor({ state: "attached" });
    await book.selectOption("002-wmo-2026");
    const sensitivity = page.waitForResponse((r) => r.url().endsWith("/api/v1/tarieven/productenboeken/002-wmo-2026/gevoeligheid"));
    await page.getByRole("button", { name: "Tarieven berekenen" }).click();
    await page.waitForURL(/\/tarieven\/productenboek\?productenboek=002-wmo-2026$/);
    assert.equal((await sensitivity).status(), 200);

    const summary = page.getByTestId("book-summary");
    await summary.waitFor();
    assert.match(await text(summary), /^9 van de 11 producten hebben een tarief; bij 2 ontbreken gegevens/);
    assert.equal((await active(page)).testid, "book-outcome");
    const table = page.getByTestId("book-tariffs");
    assert.equal(await table.locator("tbody tr").count(), 11);
    assert.equal(await table.locator('tbody tr[data-ok="true"]').count(), 9);
    assert.match(await text(table.locator(`tr[data-product="${DAGBESTEDING}"]`)), /07A03 16 dagdeel € 33,06 per dagdeel € 53,72 MBO-4 100% niets/);
    const vervoer = await text(table.locator('tr[data-product="002-wmo-2026.wmo.08L01.vervoer"]'));
    assert.match(vervoer, /niet berekend/);
    assert.match(vervoer, /rekenmodel voor eenheid 14/);
    assert.match(vervoer, /functiemix \(noemt geen opleidingseisen\)/);

    // sortable by tariff: low to high, then high to low; products without a tariff stay last
    const sortButton = table.getByRole("button", { name: /Tarief per eenheid/ });
    const tariffs = async () => (await table.locator('[data-testid="tariff-cell"]').allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
    await sortButton.click();
    assert.equal(await table.locator("th[aria-sort]").getAttribute("aria-sort"), "ascending");
    let shown = await tariffs();
    assert.equal(shown[0], "€ 0,85 per minuut");
    assert.deepEqual(shown.slice(-2), ["niet berekend", "niet berekend"]);
    await sortButton.click();
    assert.equal(await table.locator("th[aria-sort]").getAttribute("aria-sort"), "descending");
    shown = await tariffs();
    assert.equal(shown[0], "€ 33,06 per dagdeel");
    assert.equal(shown[1], "€ 24,13 per dagdeel");
    assert.match(await text(table.locator("caption")), /op tarief, hoog naar laag/);

    // the live workbook: a POST with the same parameters, answered 200 as xlsx, handed to the browser as a download
    const [download, response] = await Promise.all([
      page.waitForEvent("download"),
      page.waitForResponse((r) => r.url().endsWith("/api/v1/tarieven/productenboeken/002-wmo-2026?format=xlsx")),
      page.getByRole("button", { name: "Excel-werkmap downloaden" }).click(),
    ]);
    assert.equal(response.status(), 200);
    assert.match(response.headers()["content-type"] ?? "", XLSX);
    assert.deepEqual(response.request().postDataJSON(), { parameters: { ...EXAMPLE, eenheden: {}, mix: {} } });
    assert.equal(download.suggestedFilename(), "kader-tarieven-002-wmo-2026.xlsx");
    assert.ok((await stat((await download.path()) ?? "")).size > 1000);
    await page.getByTestId("download-status").filter({ hasText: "De werkmap kader-tarieven-002-wmo-2026.xlsx is gedownload." }).waitFor();

    // sensitivity: the change per product in cents, one column per variant
    const sens = page.getByTestId("sensitivity");
    assert.deepEqual(
      (await sens.locator("thead th").allTextContents()).map((t) => t.trim()),
      ["Product", "Tarief nu", "Ziekteverzuim +1 procentpunt", "Overhead +1 procentpunt", "HBO-aandeel +1 procentpunt"],
    );
    assert.equal(await sens.locator("tbody tr").count(), 11);
    assert.deepEqual(
      (await sens.locator(`tr[data-product="${DAGBESTEDING}"] td`).allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim()),
      ["€ 33,06", "+48 cent", "+28 cent", "+6 cent"],
    );
    assert.deepEqual(
      (await sens.locator('tr[data-product="002-wmo-2026.wmo.08L01.vervoer"] td').allInnerTexts()).map((t) => t.trim()),
      ["niet berekend", "–", "–", "–"],
    );
    await assertAccessible(page, "/tarieven/productenboek?productenboek=002-wmo-2026");
    await shot(page, "tarieven-productenboek");

    // a product's link opens the calculator with its breakdown
    await table.locator('tr[data-product="002-wmo-2026.wmo.07A04"]').getByRole("link").click();
    await page.waitForURL(/\/tarieven\?product=002-wmo-2026\.wmo\.07A04$/);
    await page.getByTestId("tariff-amount").filter({ hasText: "€ 24,13 per dagdeel" }).waitFor();
    assert.deepEqual(errors, []);
  });

  test("productenboek met een foute parameter: de parameters gaan open en het veld is gemarkeerd", async () => {
    const { page, errors } = await newPage();
    await open(page, "/tarieven/productenboek?productenboek=002-wmo-2026");
    await page.getByTestId("book-summary").waitFor();
    await page.locator("summary", { hasText: "Parameters" }).click();
    await page.getByLabel("Verlof (%)").fill("90");
    await page.getByRole("button", { name: "Tarieven berekenen" }).click();
    const alert = page.getByTestId("book-outcome").getByRole("alert");
    await alert.waitFor();
    assert.match(await text(alert), /nietProductief: de niet-productieve tijd samen moet kleiner zijn dan 100%/);
    assert.match(await text(page.locator("#tp-np-error")), /de niet-productieve tijd samen moet kleiner zijn dan 100%/);
    assert.equal((await active(page)).id, "tp-np-0");
    assert.equal(await page.getByTestId("book-tariffs").count(), 0);
    await assertAccessible(page, "/tarieven/productenboek met foute parameter");
    await shot(page, "tarieven-productenboek-foute-parameter");
    assert.deepEqual(errors, []);
  });
});
