/** In-message rules (CD/CS/TR) on Kader's own fixtures: each rule holds on the valid message and fails on a mutation. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { buildMessage, MESSAGE_RULES, messageByName, validateMessage } from "../../src/messages/index.ts";
import { holds, MessageRule } from "../../src/messages/rules/rule.ts";
import type { AnyModel } from "../../src/messages/schema/structure.ts";
import { aJw319, aPrestatie, aWmo301, aWmo323 } from "./builders.ts";
import { FIXTURES } from "./support.ts";

const rulesOf = (name: string, model: unknown) => validateMessage(buildMessage(messageByName(name)!, model as AnyModel)).failures.map((f) => [f.rule, f.path]);

describe("fixtures", () => {
  for (const name of ["WMO301", "WMO323", "JW319"])
    test(`${name}: our own fixture is valid and clean`, () => {
      assert.deepEqual(validateMessage(readFileSync(join(FIXTURES, `${name}.xml`))).failures, []);
    });
});

describe("rules fail where the standard says", () => {
  const cases: [string, string, unknown, [string, string][]][] = [
    ["CS002 11-proef", "WMO301", aWmo301({ Bsn: "123456789" }), [["CS002", "Bericht/Client"]]],
    ["CD007 Taal zonder tolk", "WMO301", aWmo301({ Communicatie: { Vorm: "2", Taal: "Pools" } }), [["CD007", "Bericht/Client/Communicatie"]]],
    ["CD007 tolk zonder Taal", "WMO301", aWmo301({ Communicatie: { Vorm: "1" } }), [["CD007", "Bericht/Client/Communicatie"]]],
    [
      "CS050 NaamGebruik zonder partnernaam",
      "WMO301",
      aWmo301({ Naam: { Geslachtsnaam: { Achternaam: "Jansen" }, NaamGebruik: "2" } }),
      [["CS050", "Bericht/Client/Naam"]],
    ],
    [
      "CS089 + CD025 Nederlandse postcode en huis",
      "WMO301",
      aWmo301({
        Contactgegevens: {
          Contact: [
            { Soort: "02", Adres: { Postcode: "9401 AB", LandCode: "NL" }, Telefoon: { Telefoon01: { Telefoonnummer: "0612345678", Landnummer: "0031" } } },
          ],
        },
      }),
      [
        ["CD025", "Bericht/Client/Contactgegevens/Contact[1]/Adres"],
        ["CS089", "Bericht/Client/Contactgegevens/Contact[1]/Adres"],
      ],
    ],
    [
      "TR006 contact zonder telefoon of adres",
      "WMO301",
      aWmo301({ Contactgegevens: { Contact: [{ Soort: "02", Emailadres: "a@b.nl" }] } }),
      [["TR006", "Bericht/Client/Contactgegevens/Contact[1]"]],
    ],
    ["TR358 totaal klopt niet", "WMO323", aWmo323(undefined, 5), [["TR358", "Bericht/Declaratie"]]],
    [
      "CS340 geen hele maand",
      "WMO323",
      { ...aWmo323(), Declaratie: { ...aWmo323().Declaratie, DeclaratiePeriode: { Begindatum: "2026-01-01", Einddatum: "2026-01-30" } } },
      [["CS340", "Bericht/Declaratie/DeclaratiePeriode"]],
    ],
    [
      "CS337 + TR018 productperiode",
      "WMO323",
      aWmo323([aPrestatie(1, { ProductPeriode: { Begindatum: "2026-01-20", Einddatum: "2025-12-31" } })]),
      [
        ["TR018", "Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ProductPeriode"],
        ["CS337", "Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]/ProductPeriode"],
      ],
    ],
    [
      "CD060 credit zonder VorigReferentieNummer",
      "WMO323",
      aWmo323([aPrestatie(1), aPrestatie(2, { IngediendBedrag: { Bedrag: 10000, DebetCredit: "C" } })]),
      [["CD060", "Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]"]],
    ],
    [
      "CD087 tarief ontbreekt",
      "WMO323",
      aWmo323([aPrestatie(1, { ProductTarief: undefined })].map(({ ProductTarief: _, ...p }) => p)),
      [["CD087", "Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[1]"]],
    ],
    [
      "TR101 dubbele prestatie",
      "WMO323",
      aWmo323([aPrestatie(1), aPrestatie(1)]),
      [["TR101", "Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[2]"]],
    ],
    [
      "TR377 woonplaatsbeginsel ontbreekt",
      "JW319",
      (() => {
        const { Woonplaatsbeginsel: _, ...a } = aJw319().Antwoord;
        return { ...aJw319(), Antwoord: a };
      })(),
      [["TR377", "Bericht/Antwoord"]],
    ],
    [
      "TR409 + CD086 woonplaatsbeginsel bij onderzoek",
      "JW319",
      aJw319({ VerzoekAntwoord: "2", RedenAfwijzingVerzoek: "1" }),
      [
        ["CD086", "Bericht/Antwoord"],
        ["TR409", "Bericht/Antwoord"],
      ],
    ],
  ];
  for (const [title, name, model, expected] of cases)
    test(title, () => {
      assert.deepEqual(rulesOf(name, model), expected);
    });

  test("TR302: the same product twice with overlapping periods", () => {
    const m = aWmo301();
    const p = m.Client.ToegewezenProducten.ToegewezenProduct[0]!;
    m.Client.ToegewezenProducten.ToegewezenProduct.push({ ...p, ToewijzingNummer: 1002, Ingangsdatum: "2026-06-01", Einddatum: "2027-05-31" });
    assert.deepEqual(rulesOf("WMO301", m), [["TR302", "Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]"]]);
    m.Client.ToegewezenProducten.ToegewezenProduct[1]!.Ingangsdatum = "2027-01-01";
    assert.deepEqual(rulesOf("WMO301", m), []);
  });

  test("every rule failure carries the standard's code, retourcode 0001 and a line", () => {
    const r = validateMessage(buildMessage(messageByName("WMO301")!, aWmo301({ Bsn: "123456789" }) as never));
    for (const f of r.failures) {
      assert.match(f.rule, /^(CD|CS|TR)\d{3}$/);
      assert.equal(f.retourcode, "0001");
      assert.ok(typeof f.line === "number" && f.line > 0);
    }
  });
});

describe("the rule catalogue is data", () => {
  test("every rule passes the schema and names known messages", () => {
    assert.ok(MESSAGE_RULES.length >= 30);
    for (const r of MESSAGE_RULES) MessageRule.parse(r);
  });
  test("an unknown operator is rejected when rules are loaded", () => {
    assert.throws(() =>
      MessageRule.parse({
        code: "CS999",
        retourcode: "0001",
        messages: ["301"],
        scope: "Client",
        check: { kind: "condition", condition: { op: "eval", code: "1" } },
        text: "x",
      }),
    );
  });
  test("laws: implies, all([]) holds, any([]) does not", () => {
    const o = { A: "1" };
    assert.equal(holds({ op: "all", of: [] }, o), true);
    assert.equal(holds({ op: "any", of: [] }, o), false);
    assert.equal(holds({ op: "implies", premise: { op: "in", field: "A", values: ["2"] }, conclusion: { op: "present", field: "B" } }, o), true);
    assert.equal(holds({ op: "elfproef", field: "A" }, { A: "999993653" }), true);
  });
});
