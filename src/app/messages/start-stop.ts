/** As gemeente: the start (305) and stop (307) of care, checked against the toewijzingen and the registered starts. */
import type { Wet } from "../../domain/care/codes.ts";
import type { AccessContext, Actor } from "../access.ts";
import type { ToewijzingRecord } from "../care-ports.ts";
import type { CareService } from "../care.ts";
import type { HeaderInfo } from "../messages-mapping.ts";
import type { MessageUnit } from "../messages-ports.ts";
import { arr, Codes, type M, obj, str } from "./model.ts";
import type { Incoming } from "./types.ts";

const CLI: Actor = { kind: "cli" };

/** The toewijzing a StartProduct or StopProduct is about: of this gemeente, to this aanbieder, for this client. */
async function toewijzingFor(u: MessageUnit, h: HeaderInfo, wet: Wet, bsn: string, p: M): Promise<ToewijzingRecord | null> {
  const nummer = str(p.ToewijzingNummer);
  const client = await u.care.clientByBsn(h.gemeentecode, bsn);
  if (!client) return null;
  if (nummer !== null) {
    const t = await u.care.toewijzing(h.gemeentecode, wet, nummer);
    return t && t.agbCode === h.agbCode && t.clientId === client.id ? t : null;
  }
  // without a ToewijzingNummer (allowed before 2021 products): the product and ToewijzingIngangsdatum identify it
  const product = obj(p.Product);
  const ingang = str(p.ToewijzingIngangsdatum);
  const all = await u.care.toewijzingen({ gemeentecode: h.gemeentecode, agbCode: h.agbCode, clientId: client.id });
  return (
    all.find(
      (t) =>
        t.wet === wet &&
        t.productcategorie === str(product.Categorie) &&
        (str(product.Code) === null || t.productcode === str(product.Code)) &&
        (ingang === null || t.ingangsdatum === ingang),
    ) ?? null
  );
}

/** The toewijzing of a StartProduct or StopProduct; without one, 9019 on its path. */
async function toewijzingOr9019(u: MessageUnit, h: HeaderInfo, wet: Wet, bsn: string, p: M, codes: Codes, path: string): Promise<ToewijzingRecord | null> {
  const t = await toewijzingFor(u, h, wet, bsn, p);
  if (!t) codes.add(path, "9019", `geen toewijzing ${str(p.ToewijzingNummer) ?? "(zonder nummer)"} van deze gemeente aan deze aanbieder voor deze cliënt`);
  return t;
}

/** The toewijzing's status follows the start or stop; when the care chain refuses, the toegang gets a note. */
async function lifecycle(
  care: CareService,
  t: ToewijzingRecord,
  event: "start" | "stop" | "tijdelijk-stop",
  datum: string,
  codes: Codes,
  path: string,
  ctx: AccessContext,
) {
  const r = await care.event(CLI, { gemeentecode: t.gemeentecode, wet: t.wet, toewijzingnummer: t.toewijzingnummer }, { event, datum }, ctx);
  if (!r.ok)
    codes.note(
      path,
      `aandachtspunt voor de toegang: de toewijzing ${t.toewijzingnummer} is niet bijgewerkt (${event} ${datum}): ${r.problems.map((p) => p.detail).join("; ")}`,
    );
}

/** 305: start of care — 9019 (no toewijzing), 9074 (key known), 9326 (a current start not stopped), 9069 (correction or removal of an unknown start), 9071. */
export async function start({ model, h, wet, u, clock }: Incoming, care: CareService, ctx: AccessContext): Promise<Codes> {
  const codes = new Codes();
  const client = obj(model.Client);
  const bsn = str(client.Bsn) ?? "";
  const items = arr(obj(client.StartProducten).StartProduct);
  for (const [i, p] of items.entries()) {
    const path = `Bericht/Client/StartProducten/StartProduct${items.length ? `[${i + 1}]` : ""}`;
    const t = await toewijzingOr9019(u, h, wet, bsn, p, codes, path);
    if (!t) continue;
    const begindatum = str(p.Begindatum)!;
    const status = str(p.StatusAanlevering);
    const lev = await u.messages.leveringen("gemeente", t.gemeentecode, wet, t.toewijzingnummer);
    const same = lev.find((l) => l.begindatum === begindatum && !l.verwijderd);
    const record = {
      rol: "gemeente" as const,
      gemeentecode: t.gemeentecode,
      wet,
      toewijzingnummer: t.toewijzingnummer,
      begindatum,
      agbCode: h.agbCode,
      verwijderd: false,
      stopReden: null,
      stopEinddatum: null,
    };
    if (status === "1") {
      if (same) codes.add(path, "9074", `er is al een start gemeld voor toewijzing ${t.toewijzingnummer} met begindatum ${begindatum}`);
      else if (lev.some((l) => !l.verwijderd && l.stopEinddatum === null))
        codes.add(path, "9326", `toewijzing ${t.toewijzingnummer} heeft een actuele start die nog niet gestopt is`);
      else {
        await u.messages.saveLevering(record, clock.now());
        await lifecycle(care, t, "start", begindatum, codes, path, ctx);
      }
    } else if (status === "2") {
      if (!same) codes.add(path, "9069", `geen actuele start van toewijzing ${t.toewijzingnummer} met begindatum ${begindatum} om te corrigeren`);
    } else if (status === "3") {
      if (!same) codes.add(path, "9069", `geen actuele start van toewijzing ${t.toewijzingnummer} met begindatum ${begindatum} om te verwijderen`);
      else if (same.stopEinddatum !== null) codes.add(path, "9071", "deze start is al gestopt en kan niet meer worden verwijderd");
      else {
        await u.messages.saveLevering({ ...same, verwijderd: true }, clock.now());
        codes.note(
          path,
          `aandachtspunt voor de toegang: de start van toewijzing ${t.toewijzingnummer} is ingetrokken; de status van de toewijzing wordt niet automatisch teruggezet`,
        );
      }
    }
  }
  return codes;
}

/** 307: stop of care — 9019, 9069 (no current start with this key), 9413/9414/9415; RedenBeeindiging 20 is a temporary stop. */
export async function stop({ model, h, wet, u, clock }: Incoming, care: CareService, ctx: AccessContext): Promise<Codes> {
  const codes = new Codes();
  const client = obj(model.Client);
  const bsn = str(client.Bsn) ?? "";
  const items = arr(obj(client.StopProducten).StopProduct);
  for (const [i, p] of items.entries()) {
    const path = `Bericht/Client/StopProducten/StopProduct[${i + 1}]`;
    const t = await toewijzingOr9019(u, h, wet, bsn, p, codes, path);
    if (!t) continue;
    const begindatum = str(p.Begindatum)!;
    const einddatum = str(p.Einddatum)!;
    const reden = str(p.RedenBeeindiging)!;
    const status = str(p.StatusAanlevering);
    const same = (await u.messages.leveringen("gemeente", t.gemeentecode, wet, t.toewijzingnummer)).find((l) => l.begindatum === begindatum && !l.verwijderd);
    if (!same) {
      codes.add(path, "9069", `geen actuele start van toewijzing ${t.toewijzingnummer} met begindatum ${begindatum}`);
      continue;
    }
    const now = clock.now();
    if (status === "1" || status === "2") {
      if (status === "1" && same.stopEinddatum !== null && same.stopReden !== "20") codes.add(path, "9415", "deze levering is al (definitief) gestopt");
      else if (status === "1" && same.stopReden === "20" && reden === "20") codes.add(path, "9413", "deze levering is al tijdelijk gestopt (reden 20)");
      else if (status === "2" && same.stopEinddatum === null) codes.add(path, "9069", "er is geen stop om te corrigeren");
      else if (same.stopEinddatum !== null && einddatum < same.stopEinddatum)
        codes.add(path, "9414", `de einddatum ${einddatum} ligt vóór de eerder gemelde einddatum ${same.stopEinddatum}`);
      else {
        await u.messages.saveLevering({ ...same, stopReden: reden, stopEinddatum: einddatum }, now);
        if (status === "1") await lifecycle(care, t, reden === "20" ? "tijdelijk-stop" : "stop", einddatum, codes, path, ctx);
        else codes.note(path, `aandachtspunt voor de toegang: de stop van toewijzing ${t.toewijzingnummer} is gecorrigeerd naar ${einddatum}`);
      }
    } else if (status === "3") {
      if (same.stopEinddatum === null) codes.add(path, "9069", "er is geen stop om te verwijderen");
      else {
        await u.messages.saveLevering({ ...same, stopReden: null, stopEinddatum: null }, now);
        codes.note(
          path,
          `aandachtspunt voor de toegang: de stop van toewijzing ${t.toewijzingnummer} is ingetrokken; de status van de toewijzing wordt niet automatisch teruggezet`,
        );
      }
    }
  }
  return codes;
}
