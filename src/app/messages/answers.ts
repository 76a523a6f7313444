/** Building answers (retours, 325s, 319s), checking each with the codec, and writing them to the message log. */
import { buildMessage, type MessageDefinition, validateMessage } from "../../messages/index.ts";
import type { AnyModel } from "../../messages/schema/structure.ts";
import { answerDefinition, build325Model, buildRetourModel, type HeaderInfo, type RetourMeta, retourcodesIn } from "../messages-mapping.ts";
import type { BerichtRecord, MessageUnit, VerzoekRecord } from "../messages-ports.ts";
import type { Clock } from "../ports.ts";
import { type M, obj } from "./model.ts";
import { outgoing } from "./records.ts";
import type { AnswerFile, PendingAnswer, ProcessOptions } from "./types.ts";

/**
 * The file name of an answer: the answered message's file name without .xml (for a ZIP entry the ZIP's name, then the
 * entry's path: "in/batch.zip:a/stop.xml" → "batch-a-stop"), then "_" and the answered message's Identificatie, then
 * the answer's message name — so two messages with the same file name in different folders get different answers'
 * names, and the same message always gets the same name. A 9056 retour (TR056) is named after its own Identificatie
 * too: `stop_Q1.9056-KDR000000042.WMO308.xml`. Only letters, digits, ".", "_" and "-" remain.
 */
export function answerFileName(bestandsnaam: string, def: MessageDefinition, n = 1, identificatie?: string | null, retour9056?: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, "_");
  const zip = /\.zip:/i.exec(bestandsnaam);
  const stem = zip
    ? `${bestandsnaam.slice(0, zip.index).split(/[\\/]/).pop()!}-${bestandsnaam
        .slice(zip.index + zip[0].length)
        .split(/[\\/]+/)
        .filter(Boolean)
        .join("-")}`
    : bestandsnaam.split(/[\\/]/).pop()!;
  const id = identificatie ? `_${safe(identificatie)}` : "";
  // a 9056 retour carries its own Identificatie as well: it never takes the name of the answer to the first receipt
  const dup = retour9056 ? `.9056-${safe(retour9056)}` : "";
  return `${safe(stem.replace(/\.xml$/i, ""))}${id}${dup}.${def.name}${n > 1 ? `-${n}` : ""}.xml`;
}

/** The XML of an answer Kader built; the codec must accept it, or it throws (and the message's transaction is undone). */
export function checkedXml(def: MessageDefinition, model: AnyModel): string {
  const xml = buildMessage(def, model);
  const check = validateMessage(xml);
  if (check.failures.length)
    throw new Error(
      `Kader bouwde een ongeldig ${def.name}: ${check.failures
        .slice(0, 3)
        .map((f) => `${f.path}: ${f.message}`)
        .join("; ")}`,
    );
  return xml;
}

/** The answer to a message rejected in its header: header only (323: a 325 header). */
export function rejectionModel(def: MessageDefinition, model: AnyModel, h: HeaderInfo, meta: RetourMeta, codes: string[]): AnyModel {
  const ans = answerDefinition(def);
  return def.number === "323"
    ? build325Model(ans, { heen: model, meta, headerCodes: codes, result: null, h })
    : buildRetourModel(ans, model, meta, codes, null);
}

/** A fresh Identificatie and today's date for an answer. */
export const metaOf = async (u: MessageUnit, clock: Clock): Promise<RetourMeta> => ({
  identificatie: await u.messages.nextIdentificatie(),
  dagtekening: clock.today(),
});

/**
 * The retour to a message whose Identificatie is used (TR056): the header with 9056 (a 323: a 325 header), under an
 * Identificatie of its own; checked with the codec like every answer, and not stored.
 */
export async function retour9056(
  u: MessageUnit,
  clock: Clock,
  m: { def: MessageDefinition; model: AnyModel; h: HeaderInfo },
  bestandsnaam: string,
  keyId: string,
): Promise<AnswerFile> {
  const ans = answerDefinition(m.def);
  const meta = await metaOf(u, clock);
  const retour = rejectionModel(m.def, m.model, m.h, meta, ["9056"]);
  const xml = checkedXml(ans, retour);
  return { bestandsnaam: answerFileName(bestandsnaam, ans, 1, keyId, meta.identificatie), berichtNaam: ans.name, xml, retourcodes: retourcodesIn(retour) };
}

/** Builds, checks (the codec must accept it, or the transaction is undone) and logs each answer. */
export async function writeAnswers(u: MessageUnit, clock: Clock, rec: BerichtRecord, answers: PendingAnswer[], opts: ProcessOptions): Promise<AnswerFile[]> {
  const out: AnswerFile[] = [];
  const seen = new Map<string, number>();
  for (const a of answers) {
    const meta = await metaOf(u, clock);
    const model = a.build(meta);
    const xml = checkedXml(a.def, model);
    const n = (seen.get(a.def.name) ?? 0) + 1;
    seen.set(a.def.name, n);
    const bestandsnaam = answerFileName(rec.bestandsnaam, a.def, n, rec.identificatie);
    const retourcodes = retourcodesIn(model);
    const saved = await u.messages.insert(
      outgoing(
        {
          rol: rec.rol,
          gemeentecode: rec.gemeentecode,
          agbCode: rec.agbCode,
          wet: rec.wet,
          def: a.def,
          afzender: rec.ontvanger,
          ontvanger: rec.afzender,
          meta,
          bestandsnaam,
          retourcodes,
          summary: { antwoordOp: rec.berichtNaam, identificatie: rec.identificatie },
          antwoordOp: rec.id,
          createdAt: clock.now(),
          geschrevenOp: opts.antwoordenLater ? null : clock.now(),
        },
        xml,
      ),
      xml,
    );
    out.push({ bestandsnaam, berichtNaam: a.def.name, xml, berichtId: saved.id, retourcodes });
  }
  return out;
}

/** A 319 for a verzoek: VerzoekAntwoord 1 (afgewezen, with its reden) or 2 (aanvraag in onderzoek). */
export function model319(def: MessageDefinition, v: VerzoekRecord, antwoord: "1" | "2", reden: string | null, meta: RetourMeta, heen?: M): AnyModel {
  const xsd = obj(obj(heen?.Header).XsdVersie);
  return {
    Header: {
      BerichtCode: def.berichtCode,
      BerichtVersie: 3,
      BerichtSubversie: 2,
      Afzender: v.gemeentecode,
      Ontvanger: v.agbCode,
      BerichtIdentificatie: { Identificatie: meta.identificatie, Dagtekening: meta.dagtekening },
      XsdVersie: Object.keys(xsd).length ? xsd : { BasisschemaXsdVersie: "1.0.0", BerichtXsdVersie: "1.0.0" },
    },
    Antwoord: { ReferentieAanbieder: v.referentieAanbieder, VerzoekAntwoord: antwoord, ...(reden ? { RedenAfwijzingVerzoek: reden } : {}) },
  };
}
