import type {
  BeschikkingRecord,
  CareRepository,
  ClientRecord,
  StoredDeclaratie,
  StoredPrestatie,
  ToewijzingEventRecord,
  ToewijzingFilter,
  ToewijzingRecord,
} from "../../app/care-ports.ts";
import { BillingLedger, type DeclaratieResult, referentieKey, toewijzingKey, type ToewijzingView } from "../../domain/billing/check.ts";
import type { Declaratie } from "../../domain/billing/declaratie.ts";
import type { Wet } from "../../domain/care/codes.ts";
import type { Db } from "./db.ts";

type Row = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
const n = (v: unknown) => (v === null || v === undefined ? null : Number(v));

const toClient = (r: Row): ClientRecord => ({
  id: Number(r.id),
  gemeentecode: String(r.gemeentecode),
  bsn: String(r.bsn),
  geboortedatum: String(r.geboortedatum),
  naam: String(r.naam),
  naamdelen: (r.naamdelen ?? null) as ClientRecord["naamdelen"],
  adres: (r.adres ?? {}) as ClientRecord["adres"],
  demo: Boolean(r.demo),
});
const toBeschikking = (r: Row): BeschikkingRecord => ({
  id: Number(r.id),
  gemeentecode: String(r.gemeentecode),
  clientId: Number(r.client_id),
  wet: r.wet as Wet,
  beschikkingnummer: String(r.beschikkingnummer),
  afgiftedatum: String(r.afgiftedatum),
  ingangsdatum: String(r.ingangsdatum),
  einddatum: String(r.einddatum),
  verwijzer: s(r.verwijzer) as BeschikkingRecord["verwijzer"],
  producten: r.producten as BeschikkingRecord["producten"],
  bevindingen: r.bevindingen as BeschikkingRecord["bevindingen"],
  override: (r.override ?? null) as BeschikkingRecord["override"],
  createdBy: String(r.created_by),
  createdAt: String(r.created_at),
});
const toToewijzing = (r: Row): ToewijzingRecord => ({
  gemeentecode: String(r.gemeentecode),
  wet: r.wet as Wet,
  toewijzingnummer: String(r.toewijzingnummer),
  beschikkingId: Number(r.beschikking_id),
  clientId: Number(r.client_id),
  agbCode: String(r.agb_code),
  productId: String(r.product_id),
  productcategorie: s(r.productcategorie),
  productcode: s(r.productcode),
  eenheid: String(r.eenheid) as ToewijzingRecord["eenheid"],
  frequentie: s(r.frequentie) as ToewijzingRecord["frequentie"],
  omvang: n(r.omvang),
  budgetCents: n(r.budget_cents),
  toewijzingsdatum: String(r.toewijzingsdatum),
  ingangsdatum: String(r.ingangsdatum),
  einddatum: s(r.einddatum),
  status: r.status as ToewijzingRecord["status"],
  redenWijziging: s(r.reden_wijziging) as ToewijzingRecord["redenWijziging"],
  startdatum: s(r.startdatum),
  gedeclareerdTot: s(r.gedeclareerd_tot),
  geleverd: (r.geleverd ?? []) as ToewijzingRecord["geleverd"],
});
const toDeclaratie = (r: Row): StoredDeclaratie => ({
  agbCode: String(r.agb_code),
  wet: r.wet as Wet,
  declaratienummer: String(r.declaratienummer),
  gemeentecode: String(r.gemeentecode),
  periodeBegin: String(r.periode_begin),
  periodeEind: String(r.periode_eind),
  dagtekening: String(r.dagtekening),
  contentHash: String(r.content_hash),
  ingediend: Number(r.ingediend_cents),
  toegekend: Number(r.toegekend_cents),
  receivedAt: String(r.received_at),
  demo: Boolean(r.demo),
});

const DECL_COLS =
  "agb_code, wet, declaratienummer, gemeentecode, periode_begin::text as periode_begin, periode_eind::text as periode_eind, dagtekening::text as dagtekening, content_hash, ingediend_cents, toegekend_cents, demo, received_at::text as received_at";
const TW_COLS =
  "gemeentecode, wet, toewijzingnummer, beschikking_id, client_id, agb_code, product_id, productcategorie, productcode, eenheid, frequentie, omvang, budget_cents, toewijzingsdatum::text, ingangsdatum::text, einddatum::text, status, reden_wijziging, startdatum::text, gedeclareerd_tot::text, geleverd";

/** The care chain in PostgreSQL / PGlite (migration 005). */
export class SqlCareRepository implements CareRepository {
  constructor(private readonly db: Db) {}

  transaction<R>(fn: (tx: CareRepository) => Promise<R>): Promise<R> {
    return this.db.transaction((tx) => fn(new SqlCareRepository(tx)));
  }

  async insertClient(c: Omit<ClientRecord, "id">, at: string) {
    const rows = await this.db.query<Row>(
      "insert into client (gemeentecode, bsn, geboortedatum, naam, naamdelen, adres, demo, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8) returning id, gemeentecode, bsn, geboortedatum::text, naam, naamdelen, adres, demo",
      [c.gemeentecode, c.bsn, c.geboortedatum, c.naam, c.naamdelen ? JSON.stringify(c.naamdelen) : null, JSON.stringify(c.adres), c.demo, at],
    );
    return toClient(rows[0]!);
  }

  async client(id: number) {
    const rows = await this.db.query<Row>("select id, gemeentecode, bsn, geboortedatum::text, naam, naamdelen, adres, demo from client where id = $1", [id]);
    return rows[0] ? toClient(rows[0]) : null;
  }

  async clientByBsn(gemeentecode: string, bsn: string) {
    const rows = await this.db.query<Row>(
      "select id, gemeentecode, bsn, geboortedatum::text, naam, naamdelen, adres, demo from client where gemeentecode = $1 and bsn = $2",
      [gemeentecode, bsn],
    );
    return rows[0] ? toClient(rows[0]) : null;
  }

  async clients(f: { gemeentecode?: string | undefined; agbCode?: string | undefined; q?: string | undefined; limit: number; offset: number }) {
    const where = `where ($1::text is null or c.gemeentecode = $1)
      and ($2::text is null or exists (select 1 from toewijzing t where t.client_id = c.id and t.agb_code = $2))
      and ($3::text is null or c.naam ilike '%' || $3 || '%' or c.bsn = $3)`;
    const params = [f.gemeentecode ?? null, f.agbCode ?? null, f.q ?? null];
    const [count] = await this.db.query<{ n: number }>(`select count(*)::int as n from client c ${where}`, params);
    const rows = await this.db.query<Row>(
      `select c.id, c.gemeentecode, c.bsn, c.geboortedatum::text, c.naam, c.naamdelen, c.adres, c.demo from client c ${where} order by c.naam, c.id limit $4 offset $5`,
      [...params, f.limit, f.offset],
    );
    return { total: count?.n ?? 0, items: rows.map(toClient) };
  }

  async insertBeschikking(b: Omit<BeschikkingRecord, "id">) {
    const rows = await this.db.query<Row>(
      `insert into beschikking (gemeentecode, client_id, wet, beschikkingnummer, afgiftedatum, ingangsdatum, einddatum, verwijzer, producten, bevindingen, override, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       returning id, gemeentecode, client_id, wet, beschikkingnummer, afgiftedatum::text, ingangsdatum::text, einddatum::text, verwijzer, producten, bevindingen, override, created_by, created_at::text`,
      [
        b.gemeentecode,
        b.clientId,
        b.wet,
        b.beschikkingnummer,
        b.afgiftedatum,
        b.ingangsdatum,
        b.einddatum,
        b.verwijzer,
        JSON.stringify(b.producten),
        JSON.stringify(b.bevindingen),
        b.override ? JSON.stringify(b.override) : null,
        b.createdBy,
        b.createdAt,
      ],
    );
    return toBeschikking(rows[0]!);
  }

  async beschikkingen(clientId: number) {
    const rows = await this.db.query<Row>(
      "select id, gemeentecode, client_id, wet, beschikkingnummer, afgiftedatum::text, ingangsdatum::text, einddatum::text, verwijzer, producten, bevindingen, override, created_by, created_at::text from beschikking where client_id = $1 order by ingangsdatum desc, id desc",
      [clientId],
    );
    return rows.map(toBeschikking);
  }

  async beschikkingnummerExists(gemeentecode: string, nummer: string) {
    return (await this.db.query("select 1 from beschikking where gemeentecode = $1 and beschikkingnummer = $2", [gemeentecode, nummer])).length > 0;
  }

  async nextToewijzingnummer(gemeentecode: string, wet: Wet) {
    const rows = await this.db.query<{ laatste: number }>(
      `insert into toewijzing_teller (gemeentecode, wet, laatste) values ($1, $2, 1)
       on conflict (gemeentecode, wet) do update set laatste = toewijzing_teller.laatste + 1 returning laatste`,
      [gemeentecode, wet],
    );
    return String(rows[0]!.laatste);
  }

  async insertToewijzing(t: ToewijzingRecord, at: string) {
    await this.db.query(
      `insert into toewijzing (gemeentecode, wet, toewijzingnummer, beschikking_id, client_id, agb_code, product_id, productcategorie, productcode, eenheid, frequentie, omvang, budget_cents,
         toewijzingsdatum, ingangsdatum, einddatum, status, reden_wijziging, startdatum, gedeclareerd_tot, geleverd, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
      [
        t.gemeentecode,
        t.wet,
        t.toewijzingnummer,
        t.beschikkingId,
        t.clientId,
        t.agbCode,
        t.productId,
        t.productcategorie,
        t.productcode,
        t.eenheid,
        t.frequentie,
        t.omvang,
        t.budgetCents,
        t.toewijzingsdatum,
        t.ingangsdatum,
        t.einddatum,
        t.status,
        t.redenWijziging,
        t.startdatum,
        t.gedeclareerdTot,
        JSON.stringify(t.geleverd),
        at,
      ],
    );
  }

  async toewijzing(gemeentecode: string, wet: Wet, nummer: string) {
    const rows = await this.db.query<Row>(`select ${TW_COLS} from toewijzing where gemeentecode = $1 and wet = $2 and toewijzingnummer = $3`, [
      gemeentecode,
      wet,
      nummer,
    ]);
    return rows[0] ? toToewijzing(rows[0]) : null;
  }

  async toewijzingen(f: ToewijzingFilter) {
    const rows = await this.db.query<Row>(
      `select ${TW_COLS} from toewijzing where ($1::text is null or gemeentecode = $1) and ($2::text is null or agb_code = $2)
       and ($3::bigint is null or client_id = $3) and ($4::text is null or status = $4)
       order by ingangsdatum desc, gemeentecode, wet, toewijzingnummer::int limit $5`,
      [f.gemeentecode ?? null, f.agbCode ?? null, f.clientId ?? null, f.status ?? null, f.limit ?? 100_000],
    );
    return rows.map(toToewijzing);
  }

  async updateToewijzing(t: ToewijzingRecord, at: string) {
    await this.db.query(
      `update toewijzing set einddatum = $4, status = $5, reden_wijziging = $6, startdatum = $7, gedeclareerd_tot = $8, geleverd = $9, updated_at = $10
       where gemeentecode = $1 and wet = $2 and toewijzingnummer = $3`,
      [t.gemeentecode, t.wet, t.toewijzingnummer, t.einddatum, t.status, t.redenWijziging, t.startdatum, t.gedeclareerdTot, JSON.stringify(t.geleverd), at],
    );
  }

  async appendEvent(key: { gemeentecode: string; wet: Wet; toewijzingnummer: string }, e: ToewijzingEventRecord) {
    await this.db.query(
      "insert into toewijzing_event (gemeentecode, wet, toewijzingnummer, event, datum, reden, by_user, recorded_at) values ($1, $2, $3, $4, $5, $6, $7, $8)",
      [key.gemeentecode, key.wet, key.toewijzingnummer, e.event, e.datum, e.reden, e.byUser, e.recordedAt],
    );
  }

  async events(key: { gemeentecode: string; wet: Wet; toewijzingnummer: string }) {
    const rows = await this.db.query<Row>(
      "select event, datum::text, reden, by_user, recorded_at::text from toewijzing_event where gemeentecode = $1 and wet = $2 and toewijzingnummer = $3 order by id",
      [key.gemeentecode, key.wet, key.toewijzingnummer],
    );
    return rows.map((r) => ({
      event: r.event as ToewijzingEventRecord["event"],
      datum: String(r.datum),
      reden: s(r.reden),
      byUser: String(r.by_user),
      recordedAt: String(r.recorded_at),
    }));
  }

  async lockAanbieder(agbCode: string, wet: Wet) {
    await this.db.query("select pg_advisory_xact_lock(hashtext($1))", [`declaratie|${agbCode}|${wet}`]);
  }

  async declaratie(agbCode: string, wet: Wet, nummer: string) {
    const rows = await this.db.query<Row>(`select ${DECL_COLS} from declaratie where agb_code = $1 and wet = $2 and declaratienummer = $3`, [
      agbCode,
      wet,
      nummer,
    ]);
    return rows[0] ? toDeclaratie(rows[0]) : null;
  }

  async declaraties(f: { gemeentecode?: string | undefined; agbCode?: string | undefined; limit: number }) {
    const rows = await this.db.query<Row>(
      `select ${DECL_COLS} from declaratie
       where ($1::text is null or gemeentecode = $1) and ($2::text is null or agb_code = $2) order by periode_begin desc, received_at desc limit $3`,
      [f.gemeentecode ?? null, f.agbCode ?? null, f.limit],
    );
    return rows.map(toDeclaratie);
  }

  async ledgerFor(d: Declaratie, view: (t: ToewijzingRecord, bsn: string) => ToewijzingView) {
    const ledger = new BillingLedger();
    const nummers = [...new Set(d.prestaties.map((p) => p.toewijzingnummer))];
    const tws = await this.db.query<Row>(
      `select ${TW_COLS.replace(/(^|, )(\w+)/g, "$1t.$2")}, c.bsn from toewijzing t join client c on c.id = t.client_id where t.gemeentecode = $1 and t.wet = $2 and t.toewijzingnummer = any($3::text[])`,
      [d.gemeente, d.wet, nummers],
    );
    for (const r of tws) {
      const t = toToewijzing(r);
      ledger.toewijzingen.set(toewijzingKey(t.gemeentecode, t.wet, t.toewijzingnummer), view(t, String(r.bsn)));
    }
    const sums = await this.db.query<{ toewijzingnummer: string; volume: number; bedrag: number }>(
      `select toewijzingnummer, sum(case when debet_credit = 'D' then volume else -volume end)::int as volume,
              sum(case when debet_credit = 'D' then bedrag_cents else -bedrag_cents end)::bigint as bedrag
       from prestatie where gemeentecode = $1 and wet = $2 and toewijzingnummer = any($3::text[]) and toegekend group by toewijzingnummer`,
      [d.gemeente, d.wet, nummers],
    );
    for (const r of sums) ledger.declared.set(toewijzingKey(d.gemeente, d.wet, r.toewijzingnummer), { volume: Number(r.volume), bedrag: Number(r.bedrag) });
    const refs = [...new Set(d.prestaties.flatMap((p) => [p.referentienummer, ...(p.vorigReferentienummer ? [p.vorigReferentienummer] : [])]))];
    const prior = await this.db.query<Row>(
      `select referentienummer, debet_credit, toegekend, gecrediteerd, gemeentecode, toewijzingnummer, volume, bedrag_cents from prestatie
       where agb_code = $1 and wet = $2 and referentienummer = any($3::text[]) order by id`,
      [d.aanbieder, d.wet, refs],
    );
    for (const r of prior) {
      const key = referentieKey(d.aanbieder, d.wet, String(r.referentienummer));
      // the debit is the reference; a later credit marks it credited
      if (r.debet_credit === "D" && !ledger.referenties.has(key))
        ledger.referenties.set(key, {
          debetCredit: "D",
          toegekend: Boolean(r.toegekend),
          gecrediteerd: Boolean(r.gecrediteerd),
          toewijzingKey: toewijzingKey(String(r.gemeentecode), d.wet, String(r.toewijzingnummer)),
          volume: Number(r.volume),
          bedrag: Number(r.bedrag_cents),
        });
    }
    if (await this.declaratie(d.aanbieder, d.wet, d.declaratienummer)) ledger.declaratienummers.add(referentieKey(d.aanbieder, d.wet, d.declaratienummer));
    const contracts = await this.db.query<Row>(
      "select product_id, valid_from::text, valid_to::text, tariff_cents from aanbieder_contract where agb_code = $1 and gemeentecode = $2",
      [d.aanbieder, d.gemeente],
    );
    for (const c of contracts) {
      const key = `${d.aanbieder}|${d.gemeente}|${c.product_id}`;
      ledger.tariffs.set(key, [...(ledger.tariffs.get(key) ?? []), { from: String(c.valid_from), to: s(c.valid_to), cents: n(c.tariff_cents) }]);
    }
    return ledger;
  }

  async storeDeclaratie(
    d: Declaratie,
    result: DeclaratieResult,
    meta: { contentHash: string; receivedAt: string; demo: boolean; clientIds: Map<string, number> },
  ) {
    await this.db.query(
      `insert into declaratie (agb_code, wet, declaratienummer, gemeentecode, periode_begin, periode_eind, dagtekening, content_hash, ingediend_cents, toegekend_cents, demo, received_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        d.aanbieder,
        d.wet,
        d.declaratienummer,
        d.gemeente,
        d.periode.begindatum,
        d.periode.einddatum,
        d.dagtekening,
        meta.contentHash,
        result.ingediend,
        result.toegekend,
        meta.demo,
        meta.receivedAt,
      ],
    );
    const cols = {
      ref: [] as string[],
      vorig: [] as (string | null)[],
      tw: [] as string[],
      client: [] as (number | null)[],
      begin: [] as string[],
      end: [] as string[],
      volume: [] as number[],
      eenheid: [] as string[],
      tarief: [] as number[],
      bedrag: [] as number[],
      dc: [] as string[],
      ok: [] as boolean[],
      codes: [] as string[],
      findings: [] as string[],
    };
    d.prestaties.forEach((p, i) => {
      const r = result.prestaties[i]!;
      cols.ref.push(p.referentienummer);
      cols.vorig.push(p.vorigReferentienummer);
      cols.tw.push(p.toewijzingnummer);
      cols.client.push(meta.clientIds.get(p.toewijzingnummer) ?? null);
      cols.begin.push(p.begindatum);
      cols.end.push(p.einddatum);
      cols.volume.push(p.geleverdVolume);
      cols.eenheid.push(p.eenheid);
      cols.tarief.push(p.productTarief);
      cols.bedrag.push(p.bedrag);
      cols.dc.push(p.debetCredit);
      cols.ok.push(r.toegekend);
      cols.codes.push(r.retourcodes.join(","));
      cols.findings.push(JSON.stringify(r.bevindingen));
    });
    await this.db.query(
      `insert into prestatie (agb_code, wet, declaratienummer, gemeentecode, referentienummer, vorig_referentienummer, toewijzingnummer, client_id, begindatum, einddatum, volume, eenheid,
         tarief_cents, bedrag_cents, debet_credit, toegekend, retourcodes, bevindingen)
       select $1, $2, $3, $4, u.ref, u.vorig, u.tw, u.client, u.b, u.e, u.vol, u.eenheid, u.tarief, u.bedrag, u.dc, u.ok, string_to_array(u.codes, ','), u.findings::jsonb
       from unnest($5::text[], $6::text[], $7::text[], $8::bigint[], $9::date[], $10::date[], $11::int[], $12::text[], $13::bigint[], $14::bigint[], $15::text[], $16::boolean[], $17::text[], $18::text[])
         as u(ref, vorig, tw, client, b, e, vol, eenheid, tarief, bedrag, dc, ok, codes, findings)`,
      [
        d.aanbieder,
        d.wet,
        d.declaratienummer,
        d.gemeente,
        cols.ref,
        cols.vorig,
        cols.tw,
        cols.client,
        cols.begin,
        cols.end,
        cols.volume,
        cols.eenheid,
        cols.tarief,
        cols.bedrag,
        cols.dc,
        cols.ok,
        cols.codes,
        cols.findings,
      ],
    );
    const credited = d.prestaties.filter((p, i) => p.debetCredit === "C" && result.prestaties[i]!.toegekend).map((p) => p.referentienummer);
    if (credited.length)
      await this.db.query(
        "update prestatie set gecrediteerd = true where agb_code = $1 and wet = $2 and debet_credit = 'D' and toegekend and referentienummer = any($3::text[])",
        [d.aanbieder, d.wet, credited],
      );
    // the last approved day per toewijzing: a toewijzing can no longer end before it (9385)
    const tot = new Map<string, string>();
    d.prestaties.forEach((p, i) => {
      if (p.debetCredit === "D" && result.prestaties[i]!.toegekend && (tot.get(p.toewijzingnummer) ?? "") < p.einddatum)
        tot.set(p.toewijzingnummer, p.einddatum);
    });
    if (tot.size)
      await this.db.query(
        `update toewijzing t set gedeclareerd_tot = greatest(t.gedeclareerd_tot, u.tot)
         from unnest($1::text[], $2::date[]) as u(nr, tot)
         where t.gemeentecode = $3 and t.wet = $4 and t.toewijzingnummer = u.nr`,
        [[...tot.keys()], [...tot.values()], d.gemeente, d.wet],
      );
  }

  async prestaties(agbCode: string, wet: Wet, nummer: string): Promise<StoredPrestatie[]> {
    const rows = await this.db.query<Row>(
      `select referentienummer, vorig_referentienummer, toewijzingnummer, begindatum::text as begindatum, einddatum::text as einddatum, volume, eenheid, tarief_cents, bedrag_cents,
         debet_credit, toegekend, retourcodes, bevindingen from prestatie where agb_code = $1 and wet = $2 and declaratienummer = $3 order by id`,
      [agbCode, wet, nummer],
    );
    return rows.map((r) => ({
      referentienummer: String(r.referentienummer),
      vorigReferentienummer: s(r.vorig_referentienummer),
      toewijzingnummer: String(r.toewijzingnummer),
      begindatum: String(r.begindatum),
      einddatum: String(r.einddatum),
      volume: Number(r.volume),
      eenheid: String(r.eenheid),
      tariefCents: Number(r.tarief_cents),
      bedragCents: Number(r.bedrag_cents),
      debetCredit: r.debet_credit as "D" | "C",
      toegekend: Boolean(r.toegekend),
      retourcodes: r.retourcodes as string[],
      bevindingen: r.bevindingen as StoredPrestatie["bevindingen"],
    }));
  }

  async clientIdsOfDeclaraties(keys: { agbCode: string; wet: Wet; declaratienummer: string }[]) {
    if (!keys.length) return [];
    const rows = await this.db.query<{ client_id: string | number }>(
      `select distinct p.client_id from prestatie p
       join unnest($1::text[], $2::text[], $3::text[]) as k(agb, wet, nr) on p.agb_code = k.agb and p.wet = k.wet and p.declaratienummer = k.nr
       where p.client_id is not null order by p.client_id`,
      [keys.map((k) => k.agbCode), keys.map((k) => k.wet), keys.map((k) => k.declaratienummer)],
    );
    return rows.map((r) => Number(r.client_id));
  }

  async budgetLines(f: { gemeentecode?: string | undefined; agbCode?: string | undefined }) {
    const tws = await this.db.query<Row>(
      `select t.gemeentecode, t.wet, t.toewijzingnummer, t.agb_code, t.client_id, t.product_id, t.ingangsdatum::text, t.einddatum::text, t.omvang, t.frequentie, t.budget_cents,
         (select c.tariff_cents from aanbieder_contract c where c.agb_code = t.agb_code and c.gemeentecode = t.gemeentecode and c.product_id = t.product_id
            and c.valid_from <= t.ingangsdatum and (c.valid_to is null or c.valid_to >= t.ingangsdatum) order by c.valid_from desc limit 1) as tarief
       from toewijzing t where t.status <> 'verwijderd' and ($1::text is null or t.gemeentecode = $1) and ($2::text is null or t.agb_code = $2)`,
      [f.gemeentecode ?? null, f.agbCode ?? null],
    );
    const months = await this.db.query<Row>(
      `select p.gemeentecode, p.wet, p.toewijzingnummer, to_char(p.begindatum, 'YYYY-MM') as m,
         sum(case when p.debet_credit = 'D' then p.bedrag_cents else -p.bedrag_cents end)::bigint as ingediend,
         sum(case when not p.toegekend then 0 when p.debet_credit = 'D' then p.bedrag_cents else -p.bedrag_cents end)::bigint as toegekend
       from prestatie p where ($1::text is null or p.gemeentecode = $1) and ($2::text is null or p.agb_code = $2)
       group by p.gemeentecode, p.wet, p.toewijzingnummer, to_char(p.begindatum, 'YYYY-MM')`,
      [f.gemeentecode ?? null, f.agbCode ?? null],
    );
    const byKey = new Map<string, Record<string, { ingediend: number; toegekend: number }>>();
    for (const m of months) {
      const key = toewijzingKey(String(m.gemeentecode), m.wet as Wet, String(m.toewijzingnummer));
      const rec = byKey.get(key) ?? {};
      rec[String(m.m)] = { ingediend: Number(m.ingediend), toegekend: Number(m.toegekend) };
      byKey.set(key, rec);
    }
    return tws.map((t) => {
      const key = toewijzingKey(String(t.gemeentecode), t.wet as Wet, String(t.toewijzingnummer));
      return {
        toewijzingKey: key,
        toewijzingnummer: String(t.toewijzingnummer),
        gemeentecode: String(t.gemeentecode),
        agbCode: String(t.agb_code),
        clientId: Number(t.client_id),
        productId: String(t.product_id),
        ingangsdatum: String(t.ingangsdatum),
        einddatum: s(t.einddatum),
        omvang: n(t.omvang),
        frequentie: s(t.frequentie) as ToewijzingRecord["frequentie"],
        budgetCents: n(t.budget_cents),
        tariefCents: n(t.tarief),
        months: byKey.get(key) ?? {},
      };
    });
  }

  async hasDemo() {
    return (await this.db.query("select 1 from client where demo limit 1")).length > 0;
  }
}
