/**
 * `importToewijzing`: a toewijzing the gemeente has already sent (a 301 among its own messages) becomes a toewijzing
 * of the care chain — without a beschikking checked by Kader. The client is found by BSN or created from the 301; one
 * placeholder beschikking per 301 and client carries the products (beschikkingnummer "<WMO301>-<Identificatie>"), so
 * the care chain's tables stay as they are. The product code is resolved to a catalogue product: one the aanbieder
 * has a contract for with this gemeente first, then one from a productenboek of this gemeente, then any with that
 * code; where the catalogue has none, a stand-in id `istandaard.<wet>.<categorie>.<code>` keeps the codes (0611 then
 * follows for every prestatie, as no contract names it).
 */
import type { Product, Productenboek } from "../domain/catalogue/product.ts";
import type { Wet } from "../domain/care/codes.ts";
import type { ToewijzingStatus } from "../domain/care/lifecycle.ts";
import type { BeschikkingRecord, CareRepository, ClientRecord, ToewijzingRecord } from "./care-ports.ts";
import type { ToegewezenProductFields } from "./messages-mapping.ts";
import type { MessageRepository } from "./messages-ports.ts";

export interface ImportContext {
  gemeentecode: string;
  wet: Wet;
  agbCode: string;
  /** "WMO301-KDR000000012": the beschikkingnummer of the placeholder beschikking */
  bron: string;
  catalogue: { products: Product[]; productenboeken: Productenboek[] };
  contracted: string[];
  by: string;
  at: string;
}

export function resolveProductId(
  ctx: Pick<ImportContext, "catalogue" | "contracted" | "gemeentecode" | "wet">,
  categorie: string | null,
  code: string | null,
): string {
  const candidates = ctx.catalogue.products
    .filter((p) => p.law === ctx.wet && (code ? p.productcode === code : p.productcode === null && p.productcategorie === categorie))
    .sort((a, b) => a.id.localeCompare(b.id));
  const ownBooks = new Set(
    ctx.catalogue.productenboeken.filter((pb) => pb.issuer.gemeenten.some((g) => g.gemeentecode === ctx.gemeentecode)).map((pb) => pb.id),
  );
  const pick = candidates.find((p) => ctx.contracted.includes(p.id)) ?? candidates.find((p) => ownBooks.has(p.productenboekId)) ?? candidates[0];
  return pick?.id ?? `istandaard.${ctx.wet}.${categorie ?? "-"}.${code ?? "-"}`;
}

export interface ImportResult {
  toewijzing: ToewijzingRecord | null;
  created: boolean;
  /** why the product was not imported (a number in use for another client or aanbieder) */
  problem: string | null;
}

/**
 * Registers one ToegewezenProduct of a 301 the gemeente sent. A number the care chain knows already for the same
 * client and aanbieder is updated (einddatum, omvang, RedenWijziging; RedenWijziging 13 removes it); the same number
 * for another client or aanbieder is refused.
 */
export async function importToewijzing(
  care: CareRepository,
  messages: MessageRepository,
  ctx: ImportContext,
  clientData: { bsn: string; geboortedatum: string; naam: string; naamdelen?: ClientRecord["naamdelen"]; adres: ClientRecord["adres"] },
  p: ToegewezenProductFields,
  beschikking: { current: BeschikkingRecord | null },
): Promise<ImportResult> {
  const client =
    (await care.clientByBsn(ctx.gemeentecode, clientData.bsn)) ??
    (await care.insertClient({ gemeentecode: ctx.gemeentecode, naamdelen: null, ...clientData, demo: false }, ctx.at));
  const eenheid = p.budgetCents !== null ? "83" : (p.omvang?.eenheid ?? "82");
  const existing = await care.toewijzing(ctx.gemeentecode, ctx.wet, p.toewijzingnummer);
  if (existing) {
    if (existing.clientId !== client.id || existing.agbCode !== ctx.agbCode)
      return {
        toewijzing: null,
        created: false,
        problem: `toewijzingnummer ${p.toewijzingnummer} hoort al bij een andere cliënt of aanbieder (retourcode 9332)`,
      };
    const status: ToewijzingStatus = p.redenWijziging === "13" && existing.status === "toegewezen" ? "verwijderd" : existing.status;
    const updated: ToewijzingRecord = {
      ...existing,
      einddatum: p.einddatum,
      omvang: p.omvang?.volume ?? null,
      frequentie: p.omvang?.frequentie ?? null,
      budgetCents: p.budgetCents,
      eenheid,
      redenWijziging: p.redenWijziging,
      status,
    };
    await care.updateToewijzing(updated, ctx.at);
    return { toewijzing: updated, created: false, problem: null };
  }
  const productId = resolveProductId(ctx, p.productcategorie, p.productcode);
  if (!beschikking.current) {
    let nummer = ctx.bron;
    for (let i = 2; await care.beschikkingnummerExists(ctx.gemeentecode, nummer); i++) nummer = `${ctx.bron}-${i}`;
    beschikking.current = await care.insertBeschikking({
      gemeentecode: ctx.gemeentecode,
      clientId: client.id,
      wet: ctx.wet,
      beschikkingnummer: nummer,
      afgiftedatum: p.toewijzingsdatum,
      ingangsdatum: p.ingangsdatum,
      einddatum: p.einddatum ?? "9999-12-31",
      verwijzer: null,
      producten: [],
      bevindingen: [],
      override: null,
      createdBy: ctx.by,
      createdAt: ctx.at,
    });
  }
  const t: ToewijzingRecord = {
    gemeentecode: ctx.gemeentecode,
    wet: ctx.wet,
    toewijzingnummer: p.toewijzingnummer,
    beschikkingId: beschikking.current.id,
    clientId: client.id,
    agbCode: ctx.agbCode,
    productId,
    productcategorie: p.productcategorie,
    productcode: p.productcode,
    eenheid,
    frequentie: p.omvang?.frequentie ?? null,
    omvang: p.omvang?.volume ?? null,
    budgetCents: p.budgetCents,
    toewijzingsdatum: p.toewijzingsdatum,
    ingangsdatum: p.ingangsdatum,
    einddatum: p.einddatum,
    status: p.redenWijziging === "13" ? "verwijderd" : "toegewezen",
    redenWijziging: p.redenWijziging,
    startdatum: null,
    gedeclareerdTot: null,
    geleverd: [],
  };
  await care.insertToewijzing(t, ctx.at);
  await messages.bumpToewijzingTeller(ctx.gemeentecode, ctx.wet, Number(p.toewijzingnummer));
  return { toewijzing: t, created: true, problem: null };
}
