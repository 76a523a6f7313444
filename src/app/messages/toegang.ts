/**
 * Messages a toegang user makes: the WMO301/JW301 for the gemeente's toewijzingen, and the 319 that answers a
 * verzoek (afgewezen with its reden, or in onderzoek). Each is built, checked with the codec and logged as sent.
 */
import { problem, type Result } from "../../domain/shared/problem.ts";
import { buildMessage, validateMessage } from "../../messages/index.ts";
import type { AccessContext, AccessGate, Actor } from "../access.ts";
import type { ToewijzingRecord } from "../care-ports.ts";
import { build301Model, definition, standaardOf } from "../messages-mapping.ts";
import type { MessageStore } from "../messages-ports.ts";
import type { Clock } from "../ports.ts";
import { metaOf, model319 } from "./answers.ts";
import { ACTUEEL } from "./model.ts";
import { outgoing } from "./records.ts";
import type { AnswerFile } from "./types.ts";

export interface Toegang {
  store: MessageStore;
  gate: AccessGate;
  clock: Clock;
}

/**
 * WMO301/JW301 for a gemeente's toewijzingen: one message per client, aanbieder and law with all the client's
 * current toewijzingen at that aanbieder (as the standard asks); logged as sent.
 */
export async function toewijzingBerichten(
  { store, gate, clock }: Toegang,
  actor: Actor,
  q: { gemeente: string; aanbieder?: string | undefined; toewijzingnummers?: string[] | undefined },
  ctx: AccessContext,
): Promise<Result<AnswerFile[]>> {
  const allowed = await gate.guard(actor, "bericht", "write", { gemeentecode: q.gemeente, agbCode: q.aanbieder ?? null }, ctx, async () => null, {
    filter: `toewijzingsberichten gemeente ${q.gemeente}${q.aanbieder ? ` aanbieder ${q.aanbieder}` : ""}${q.toewijzingnummers ? ` toewijzingen ${q.toewijzingnummers.slice(0, 20).join(",")}` : ""}`,
  });
  if (!allowed.ok) return allowed;
  return store.transaction(async (u) => {
    const all = (await u.care.toewijzingen({ gemeentecode: q.gemeente, agbCode: q.aanbieder })).filter(
      (t) => ACTUEEL.has(t.status) || t.status === "verwijderd",
    );
    const wanted = q.toewijzingnummers ? all.filter((t) => q.toewijzingnummers!.includes(t.toewijzingnummer)) : all;
    const groups = new Map<string, ToewijzingRecord[]>();
    for (const t of wanted) {
      const k = `${t.clientId}|${t.agbCode}|${t.wet}`;
      groups.set(k, [...(groups.get(k) ?? []), t]);
    }
    const out: AnswerFile[] = [];
    for (const [, group] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      const t0 = group[0]!;
      const client = await u.care.client(t0.clientId);
      if (!client) continue;
      // every current toewijzing of the client at this aanbieder goes in the message
      const current = all
        .filter((t) => t.clientId === t0.clientId && t.agbCode === t0.agbCode && t.wet === t0.wet)
        .sort((a, b) => Number(a.toewijzingnummer) - Number(b.toewijzingnummer));
      const def = definition(standaardOf(t0.wet), "301");
      if (!/^[0-9]/.test(client.adres.huisnummer ?? "") || !client.adres.postcode)
        return {
          ok: false,
          problems: [
            problem.inconsistent(
              `cliënt ${client.id} heeft geen huisnummer en postcode; een ${def.name} vraagt het BRP-adres (TR006, CD034)`,
              `toewijzingen.${t0.toewijzingnummer}`,
              "Adres ontbreekt",
            ),
          ],
        };
      const meta = await metaOf(u, clock);
      const model = build301Model(def, {
        client,
        toewijzingen: current,
        identificatie: meta.identificatie,
        dagtekening: meta.dagtekening,
        tijd: clock.now().slice(11, 19),
      });
      const xml = buildMessage(def, model);
      const check = validateMessage(xml);
      if (check.failures.length)
        return {
          ok: false,
          problems: check.failures
            .slice(0, 10)
            .map((f) => problem.inconsistent(f.message, f.path, `${def.name} voor toewijzing ${t0.toewijzingnummer} is ongeldig`)),
        };
      const bestandsnaam = `${def.name}_${t0.gemeentecode}_${t0.agbCode}_${meta.identificatie}.xml`;
      const saved = await u.messages.insert(
        outgoing(
          {
            rol: "gemeente",
            gemeentecode: t0.gemeentecode,
            agbCode: t0.agbCode,
            wet: t0.wet,
            def,
            afzender: t0.gemeentecode,
            ontvanger: t0.agbCode,
            meta,
            bestandsnaam,
            summary: { toewijzingen: current.map((t) => t.toewijzingnummer) },
            antwoordOp: null,
            createdAt: clock.now(),
          },
          xml,
        ),
        xml,
      );
      out.push({ bestandsnaam, berichtNaam: def.name, xml, berichtId: saved.id });
    }
    return { ok: true, value: out };
  });
}

/** The toegang answers a verzoek: afgewezen (with RedenAfwijzingVerzoek) or in onderzoek — a 319. (Toegekend: grant it and send a 301.) */
export async function beantwoordVerzoek(
  { store, gate, clock }: Toegang,
  actor: Actor,
  id: number,
  antwoord: { verzoekAntwoord: "afgewezen" | "in-onderzoek"; reden?: string | undefined },
  ctx: AccessContext,
): Promise<Result<AnswerFile>> {
  const v = await store.messages.verzoekById(id);
  const allowed = await gate.guard(actor, "bericht", "write", { gemeentecode: v?.gemeentecode ?? null }, ctx, async () => null, {
    records: [`verzoek:${id}`],
  });
  if (!allowed.ok) return allowed;
  if (v?.rol !== "gemeente") return { ok: false, problems: [problem.notFound(`geen verzoek ${id}`)] };
  if (v.status !== "open" && v.status !== "in-onderzoek")
    return {
      ok: false,
      problems: [
        problem.inconsistent(
          `verzoek ${v.referentieAanbieder} is al ${v.status === "toegewezen" ? "toegewezen (9359)" : "afgewezen (9365)"}`,
          undefined,
          "Niet toegestaan",
        ),
      ],
    };
  if (v.status === "in-onderzoek" && antwoord.verzoekAntwoord === "in-onderzoek")
    return { ok: false, problems: [problem.inconsistent("dit verzoek is al als in onderzoek beantwoord (9360)", undefined, "Niet toegestaan")] };
  const code = antwoord.verzoekAntwoord === "afgewezen" ? "1" : "2";
  if (code === "1" && !/^[1-9]$/.test(antwoord.reden ?? ""))
    return { ok: false, problems: [problem.invalid("geef de reden van afwijzing (RedenAfwijzingVerzoek 1–9)", "reden", "Reden ontbreekt")] };
  return store.transaction(async (u) => {
    const def = definition(standaardOf(v.wet), "319");
    const meta = await metaOf(u, clock);
    const model = model319(def, v, code, code === "1" ? antwoord.reden! : null, meta);
    const xml = buildMessage(def, model);
    const bestandsnaam = `${def.name}_${v.gemeentecode}_${v.agbCode}_${meta.identificatie}.xml`;
    const rec = await u.messages.insert(
      outgoing(
        {
          rol: "gemeente",
          gemeentecode: v.gemeentecode,
          agbCode: v.agbCode,
          wet: v.wet,
          def,
          afzender: v.gemeentecode,
          ontvanger: v.agbCode,
          meta,
          bestandsnaam,
          summary: { verzoek: v.referentieAanbieder, verzoekAntwoord: code },
          antwoordOp: v.berichtId,
          createdAt: clock.now(),
        },
        xml,
      ),
      xml,
    );
    await u.messages.updateVerzoek(
      v.id,
      {
        status: code === "1" ? "afgewezen" : "in-onderzoek",
        antwoord: { verzoekAntwoord: code, redenAfwijzing: code === "1" ? antwoord.reden! : null, berichtId: rec.id },
      },
      clock.now(),
    );
    return { ok: true, value: { bestandsnaam, berichtNaam: def.name, xml, berichtId: rec.id } };
  });
}
