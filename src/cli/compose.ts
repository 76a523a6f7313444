import { resolve } from "node:path";
import { SqlAccessLogRepository, SqlSessionRepository, SqlUserRepository } from "../adapters/db/auth-repositories.ts";
import { SqlCareRepository } from "../adapters/db/care-repository.ts";
import { SqlCatalogueRepository } from "../adapters/db/catalogue-repository.ts";
import { SqlProviderRepository } from "../adapters/db/provider-repository.ts";
import { connect } from "../adapters/db/connect.ts";
import type { Db } from "../adapters/db/db.ts";
import { migrate } from "../adapters/db/migrate.ts";
import { readCatalogueDir } from "../adapters/files/catalogue-files.ts";
import { nodeSecrets } from "../adapters/security/secrets.ts";
import { AccessGate } from "../app/access.ts";
import { AuthService } from "../app/auth.ts";
import { CareService } from "../app/care.ts";
import { MessageService } from "../app/messages/index.ts";
import { SqlMessageStore } from "../adapters/db/messages-repository.ts";
import { SqlConversionStore } from "../adapters/db/conversion-repository.ts";
import { conversionDirOf } from "../adapters/files/conversion-plan-file.ts";
import { ConversionService } from "../app/conversion.ts";
import { CatalogueService } from "../app/catalogue.ts";
import { ComplianceService } from "../app/compliance.ts";
import { QualityService } from "../app/quality.ts";
import { SqlQualityRepository } from "../adapters/db/quality-repository.ts";
import { qualityDirOf, readQualityDir } from "../adapters/files/quality-files.ts";
import { detectEvidenceType } from "../adapters/files/quality-upload.ts";
import { TariffService } from "../app/tariffs.ts";
import { dutchClock } from "../app/clock.ts";
import { type LoadReport, loadCatalogue } from "../app/load-catalogue.ts";
import type { Clock } from "../app/ports.ts";
import type { Problem } from "../domain/shared/problem.ts";

/** The composition root: picks the database (PGlite by default, PostgreSQL when DATABASE_URL is set). */
import { DEFAULT_CATALOG } from "./paths.ts";

export { DEFAULT_CATALOG, DEFAULT_WEB_ROOT } from "./paths.ts";

export interface KaderEnv {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  schema?: string | undefined;
}

export function envConfig(env: NodeJS.ProcessEnv = process.env): KaderEnv {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATABASE_URL ? undefined : resolve(env.KADER_DATA || "./data"),
    schema: env.KADER_DB_SCHEMA || undefined,
  };
}

export interface Kader {
  db: Db;
  catalogue: CatalogueService;
  repo: SqlCatalogueRepository;
  auth: AuthService;
  gate: AccessGate;
  accessLog: SqlAccessLogRepository;
  compliance: ComplianceService;
  tariffs: TariffService;
  quality: QualityService;
  care: CareService;
  messages: MessageService;
  /** conversion of running toewijzingen (docs/conversie.md) and the folder of its plans */
  conversion: ConversionService;
  conversionPlanDir: string;
  clock: Clock;
  close(): Promise<void>;
}

/** Production mode (KADER_ENV=production): no demo accounts. */
export const isProduction = (env: NodeJS.ProcessEnv = process.env) => env.KADER_ENV === "production" || env.NODE_ENV === "production";

export async function openKader(cfg: KaderEnv, clock: Clock = dutchClock): Promise<Kader> {
  const db = await connect(cfg);
  await migrate(db);
  return wire(db, clock);
}

/** Builds the services on an open, migrated database. */
export function wire(db: Db, clock: Clock): Kader {
  const repo = new SqlCatalogueRepository(db);
  const cacheSize = process.env.KADER_CACHE === "0" ? 0 : 2000;
  const accessLog = new SqlAccessLogRepository(db);
  const catalogue = new CatalogueService(repo, clock, cacheSize);
  const gate = new AccessGate(accessLog, clock);
  return {
    db,
    repo,
    clock,
    catalogue,
    auth: new AuthService(new SqlUserRepository(db), new SqlSessionRepository(db), nodeSecrets, clock),
    gate,
    accessLog,
    compliance: new ComplianceService(new SqlProviderRepository(db), catalogue, gate, clock),
    quality: new QualityService(new SqlQualityRepository(db), catalogue, new SqlProviderRepository(db), gate, clock, detectEvidenceType),
    tariffs: new TariffService(catalogue),
    care: new CareService(new SqlCareRepository(db), catalogue, gate, clock),
    messages: new MessageService(new SqlMessageStore(db), catalogue, gate, clock),
    conversion: new ConversionService(new SqlConversionStore(db), catalogue, gate, clock),
    conversionPlanDir: conversionDirOf(DEFAULT_CATALOG),
    close: () => db.close(),
  };
}

/** Validates the catalogue files and loads them (idempotent). Problems are returned, nothing is written then. */
export async function loadCatalogueDir(k: Kader, dir: string): Promise<{ ok: true; report: LoadReport } | { ok: false; problems: Problem[] }> {
  const read = await readCatalogueDir(dir);
  if (!read.ok) return read;
  // the quality-framework library (document 003) is read first too, so an invalid file writes nothing at all
  const quality = await readQualityDir(qualityDirOf(dir));
  if (!quality.ok) return quality;
  const report = await loadCatalogue(k.repo, k.clock, read.value);
  k.catalogue.invalidate();
  k.messages.invalidate();
  await k.quality.loadLibrary(quality.value);
  return { ok: true, report };
}
