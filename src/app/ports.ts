import type { Product, Productenboek } from "../domain/catalogue/product.ts";
import type { Law, UnitCode } from "../domain/catalogue/source-schema.ts";
import type { LatestVersion, VersionClose, VersionInsert } from "../domain/catalogue/versioning.ts";
import type { Role, Tenant } from "../domain/auth/principal.ts";
import type { ProviderRecord } from "../domain/compliance/provider.ts";
import type { StaffMemberRecord } from "../domain/compliance/staff.ts";
import type { IsoDate } from "../domain/shared/date.ts";

/** Today's date in the Netherlands and the current instant; injected so use cases stay testable. */
export interface Clock {
  today(): IsoDate;
  /** ISO 8601 instant, e.g. 2026-11-29T20:50:00.000Z */
  now(): string;
}

/** Secrets: random tokens, digests and password hashing (a memory-hard function). */
export interface Secrets {
  token(): string;
  digest(value: string): string;
  hashPassword(password: string): Promise<string>;
  verifyPassword(password: string, stored: string): Promise<boolean>;
}

export interface StoredUser {
  username: string;
  displayName: string;
  role: Role;
  tenant: Tenant | null;
  passwordHash: string;
  disabled: boolean;
}

export interface UserRepository {
  get(username: string): Promise<StoredUser | null>;
  list(): Promise<StoredUser[]>;
  count(): Promise<number>;
  insert(user: StoredUser, at: string): Promise<void>;
  update(username: string, patch: Partial<Pick<StoredUser, "passwordHash" | "disabled" | "displayName">>, at: string): Promise<void>;
}

export interface StoredSession {
  idHash: string;
  username: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  absoluteExpiresAt: string;
}

export interface SessionRepository {
  create(s: StoredSession): Promise<void>;
  get(idHash: string): Promise<StoredSession | null>;
  touch(idHash: string, expiresAt: string): Promise<void>;
  delete(idHash: string): Promise<void>;
  deleteForUser(username: string): Promise<void>;
}

export interface AccessRecord {
  at: string;
  username: string | null;
  role: Role | null;
  tenantKind: Tenant["kind"] | null;
  tenantCode: string | null;
  resource: string;
  action: string;
  /** the tenant of the record accessed */
  gemeentecode: string | null;
  agbCode: string | null;
  endpoint: string;
  purpose: string;
  allowed: boolean;
  reason: string | null;
  /** whose personal data was read or written (NEN 7513: the subject), and which records; null where none applies */
  subject: AccessSubject | null;
}

/**
 * Whose data an access touched: the clients (by Kader's client id; never a BSN), the records (keys such as
 * "toewijzing:0106/wmo/123", "declaratie:98765432/wmo/D1"), and for a list too large to name every id, the filter that
 * selected it and how many rows it returned.
 */
export interface AccessSubject {
  clientIds: number[];
  records: string[];
  /** the filter or search that selected a list (never a BSN: a BSN search is recorded as "bsn-zoekopdracht") */
  filter?: string | undefined;
  /** how many rows a list returned */
  count?: number | undefined;
}

/** A selection from the access log; every field narrows it. */
export interface AccessLogFilter {
  /** rows about this gemeente: the record's gemeente or the reader's own */
  gemeentecode?: string | undefined;
  /** rows whose subject names this client */
  clientId?: number | undefined;
  username?: string | undefined;
  /** from this instant or date (inclusive) */
  from?: string | undefined;
  /** up to this instant (exclusive) */
  to?: string | undefined;
  resource?: string | undefined;
  allowed?: boolean | undefined;
  limit: number;
  offset?: number | undefined;
}

export interface AccessLogRepository {
  append(r: AccessRecord): Promise<void>;
  /** newest first, each with its row id */
  list(filter: AccessLogFilter): Promise<(AccessRecord & { id: number })[]>;
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

export interface ProviderRepository {
  get(agbCode: string): Promise<ProviderRecord | null>;
  list(filter: { gemeentecode?: string; agbCode?: string }): Promise<ProviderRecord[]>;
  /** creates or replaces the provider record */
  save(p: ProviderRecord, at: string): Promise<void>;
  staff(agbCode: string): Promise<StaffMemberRecord[]>;
  /** the provider and its whole staff list in one transaction */
  saveWithStaff(p: ProviderRecord, staff: StaffMemberRecord[], at: string): Promise<void>;
}
