import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Db } from "./db.ts";

export interface ConnectOptions {
  /** postgres://… selects a PostgreSQL server; otherwise PGlite is used */
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined keeps the database in memory */
  dataDir?: string | undefined;
  /** PostgreSQL schema to use (created when missing); tests give each run its own */
  schema?: string | undefined;
}

// PostgreSQL returns DATE as text and BIGINT as text: keep dates as ISO calendar strings (no time zone shifts)
pg.types.setTypeParser(1082, (v: string) => v);

export async function connect(opts: ConnectOptions): Promise<Db> {
  if (opts.databaseUrl) return connectPostgres(opts.databaseUrl, opts.schema);
  return connectPglite(opts.dataDir, opts.schema);
}

async function connectPglite(dataDir: string | undefined, schema: string | undefined): Promise<Db> {
  const pgl = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  if (schema) await pgl.exec(`create schema if not exists "${schema}"; set search_path to "${schema}"`);
  const wrap = (q: Pick<PGlite, "query" | "exec">, inTx: boolean): Db => ({
    kind: "pglite",
    async query<T>(sql: string, params: unknown[] = []) {
      return (await q.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
    async transaction<R>(fn: (tx: Db) => Promise<R>): Promise<R> {
      if (inTx) return fn(wrap(q, true));
      return pgl.transaction((tx) => fn(wrap(tx, true)));
    },
    async close() {
      if (!inTx) await pgl.close();
    },
  });
  return wrap(pgl, false);
}

async function connectPostgres(url: string, schema: string | undefined): Promise<Db> {
  if (schema && !/^[a-z0-9_]+$/.test(schema)) throw new Error(`ongeldige schemanaam ${schema}`);
  if (schema) {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`create schema if not exists "${schema}"`);
    await c.end();
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const wrap = (q: { query: pg.Pool["query"] }, inTx: boolean): Db => ({
    kind: "postgres",
    async query<T>(sql: string, params: unknown[] = []) {
      return (await q.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await q.query(sql);
    },
    async transaction<R>(fn: (tx: Db) => Promise<R>): Promise<R> {
      if (inTx) return fn(wrap(q, true));
      const client = await pool.connect();
      try {
        await client.query("begin");
        const r = await fn(wrap(client, true));
        await client.query("commit");
        return r;
      } catch (e) {
        await client.query("rollback");
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      if (!inTx) await pool.end();
    },
  });
  return wrap(pool, false);
}
