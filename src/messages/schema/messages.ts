/**
 * The 28 messages of iWmo and iJw release 3.2 as data: the basisschema's composite types (CDT_*), the shared header,
 * client and product classes, and per message its root. Retour messages (302, 306, 308, 316, 318, 320) are the heen
 * message plus a retour header and a RetourCodes class at every message class; 325 answers 323.
 *
 * iWmo retour messages have no published XSD (see docs/berichten.md): their structure follows the iJw twins applied to
 * the iWmo heen messages — so WMO316 has no GezagsdragerBekend and WMO320 no Woonplaatsbeginsel, as WMO315/319.
 */
import { type BerichtPrefix, berichtPrefix, STANDAARDEN } from "../../domain/codes/wet.ts";
import type { Standaard } from "./codelists.ts";
import { type Children, type ComplexType, complex, many, type ModelOf, one, opt, type Particle, restricted } from "./structure.ts";

const B = <C extends Children>(name: string, children: C) => complex(name, "basis", children);
const M = <C extends Children>(name: string, children: C) => complex(name, "bericht", children);

// ---- basisschema composite types ----
const CDT_Achternaam = B("CDT_Achternaam", { Achternaam: one("LDT_Naam"), Voorvoegsel: opt("LDT_Voorvoegsel") });
const CDT_Huis = B("CDT_Huis", {
  Huisnummer: one("LDT_Huisnummer"),
  Huisletter: opt("LDT_Huisletter"),
  HuisnummerToevoeging: opt("LDT_HuisnummerToevoeging"),
  AanduidingWoonadres: opt("LDT_AanduidingWoonadres"),
});
const CDT_Adres = B("CDT_Adres", {
  Huis: opt(CDT_Huis),
  Postcode: opt("LDT_Postcode"),
  Straatnaam: opt("LDT_Straatnaam"),
  Plaatsnaam: opt("LDT_Plaatsnaam"),
  LandCode: opt("LDT_LandCode"),
});
const CDT_BedragMetDC = B("CDT_BedragMetDC", { Bedrag: one("LDT_Bedrag"), DebetCredit: one("LDT_DebetCredit") });
const CDT_BerichtIdentificatie = B("CDT_BerichtIdentificatie", {
  Identificatie: one("LDT_IdentificatieBericht"),
  Dagtekening: one("LDT_Datum"),
});
const CDT_Communicatie = B("CDT_Communicatie", { Vorm: one("LDT_Communicatievorm"), Taal: opt("LDT_Taal") });
const CDT_Geboortedatum = B("CDT_Geboortedatum", { Datum: one("LDT_Datum"), DatumGebruik: opt("LDT_DatumGebruik") });
const CDT_GeslotenPeriode = B("CDT_GeslotenPeriode", { Begindatum: one("LDT_Datum"), Einddatum: one("LDT_Datum") });
const CDT_Omvang = B("CDT_Omvang", { Volume: one("LDT_Volume"), Eenheid: one("LDT_Eenheid"), Frequentie: one("LDT_Frequentie") });
const CDT_OpenPeriode = B("CDT_OpenPeriode", { Begindatum: opt("LDT_Datum"), Einddatum: opt("LDT_Datum") });
const CDT_Product = B("CDT_Product", { Categorie: one("LDT_ProductCategorie"), Code: opt("LDT_ProductCode") });
const CDT_Referentie = B("CDT_Referentie", {
  ReferentieNummer: one("LDT_ReferentieNummer"),
  VorigReferentieNummer: opt("LDT_ReferentieNummer"),
});
const CDT_Telefoon = B("CDT_Telefoon", { Telefoonnummer: one("LDT_Telefoonnummer"), Landnummer: one("LDT_Landnummer") });
const CDT_Telefoonnummers = B("CDT_Telefoonnummers", { Telefoon01: one(CDT_Telefoon), Telefoon02: opt(CDT_Telefoon) });
const CDT_TotaalBedragMetDC = B("CDT_TotaalBedragMetDC", { TotaalBedrag: one("LDT_TotaalBedrag"), DebetCredit: one("LDT_DebetCredit") });
const CDT_VerkorteNaam = B("CDT_VerkorteNaam", {
  Geslachtsnaam: one(CDT_Achternaam),
  Voornamen: opt("LDT_Naam"),
  Voorletters: opt("LDT_Voorletters"),
});
const CDT_Verwijzer = B("CDT_Verwijzer", { Type: one("LDT_TypeVerwijzer"), Naam: opt("LDT_NaamVerwijzer"), ZorgverlenerCode: opt("LDT_AgbCode") });
const CDT_VolledigeNaam = B("CDT_VolledigeNaam", {
  Geslachtsnaam: one(CDT_Achternaam),
  Partnernaam: opt(CDT_Achternaam),
  Voornamen: opt("LDT_Naam"),
  Voorletters: opt("LDT_Voorletters"),
  NaamGebruik: one("LDT_NaamGebruik"),
});
const CDT_XsdVersie = B("CDT_XsdVersie", { BasisschemaXsdVersie: one("LDT_Versie"), BerichtXsdVersie: one("LDT_Versie") });

// ---- header ----
const exactly = (v: string) => new RegExp(`^${v}$`);
const header = <A extends "LDT_Gemeente" | "LDT_AgbCode", O extends "LDT_Gemeente" | "LDT_AgbCode">(code: string, afzender: A, ontvanger: O) =>
  M("Header", {
    BerichtCode: restricted("LDT_BerichtCode", exactly(code), code),
    BerichtVersie: restricted("LDT_BerichtVersie", exactly("3"), "3"),
    BerichtSubversie: restricted("LDT_BerichtSubversie", exactly("2"), "2"),
    Afzender: one(afzender),
    Ontvanger: one(ontvanger),
    BerichtIdentificatie: one(CDT_BerichtIdentificatie),
    XsdVersie: one(CDT_XsdVersie),
  });
const gemeenteHeader = (code: string) => header(code, "LDT_Gemeente", "LDT_AgbCode");
const aanbiederHeader = (code: string) => header(code, "LDT_AgbCode", "LDT_Gemeente");
type Header = ReturnType<typeof gemeenteHeader> | ReturnType<typeof aanbiederHeader>;

const RetourCodes = M("RetourCodes", { RetourCode: many("LDT_RetourCode") });
const retourHeader = <H extends Header>(h: H) =>
  M("Header", {
    ...h.children,
    IdentificatieRetour: one("LDT_IdentificatieBericht"),
    DagtekeningRetour: one("LDT_Datum"),
    XsltVersie: opt("LDT_Versie"),
    XsdVersieRetour: one(CDT_XsdVersie),
    RetourCodes: opt(RetourCodes),
  });

/** The retour twin of a message class: the same elements plus RetourCodes (nested classes are built as retour twins). */
const retour = <C extends Children>(t: ComplexType<C>) => M(t.name, { ...t.children, RetourCodes: one(RetourCodes) });
const list = <C extends Children>(name: string, item: string, t: ComplexType<C>) =>
  M(name, { [item]: many(t) } as { [k: string]: Particle<ComplexType<C>, 1, "n"> });

// ---- 301/302 toewijzing ----
const Contact = M("Contact", {
  Soort: one("LDT_AdresSoort"),
  Adres: opt(CDT_Adres),
  Organisatie: opt("LDT_Organisatienaam"),
  Telefoon: opt(CDT_Telefoonnummers),
  Emailadres: opt("LDT_Emailadres"),
  Periode: opt(CDT_OpenPeriode),
});
const relatie = <T extends ComplexType>(contact: T) =>
  M("Relatie", {
    Nummer: one("LDT_Persoonsid"),
    Volgorde: opt("LDT_RelatieVolgorde"),
    Soort: one("LDT_SoortRelatie"),
    Geboortedatum: opt(CDT_Geboortedatum),
    Geslacht: opt("LDT_Geslacht"),
    Naam: one(CDT_VolledigeNaam),
    Contact: one(contact),
  });
const ToegewezenProduct = M("ToegewezenProduct", {
  ToewijzingNummer: one("LDT_Nummer"),
  ReferentieAanbieder: opt("LDT_Referentie"),
  Product: opt(CDT_Product),
  Toewijzingsdatum: one("LDT_Datum"),
  Toewijzingstijd: one("LDT_Tijd"),
  Ingangsdatum: one("LDT_Datum"),
  Einddatum: opt("LDT_Datum"),
  RedenWijziging: opt("LDT_RedenWijziging"),
  Omvang: opt(CDT_Omvang),
  Budget: opt("LDT_Budget"),
  Commentaar: opt("LDT_Commentaar"),
});
const client301 = <R extends ComplexType, C extends ComplexType, P extends ComplexType>(rel: R, contact: C, product: P) =>
  M("Client", {
    Bsn: one("LDT_BurgerServicenummer"),
    Geboortedatum: one(CDT_Geboortedatum),
    Geslacht: one("LDT_Geslacht"),
    Naam: one(CDT_VolledigeNaam),
    Communicatie: opt(CDT_Communicatie),
    JuridischeStatus: opt("LDT_JuridischeStatus"),
    WettelijkeVertegenwoordiging: opt("LDT_WettelijkeVertegenwoordiging"),
    Commentaar: opt("LDT_Commentaar"),
    Relaties: opt(M("Relaties", { Relatie: many(rel) })),
    Contactgegevens: one(M("Contactgegevens", { Contact: many(contact) })),
    ToegewezenProducten: one(M("ToegewezenProducten", { ToegewezenProduct: many(product) })),
  });
const Client301 = client301(relatie(Contact), Contact, ToegewezenProduct);
const Contact302 = retour(Contact);
const Client302 = retour(client301(retour(relatie(Contact302)), Contact302, retour(ToegewezenProduct)));

// ---- 305/306 start, 307/308 stop ----
const korteClient = <K extends string, P extends ComplexType>(listName: K, itemName: string, product: P) =>
  M("Client", {
    Bsn: one("LDT_BurgerServicenummer"),
    Geboortedatum: one(CDT_Geboortedatum),
    Geslacht: one("LDT_Geslacht"),
    Naam: one(CDT_VerkorteNaam),
    [listName]: one(list(listName, itemName, product)),
  } as {
    Bsn: Particle<"LDT_BurgerServicenummer", 1, 1>;
    Geboortedatum: Particle<typeof CDT_Geboortedatum, 1, 1>;
    Geslacht: Particle<"LDT_Geslacht", 1, 1>;
    Naam: Particle<typeof CDT_VerkorteNaam, 1, 1>;
  } & { [k in K]: Particle<ComplexType<{ [k: string]: Particle<P, 1, "n"> }>, 1, 1> });
const StartProduct = M("StartProduct", {
  ToewijzingNummer: opt("LDT_Nummer"),
  Product: opt(CDT_Product),
  ToewijzingIngangsdatum: opt("LDT_Datum"),
  Begindatum: one("LDT_Datum"),
  StatusAanlevering: one("LDT_StatusAanlevering"),
});
const StopProduct = M("StopProduct", {
  ToewijzingNummer: opt("LDT_Nummer"),
  Product: opt(CDT_Product),
  ToewijzingIngangsdatum: opt("LDT_Datum"),
  Begindatum: one("LDT_Datum"),
  RedenBeeindiging: one("LDT_RedenBeeindiging"),
  Einddatum: one("LDT_Datum"),
  StatusAanlevering: one("LDT_StatusAanlevering"),
});
const Client305 = korteClient("StartProducten", "StartProduct", StartProduct);
const Client306 = retour(korteClient("StartProducten", "StartProduct", retour(StartProduct)));
const Client307 = korteClient("StopProducten", "StopProduct", StopProduct);
const Client308 = retour(korteClient("StopProducten", "StopProduct", retour(StopProduct)));

// ---- 315/316 verzoek om toewijzing ----
const AangevraagdProduct = M("AangevraagdProduct", {
  ReferentieAanbieder: one("LDT_Referentie"),
  BeschikkingNummer: opt("LDT_Nummer"),
  Product: opt(CDT_Product),
  BeschikkingIngangsdatum: opt("LDT_Datum"),
  ToewijzingIngangsdatum: one("LDT_Datum"),
  ToewijzingEinddatum: opt("LDT_Datum"),
  Omvang: opt(CDT_Omvang),
  Budget: opt("LDT_Budget"),
  Verwijzer: one(CDT_Verwijzer),
  Raamcontract: opt("LDT_JaNee"),
  Commentaar: opt("LDT_Commentaar"),
});
const client315 = <P extends ComplexType>(jw: boolean, product: P) =>
  M("Client", {
    Bsn: one("LDT_BurgerServicenummer"),
    Geboortedatum: one(CDT_Geboortedatum),
    Geslacht: one("LDT_Geslacht"),
    Naam: one(CDT_VerkorteNaam),
    // iJw only: whether the custody holder is known
    ...(jw ? { GezagsdragerBekend: opt("LDT_JaNee") } : {}),
    Commentaar: opt("LDT_Commentaar"),
    AangevraagdeProducten: one(M("AangevraagdeProducten", { AangevraagdProduct: many(product) })),
  });

// ---- 317/318 verzoek om wijziging ----
const OngewijzigdProduct = M("OngewijzigdProduct", { ToewijzingNummer: one("LDT_Nummer") });
const TeWijzigenProduct = M("TeWijzigenProduct", {
  ToewijzingNummer: one("LDT_Nummer"),
  GewensteIngangsdatum: one("LDT_Datum"),
  Einddatum: opt("LDT_Datum"),
  Omvang: opt(CDT_Omvang),
  Budget: opt("LDT_Budget"),
});
const NieuwProduct = M("NieuwProduct", {
  Product: opt(CDT_Product),
  GewensteIngangsdatum: one("LDT_Datum"),
  Einddatum: opt("LDT_Datum"),
  Omvang: opt(CDT_Omvang),
  Budget: opt("LDT_Budget"),
});
const verzoek = <O extends ComplexType, T extends ComplexType, N extends ComplexType>(o: O, t: T, n: N) =>
  M("Verzoek", {
    ReferentieAanbieder: one("LDT_Referentie"),
    RedenVerzoek: one("LDT_RedenVerzoek"),
    OngewijzigdeProducten: opt(M("OngewijzigdeProducten", { OngewijzigdProduct: many(o) })),
    TeWijzigenProducten: opt(M("TeWijzigenProducten", { TeWijzigenProduct: many(t) })),
    NieuweProducten: opt(M("NieuweProducten", { NieuwProduct: many(n) })),
  });
const Client317 = M("Client", { Bsn: one("LDT_BurgerServicenummer"), Verzoek: one(verzoek(OngewijzigdProduct, TeWijzigenProduct, NieuwProduct)) });
const Client318 = retour(
  M("Client", {
    Bsn: one("LDT_BurgerServicenummer"),
    Verzoek: one(retour(verzoek(retour(OngewijzigdProduct), retour(TeWijzigenProduct), retour(NieuwProduct)))),
  }),
);

// ---- 319/320 antwoord ----
const Woonplaatsbeginsel = M("Woonplaatsbeginsel", { Gemeente: one("LDT_Gemeente") });
const antwoord = <W extends ComplexType>(woonplaatsbeginsel: W | undefined) =>
  M("Antwoord", {
    ReferentieAanbieder: one("LDT_Referentie"),
    VerzoekAntwoord: one("LDT_VerzoekAntwoord"),
    RedenAfwijzingVerzoek: opt("LDT_RedenAfwijzingVerzoek"),
    // iJw only: the municipality responsible under the woonplaatsbeginsel
    ...(woonplaatsbeginsel ? { Woonplaatsbeginsel: opt(woonplaatsbeginsel) } : {}),
  });

// ---- 323/325 declaratie ----
const Prestatie = M("Prestatie", {
  ProductReferentie: one(CDT_Referentie),
  ToewijzingNummer: one("LDT_Nummer"),
  ProductCategorie: one("LDT_ProductCategorie"),
  ProductCode: one("LDT_ProductCode"),
  ProductPeriode: one(CDT_GeslotenPeriode),
  GeleverdVolume: one("LDT_Volume"),
  Eenheid: one("LDT_Eenheid"),
  ProductTarief: opt("LDT_Bedrag"),
  IngediendBedrag: one(CDT_BedragMetDC),
});
const declaratieClient = <P extends ComplexType>(prestatie: P) =>
  M("Client", { Bsn: one("LDT_BurgerServicenummer"), Prestaties: one(M("Prestaties", { Prestatie: many(prestatie) })) });
const Declaratie = M("Declaratie", {
  DeclaratieNummer: restricted("LDT_IdentificatieDeclaratie", /^[a-zA-Z0-9]+$/, "([a-zA-Z0-9])+"),
  DeclaratiePeriode: one(CDT_GeslotenPeriode),
  DeclaratieDagtekening: one("LDT_Datum"),
  TotaalIngediendBedrag: one(CDT_TotaalBedragMetDC),
  Clienten: one(M("Clienten", { Client: many(declaratieClient(Prestatie)) })),
});
const DeclaratieAntwoord = M("DeclaratieAntwoord", {
  DeclaratieNummer: one("LDT_IdentificatieDeclaratie"),
  TotaalIngediendBedrag: one(CDT_TotaalBedragMetDC),
  TotaalToegekendBedrag: one(CDT_TotaalBedragMetDC),
  Clienten: opt(M("Clienten", { Client: many(retour(declaratieClient(retour(Prestatie)))) })),
  RetourCodes: one(RetourCodes),
});
const declaratieAntwoordHeader = (code: string) =>
  M("Header", {
    ...gemeenteHeader(code).children,
    DeclaratieIdentificatie: one(CDT_BerichtIdentificatie),
    XsltVersie: opt("LDT_Versie"),
    XsdVersieDeclaratie: one(CDT_XsdVersie),
    RetourCodes: one(RetourCodes),
  });

// ---- the message table ----
const root = <H extends ComplexType, K extends string, B extends ComplexType, Min extends 0 | 1>(h: H, bodyName: K, body: B, min: Min) =>
  M("Root", { Header: one(h), [bodyName]: { type: body, min, max: 1 } } as { Header: Particle<H, 1, 1> } & {
    [k in K]: Particle<B, Min, 1>;
  });

function messagesOf(std: Standaard, codes: readonly [number, number, number, number, number, number, number]) {
  const jw = std === "ijw";
  const [c301, c305, c307, c315, c317, c319, c323] = codes.map(String) as [string, string, string, string, string, string, string];
  const r = (c: string) => String(Number(c) + 1);
  return {
    "301": root(gemeenteHeader(c301), "Client", Client301, 1),
    "302": root(retourHeader(gemeenteHeader(r(c301))), "Client", Client302, 0),
    "305": root(aanbiederHeader(c305), "Client", Client305, 1),
    "306": root(retourHeader(aanbiederHeader(r(c305))), "Client", Client306, 0),
    "307": root(aanbiederHeader(c307), "Client", Client307, 1),
    "308": root(retourHeader(aanbiederHeader(r(c307))), "Client", Client308, 0),
    "315": root(aanbiederHeader(c315), "Client", client315(jw, AangevraagdProduct), 1),
    "316": root(retourHeader(aanbiederHeader(r(c315))), "Client", retour(client315(jw, retour(AangevraagdProduct))), 0),
    "317": root(aanbiederHeader(c317), "Client", Client317, 1),
    "318": root(retourHeader(aanbiederHeader(r(c317))), "Client", Client318, 0),
    "319": root(gemeenteHeader(c319), "Antwoord", antwoord(jw ? Woonplaatsbeginsel : undefined), 1),
    "320": root(retourHeader(gemeenteHeader(r(c319))), "Antwoord", retour(antwoord(jw ? retour(Woonplaatsbeginsel) : undefined)), 0),
    "323": root(aanbiederHeader(c323), "Declaratie", Declaratie, 1),
    "325": root(declaratieAntwoordHeader(r(c323)), "DeclaratieAntwoord", DeclaratieAntwoord, 0),
  } as const;
}

const STRUCTURES = {
  iwmo: messagesOf("iwmo", [414, 418, 420, 444, 480, 482, 484]),
  ijw: messagesOf("ijw", [436, 438, 440, 446, 486, 488, 490]),
};

export type MessageNumber = keyof (typeof STRUCTURES)["iwmo"];
export const MESSAGE_NUMBERS = Object.keys(STRUCTURES.iwmo) as MessageNumber[];

/** WMO301 … WMO325, JW301 … JW325. */
export type MessageName = `${BerichtPrefix}${MessageNumber}`;

export interface MessageDefinition {
  readonly name: MessageName;
  readonly standaard: Standaard;
  readonly number: MessageNumber;
  readonly berichtCode: string;
  /** The message's namespace prefix as the standard writes it: wmo301, jw301. */
  readonly prefix: string;
  readonly namespace: string;
  readonly basisNamespace: string;
  readonly basisPrefix: "iwmo" | "ijw";
  readonly root: ComplexType;
  /** The heen message this one answers (retour and antwoord messages). */
  readonly answers?: MessageName;
  /** True for the iWmo retour messages, whose structure Kader derives (no XSD is published). */
  readonly derived: boolean;
}

export const basisNamespace = (std: Standaard) => `http://www.istandaarden.nl/${std}/3_2/basisschema/schema`;

const RETOUR_OF: Partial<Record<MessageNumber, MessageNumber>> = {
  "302": "301",
  "306": "305",
  "308": "307",
  "316": "315",
  "318": "317",
  "320": "319",
  "325": "323",
};

export const MESSAGES: readonly MessageDefinition[] = STANDAARDEN.flatMap((std) =>
  MESSAGE_NUMBERS.map((number): MessageDefinition => {
    const root = STRUCTURES[std][number] as ComplexType;
    const header = root.children.Header!.type as ComplexType;
    const prefix = `${berichtPrefix[std].toLowerCase()}${number}`;
    const name = `${berichtPrefix[std]}${number}` as MessageName;
    const heen = RETOUR_OF[number];
    return {
      name,
      standaard: std,
      number,
      berichtCode: header.children.BerichtCode!.pattern!.xsd,
      prefix,
      namespace: `http://www.istandaarden.nl/${std}/3_2/${prefix}/schema`,
      basisNamespace: basisNamespace(std),
      basisPrefix: std,
      root,
      ...(heen ? { answers: `${berichtPrefix[std]}${heen}` as MessageName } : {}),
      derived: std === "iwmo" && heen !== undefined,
    };
  }),
);

export const messageByName = (name: string) => MESSAGES.find((m) => m.name === name);
export const messageByNamespace = (ns: string) => MESSAGES.find((m) => m.namespace === ns);
export const messageByBerichtCode = (code: string) => MESSAGES.find((m) => m.berichtCode === code);

// ---- typed models ----
type Root<S extends Standaard, N extends MessageNumber> = (typeof STRUCTURES)[S][N];
export type MessageModel<S extends Standaard, N extends MessageNumber> = Root<S, N> extends ComplexType<infer C> ? ModelOf<C> : never;
export type Wmo301 = MessageModel<"iwmo", "301">;
export type Wmo302 = MessageModel<"iwmo", "302">;
export type Wmo305 = MessageModel<"iwmo", "305">;
export type Wmo306 = MessageModel<"iwmo", "306">;
export type Wmo307 = MessageModel<"iwmo", "307">;
export type Wmo308 = MessageModel<"iwmo", "308">;
export type Wmo315 = MessageModel<"iwmo", "315">;
export type Wmo316 = MessageModel<"iwmo", "316">;
export type Wmo317 = MessageModel<"iwmo", "317">;
export type Wmo318 = MessageModel<"iwmo", "318">;
export type Wmo319 = MessageModel<"iwmo", "319">;
export type Wmo320 = MessageModel<"iwmo", "320">;
export type Wmo323 = MessageModel<"iwmo", "323">;
export type Wmo325 = MessageModel<"iwmo", "325">;
export type Jw301 = MessageModel<"ijw", "301">;
export type Jw302 = MessageModel<"ijw", "302">;
export type Jw305 = MessageModel<"ijw", "305">;
export type Jw306 = MessageModel<"ijw", "306">;
export type Jw307 = MessageModel<"ijw", "307">;
export type Jw308 = MessageModel<"ijw", "308">;
export type Jw315 = MessageModel<"ijw", "315">;
export type Jw316 = MessageModel<"ijw", "316">;
export type Jw317 = MessageModel<"ijw", "317">;
export type Jw318 = MessageModel<"ijw", "318">;
export type Jw319 = MessageModel<"ijw", "319">;
export type Jw320 = MessageModel<"ijw", "320">;
export type Jw323 = MessageModel<"ijw", "323">;
export type Jw325 = MessageModel<"ijw", "325">;
