/**
 * Toewijzingen in a 301: as gemeente, the 301 it sent itself becomes the care chain's (importToewijzing); as
 * aanbieder, a 301 received is registered (9332: a number already received for another client).
 */
import { importToewijzing } from "../messages-import.ts";
import { clientFrom301, toegewezenProducten } from "../messages-mapping.ts";
import type { BeschikkingRecord } from "../care-ports.ts";
import type { Melding } from "../messages-ports.ts";
import { melding } from "./findings.ts";
import { arr, Codes, obj, str } from "./model.ts";
import type { CatalogueSnapshot, Handled, Incoming } from "./types.ts";

/** As gemeente, a 301 it sent itself: its toewijzingen become the care chain's (importToewijzing). */
export async function import301({ model, def, h, wet, rec, u, clock }: Incoming, cat: CatalogueSnapshot): Promise<Handled> {
  const meldingen: Melding[] = [];
  const clientData = clientFrom301(model);
  const ctx = {
    gemeentecode: h.gemeentecode,
    wet,
    agbCode: h.agbCode,
    bron: `${def.name}-${h.identificatie}`,
    catalogue: cat,
    contracted: await u.messages.contractProducts(h.agbCode, h.gemeentecode),
    by: "kader-berichten",
    at: clock.now(),
  };
  const beschikking: { current: BeschikkingRecord | null } = { current: null };
  let created = 0;
  let updated = 0;
  const products = toegewezenProducten(model);
  for (const [i, p] of products.entries()) {
    const r = await importToewijzing(u.care, u.messages, ctx, clientData, p, beschikking);
    const path = `Bericht/Client/ToegewezenProducten/ToegewezenProduct[${i + 1}]`;
    if (r.problem) meldingen.push(melding("9332", path, r.problem));
    else if (r.created) created++;
    else updated++;
    if (p.referentieAanbieder && !r.problem) {
      const v = await u.messages.verzoek("gemeente", h.agbCode, wet, p.referentieAanbieder);
      if (v)
        await u.messages.updateVerzoek(
          v.id,
          { status: "toegewezen", antwoord: { verzoekAntwoord: "toegewezen", redenAfwijzing: null, berichtId: rec.id } },
          clock.now(),
        );
    }
  }
  return { status: "geregistreerd", meldingen, summary: { toewijzingen: products.length, nieuw: created, bijgewerkt: updated }, answers: [] };
}
/** As aanbieder, a 301 received: the toewijzingen are registered (9332: a number already used for another client). */
export async function received301({ model, h, wet, rec, u, clock }: Incoming): Promise<Codes> {
  const codes = new Codes();
  const bsn = str(obj(model.Client).Bsn) ?? "";
  const items = arr(obj(obj(model.Client).ToegewezenProducten).ToegewezenProduct);
  for (const [i, p] of items.entries()) {
    const path = `Bericht/Client/ToegewezenProducten/ToegewezenProduct[${i + 1}]`;
    const nummer = str(p.ToewijzingNummer)!;
    const known = await u.messages.ontvangenToewijzing(h.gemeentecode, wet, h.agbCode, nummer);
    if (known && known.bsn !== bsn) {
      codes.add(path, "9332", `toewijzingnummer ${nummer} is al ontvangen voor een andere cliënt`);
      continue;
    }
    await u.messages.saveOntvangenToewijzing(
      { gemeentecode: h.gemeentecode, wet, agbCode: h.agbCode, nummer, bsn, berichtId: rec.id, product: p },
      clock.now(),
    );
    const ref = str(p.ReferentieAanbieder);
    if (ref) {
      const v = await u.messages.verzoek("aanbieder", h.agbCode, wet, ref);
      if (v)
        await u.messages.updateVerzoek(
          v.id,
          { status: "toegewezen", antwoord: { verzoekAntwoord: "toegewezen", redenAfwijzing: null, berichtId: rec.id } },
          clock.now(),
        );
    }
  }
  return codes;
}
