import type { CatalogueRepository, CatalogueWrite, ProductQuery, VersionInfo } from "../../app/ports.ts";
import type { Product, Productenboek } from "../../domain/catalogue/product.ts";
import type { IsoDate } from "../../domain/shared/date.ts";
import type { Db } from "./db.ts";

const inForce = "valid_from <= $1::date and (valid_to is null or valid_to >= $1::date)";

/** Text that feeds Dutch full-text search: name (weight A), codes (A), description and requirements (B). */
function searchText(p: Product): { a: string; b: string } {
  return {
    a: [p.name, p.productcode ?? "", p.codeAsWritten, p.variant ?? ""].join(" "),
    b: [p.description, ...p.requirements.map((r) => `${r.topic} ${r.asWritten}`)].join(" "),
  };
}

export class SqlCatalogueRepository implements CatalogueRepository {
  constructor(private readonly db: Db) {}

  async latestVersions() {
    const pbs = await this.db.query<{ id: string; version: number; valid_from: string; valid_to: string | null; content_hash: string }>(
      `select distinct on (productenboek_id) productenboek_id as id, version, valid_from::text, valid_to::text, content_hash
         from productenboek_version order by productenboek_id, version desc`,
    );
    const ps = await this.db.query<{
      id: string;
      productenboek_id: string;
      version: number;
      valid_from: string;
      valid_to: string | null;
      content_hash: string;
    }>(
      `select distinct on (product_id) product_id as id, productenboek_id, version, valid_from::text, valid_to::text, content_hash
         from product_version order by product_id, version desc`,
    );
    return {
      productenboeken: pbs.map((r) => ({ id: r.id, version: r.version, validFrom: r.valid_from, validTo: r.valid_to, hash: r.content_hash })),
      products: ps.map((r) => ({
        id: r.id,
        productenboekId: r.productenboek_id,
        version: r.version,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        hash: r.content_hash,
      })),
    };
  }

  async write(w: CatalogueWrite): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const c of w.productenboeken.closes)
        await tx.query("update productenboek_version set valid_to = $3 where productenboek_id = $1 and version = $2", [c.id, c.version, c.validTo]);
      for (const c of w.products.closes)
        await tx.query("update product_version set valid_to = $3 where product_id = $1 and version = $2", [c.id, c.version, c.validTo]);
      for (const i of w.productenboeken.inserts)
        await tx.query("insert into productenboek_version (productenboek_id, version, valid_from, content_hash, title, data) values ($1, $2, $3, $4, $5, $6)", [
          i.id,
          i.version,
          i.validFrom,
          i.hash,
          i.data.title,
          JSON.stringify(i.data),
        ]);
      for (const i of w.products.inserts) {
        const p = i.data;
        const t = searchText(p);
        await tx.query(
          `insert into product_version
             (product_id, version, productenboek_id, valid_from, content_hash, law, productcode, productcategorie, unit, kind, name, data, search)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
                   setweight(to_tsvector('dutch', $13), 'A') || setweight(to_tsvector('dutch', $14), 'B'))`,
          [
            i.id,
            i.version,
            p.productenboekId,
            i.validFrom,
            i.hash,
            p.law,
            p.productcode,
            p.productcategorie,
            p.unit.code,
            p.kind,
            p.name,
            JSON.stringify(p),
            t.a,
            t.b,
          ],
        );
      }
      await tx.query("insert into catalogue_load (effective_from, created, changed, withdrawn, unchanged) values ($1, $2, $3, $4, $5)", [
        w.today,
        w.counts.created,
        w.counts.changed,
        w.counts.withdrawn,
        w.counts.unchanged,
      ]);
    });
  }

  async productenboeken(asOf: IsoDate): Promise<Productenboek[]> {
    const rows = await this.db.query<{ data: Productenboek }>(`select data from productenboek_version where ${inForce} order by productenboek_id`, [asOf]);
    return rows.map((r) => r.data);
  }

  async productenboek(id: string, asOf: IsoDate): Promise<Productenboek | null> {
    const rows = await this.db.query<{ data: Productenboek }>(`select data from productenboek_version where ${inForce} and productenboek_id = $2`, [asOf, id]);
    return rows[0]?.data ?? null;
  }

  async searchProducts(q: ProductQuery): Promise<{ items: Product[]; total: number }> {
    const where = [inForce];
    const params: unknown[] = [q.asOf];
    const add = (sql: (n: string) => string, v: unknown) => {
      params.push(v);
      where.push(sql(`$${params.length}`));
    };
    let rank = "0";
    if (q.q) {
      add((n) => `search @@ websearch_to_tsquery('dutch', ${n})`, q.q);
      rank = `ts_rank(search, websearch_to_tsquery('dutch', $${params.length}))`;
    }
    if (q.law) add((n) => `law = ${n}`, q.law);
    if (q.unit === "none") where.push("unit is null");
    else if (q.unit) add((n) => `unit = ${n}`, q.unit);
    if (q.productcategorie) add((n) => `productcategorie = ${n}`, q.productcategorie);
    if (q.code) add((n) => `productcode = ${n}`, q.code);
    if (q.productenboek) add((n) => `productenboek_id = ${n}`, q.productenboek);
    if (q.kind) add((n) => `kind = ${n}`, q.kind);
    const order = {
      relevance: `${rank} desc, productenboek_id, productcode nulls last, product_id`,
      code: "productcode nulls last, productenboek_id, product_id",
      name: "name, product_id",
      productenboek: "productenboek_id, productcode nulls last, product_id",
    }[q.sort];
    params.push(q.limit, q.offset);
    const rows = await this.db.query<{ data: Product; total: string | number }>(
      `select data, count(*) over () as total from product_version where ${where.join(" and ")}
        order by ${order} limit $${params.length - 1} offset $${params.length}`,
      params,
    );
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && q.offset > 0) {
      const c = await this.db.query<{ n: string | number }>(`select count(*) as n from product_version where ${where.join(" and ")}`, params.slice(0, -2));
      total = Number(c[0]?.n ?? 0);
    }
    return { items: rows.map((r) => r.data), total };
  }

  async product(id: string, asOf: IsoDate) {
    const rows = await this.db.query<{ data: Product; version: number; valid_from: string; valid_to: string | null }>(
      `select data, version, valid_from::text, valid_to::text from product_version where ${inForce} and product_id = $2`,
      [asOf, id],
    );
    const r = rows[0];
    return r ? { product: r.data, version: r.version, validFrom: r.valid_from, validTo: r.valid_to } : null;
  }

  async productsByIds(ids: string[], asOf: IsoDate): Promise<Product[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.query<{ data: Product }>(`select data from product_version where ${inForce} and product_id = any($2::text[])`, [asOf, ids]);
    const byId = new Map(rows.map((r) => [r.data.id, r.data]));
    return ids.map((id) => byId.get(id)).filter((p): p is Product => p !== undefined);
  }

  async productVersions(id: string): Promise<VersionInfo[]> {
    const rows = await this.db.query<{ version: number; valid_from: string; valid_to: string | null; content_hash: string; loaded_at: Date | string }>(
      "select version, valid_from::text, valid_to::text, content_hash, loaded_at from product_version where product_id = $1 order by version",
      [id],
    );
    return rows.map((r) => ({
      version: r.version,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      hash: r.content_hash,
      loadedAt: new Date(r.loaded_at).toISOString(),
    }));
  }
}
