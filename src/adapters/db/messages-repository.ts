import type { Wet } from "../../domain/care/codes.ts";
import type {
  BerichtFilter,
  BerichtRecord,
  LeveringRecord,
  MessageRepository,
  MessageStore,
  MessageUnit,
  NewBericht,
  Richting,
  Rol,
  VerzoekRecord,
  VerzoekStatus,
} from "../../app/messages-ports.ts";
import { SqlAccessLogRepository } from "./auth-repositories.ts";
import { SqlCareRepository } from "./care-repository.ts";
import type { Db } from "./db.ts";

type Row = Record<string, unknown>;
const s = (v: unknown) => (v === null || v === undefined ? null : String(v));

const COLS =
  "id, rol, richting, gemeentecode, agb_code, wet, bericht_naam, bericht_code, afzender, ontvanger, identificatie, dagtekening::text as dagtekening, bestandsnaam, content_hash, status, retourcodes, meldingen, samenvatting, antwoord_op, antwoord_bestand, created_at::text as created_at, geschreven_op::text as geschreven_op";

const toBericht = (r: Row): BerichtRecord => ({
  id: Number(r.id),
  rol: r.rol as Rol,
  richting: r.richting as Richting,
  gemeentecode: String(r.gemeentecode),
  agbCode: String(r.agb_code),
  wet: r.wet as Wet,
  berichtNaam: String(r.bericht_naam),
  berichtCode: String(r.bericht_code),
  afzender: String(r.afzender),
  ontvanger: String(r.ontvanger),
  identificatie: String(r.identificatie),
  dagtekening: s(r.dagtekening),
  bestandsnaam: String(r.bestandsnaam),
  contentHash: String(r.content_hash),
  status: r.status as BerichtRecord["status"],
  retourcodes: (r.retourcodes as string[] | null) ?? [],
  meldingen: (r.meldingen as BerichtRecord["meldingen"] | null) ?? [],
  samenvatting: (r.samenvatting as Record<string, unknown> | null) ?? {},
  antwoordOp: r.antwoord_op === null || r.antwoord_op === undefined ? null : Number(r.antwoord_op),
  antwoordBestand: s(r.antwoord_bestand),
  createdAt: String(r.created_at),
  geschrevenOp: s(r.geschreven_op),
});

const toLevering = (r: Row): LeveringRecord => ({
  rol: r.rol as Rol,
  gemeentecode: String(r.gemeentecode),
  wet: r.wet as Wet,
  toewijzingnummer: String(r.toewijzingnummer),
  begindatum: String(r.begindatum),
  agbCode: String(r.agb_code),
  verwijderd: Boolean(r.verwijderd),
  stopReden: s(r.stop_reden),
  stopEinddatum: s(r.stop_einddatum),
});

const toVerzoek = (r: Row): VerzoekRecord => ({
  id: Number(r.id),
  rol: r.rol as Rol,
  gemeentecode: String(r.gemeentecode),
  agbCode: String(r.agb_code),
  wet: r.wet as Wet,
  soort: r.soort as VerzoekRecord["soort"],
  referentieAanbieder: String(r.referentie_aanbieder),
  bsn: String(r.bsn),
  status: r.status as VerzoekStatus,
  berichtId: Number(r.bericht_id),
  inhoud: r.inhoud as Record<string, unknown>,
  antwoord: (r.antwoord ?? null) as VerzoekRecord["antwoord"],
  createdAt: String(r.created_at),
});

const VZ_COLS = "id, rol, gemeentecode, agb_code, wet, soort, referentie_aanbieder, bsn, status, bericht_id, inhoud, antwoord, created_at::text as created_at";

export class SqlMessageRepository implements MessageRepository {
  constructor(private readonly db: Db) {}

  async lockKey(key: string) {
    await this.db.query("select pg_advisory_xact_lock(hashtext($1))", [`bericht|${key}`]);
  }

  async byKey(rol: Rol, richting: Richting, afzender: string, berichtCode: string, identificatie: string) {
    const rows = await this.db.query<Row>(
      `select ${COLS} from bericht where rol = $1 and richting = $2 and afzender = $3 and bericht_code = $4 and identificatie = $5 order by id`,
      [rol, richting, afzender, berichtCode, identificatie],
    );
    return rows.map(toBericht);
  }

  async insert(m: NewBericht, xml: string) {
    const rows = await this.db.query<Row>(
      `insert into bericht (rol, richting, gemeentecode, agb_code, wet, bericht_naam, bericht_code, afzender, ontvanger, identificatie, dagtekening, bestandsnaam, content_hash, status, retourcodes, meldingen, samenvatting, antwoord_op, antwoord_bestand, xml, created_at, geschreven_op)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) returning ${COLS}`,
      [
        m.rol,
        m.richting,
        m.gemeentecode,
        m.agbCode,
        m.wet,
        m.berichtNaam,
        m.berichtCode,
        m.afzender,
        m.ontvanger,
        m.identificatie,
        m.dagtekening,
        m.bestandsnaam,
        m.contentHash,
        m.status,
        m.retourcodes,
        JSON.stringify(m.meldingen),
        JSON.stringify(m.samenvatting),
        m.antwoordOp,
        m.antwoordBestand,
        xml,
        m.createdAt,
        m.geschrevenOp !== undefined ? m.geschrevenOp : m.richting === "uit" ? m.createdAt : null,
      ],
    );
    return toBericht(rows[0]!);
  }

  async markeerGeschreven(ids: number[], at: string) {
    if (!ids.length) return;
    await this.db.query("update bericht set geschreven_op = $2 where id = any($1::bigint[]) and richting = 'uit' and geschreven_op is null", [ids, at]);
  }

  async update(id: number, patch: Partial<Pick<BerichtRecord, "status" | "retourcodes" | "meldingen" | "samenvatting" | "antwoordBestand">>) {
    const sets: string[] = [];
    const params: unknown[] = [];
    const add = (col: string, v: unknown) => {
      params.push(v);
      sets.push(`${col} = $${params.length}`);
    };
    if (patch.status !== undefined) add("status", patch.status);
    if (patch.retourcodes !== undefined) add("retourcodes", patch.retourcodes);
    if (patch.meldingen !== undefined) add("meldingen", JSON.stringify(patch.meldingen));
    if (patch.samenvatting !== undefined) add("samenvatting", JSON.stringify(patch.samenvatting));
    if (patch.antwoordBestand !== undefined) add("antwoord_bestand", patch.antwoordBestand);
    if (!sets.length) return;
    params.push(id);
    await this.db.query(`update bericht set ${sets.join(", ")} where id = $${params.length}`, params);
  }

  async answersOf(id: number) {
    const rows = await this.db.query<Row>(`select ${COLS} from bericht where antwoord_op = $1 and richting = 'uit' order by id`, [id]);
    return rows.map(toBericht);
  }

  async get(id: number) {
    const rows = await this.db.query<Row>(`select ${COLS} from bericht where id = $1`, [id]);
    return rows[0] ? toBericht(rows[0]) : null;
  }

  async xml(id: number) {
    const rows = await this.db.query<{ xml: string }>("select xml from bericht where id = $1", [id]);
    return rows[0]?.xml ?? null;
  }

  async list(f: BerichtFilter) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (cond: string, v: unknown) => {
      params.push(v);
      where.push(cond.replace("?", `$${params.length}`));
    };
    if (f.rol) add("rol = ?", f.rol);
    if (f.gemeentecode) add("gemeentecode = ?", f.gemeentecode);
    if (f.agbCode) add("agb_code = ?", f.agbCode);
    if (f.richting) add("richting = ?", f.richting);
    const w = where.length ? `where ${where.join(" and ")}` : "";
    const total = await this.db.query<{ n: number }>(`select count(*)::int as n from bericht ${w}`, params);
    const rows = await this.db.query<Row>(
      `select ${COLS} from bericht ${w} order by id desc limit ${Math.trunc(f.limit)} offset ${Math.trunc(f.offset)}`,
      params,
    );
    return { total: Number(total[0]?.n ?? 0), items: rows.map(toBericht) };
  }

  async nextIdentificatie() {
    const rows = await this.db.query<{ n: string }>("select nextval('bericht_identificatie_seq')::text as n");
    return `KDR${rows[0]!.n.padStart(9, "0")}`;
  }

  async leveringen(rol: Rol, gemeentecode: string, wet: Wet, toewijzingnummer: string) {
    const rows = await this.db.query<Row>(
      "select rol, gemeentecode, wet, toewijzingnummer, begindatum::text as begindatum, agb_code, verwijderd, stop_reden, stop_einddatum::text as stop_einddatum from bericht_levering where rol = $1 and gemeentecode = $2 and wet = $3 and toewijzingnummer = $4 order by begindatum",
      [rol, gemeentecode, wet, toewijzingnummer],
    );
    return rows.map(toLevering);
  }

  async saveLevering(l: LeveringRecord, at: string) {
    await this.db.query(
      `insert into bericht_levering (rol, gemeentecode, wet, toewijzingnummer, begindatum, agb_code, verwijderd, stop_reden, stop_einddatum, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (rol, gemeentecode, wet, toewijzingnummer, begindatum) do update set verwijderd = excluded.verwijderd, stop_reden = excluded.stop_reden, stop_einddatum = excluded.stop_einddatum, updated_at = excluded.updated_at`,
      [l.rol, l.gemeentecode, l.wet, l.toewijzingnummer, l.begindatum, l.agbCode, l.verwijderd, l.stopReden, l.stopEinddatum, at],
    );
  }

  async verzoek(rol: Rol, agbCode: string, wet: Wet, referentie: string) {
    const rows = await this.db.query<Row>(
      `select ${VZ_COLS} from bericht_verzoek where rol = $1 and agb_code = $2 and wet = $3 and referentie_aanbieder = $4`,
      [rol, agbCode, wet, referentie],
    );
    return rows[0] ? toVerzoek(rows[0]) : null;
  }

  async verzoekById(id: number) {
    const rows = await this.db.query<Row>(`select ${VZ_COLS} from bericht_verzoek where id = $1`, [id]);
    return rows[0] ? toVerzoek(rows[0]) : null;
  }

  async verzoeken(f: {
    rol?: Rol | undefined;
    gemeentecode?: string | undefined;
    agbCode?: string | undefined;
    bsn?: string | undefined;
    wet?: Wet | undefined;
    status?: VerzoekStatus[] | undefined;
  }) {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (cond: string, v: unknown) => {
      params.push(v);
      where.push(cond.replace("?", `$${params.length}`));
    };
    if (f.rol) add("rol = ?", f.rol);
    if (f.gemeentecode) add("gemeentecode = ?", f.gemeentecode);
    if (f.agbCode) add("agb_code = ?", f.agbCode);
    if (f.bsn) add("bsn = ?", f.bsn);
    if (f.wet) add("wet = ?", f.wet);
    if (f.status) add("status = any(?::text[])", f.status);
    const rows = await this.db.query<Row>(
      `select ${VZ_COLS} from bericht_verzoek ${where.length ? `where ${where.join(" and ")}` : ""} order by id limit 2000`,
      params,
    );
    return rows.map(toVerzoek);
  }

  async insertVerzoek(v: Omit<VerzoekRecord, "id">, at: string) {
    const rows = await this.db.query<Row>(
      `insert into bericht_verzoek (rol, gemeentecode, agb_code, wet, soort, referentie_aanbieder, bsn, status, bericht_id, inhoud, antwoord, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) returning ${VZ_COLS}`,
      [
        v.rol,
        v.gemeentecode,
        v.agbCode,
        v.wet,
        v.soort,
        v.referentieAanbieder,
        v.bsn,
        v.status,
        v.berichtId,
        JSON.stringify(v.inhoud),
        v.antwoord ? JSON.stringify(v.antwoord) : null,
        at,
      ],
    );
    return toVerzoek(rows[0]!);
  }

  async updateVerzoek(id: number, patch: Pick<VerzoekRecord, "status" | "antwoord">, at: string) {
    await this.db.query("update bericht_verzoek set status = $1, antwoord = $2, updated_at = $3 where id = $4", [
      patch.status,
      patch.antwoord ? JSON.stringify(patch.antwoord) : null,
      at,
      id,
    ]);
  }

  async contractProducts(agbCode: string, gemeentecode: string) {
    const rows = await this.db.query<{ product_id: string }>(
      "select distinct product_id from aanbieder_contract where agb_code = $1 and gemeentecode = $2 order by product_id",
      [agbCode, gemeentecode],
    );
    return rows.map((r) => r.product_id);
  }

  async bumpToewijzingTeller(gemeentecode: string, wet: Wet, nummer: number) {
    await this.db.query(
      `insert into toewijzing_teller (gemeentecode, wet, laatste) values ($1, $2, $3)
       on conflict (gemeentecode, wet) do update set laatste = greatest(toewijzing_teller.laatste, excluded.laatste)`,
      [gemeentecode, wet, nummer],
    );
  }

  async ontvangenToewijzing(gemeentecode: string, wet: Wet, agbCode: string, nummer: string) {
    const rows = await this.db.query<Row>(
      "select bsn, bericht_id, product from bericht_toewijzing where gemeentecode = $1 and wet = $2 and agb_code = $3 and toewijzingnummer = $4",
      [gemeentecode, wet, agbCode, nummer],
    );
    const r = rows[0];
    return r ? { bsn: String(r.bsn), berichtId: Number(r.bericht_id), product: r.product as Record<string, unknown> } : null;
  }

  async saveOntvangenToewijzing(
    t: { gemeentecode: string; wet: Wet; agbCode: string; nummer: string; bsn: string; berichtId: number; product: Record<string, unknown> },
    at: string,
  ) {
    await this.db.query(
      `insert into bericht_toewijzing (gemeentecode, wet, agb_code, toewijzingnummer, bsn, bericht_id, product, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8)
       on conflict (gemeentecode, wet, agb_code, toewijzingnummer) do update set bsn = excluded.bsn, bericht_id = excluded.bericht_id, product = excluded.product, updated_at = excluded.updated_at`,
      [t.gemeentecode, t.wet, t.agbCode, t.nummer, t.bsn, t.berichtId, JSON.stringify(t.product), at],
    );
  }
}

/** The message store on one database: every message is processed in one transaction of that database. */
export class SqlMessageStore implements MessageStore {
  readonly messages: MessageRepository;
  readonly care: SqlCareRepository;
  constructor(private readonly db: Db) {
    this.messages = new SqlMessageRepository(db);
    this.care = new SqlCareRepository(db);
  }

  transaction<R>(fn: (unit: MessageUnit) => Promise<R>): Promise<R> {
    return this.db.transaction((tx) =>
      fn({ messages: new SqlMessageRepository(tx), care: new SqlCareRepository(tx), accessLog: new SqlAccessLogRepository(tx) }),
    );
  }
}
