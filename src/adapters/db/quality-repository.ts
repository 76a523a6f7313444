import type { AssessmentKey, FileMeta, HistoryEvent, PveRecord, PveVersionRecord, QualityRepository } from "../../app/quality-ports.ts";
import type { Antwoord, AntwoordRecord, Beoordeling } from "../../domain/quality/assessment.ts";
import type { Framework } from "../../domain/quality/framework-source.ts";
import {
  type ConceptRecord,
  type CriterionHit,
  type CriterionQuery,
  criterionHit,
  criterionSearchText,
  type QualityLibrary,
  type SegmentRecord,
  segmentsOf,
} from "../../domain/quality/library.ts";
import type { PveConcept } from "../../domain/quality/pve.ts";
import type { Db } from "./db.ts";

interface AnswerRow {
  agb_code: string;
  vraag: string;
  toelichting: string;
  geldig_van: string | null;
  geldig_tot: string | null;
  status: AntwoordRecord["status"];
  beantwoord_op: string | Date;
  beoordeeld_op: string | Date | null;
  opmerking: string | null;
}
const iso = (v: string | Date | null): string | null => (v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString());
const toAnswer = (r: AnswerRow): AntwoordRecord => ({
  vraag: r.vraag,
  toelichting: r.toelichting,
  geldigVan: r.geldig_van,
  geldigTot: r.geldig_tot,
  status: r.status,
  beantwoordOp: iso(r.beantwoord_op),
  beoordeeldOp: iso(r.beoordeeld_op),
  opmerking: r.opmerking,
});
const answerCols = "agb_code, vraag, toelichting, geldig_van::text, geldig_tot::text, status, beantwoord_op, beoordeeld_op, opmerking";
const fileCols = "id, vraag, naam, mime, grootte, sha256, uploaded_at, uploaded_by";
interface FileRow {
  id: string;
  vraag: string;
  naam: string;
  mime: FileMeta["mime"];
  grootte: number;
  sha256: string;
  uploaded_at: string | Date;
  uploaded_by: string;
}
const toFile = (r: FileRow): FileMeta => ({
  id: r.id,
  vraag: r.vraag,
  naam: r.naam,
  mime: r.mime,
  grootte: r.grootte,
  sha256: r.sha256,
  uploadedAt: iso(r.uploaded_at)!,
  uploadedBy: r.uploaded_by,
});
const keyParams = (k: AssessmentKey) => [k.pveId, k.versie, k.agbCode];

export class SqlQualityRepository implements QualityRepository {
  constructor(private readonly db: Db) {}

  async libraryHash() {
    const r = await this.db.query<{ content_hash: string }>("select content_hash from kwaliteit_load order by id desc limit 1");
    return r[0]?.content_hash ?? null;
  }

  async replaceLibrary(lib: QualityLibrary, hash: string, at: string) {
    await this.db.transaction(async (tx) => {
      await tx.exec("delete from kwaliteitscriterium; delete from kwaliteitskader; delete from kwaliteit_segment; delete from kwaliteit_begrip;");
      for (const f of lib.frameworks) {
        const { criteria, ...head } = f;
        await tx.query(
          "insert into kwaliteitskader (nr, titel, status, data, search) values ($1, $2, $3, $4, setweight(to_tsvector('dutch', $5), 'A') || setweight(to_tsvector('dutch', $6), 'B'))",
          [f.nr, f.titel, f.status.value, JSON.stringify(head), f.titel, [f.doel, f.gebruik, f.uitgever].join(" ")],
        );
        const segs = segmentsOf(f, lib.segments);
        for (let i = 0; i < criteria.length; i += 200) {
          const chunk = criteria.slice(i, i + 200);
          const params: unknown[] = [];
          const values = chunk.map((c, j) => {
            const t = criterionSearchText(f, c);
            params.push(f.nr, c.id, i + j, c.element, c.adressaat, c.aard, f.wetten, segs, c.begrippen, JSON.stringify(c), t.a, t.b);
            const b = j * 12;
            return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8}, $${b + 9}, $${b + 10}, setweight(to_tsvector('dutch', $${b + 11}), 'A') || setweight(to_tsvector('dutch', $${b + 12}), 'B'))`;
          });
          await tx.query(
            `insert into kwaliteitscriterium (kader_nr, id, position, element, adressaat, aard, wetten, segmenten, begrippen, data, search) values ${values.join(", ")}`,
            params,
          );
        }
      }
      for (const [i, s] of lib.segments.entries())
        await tx.query("insert into kwaliteit_segment (id, position, data) values ($1, $2, $3)", [s.id, i, JSON.stringify(s)]);
      for (const [i, c] of lib.concepts.entries())
        await tx.query("insert into kwaliteit_begrip (id, position, data) values ($1, $2, $3)", [c.id, i, JSON.stringify(c)]);
      await tx.query("insert into kwaliteit_load (loaded_at, content_hash, frameworks, criteria) values ($1, $2, $3, $4)", [
        at,
        hash,
        lib.frameworks.length,
        lib.frameworks.reduce((n, f) => n + f.criteria.length, 0),
      ]);
    });
  }

  async library(): Promise<QualityLibrary> {
    const heads = await this.db.query<{ nr: number; data: Omit<Framework, "criteria"> }>("select nr, data from kwaliteitskader order by nr");
    const crits = await this.db.query<{ kader_nr: number; data: Framework["criteria"][number] }>(
      "select kader_nr, data from kwaliteitscriterium order by kader_nr, position",
    );
    const segments = await this.db.query<{ data: SegmentRecord }>("select data from kwaliteit_segment order by position");
    const concepts = await this.db.query<{ data: ConceptRecord }>("select data from kwaliteit_begrip order by position");
    return {
      frameworks: heads.map((h) => ({ ...h.data, criteria: crits.filter((c) => c.kader_nr === h.nr).map((c) => c.data) }) as Framework),
      segments: segments.map((s) => s.data),
      concepts: concepts.map((c) => c.data),
    };
  }

  async framework(nr: number) {
    const h = await this.db.query<{ data: Omit<Framework, "criteria"> }>("select data from kwaliteitskader where nr = $1", [nr]);
    if (!h[0]) return null;
    const crits = await this.db.query<{ data: Framework["criteria"][number] }>("select data from kwaliteitscriterium where kader_nr = $1 order by position", [
      nr,
    ]);
    return { ...h[0].data, criteria: crits.map((c) => c.data) } as Framework;
  }

  async searchCriteria(q: CriterionQuery): Promise<{ items: CriterionHit[]; total: number }> {
    const where: string[] = ["true"];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, v: unknown) => {
      params.push(v);
      where.push(sql(`$${params.length}`));
    };
    let rank = "";
    if (q.q) {
      add((n) => `c.search @@ websearch_to_tsquery('dutch', ${n})`, q.q);
      rank = `ts_rank(c.search, websearch_to_tsquery('dutch', $${params.length}))`;
    }
    if (q.element) add((n) => `c.element = ${n}`, q.element);
    if (q.adressaat) add((n) => `c.adressaat = ${n}`, q.adressaat);
    if (q.aard) add((n) => `c.aard = ${n}`, q.aard);
    if (q.kader !== undefined) add((n) => `c.kader_nr = ${n}`, q.kader);
    if (q.wet) add((n) => `${n} = any (c.wetten)`, q.wet);
    if (q.segment) add((n) => `${n} = any (c.segmenten)`, q.segment);
    if (q.begrip) add((n) => `${n} = any (c.begrippen)`, q.begrip);
    params.push(q.limit, q.offset);
    const rows = await this.db.query<{ head: Omit<Framework, "criteria">; data: Framework["criteria"][number]; total: string | number }>(
      `select k.data as head, c.data, count(*) over () as total from kwaliteitscriterium c join kwaliteitskader k on k.nr = c.kader_nr
        where ${where.join(" and ")} order by ${rank ? `${rank} desc, ` : ""}c.kader_nr, c.position limit $${params.length - 1} offset $${params.length}`,
      params,
    );
    return { items: rows.map((r) => criterionHit({ ...r.head, criteria: [] } as Framework, r.data)), total: Number(rows[0]?.total ?? 0) };
  }

  async createPve(p: PveRecord) {
    await this.db.query("insert into pve (id, gemeentecode, concept, created_at, created_by, updated_at) values ($1, $2, $3, $4, $5, $6)", [
      p.id,
      p.gemeentecode,
      JSON.stringify(p.concept),
      p.createdAt,
      p.createdBy,
      p.updatedAt,
    ]);
  }

  async getPve(id: string) {
    const r = await this.db.query<{
      id: string;
      gemeentecode: string;
      concept: PveConcept;
      created_at: string | Date;
      created_by: string;
      updated_at: string | Date;
    }>("select * from pve where id = $1", [id]);
    const x = r[0];
    return x
      ? { id: x.id, gemeentecode: x.gemeentecode, concept: x.concept, createdAt: iso(x.created_at)!, createdBy: x.created_by, updatedAt: iso(x.updated_at)! }
      : null;
  }

  async listPves(gemeentecode: string) {
    const r = await this.db.query<{
      id: string;
      gemeentecode: string;
      concept: PveConcept;
      created_at: string | Date;
      created_by: string;
      updated_at: string | Date;
      versies: string | number;
    }>("select p.*, (select count(*) from pve_versie v where v.pve_id = p.id) as versies from pve p where gemeentecode = $1 order by updated_at desc, id", [
      gemeentecode,
    ]);
    return r.map((x) => ({
      id: x.id,
      gemeentecode: x.gemeentecode,
      concept: x.concept,
      createdAt: iso(x.created_at)!,
      createdBy: x.created_by,
      updatedAt: iso(x.updated_at)!,
      versies: Number(x.versies),
    }));
  }

  async updateConcept(id: string, concept: PveConcept, at: string) {
    await this.db.query("update pve set concept = $2, updated_at = $3 where id = $1", [id, JSON.stringify(concept), at]);
  }

  async publish(id: string, gemeentecode: string, inhoud: PveVersionRecord["inhoud"], at: string, by: string) {
    return this.db.transaction(async (tx) => {
      // the row lock on the draft serialises two publications of the same programme
      await tx.query("select id from pve where id = $1 for update", [id]);
      const next = Number((await tx.query<{ n: string | number }>("select coalesce(max(versie), 0) + 1 as n from pve_versie where pve_id = $1", [id]))[0]!.n);
      await tx.query("insert into pve_versie (pve_id, versie, gemeentecode, inhoud, published_at, published_by) values ($1, $2, $3, $4, $5, $6)", [
        id,
        next,
        gemeentecode,
        JSON.stringify(inhoud),
        at,
        by,
      ]);
      return next;
    });
  }

  async versions(id: string) {
    const r = await this.db.query<{ pve_id: string; versie: number; gemeentecode: string; published_at: string | Date; published_by: string }>(
      "select pve_id, versie, gemeentecode, published_at, published_by from pve_versie where pve_id = $1 order by versie",
      [id],
    );
    return r.map((x) => ({ pveId: x.pve_id, versie: x.versie, gemeentecode: x.gemeentecode, publishedAt: iso(x.published_at)!, publishedBy: x.published_by }));
  }

  async version(id: string, versie: number) {
    const r = await this.db.query<{
      pve_id: string;
      versie: number;
      gemeentecode: string;
      inhoud: PveVersionRecord["inhoud"];
      published_at: string | Date;
      published_by: string;
    }>("select * from pve_versie where pve_id = $1 and versie = $2", [id, versie]);
    const x = r[0];
    return x
      ? { pveId: x.pve_id, versie: x.versie, gemeentecode: x.gemeentecode, inhoud: x.inhoud, publishedAt: iso(x.published_at)!, publishedBy: x.published_by }
      : null;
  }

  async invite(id: string, versie: number, gemeentecode: string, agbCodes: string[], at: string, by: string) {
    await this.db.transaction(async (tx) => {
      for (const agb of agbCodes)
        await tx.query(
          "insert into pve_uitnodiging (pve_id, versie, agb_code, gemeentecode, invited_at, invited_by) values ($1, $2, $3, $4, $5, $6) on conflict do nothing",
          [id, versie, agb, gemeentecode, at, by],
        );
    });
  }

  async invitations(id: string, versie: number) {
    const r = await this.db.query<{ agb_code: string; invited_at: string | Date }>(
      "select agb_code, invited_at from pve_uitnodiging where pve_id = $1 and versie = $2 order by agb_code",
      [id, versie],
    );
    return r.map((x) => ({ agbCode: x.agb_code, invitedAt: iso(x.invited_at)! }));
  }

  async isInvited(k: AssessmentKey) {
    return (await this.db.query("select 1 from pve_uitnodiging where pve_id = $1 and versie = $2 and agb_code = $3", keyParams(k))).length > 0;
  }

  async invitedVersions(agbCode: string) {
    const r = await this.db.query<{ pve_id: string; versie: number; gemeentecode: string; published_at: string | Date; published_by: string; titel: string }>(
      `select v.pve_id, v.versie, v.gemeentecode, v.published_at, v.published_by, v.inhoud->>'titel' as titel
         from pve_uitnodiging u join pve_versie v on v.pve_id = u.pve_id and v.versie = u.versie where u.agb_code = $1 order by v.published_at desc`,
      [agbCode],
    );
    return r.map((x) => ({
      pveId: x.pve_id,
      versie: x.versie,
      gemeentecode: x.gemeentecode,
      publishedAt: iso(x.published_at)!,
      publishedBy: x.published_by,
      titel: x.titel,
    }));
  }

  async answers(k: AssessmentKey) {
    const r = await this.db.query<AnswerRow>(
      `select ${answerCols} from zelfevaluatie_antwoord where pve_id = $1 and versie = $2 and agb_code = $3 order by vraag`,
      keyParams(k),
    );
    return r.map(toAnswer);
  }

  async allAnswers(id: string, versie: number) {
    const r = await this.db.query<AnswerRow>(`select ${answerCols} from zelfevaluatie_antwoord where pve_id = $1 and versie = $2 order by agb_code, vraag`, [
      id,
      versie,
    ]);
    return r.map((x) => ({ ...toAnswer(x), agbCode: x.agb_code }));
  }

  private event(tx: Db, k: AssessmentKey & { gemeentecode: string; vraag: string }, at: string, by: string, soort: HistoryEvent["soort"], data: unknown) {
    return tx.query(
      "insert into zelfevaluatie_gebeurtenis (pve_id, versie, agb_code, vraag, gemeentecode, at, username, soort, data) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
      [...keyParams(k), k.vraag, k.gemeentecode, at, by, soort, JSON.stringify(data)],
    );
  }

  async saveAnswer(k: AssessmentKey & { gemeentecode: string; vraag: string }, a: Antwoord, at: string, by: string) {
    await this.db.transaction(async (tx) => {
      await tx.query(
        `insert into zelfevaluatie_antwoord (pve_id, versie, agb_code, vraag, gemeentecode, toelichting, geldig_van, geldig_tot, status, beantwoord_op)
         values ($1, $2, $3, $4, $5, $6, $7, $8, 'ingediend', $9)
         on conflict (pve_id, versie, agb_code, vraag) do update set toelichting = excluded.toelichting, geldig_van = excluded.geldig_van,
           geldig_tot = excluded.geldig_tot, status = 'ingediend', beantwoord_op = excluded.beantwoord_op`,
        [...keyParams(k), k.vraag, k.gemeentecode, a.toelichting, a.geldigVan, a.geldigTot, at],
      );
      await this.event(tx, k, at, by, "antwoord", a);
    });
  }

  async review(k: AssessmentKey & { vraag: string }, b: Beoordeling, at: string, by: string) {
    return this.db.transaction(async (tx) => {
      const r = await tx.query<{ gemeentecode: string }>(
        "update zelfevaluatie_antwoord set status = $5, opmerking = $6, beoordeeld_op = $7 where pve_id = $1 and versie = $2 and agb_code = $3 and vraag = $4 returning gemeentecode",
        [...keyParams(k), k.vraag, b.oordeel, b.opmerking || null, at],
      );
      if (!r[0]) return false;
      await this.event(tx, { ...k, gemeentecode: r[0].gemeentecode }, at, by, "beoordeling", b);
      return true;
    });
  }

  async addFile(k: AssessmentKey & { gemeentecode: string; vraag: string }, m: FileMeta, content: Uint8Array) {
    await this.db.transaction(async (tx) => {
      await tx.query(
        "insert into zelfevaluatie_bestand (id, pve_id, versie, agb_code, vraag, gemeentecode, naam, mime, grootte, sha256, inhoud, uploaded_at, uploaded_by) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        [m.id, ...keyParams(k), k.vraag, k.gemeentecode, m.naam, m.mime, m.grootte, m.sha256, content, m.uploadedAt, m.uploadedBy],
      );
      await this.event(tx, k, m.uploadedAt, m.uploadedBy, "bestand", { id: m.id, naam: m.naam, mime: m.mime, grootte: m.grootte, sha256: m.sha256 });
    });
  }

  async files(k: AssessmentKey) {
    const r = await this.db.query<FileRow>(
      `select ${fileCols} from zelfevaluatie_bestand where pve_id = $1 and versie = $2 and agb_code = $3 order by uploaded_at, id`,
      keyParams(k),
    );
    return r.map(toFile);
  }

  async file(k: AssessmentKey, id: string) {
    const r = await this.db.query<FileRow & { inhoud: Uint8Array }>(
      `select ${fileCols}, inhoud from zelfevaluatie_bestand where pve_id = $1 and versie = $2 and agb_code = $3 and id = $4`,
      [...keyParams(k), id],
    );
    return r[0] ? { meta: toFile(r[0]), content: new Uint8Array(r[0].inhoud) } : null;
  }

  async history(k: AssessmentKey) {
    const r = await this.db.query<{ vraag: string; at: string | Date; username: string; soort: HistoryEvent["soort"]; data: Record<string, unknown> }>(
      "select vraag, at, username, soort, data from zelfevaluatie_gebeurtenis where pve_id = $1 and versie = $2 and agb_code = $3 order by id",
      keyParams(k),
    );
    return r.map((x) => ({ vraag: x.vraag, at: iso(x.at)!, username: x.username, soort: x.soort, data: x.data }));
  }
}
