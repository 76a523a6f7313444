/**
 * The in-message rules Kader checks, as data (validated by the MessageRule schema when this module loads). Texts are
 * the standard's own wording (regels/iwmo-3.2-cd-cs-rs-per-data-element.tsv, tr-regels-iwmo-ijw-3.2.tsv); every
 * one answers with retourcode 0001. Rules that need other messages or the care chain (9019, 9056, …) are not here.
 */
import { type Condition, MessageRule } from "./rule.ts";

const present = (field: string): Condition => ({ op: "present", field });
const is = (field: string, ...values: string[]): Condition => ({ op: "in", field, values });
const not = (of: Condition): Condition => ({ op: "not", of });
const implies = (premise: Condition, conclusion: Condition): Condition => ({ op: "implies", premise, conclusion });
const iff = (p: Condition, q: Condition): Condition => ({ op: "all", of: [implies(p, q), implies(not(p), not(q))] });

const TOEWIJZING = ["301", "302"] as const;
const HEEN_EN_RETOUR = ["301", "302", "305", "306", "307", "308", "315", "316"] as const;
const DECLARATIE = ["323", "325"] as const;

const data: MessageRule[] = [
  // ---- client ----
  {
    code: "CS002",
    retourcode: "0001",
    messages: ["301", "302", "305", "306", "307", "308", "315", "316", "317", "318", "323", "325"],
    scope: "Client",
    check: { kind: "condition", condition: { op: "elfproef", field: "Bsn" } },
    text: "De waarde van Bsn moet voldoen aan de 11-proef.",
  },
  {
    code: "CD007",
    retourcode: "0001",
    messages: [...TOEWIJZING],
    scope: "Communicatie",
    check: { kind: "condition", condition: iff(is("Vorm", "1"), present("Taal")) },
    text: "Taal: als Communicatie / Vorm de waarde 1 (tolk taal) heeft, dan verplicht vullen, anders leeglaten.",
  },
  {
    code: "CS050",
    retourcode: "0001",
    messages: [...TOEWIJZING],
    scope: "Naam",
    check: {
      kind: "condition",
      condition: {
        op: "any",
        of: [
          { op: "all", of: [present("Partnernaam"), is("NaamGebruik", "1", "2", "3", "4")] },
          { op: "all", of: [not(present("Partnernaam")), is("NaamGebruik", "1", "6")] },
        ],
      },
    },
    text: "NaamGebruik: als Partnernaam gevuld is, dan NaamGebruik vullen met waarde 1, 2, 3 of 4. Anders waarde 1 of 6 vullen.",
  },
  // ---- contact and address ----
  {
    code: "CD005",
    retourcode: "0001",
    messages: [...TOEWIJZING],
    scope: "Contact/Adres",
    check: { kind: "condition", condition: iff(present("Postcode"), present("LandCode")) },
    text: "LandCode: als Postcode gevuld is, dan verplicht vullen, anders leeg laten.",
  },
  {
    code: "CD025",
    retourcode: "0001",
    messages: [...TOEWIJZING],
    scope: "Contact/Adres",
    check: { kind: "condition", condition: implies(is("LandCode", "NL"), present("Huis")) },
    text: "Huis: als Adres / LandCode de waarde NL (Nederland) heeft, dan verplicht vullen.",
  },
  {
    code: "CS089",
    retourcode: "0001",
    messages: [...TOEWIJZING],
    scope: "Contact/Adres",
    check: { kind: "condition", condition: implies(is("LandCode", "NL"), { op: "format", field: "Postcode", format: "postcodeNL" }) },
    text: "Postcode: als LandCode de waarde NL (Nederland) heeft, dan moet het formaat overeenkomen met dat van een Nederlandse postcode.",
  },
  {
    code: "CD034",
    retourcode: "0001",
    messages: [...TOEWIJZING],
    scope: "Contact",
    check: { kind: "condition", condition: implies(is("Soort", "01", "03"), present("Adres/Postcode")) },
    text: "Postcode: als Soort adres de waarde 1 (BRP-adres) of 3 (verblijfadres) heeft, dan verplicht vullen.",
  },
  {
    code: "TR006",
    retourcode: "0001",
    messages: [...TOEWIJZING],
    scope: "Contact",
    check: { kind: "condition", condition: { op: "any", of: [present("Telefoon"), { op: "all", of: [present("Adres/Huis"), present("Adres/Postcode")] }] } },
    text: "De berichtklasse Contact moet een berichtelement Telefoon, en/of de combinatie Huis en Postcode bevatten.",
  },
  // ---- periods ----
  ...(
    [
      ["CS003", "Periode", "Begindatum", "Einddatum", HEEN_EN_RETOUR],
      ["CS003", "ToegewezenProduct", "Ingangsdatum", "Einddatum", TOEWIJZING],
      ["CS003", "AangevraagdProduct", "ToewijzingIngangsdatum", "ToewijzingEinddatum", ["315", "316"]],
      ["CS003", "TeWijzigenProduct", "GewensteIngangsdatum", "Einddatum", ["317", "318"]],
      ["CS003", "NieuwProduct", "GewensteIngangsdatum", "Einddatum", ["317", "318"]],
      ["TR018", "ProductPeriode", "Begindatum", "Einddatum", DECLARATIE],
      ["TR018", "DeclaratiePeriode", "Begindatum", "Einddatum", ["323"]],
      ["TR018", "StopProduct", "Begindatum", "Einddatum", ["307", "308"]],
    ] as const
  ).map(
    ([code, scope, first, second, messages]): MessageRule => ({
      code,
      retourcode: "0001",
      messages: [...messages],
      scope,
      check: { kind: "condition", condition: { op: "dateOrder", first, second } },
      text:
        code === "CS003"
          ? `${second}: indien van toepassing vullen met een waarde die groter is dan, of gelijk is aan ${first}.`
          : `${second} moet groter dan of gelijk zijn aan ${first}.`,
    }),
  ),
  ...(
    [
      ["ToegewezenProduct", "Einddatum", TOEWIJZING],
      ["AangevraagdProduct", "ToewijzingEinddatum", ["315", "316"]],
      ["TeWijzigenProduct", "Einddatum", ["317", "318"]],
      ["NieuwProduct", "Einddatum", ["317", "318"]],
    ] as const
  ).map(
    ([scope, end, messages]): MessageRule => ({
      code: "CD075",
      retourcode: "0001",
      messages: [...messages],
      scope,
      check: { kind: "condition", condition: implies(present("Budget"), present(end)) },
      text: `${end}: verplicht vullen indien Budget gevuld is.`,
    }),
  ),
  // ---- toewijzing, verzoek ----
  {
    code: "TR302",
    retourcode: "0001",
    messages: [...TOEWIJZING],
    scope: "ToegewezenProduct",
    check: { kind: "noOverlap", key: ["Product/Categorie", "Product/Code"], begin: "Ingangsdatum", end: "Einddatum" },
    text: "Een Product mag alleen vaker in een toewijzingsbericht voorkomen indien de zorgperiodes elkaar niet overlappen.",
  },
  {
    code: "TR383",
    retourcode: "0001",
    messages: ["315", "316"],
    scope: "AangevraagdProduct",
    check: { kind: "unique", key: ["ReferentieAanbieder"] },
    text: "ReferentieAanbieder is uniek voor elk AangevraagdProduct binnen het bericht.",
  },
  {
    code: "TR386",
    retourcode: "0001",
    messages: ["315", "316"],
    scope: "AangevraagdProduct",
    check: { kind: "noOverlap", key: ["Product/Categorie", "Product/Code"], begin: "ToewijzingIngangsdatum", end: "ToewijzingEinddatum" },
    text: "Een Product mag alleen vaker in een verzoek om toewijzing voorkomen indien de zorgperiodes elkaar niet overlappen.",
  },
  {
    code: "CD068",
    retourcode: "0001",
    messages: ["315", "316"],
    scope: "Verwijzer",
    check: { kind: "condition", condition: implies(not(is("Type", "02", "03", "04", "05")), not(present("ZorgverlenerCode"))) },
    text: "ZorgverlenerCode: als type verwijzer ongelijk is aan 02, 03, 04 of 05, dan is ZorgverlenerCode leeg.",
  },
  {
    code: "CD066",
    retourcode: "0001",
    messages: ["315", "316"],
    scope: "Verwijzer",
    check: {
      kind: "condition",
      condition: implies({ op: "all", of: [is("Type", "02", "03", "04", "05"), present("ZorgverlenerCode")] }, not(present("Naam"))),
    },
    text: "Naam: als type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is gevuld, dan is Naamverwijzer leeg.",
  },
  {
    code: "CD067",
    retourcode: "0001",
    messages: ["315", "316"],
    scope: "Verwijzer",
    check: {
      kind: "condition",
      condition: implies({ op: "all", of: [is("Type", "02", "03", "04", "05"), not(present("ZorgverlenerCode"))] }, present("Naam")),
    },
    text: "Naam: als type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is leeg, dan is Naamverwijzer gevuld.",
  },
  {
    code: "TR352",
    retourcode: "0001",
    messages: ["317", "318"],
    scope: "Verzoek",
    check: { kind: "condition", condition: { op: "any", of: [present("OngewijzigdeProducten"), present("TeWijzigenProducten")] } },
    text: "Bij een verzoek om wijziging komt minstens 1 OngewijzigdProduct of TeWijzigenProduct voor.",
  },
  {
    code: "TR353",
    retourcode: "0001",
    messages: ["317", "318"],
    scope: "Verzoek",
    check: { kind: "condition", condition: { op: "any", of: [present("TeWijzigenProducten"), present("NieuweProducten")] } },
    text: "Bij een verzoek om wijziging komt minstens 1 TeWijzigenProduct of NieuwProduct voor.",
  },
  {
    code: "TR410",
    retourcode: "0001",
    messages: ["317", "318"],
    scope: "NieuwProduct",
    check: { kind: "noOverlap", key: ["Product/Categorie", "Product/Code"], begin: "GewensteIngangsdatum", end: "Einddatum" },
    text: "Een Product mag alleen vaker in de berichtklassen NieuwProduct voorkomen als de zorgperiodes elkaar niet overlappen.",
  },
  // ---- antwoord ----
  {
    code: "CD085",
    retourcode: "0001",
    messages: ["319", "320"],
    scope: "Antwoord",
    check: { kind: "condition", condition: implies(is("VerzoekAntwoord", "1"), present("RedenAfwijzingVerzoek")) },
    text: "RedenAfwijzingVerzoek: als VerzoekAntwoord de waarde 1 (Verzoek afgewezen) heeft, dan vullen.",
  },
  {
    code: "CD086",
    retourcode: "0001",
    messages: ["319", "320"],
    scope: "Antwoord",
    check: { kind: "condition", condition: implies(is("VerzoekAntwoord", "2"), not(present("RedenAfwijzingVerzoek"))) },
    text: "RedenAfwijzingVerzoek: als VerzoekAntwoord de waarde 2 (Aanvraag in onderzoek) heeft, dan leeg laten.",
  },
  {
    code: "TR377",
    retourcode: "0001",
    messages: ["319", "320"],
    standaard: "ijw",
    scope: "Antwoord",
    check: { kind: "condition", condition: implies(is("RedenAfwijzingVerzoek", "8"), present("Woonplaatsbeginsel")) },
    text: "Indien RedenAfwijzingVerzoek de waarde 8 (Woonplaatsbeginsel) heeft, dan berichtklasse Woonplaatsbeginsel opnemen.",
  },
  {
    code: "TR409",
    retourcode: "0001",
    messages: ["319", "320"],
    standaard: "ijw",
    scope: "Antwoord",
    check: { kind: "condition", condition: implies(not(is("RedenAfwijzingVerzoek", "8")), not(present("Woonplaatsbeginsel"))) },
    text: "Als RedenAfwijzingVerzoek ongelijk is aan 8 (Woonplaatsbeginsel), dan berichtklasse Woonplaatsbeginsel weglaten.",
  },
  // ---- declaratie ----
  {
    code: "CS340",
    retourcode: "0001",
    messages: ["323"],
    scope: "DeclaratiePeriode",
    check: { kind: "condition", condition: { op: "wholeMonth", begin: "Begindatum", end: "Einddatum" } },
    text: "DeclaratiePeriode: de periode is exact gelijk aan 1 hele kalendermaand.",
  },
  {
    code: "CS100",
    retourcode: "0001",
    messages: ["323"],
    scope: "DeclaratiePeriode",
    check: { kind: "condition", condition: { op: "dateFrom", field: "Begindatum", from: "2021-01-01" } },
    text: "DeclaratiePeriode: vullen met een datum die groter dan of gelijk is aan 01-01-2021.",
  },
  {
    code: "CS337",
    retourcode: "0001",
    messages: [...DECLARATIE],
    scope: "ProductPeriode",
    check: { kind: "condition", condition: { op: "sameMonth", first: "Begindatum", second: "Einddatum" } },
    text: "Einddatum in de ProductPeriode vullen met een datum die valt in dezelfde kalendermaand en jaar als de Begindatum van de ProductPeriode.",
  },
  {
    code: "CD060",
    retourcode: "0001",
    messages: [...DECLARATIE],
    scope: "Prestatie",
    check: { kind: "condition", condition: iff(is("IngediendBedrag/DebetCredit", "C"), present("ProductReferentie/VorigReferentieNummer")) },
    text: "VorigReferentieNummer: verplicht vullen indien DebetCredit bij het ingediende bedrag de waarde C (credit) heeft, anders leeg laten.",
  },
  {
    code: "CD087",
    retourcode: "0001",
    messages: [...DECLARATIE],
    scope: "Prestatie",
    check: { kind: "condition", condition: iff(not(is("Eenheid", "83")), present("ProductTarief")) },
    text: "ProductTarief: als Eenheid ongelijk is aan 83 (euro's) dan verplicht vullen, anders leeg laten.",
  },
  {
    code: "CS339",
    retourcode: "0001",
    messages: [...DECLARATIE],
    scope: "Prestatie",
    check: { kind: "condition", condition: implies(is("Eenheid", "83"), { op: "equal", a: "IngediendBedrag/Bedrag", b: "GeleverdVolume" }) },
    text: "Indien Eenheid de waarde 83 (euro's) heeft, moet IngediendBedrag gelijk zijn aan GeleverdVolume.",
  },
  {
    code: "CS325",
    retourcode: "0001",
    messages: [...DECLARATIE],
    scope: "IngediendBedrag",
    check: { kind: "condition", condition: implies(is("Bedrag", "0"), is("DebetCredit", "D")) },
    text: "Indien Bedrag de waarde 0 heeft, dan DebetCredit vullen met D (Debet).",
  },
  {
    code: "CS325",
    retourcode: "0001",
    messages: [...DECLARATIE],
    scope: "TotaalIngediendBedrag",
    check: { kind: "condition", condition: implies(is("TotaalBedrag", "0"), is("DebetCredit", "D")) },
    text: "Indien TotaalBedrag de waarde 0 heeft, dan DebetCredit vullen met D (Debet).",
  },
  {
    code: "TR315",
    retourcode: "0001",
    messages: ["323"],
    scope: "Prestatie",
    check: { kind: "unique", key: ["ProductReferentie/VorigReferentieNummer"] },
    text: "VorigReferentieNummer van de Prestatie moet uniek zijn in het bericht.",
  },
  {
    code: "TR101",
    retourcode: "0001",
    messages: ["323"],
    scope: "Prestatie",
    check: {
      kind: "unique",
      key: [
        "ProductReferentie/ReferentieNummer",
        "ToewijzingNummer",
        "ProductCategorie",
        "ProductCode",
        "ProductPeriode/Begindatum",
        "ProductPeriode/Einddatum",
        "GeleverdVolume",
        "Eenheid",
        "IngediendBedrag/Bedrag",
        "IngediendBedrag/DebetCredit",
      ],
    },
    text: "Binnen een bericht zijn dubbele regels niet toegestaan.",
  },
  {
    code: "TR358",
    retourcode: "0001",
    messages: ["323"],
    scope: "Prestatie",
    check: {
      kind: "sum",
      total: { scope: "Declaratie", amount: "TotaalIngediendBedrag/TotaalBedrag", dc: "TotaalIngediendBedrag/DebetCredit" },
      amount: "IngediendBedrag/Bedrag",
      dc: "IngediendBedrag/DebetCredit",
    },
    text: "De waarde van TotaalBedrag in TotaalIngediendBedrag moet gelijk zijn aan de SOM van de waarden van Bedrag in IngediendBedrag in alle onderliggende Prestaties, rekening houdend met indicatie debet/credit.",
  },
];

/** Every rule, checked against the rule schema when Kader starts: a malformed rule is a bug found at once. */
export const MESSAGE_RULES: readonly MessageRule[] = data.map((r) => MessageRule.parse(r));
