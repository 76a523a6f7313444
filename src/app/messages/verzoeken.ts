/**
 * Verzoeken: as gemeente, a verzoek om toewijzing (315) or om wijziging (317) registered for the toegang, and the 319
 * "aanvraag in onderzoek" for it; as aanbieder, its own 315/317 registered so that a 319 or 301 can be matched to it,
 * and the 319 it receives.
 */
import type { Wet } from "../../domain/care/codes.ts";
import { definition, type HeaderInfo, standaardOf } from "../messages-mapping.ts";
import type { MessageUnit, Rol, VerzoekRecord } from "../messages-ports.ts";
import type { Clock } from "../ports.ts";
import { model319 } from "./answers.ts";
import { ACTUEEL, arr, Codes, type M, obj, str } from "./model.ts";
import { openVerzoek } from "./records.ts";
import type { Incoming, PendingAnswer } from "./types.ts";

/** The verzoeken of this aanbieder for this client that are still pending. */
function openVerzoeken(u: MessageUnit, h: HeaderInfo, wet: Wet, bsn: string, rol: Rol = "gemeente") {
  return u.messages.verzoeken({ rol, agbCode: h.agbCode, gemeentecode: h.gemeentecode, wet, bsn, status: ["open", "in-onderzoek"] });
}

/** 315: verzoek om toewijzing — registered per ReferentieAanbieder for the toegang (9374: one already pending; 9347: reference used). */
export async function verzoek315({ model, h, wet, rec, u, clock }: Incoming): Promise<{ codes: Codes; verzoeken: VerzoekRecord[] }> {
  const codes = new Codes();
  const client = obj(model.Client);
  const bsn = str(client.Bsn) ?? "";
  const verzoeken: VerzoekRecord[] = [];
  if ((await openVerzoeken(u, h, wet, bsn)).length) {
    codes.add("Bericht/Client", "9374", "er is al een verzoek van deze aanbieder voor deze cliënt in behandeling");
    return { codes, verzoeken };
  }
  const items = arr(obj(client.AangevraagdeProducten).AangevraagdProduct);
  for (const [i, p] of items.entries()) {
    const path = `Bericht/Client/AangevraagdeProducten/AangevraagdProduct[${i + 1}]`;
    const ref = str(p.ReferentieAanbieder)!;
    if (await u.messages.verzoek("gemeente", h.agbCode, wet, ref)) {
      codes.add(path, "9347", `ReferentieAanbieder ${ref} is al eerder gebruikt`);
      continue;
    }
    verzoeken.push(await u.messages.insertVerzoek(openVerzoek("gemeente", h, wet, "315", ref, bsn, rec.id, p, clock.now()), clock.now()));
  }
  if (verzoeken.length)
    codes.note("Bericht/Client", `${verzoeken.length} ${verzoeken.length === 1 ? "verzoek staat" : "verzoeken staan"} klaar voor de toegang`);
  return { codes, verzoeken };
}

/** 317: verzoek om wijziging — 9349 (not every current toewijzing named), 9350/9351 (unknown or ended toewijzing), 9374, 9347. */
export async function verzoek317({ model, h, wet, rec, u, clock }: Incoming): Promise<{ codes: Codes; verzoeken: VerzoekRecord[] }> {
  const codes = new Codes();
  const client = obj(model.Client);
  const bsn = str(client.Bsn) ?? "";
  const v = obj(client.Verzoek);
  const ref = str(v.ReferentieAanbieder)!;
  if ((await openVerzoeken(u, h, wet, bsn)).length)
    codes.add("Bericht/Client", "9374", "er is al een verzoek van deze aanbieder voor deze cliënt in behandeling");
  if (await u.messages.verzoek("gemeente", h.agbCode, wet, ref))
    codes.add("Bericht/Client/Verzoek", "9347", `ReferentieAanbieder ${ref} is al eerder gebruikt`);
  const c = await u.care.clientByBsn(h.gemeentecode, bsn);
  const dag = h.dagtekening;
  const actueel = c
    ? (await u.care.toewijzingen({ gemeentecode: h.gemeentecode, agbCode: h.agbCode, clientId: c.id })).filter(
        (t) => t.wet === wet && ACTUEEL.has(t.status) && (t.einddatum === null || t.einddatum >= dag),
      )
    : [];
  const nummers = new Set(actueel.map((t) => t.toewijzingnummer));
  const named = new Set<string>();
  const check = (list: string, item: string, code: string) =>
    arr(obj(v[list])[item]).forEach((p, i) => {
      const n = str(p.ToewijzingNummer)!;
      named.add(n);
      if (!nummers.has(n))
        codes.add(`Bericht/Client/Verzoek/${list}/${item}[${i + 1}]`, code, `toewijzing ${n} is geen actuele toewijzing van deze cliënt bij deze aanbieder`);
    });
  check("OngewijzigdeProducten", "OngewijzigdProduct", "9350");
  check("TeWijzigenProducten", "TeWijzigenProduct", "9351");
  const missing = [...nummers].filter((n) => !named.has(n));
  if (missing.length) codes.add("Bericht/Client/Verzoek", "9349", `het verzoek noemt niet alle actuele toewijzingen: ontbreekt ${missing.join(", ")}`);
  if (codes.any) return { codes, verzoeken: [] };
  const verzoek = await u.messages.insertVerzoek(openVerzoek("gemeente", h, wet, "317", ref, bsn, rec.id, v, clock.now()), clock.now());
  codes.note("Bericht/Client/Verzoek", "het verzoek om wijziging staat klaar voor de toegang");
  return { codes, verzoeken: [verzoek] };
}

/** 319 "aanvraag in onderzoek" for accepted verzoeken (option --in-onderzoek). */
export async function inOnderzoek(u: MessageUnit, clock: Clock, verzoeken: VerzoekRecord[], heen: M): Promise<PendingAnswer[]> {
  const out: PendingAnswer[] = [];
  for (const v of verzoeken) {
    const def = definition(standaardOf(v.wet), "319");
    out.push({ def, build: (meta) => model319(def, v, "2", null, meta, heen) });
    await u.messages.updateVerzoek(
      v.id,
      { status: "in-onderzoek", antwoord: { verzoekAntwoord: "2", redenAfwijzing: null, berichtId: v.berichtId } },
      clock.now(),
    );
  }
  return out;
}

/** As aanbieder, a 319 received: 9355 (no such verzoek), 9359 (already answered with a toewijzing), 9360/9365 (already answered). */
export async function received319({ model, h, wet, u, clock }: Incoming): Promise<Codes> {
  const codes = new Codes();
  const a = obj(model.Antwoord);
  const ref = str(a.ReferentieAanbieder)!;
  const antwoord = str(a.VerzoekAntwoord)!;
  const path = "Bericht/Antwoord";
  const v = await u.messages.verzoek("aanbieder", h.agbCode, wet, ref);
  if (!v) codes.add(path, "9355", `geen verzoek met ReferentieAanbieder ${ref} bekend`);
  else if (v.status === "toegewezen") codes.add(path, "9359", `op verzoek ${ref} is al een toewijzing ontvangen`);
  else if (v.antwoord && v.antwoord.verzoekAntwoord !== "2") codes.add(path, "9365", `op verzoek ${ref} is al een antwoord ontvangen`);
  else if (v.antwoord && antwoord === "2") codes.add(path, "9360", `verzoek ${ref} is al als "in onderzoek" beantwoord`);
  else
    await u.messages.updateVerzoek(
      v.id,
      {
        status: antwoord === "1" ? "afgewezen" : "in-onderzoek",
        antwoord: { verzoekAntwoord: antwoord, redenAfwijzing: str(a.RedenAfwijzingVerzoek), berichtId: 0 },
      },
      clock.now(),
    );
  return codes;
}

/** As aanbieder: a 315/317 it sent itself, registered so that a 319 or 301 can be matched to it. */
export async function ownVerzoek({ model, def, h, wet, rec, u, clock }: Incoming): Promise<VerzoekRecord[]> {
  const client = obj(model.Client);
  const bsn = str(client.Bsn) ?? "";
  const items = def.number === "315" ? arr(obj(client.AangevraagdeProducten).AangevraagdProduct) : [obj(client.Verzoek)];
  const out: VerzoekRecord[] = [];
  for (const p of items) {
    const ref = str(p.ReferentieAanbieder)!;
    if (await u.messages.verzoek("aanbieder", h.agbCode, wet, ref)) continue;
    out.push(await u.messages.insertVerzoek(openVerzoek("aanbieder", h, wet, def.number as "315" | "317", ref, bsn, rec.id, p, clock.now()), clock.now()));
  }
  return out;
}
