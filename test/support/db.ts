import { randomBytes } from "node:crypto";
import pg from "pg";
import { connect } from "../../src/adapters/db/connect.ts";
import type { Db } from "../../src/adapters/db/db.ts";
import { migrate } from "../../src/adapters/db/migrate.ts";

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or — when DATABASE_URL is set —
 * a schema of its own on that PostgreSQL server, dropped again on close, so runs never see each other's rows.
 */
export async function testDb(): Promise<Db> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await connect({});
    await migrate(db);
    return db;
  }
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const db = await connect({ databaseUrl: url, schema });
  await migrate(db);
  return {
    ...db,
    kind: db.kind,
    query: db.query.bind(db),
    exec: db.exec.bind(db),
    transaction: db.transaction.bind(db),
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists "${schema}" cascade`);
      await c.end();
    },
  };
}

export const dbLabel = () => (process.env.DATABASE_URL ? "PostgreSQL" : "PGlite");
