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

/** Waits until the element with this id has the focus. */
const focused = (page: Page, id: string) => page.waitForFunction((x) => document.activeElement?.id === x, id, { timeout: 5000 });

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
    await page.getByLabel("Product zoeken").fill("02A03");
    await page
      .getByTestId("product-resultaten")
      .getByRole("button", { name: /^Toevoegen: product 02A03/ })
      .first()
      .click();
    await page.getByTestId("gekozen-producten").getByText("02A03", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Concept opslaan" }).click();
    await page.getByText("Concept opgeslagen; het voorbeeld is bijgewerkt.").waitFor();
    await page.getByTestId("voorbeeld").getByText("Telefonisch bereikbaar op werkdagen").waitFor();
    assert.match(await text(page.getByTestId("voorbeeld")), /Let op: Kader 2 .*vervallen/);
    await assertAccessible(page, "composer met voorbeeld");
    await shot(page, "kwaliteit-composer");

    await page.getByRole("button", { name: "Publiceren als nieuwe versie" }).click();
    await page.getByText("Gepubliceerd als versie 1.").waitFor();
    await page
      .getByTestId("versies")
      .getByText(/Versie 1, gepubliceerd/)
      .waitFor();
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

  test("contractmanager: product zoeken, criterium per segment, kader met afwijking; voorbeeld toont ze", async () => {
    const { page, errors } = await newPage();
    await login(page, "contractmanager");
    await open(page, "/kwaliteit/programmas");
    await page.getByLabel("Titel").fill("PvE Wmo Structureel (browsertest)");
    await page.getByRole("button", { name: "Concept aanmaken" }).click();
    await page.getByRole("heading", { level: 1, name: /Programma van eisen: PvE Wmo Structureel/ }).waitFor();

    // a product via search-as-you-type, filtered on the law
    await page.locator("#c-prod-law").selectOption("wmo");
    await page.getByLabel("Product zoeken").fill("dagbesteding");
    await page
      .getByTestId("product-resultaten")
      .getByRole("button", { name: /^Toevoegen: product/ })
      .first()
      .click();
    await page.getByTestId("gekozen-product").first().waitFor();
    assert.match(await text(page.getByTestId("gekozen-producten")), /dagbesteding/i);
    assert.match(await text(page.getByTestId("gekozen-producten")), /Wmo/);

    // a criterion via the picker: the draft's segment preselected, narrowed by a word
    await page.getByLabel("Wmo 2 Structureel").check();
    await page.waitForFunction(() => (document.getElementById("c-crit-segment") as HTMLSelectElement | null)?.value === "concept");
    await page.getByLabel("Element", { exact: true }).selectOption("dienstverlening");
    await page.getByLabel("Zoek in de criteria").fill("medische");
    const add = page.getByTestId("criterium-resultaten").getByRole("button", { name: "Toevoegen: criterium d03 van kader 5" });
    await add.waitFor();
    await add.click();
    await page.getByTestId("gekozen-criteria").getByText("d03", { exact: true }).waitFor();
    // a criterion of the lapsed framework 2 is marked in the results and warned about when added; then removed again
    await page.getByLabel("Zoek in de criteria").fill("");
    await page.getByLabel("Element", { exact: true }).selectOption("");
    await page.getByLabel("Inkoopsegment", { exact: true }).selectOption("");
    await page.getByLabel("Kwaliteitskader", { exact: true }).selectOption("2");
    const lapsed = page
      .getByTestId("criterium-resultaten")
      .getByRole("button", { name: /^Toevoegen: criterium \w+ van kader 2 \(vervallen kader\)$/ })
      .first();
    const lapsedName = (await lapsed.getAttribute("aria-label"))!;
    assert.ok(await page.getByTestId("criterium-resultaten").getByTestId("status-lapsed").count());
    await lapsed.click();
    await page.getByTestId("gekozen-criteria").getByTestId("status-lapsed").waitFor();
    assert.match(await text(page.getByTestId("vervallen-waarschuwing").first()), /Kader 2 .*vervallen/);
    const lapsedId = /criterium (\w+) van kader 2/.exec(lapsedName)![1]!;
    await page.getByRole("button", { name: `Verwijderen: criterium ${lapsedId} van kader 2` }).click();
    assert.equal(await page.getByTestId("gekozen-criteria").getByRole("listitem").count(), 1);
    assert.equal(await page.getByTestId("vervallen-waarschuwing").count(), 0);
    await page.getByLabel("Kwaliteitskader", { exact: true }).selectOption("");

    // a whole framework with one deviation tied to one of its criteria
    await page.getByLabel("Heel kwaliteitskader").selectOption("6");
    await page.getByRole("button", { name: "Kader toevoegen" }).click();
    await page.getByRole("button", { name: "Afwijking toevoegen aan kader 6" }).click();
    // the focus moves to the new deviation
    const critSelect = page.getByLabel("Afwijking 1 geldt voor");
    await focused(page, (await critSelect.getAttribute("id"))!);
    await critSelect.selectOption("d01");
    // an empty deviation is refused with an error summary that links to the field
    await page.getByRole("button", { name: "Concept opslaan" }).click();
    await page.getByTestId("c-fouten").waitFor();
    await focused(page, "c-fouten");
    await assertAccessible(page, "composer met foutmelding");
    await page
      .getByTestId("c-fouten")
      .getByRole("link", { name: /Beschrijf afwijking 1 van kader 6/ })
      .click();
    await focused(page, (await page.getByLabel("Afwijking 1: tekst").getAttribute("id"))!);
    await page.getByLabel("Afwijking 1: tekst").fill("De cliënt kiest zelf het moment van het evaluatiegesprek.");
    await page.getByRole("button", { name: "Concept opslaan" }).click();
    await page.getByText("Concept opgeslagen; het voorbeeld is bijgewerkt.").waitFor();

    const preview = page.getByTestId("voorbeeld");
    await preview.getByText("Afwijking op d01: De cliënt kiest zelf het moment van het evaluatiegesprek.").waitFor();
    assert.match(await text(preview), /medische behandeling en begeleiding sluiten op elkaar aan/);
    assert.match(await text(preview), /Model basisset kwaliteitseisen Wmo-ondersteuning/);
    // after the reload the deviation is still there to edit
    assert.equal(await page.getByLabel("Afwijking 1: tekst").inputValue(), "De cliënt kiest zelf het moment van het evaluatiegesprek.");
    await assertAccessible(page, "composer met product, criterium en afwijking");
    await shot(page, "kwaliteit-composer-pickers");
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
    await first
      .getByLabel("Bewijsstuk (PDF, PNG of JPEG, hoogstens 5 MB)")
      .setInputFiles({ name: "kwaliteitsbeleid.pdf", mimeType: "application/pdf", buffer: PDF });
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
