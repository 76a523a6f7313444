import type { Product, Productenboek } from "../domain/catalogue/product.ts";
import type { Law, UnitCode } from "../domain/catalogue/source-schema.ts";
import type { LatestVersion, VersionClose, VersionInsert } from "../domain/catalogue/versioning.ts";
import type { IsoDate } from "../domain/shared/date.ts";

/** Today's date in the Netherlands; injected so use cases stay testable. */
export interface Clock {
  today(): IsoDate;
}

export type ProductSort = "relevance" | "code" | "name" | "productenboek";

export interface ProductQuery {
  asOf: IsoDate;
  q?: string | undefined;
  law?: Law | undefined;
  unit?: UnitCode | "none" | undefined;
  productcategorie?: string | undefined;
  code?: string | undefined;
  productenboek?: string | undefined;
  kind?: string | undefined;
  sort: ProductSort;
  limit: number;
  offset: number;
}

export interface VersionInfo {
  version: number;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  hash: string;
  loadedAt: string;
}

export interface CatalogueWrite {
  today: IsoDate;
  productenboeken: { inserts: (VersionInsert & { hash: string; data: Productenboek })[]; closes: VersionClose[] };
  products: { inserts: (VersionInsert & { hash: string; data: Product })[]; closes: VersionClose[] };
  counts: { created: number; changed: number; withdrawn: number; unchanged: number };
}

/** Storage of the catalogue. The SQL and the in-memory implementation pass the same contract tests. */
export interface CatalogueRepository {
  latestVersions(): Promise<{ productenboeken: LatestVersion[]; products: (LatestVersion & { productenboekId: string })[] }>;
  /** all of it in one transaction */
  write(w: CatalogueWrite): Promise<void>;
  productenboeken(asOf: IsoDate): Promise<Productenboek[]>;
  productenboek(id: string, asOf: IsoDate): Promise<Productenboek | null>;
  searchProducts(q: ProductQuery): Promise<{ items: Product[]; total: number }>;
  product(id: string, asOf: IsoDate): Promise<{ product: Product; version: number; validFrom: IsoDate; validTo: IsoDate | null } | null>;
  productsByIds(ids: string[], asOf: IsoDate): Promise<Product[]>;
  productVersions(id: string): Promise<VersionInfo[]>;
}
