/**
 * Browser tests of the quality-framework screens (issue 8): the library with search and filters and a framework page
 * (the lapsed framework marked), the composer with preview, publication and invitation, the aanbieder's
 * self-assessment with an evidence upload, and the contract manager's review. Setup in harness.ts; axe (WCAG 2.1
 * A/AA) on every screen; skipped when /usr/bin/chromium is absent.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { browserHarness, nav, noChromium, text } from "./harness.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

let base = "";
const { start, stop, newPage, open, shot, assertAccessible, signIn } = browserHarness({ langAndH1: true });

async function login(page: Page, username: string) {
  await signIn(page, username);
  await page.getByTestId("current-user").waitFor();
}

describe("kwaliteitskaders in de browser", { skip: noChromium, timeout: 240_000 }, () => {
  let pveUrl = "";
  before(async () => {
    base = await start();
  });
  after(stop);

  test("bibliotheek: 15 kaders, het vervallen kader gemarkeerd, zoeken met filters, kaderpagina met waarschuwing", async () => {
    const { page, errors } = await newPage();
    await open(page, "/");
    await nav(page).getByRole("link", { name: "Kwaliteitskaders" }).click();
    await page.getByTestId("kaders").waitFor();
    assert.equal(await page.getByTestId("kaders").locator("tbody tr").count(), 15);
    assert.equal(await page.getByTestId("kaders").getByTestId("status-lapsed").count(), 1);
    await assertAccessible(page, "/kwaliteit");
    await shot(page, "kwaliteit-bibliotheek");

    await page.getByLabel("Zoek in de criteria").fill("klachten");
    await page.getByLabel("Element").selectOption("organisatie");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.getByTestId("criteria").waitFor();
    assert.match(page.url(), /q=klachten/);
    assert.match(page.url(), /element=organisatie/);
    assert.match(await text(page.getByTestId("criteria-count")), /^\d+ criteria gevonden/);
    const elementsShown = await page.getByTestId("criteria").locator("tbody tr td:nth-child(2)").allInnerTexts();
    assert.ok(elementsShown.length > 0 && elementsShown.every((e) => e.trim() === "Organisatie"));
    await assertAccessible(page, "/kwaliteit (zoekresultaten)");
    await shot(page, "kwaliteit-zoeken");

    await open(page, "/kwaliteit/kaders/2");
    await page.getByTestId("vervallen-waarschuwing").waitFor();
    assert.match(await text(page.getByTestId("vervallen-waarschuwing")), /vervallen/);
    await assertAccessible(page, "/kwaliteit/kaders/2");
    await shot(page, "kwaliteit-kader-2");
    assert.deepEqual(errors, []);
  });

  test("contractmanager: concept samenstellen, voorbeeld met waarschuwing, publiceren en aanbieder uitnodigen", async () => {
    const { page, errors } = await newPage();
    await login(page, "contractmanager");
    await nav(page).getByRole("link", { name: "Programma's van eisen" }).click();
    await page.getByLabel("Titel").fill("PvE Begeleiding (browsertest)");
    await page.getByRole("button", { name: "Concept aanmaken" }).click();
    await page.getByRole("heading", { level: 1, name: /Programma van eisen: PvE Begeleiding/ }).waitFor();
    pveUrl = new URL(page.url()).pathname;
    await page.getByTestId("voorbeeld").waitFor();
    await assertAccessible(page, "composer");

    await page.getByLabel("Heel kwaliteitskader").selectOption("2");
    await page.getByTestId("vervallen-waarschuwing").first().waitFor();
    await page.getByRole("button", { name: "Kader toevoegen" }).click();
    await page.getByLabel("Eigen eis: titel").fill("Bereikbaarheid");
    await page.getByLabel("Eigen eis: tekst").fill("Telefonisch bereikbaar op werkdagen van 9 tot 17 uur.");
    await page.getByRole("button", { name: "Eigen eis toevoegen" }).click();
    await page.getByLabel("Producten (product-id's uit de catalogus, één per regel)").fill("000-begeleiding-dagbesteding.wmo.02A03");
    await page.getByRole("button", { name: "Concept opslaan" }).click();
    await page.getByText("Concept opgeslagen; het voorbeeld is bijgewerkt.").waitFor();
    await page.getByTestId("voorbeeld").getByText("Telefonisch bereikbaar op werkdagen").waitFor();
    assert.match(await text(page.getByTestId("voorbeeld")), /Let op: Kader 2 .*vervallen/);
    await assertAccessible(page, "composer met voorbeeld");
    await shot(page, "kwaliteit-composer");

    await page.getByRole("button", { name: "Publiceren als nieuwe versie" }).click();
    await page.getByText("Gepubliceerd als versie 1.").waitFor();
    await page.getByTestId("versies").getByText(/Versie 1, gepubliceerd/).waitFor();
    await page.getByLabel("AGB-codes").fill("98765432");
    await page.getByRole("button", { name: "Uitnodigen" }).click();
    await page.getByText("Uitgenodigd voor versie 1: 98765432.").waitFor();
    await assertAccessible(page, "composer na publiceren");
    // the published document as HTML for publication
    const html = await page.request.get(`${base}/api/v1${pveUrl.replace("/kwaliteit/programmas", "/programmas-van-eisen")}/versies/1?format=html`);
    assert.equal(html.status(), 200);
    assert.match(await html.text(), /Versie 1, gepubliceerd/);
    assert.deepEqual(errors, []);
  });

  test("aanbieder: zelfevaluatie beantwoorden met een bewijsstuk; contractmanager beoordeelt", async () => {
    assert.ok(pveUrl, "the composer test ran first");
    const { page, errors } = await newPage();
    await login(page, "aanbieder");
    await nav(page).getByRole("link", { name: "Programma's van eisen" }).click();
    await page.getByTestId("uitnodigingen").getByRole("link", { name: "PvE Begeleiding (browsertest)" }).click();
    await page.getByRole("heading", { level: 1, name: /Zelfevaluatie/ }).waitFor();
    await assertAccessible(page, "zelfevaluatie (aanbieder)");
    const first = page.locator("section.kader-vraag").first();
    await first.getByLabel("Toelichting").fill("Onze zorg voldoet aan de wet en de professionele standaarden; zie het kwaliteitsbeleid.");
    await first.getByLabel("Bewijsstuk (PDF, PNG of JPEG, hoogstens 5 MB)").setInputFiles({ name: "kwaliteitsbeleid.pdf", mimeType: "application/pdf", buffer: PDF });
    await first.getByRole("button", { name: /Antwoord opslaan/ }).click();
    await first.getByText("Antwoord en bewijsstuk opgeslagen.").waitFor();
    await first.getByRole("link", { name: "kwaliteitsbeleid.pdf" }).waitFor();
    assert.match(await text(first), /wacht op beoordeling/);
    await shot(page, "kwaliteit-zelfevaluatie");
    assert.deepEqual(errors, []);

    const cm = await newPage();
    await login(cm.page, "contractmanager");
    await open(cm.page, `${pveUrl}/versies/1`);
    await cm.page.getByTestId("overzicht").waitFor();
    await assertAccessible(cm.page, "beoordelingsoverzicht");
    await cm.page.getByTestId("overzicht").getByRole("link").first().click();
    await cm.page.getByRole("heading", { level: 1, name: /Zelfevaluatie/ }).waitFor();
    const q = cm.page.locator("section.kader-vraag").first();
    await q.getByLabel("Aanvullen", { exact: true }).check();
    await q.getByRole("button", { name: /Beoordeling opslaan/ }).click();
    await q.getByRole("alert").waitFor();
    assert.match(await text(q.getByRole("alert")), /licht toe wat er ontbreekt/);
    await q.getByLabel("Akkoord", { exact: true }).check();
    await q.getByRole("button", { name: /Beoordeling opslaan/ }).click();
    await q.getByText("Beoordeling opgeslagen.").waitFor();
    await q.getByText("akkoord", { exact: true }).waitFor();
    await assertAccessible(cm.page, "beoordeling (contractmanager)");
    await shot(cm.page, "kwaliteit-beoordeling");
    assert.deepEqual(cm.errors, []);
  });
});
