import type { ConversieRecord, ConversionStore, KoppelingRecord, OpgeslagenAntwoord, RunRecord, UploadRecord } from "../../app/conversion-ports.ts";
import type { Antwoord } from "../../domain/conversion/compute.ts";
import type { ConversiePlan } from "../../domain/conversion/plan.ts";
import type { Wet } from "../../domain/care/codes.ts";
import { SqlCareRepository } from "./care-repository.ts";
import type { Db } from "./db.ts";

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

const toConversie = (r: Row): ConversieRecord => ({
  id: Number(r.id),
  planId: String(r.plan_id),
  gemeentecode: String(r.gemeentecode),
  plan: r.plan as ConversiePlan,
  planHash: String(r.plan_hash),
  createdAt: iso(r.created_at),
});
const toRun = (r: Row): RunRecord => ({
  id: Number(r.id),
  conversieId: Number(r.conversie_id),
  soort: r.soort as RunRecord["soort"],
  proefrunId: r.proefrun_id === null ? null : Number(r.proefrun_id),
  inhoud: r.inhoud as RunRecord["inhoud"],
  door: String(r.door),
  at: iso(r.at),
});
const toKoppeling = (r: Row): KoppelingRecord => ({
  gemeentecode: String(r.gemeentecode),
  wet: r.wet as Wet,
  oudToewijzingnummer: String(r.oud_toewijzingnummer),
  doel: String(r.doel),
  nieuwToewijzingnummer: String(r.nieuw_toewijzingnummer),
  clientId: Number(r.client_id),
  agbCode: String(r.agb_code),
  runId: Number(r.run_id),
  at: iso(r.at),
});

/** The conversion tables (migration 008) on PGlite or PostgreSQL. */
export class SqlConversionStore implements ConversionStore {
  readonly care: SqlCareRepository;
  constructor(private readonly db: Db) {
    this.care = new SqlCareRepository(db);
  }

  unit<R>(fn: (u: { conv: ConversionStore; care: SqlCareRepository }) => Promise<R>): Promise<R> {
    return this.db.transaction((tx) => {
      const conv = new SqlConversionStore(tx);
      return fn({ conv, care: conv.care });
    });
  }

  async upsertConversie(plan: ConversiePlan, planHash: string, gemeentecode: string, at: string) {
    const rows = await this.db.query<Row>(
      `insert into conversie (plan_id, gemeentecode, plan, plan_hash, created_at, updated_at) values ($1, $2, $3, $4, $5, $5)
       on conflict (plan_id, gemeentecode) do update set plan = excluded.plan, plan_hash = excluded.plan_hash, updated_at = excluded.updated_at
       returning *`,
      [plan.id, gemeentecode, JSON.stringify(plan), planHash, at],
    );
    return toConversie(rows[0]!);
  }

  async conversie(planId: string, gemeentecode: string) {
    const rows = await this.db.query<Row>("select * from conversie where plan_id = $1 and gemeentecode = $2", [planId, gemeentecode]);
    return rows[0] ? toConversie(rows[0]) : null;
  }

  async conversieById(id: number) {
    const rows = await this.db.query<Row>("select * from conversie where id = $1", [id]);
    return rows[0] ? toConversie(rows[0]) : null;
  }

  async conversies(gemeentecode?: string) {
    const rows = await this.db.query<Row>("select * from conversie where ($1::text is null or gemeentecode = $1) order by plan_id, gemeentecode", [
      gemeentecode ?? null,
    ]);
    return rows.map(toConversie);
  }

  async insertUpload(conversieId: number, gemeentecode: string, u: Omit<UploadRecord, "id">) {
    const rows = await this.db.query<{ id: number }>(
      "insert into conversie_upload (conversie_id, gemeentecode, agb_code, bestandsnaam, rijen, door, received_at) values ($1, $2, $3, $4, $5, $6, $7) returning id",
      [conversieId, gemeentecode, u.agbCode, u.bestandsnaam, u.rijen, u.door, u.receivedAt],
    );
    return Number(rows[0]!.id);
  }

  async upsertAntwoord(conversieId: number, a: OpgeslagenAntwoord, uploadId: number) {
    await this.db.query(
      `insert into conversie_antwoord (conversie_id, gemeentecode, wet, toewijzingnummer, agb_code, antwoord, upload_id, received_at) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (conversie_id, gemeentecode, wet, toewijzingnummer) do update set agb_code = excluded.agb_code, antwoord = excluded.antwoord, upload_id = excluded.upload_id, received_at = excluded.received_at`,
      [conversieId, a.gemeentecode, a.wet, a.toewijzingnummer, a.agbCode, JSON.stringify(a.antwoord), uploadId, a.receivedAt],
    );
  }

  async antwoorden(conversieId: number, agbCode?: string) {
    const rows = await this.db.query<Row>(
      "select * from conversie_antwoord where conversie_id = $1 and ($2::text is null or agb_code = $2) order by agb_code, wet, toewijzingnummer::int",
      [conversieId, agbCode ?? null],
    );
    return rows.map((r) => ({
      gemeentecode: String(r.gemeentecode),
      wet: r.wet as Wet,
      toewijzingnummer: String(r.toewijzingnummer),
      agbCode: String(r.agb_code),
      antwoord: r.antwoord as Antwoord,
      receivedAt: iso(r.received_at),
    }));
  }

  async uploads(conversieId: number) {
    const rows = await this.db.query<Row>("select * from conversie_upload where conversie_id = $1 order by id", [conversieId]);
    return rows.map((r) => ({
      id: Number(r.id),
      agbCode: String(r.agb_code),
      bestandsnaam: String(r.bestandsnaam),
      rijen: Number(r.rijen),
      door: String(r.door),
      receivedAt: iso(r.received_at),
    }));
  }

  async insertRun(conversieId: number, gemeentecode: string, r: Omit<RunRecord, "id" | "conversieId">) {
    const rows = await this.db.query<{ id: number }>(
      "insert into conversie_run (conversie_id, gemeentecode, soort, proefrun_id, inhoud, door, at) values ($1, $2, $3, $4, $5, $6, $7) returning id",
      [conversieId, gemeentecode, r.soort, r.proefrunId, JSON.stringify(r.inhoud), r.door, r.at],
    );
    return Number(rows[0]!.id);
  }

  async run(id: number) {
    const rows = await this.db.query<Row>("select * from conversie_run where id = $1", [id]);
    return rows[0] ? toRun(rows[0]) : null;
  }

  async setRunInhoud(id: number, inhoud: RunRecord["inhoud"]) {
    await this.db.query("update conversie_run set inhoud = $2 where id = $1", [id, JSON.stringify(inhoud)]);
  }

  async runs(conversieId: number) {
    const rows = await this.db.query<Row>(
      "select id, conversie_id, soort, proefrun_id, door, at, case when soort = 'proefrun' then '{}'::jsonb else inhoud end as inhoud from conversie_run where conversie_id = $1 order by id",
      [conversieId],
    );
    return rows.map(toRun);
  }

  async koppelingen(conversieId: number, key?: { gemeentecode: string; wet: Wet; oudToewijzingnummer: string }) {
    const rows = await this.db.query<Row>(
      `select * from conversie_koppeling where conversie_id = $1 and ($2::text is null or (gemeentecode = $2 and wet = $3 and oud_toewijzingnummer = $4))
       order by gemeentecode, wet, oud_toewijzingnummer::int, doel`,
      [conversieId, key?.gemeentecode ?? null, key?.wet ?? null, key?.oudToewijzingnummer ?? null],
    );
    return rows.map(toKoppeling);
  }

  async insertKoppeling(conversieId: number, k: KoppelingRecord) {
    await this.db.query(
      `insert into conversie_koppeling (conversie_id, gemeentecode, wet, oud_toewijzingnummer, doel, nieuw_toewijzingnummer, client_id, agb_code, run_id, at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [conversieId, k.gemeentecode, k.wet, k.oudToewijzingnummer, k.doel, k.nieuwToewijzingnummer, k.clientId, k.agbCode, k.runId, k.at],
    );
  }

  async nextBerichtNummer() {
    const rows = await this.db.query<{ n: number }>("select nextval('conversie_bericht_seq') as n");
    return Number(rows[0]!.n);
  }

  async contractTarief(agbCode: string, gemeentecode: string, productId: string, datum: string) {
    const rows = await this.db.query<{ tariff_cents: number | null }>(
      `select tariff_cents from aanbieder_contract where agb_code = $1 and gemeentecode = $2 and product_id = $3 and valid_from <= $4 and (valid_to is null or valid_to >= $4)
       order by valid_from desc limit 1`,
      [agbCode, gemeentecode, productId, datum],
    );
    return rows[0]?.tariff_cents === null || rows[0]?.tariff_cents === undefined ? null : Number(rows[0].tariff_cents);
  }

  async contractTarieven(gemeentecode: string, datum: string) {
    const rows = await this.db.query<Row>(
      `select distinct on (agb_code, product_id) agb_code, product_id, tariff_cents from aanbieder_contract
       where gemeentecode = $1 and valid_from <= $2 and (valid_to is null or valid_to >= $2) and tariff_cents is not null
       order by agb_code, product_id, valid_from desc`,
      [gemeentecode, datum],
    );
    return new Map(rows.map((r) => [`${r.agb_code}|${r.product_id}`, Number(r.tariff_cents)]));
  }
}
