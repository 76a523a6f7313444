import type { CatalogueRepository, CatalogueWrite, ProductQuery, VersionInfo } from "../../app/ports.ts";
import type { Product, Productenboek } from "../../domain/catalogue/product.ts";
import type { IsoDate } from "../../domain/shared/date.ts";

interface Row<T> {
  id: string;
  version: number;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  hash: string;
  data: T;
  loadedAt: string;
}

const inForce = (r: Row<unknown>, asOf: IsoDate) => r.validFrom <= asOf && (r.validTo === null || r.validTo >= asOf);
const words = (s: string) =>
  s
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);

/**
 * The catalogue in memory, for use-case tests without a database. Full-text search is approximated by word
 * prefixes (the SQL repository uses PostgreSQL's Dutch stemming); every other behaviour is the same, which the
 * shared contract tests check.
 */
export class MemoryCatalogueRepository implements CatalogueRepository {
  private pbs: Row<Productenboek>[] = [];
  private ps: Row<Product>[] = [];

  async latestVersions() {
    const latest = <T>(rows: Row<T>[]) => {
      const m = new Map<string, Row<T>>();
      for (const r of rows) if ((m.get(r.id)?.version ?? 0) < r.version) m.set(r.id, r);
      return [...m.values()];
    };
    return {
      productenboeken: latest(this.pbs).map(({ id, version, validFrom, validTo, hash }) => ({ id, version, validFrom, validTo, hash })),
      products: latest(this.ps).map(({ id, version, validFrom, validTo, hash, data }) => ({
        id,
        version,
        validFrom,
        validTo,
        hash,
        productenboekId: data.productenboekId,
      })),
    };
  }

  async write(w: CatalogueWrite): Promise<void> {
    const now = new Date().toISOString();
    const pbs = this.pbs.map((r) => ({ ...r }));
    const ps = this.ps.map((r) => ({ ...r }));
    for (const c of w.productenboeken.closes) {
      const r = pbs.find((x) => x.id === c.id && x.version === c.version);
      if (r) r.validTo = c.validTo;
    }
    for (const c of w.products.closes) {
      const r = ps.find((x) => x.id === c.id && x.version === c.version);
      if (r) r.validTo = c.validTo;
    }
    for (const i of w.productenboeken.inserts) {
      if (pbs.some((x) => x.id === i.id && x.version === i.version)) throw new Error(`dubbele versie ${i.id} v${i.version}`);
      pbs.push({ id: i.id, version: i.version, validFrom: i.validFrom, validTo: null, hash: i.hash, data: i.data, loadedAt: now });
    }
    for (const i of w.products.inserts) {
      if (ps.some((x) => x.id === i.id && x.version === i.version)) throw new Error(`dubbele versie ${i.id} v${i.version}`);
      ps.push({ id: i.id, version: i.version, validFrom: i.validFrom, validTo: null, hash: i.hash, data: i.data, loadedAt: now });
    }
    // all or nothing: swap in only when every step succeeded
    this.pbs = pbs;
    this.ps = ps;
  }

  async productenboeken(asOf: IsoDate) {
    return this.pbs
      .filter((r) => inForce(r, asOf))
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((r) => r.data);
  }

  async productenboek(id: string, asOf: IsoDate) {
    return this.pbs.find((r) => r.id === id && inForce(r, asOf))?.data ?? null;
  }

  async searchProducts(q: ProductQuery) {
    const terms = q.q ? words(q.q) : [];
    const scored = this.ps
      .filter((r) => inForce(r, q.asOf))
      .map((r) => r.data)
      .filter(
        (p) =>
          (!q.law || p.law === q.law) &&
          (!q.unit || (q.unit === "none" ? p.unit.code === null : p.unit.code === q.unit)) &&
          (!q.productcategorie || p.productcategorie === q.productcategorie) &&
          (!q.code || p.productcode === q.code) &&
          (!q.productenboek || p.productenboekId === q.productenboek) &&
          (!q.kind || p.kind === q.kind),
      )
      .map((p) => {
        const text = words([p.name, p.productcode ?? "", p.description, ...p.requirements.map((r) => `${r.topic} ${r.asWritten}`)].join(" "));
        const score = terms.filter((t) => text.some((w) => w.startsWith(t.slice(0, Math.max(4, t.length - 2))))).length;
        return { p, score };
      })
      .filter((x) => terms.length === 0 || x.score === terms.length);
    const code = (p: Product) => p.productcode ?? "\uffff";
    const cmp = {
      relevance: (a: (typeof scored)[number], b: (typeof scored)[number]) =>
        b.score - a.score || a.p.productenboekId.localeCompare(b.p.productenboekId) || code(a.p).localeCompare(code(b.p)) || a.p.id.localeCompare(b.p.id),
      code: (a: (typeof scored)[number], b: (typeof scored)[number]) =>
        code(a.p).localeCompare(code(b.p)) || a.p.productenboekId.localeCompare(b.p.productenboekId) || a.p.id.localeCompare(b.p.id),
      name: (a: (typeof scored)[number], b: (typeof scored)[number]) => a.p.name.localeCompare(b.p.name) || a.p.id.localeCompare(b.p.id),
      productenboek: (a: (typeof scored)[number], b: (typeof scored)[number]) =>
        a.p.productenboekId.localeCompare(b.p.productenboekId) || code(a.p).localeCompare(code(b.p)) || a.p.id.localeCompare(b.p.id),
    }[q.sort];
    scored.sort(cmp);
    return { items: scored.slice(q.offset, q.offset + q.limit).map((x) => x.p), total: scored.length };
  }

  async product(id: string, asOf: IsoDate) {
    const r = this.ps.find((x) => x.id === id && inForce(x, asOf));
    return r ? { product: r.data, version: r.version, validFrom: r.validFrom, validTo: r.validTo } : null;
  }

  async productsByIds(ids: string[], asOf: IsoDate) {
    return ids.map((id) => this.ps.find((x) => x.id === id && inForce(x, asOf))?.data).filter((p): p is Product => p !== undefined);
  }

  async productVersions(id: string): Promise<VersionInfo[]> {
    return this.ps
      .filter((r) => r.id === id)
      .sort((a, b) => a.version - b.version)
      .map((r) => ({ version: r.version, validFrom: r.validFrom, validTo: r.validTo, hash: r.hash, loadedAt: r.loadedAt }));
  }
}
