import type { ProviderRepository } from "../../app/ports.ts";
import { ProviderRecord } from "../../domain/compliance/provider.ts";
import type { StaffMemberRecord } from "../../domain/compliance/staff.ts";
import type { Db } from "./db.ts";

interface Row {
  agb_code: string;
  name: string;
  kvk: string | null;
  gemeentecodes: string[];
  evidence: unknown;
}
interface ContractRow {
  agb_code: string;
  gemeentecode: string;
  product_id: string;
  valid_from: string;
  valid_to: string | null;
  tariff_cents: number | null;
}
const toRecord = (r: Row, contracts: ContractRow[]): ProviderRecord =>
  ProviderRecord.parse({
    agbCode: r.agb_code,
    name: r.name,
    kvk: r.kvk,
    gemeentecodes: r.gemeentecodes,
    evidence: r.evidence,
    contracts: contracts
      .filter((c) => c.agb_code === r.agb_code)
      .map((c) => ({ productId: c.product_id, gemeentecode: c.gemeentecode, validFrom: c.valid_from, validTo: c.valid_to, tariffCents: c.tariff_cents })),
  });

export class SqlProviderRepository implements ProviderRepository {
  constructor(private readonly db: Db) {}

  private contracts(agbCodes: string[]) {
    return agbCodes.length
      ? this.db.query<ContractRow>(
          "select agb_code, gemeentecode, product_id, valid_from::text, valid_to::text, tariff_cents from aanbieder_contract where agb_code = any($1::text[]) order by gemeentecode, product_id, valid_from",
          [agbCodes],
        )
      : Promise.resolve([]);
  }

  async get(agbCode: string) {
    const rows = await this.db.query<Row>("select * from aanbieder where agb_code = $1", [agbCode]);
    return rows[0] ? toRecord(rows[0], await this.contracts([agbCode])) : null;
  }

  async list(filter: { gemeentecode?: string; agbCode?: string }) {
    const rows = await this.db.query<Row>(
      `select * from aanbieder where ($1::text is null or $1 = any (gemeentecodes)) and ($2::text is null or agb_code = $2) order by name, agb_code`,
      [filter.gemeentecode ?? null, filter.agbCode ?? null],
    );
    const contracts = await this.contracts(rows.map((r) => r.agb_code));
    return rows.map((r) => toRecord(r, contracts));
  }

  private async upsert(db: Db, p: ProviderRecord, at: string) {
    await this.upsertRow(db, p, at);
    await db.query("delete from aanbieder_contract where agb_code = $1", [p.agbCode]);
    for (const c of p.contracts)
      await db.query(
        "insert into aanbieder_contract (agb_code, gemeentecode, product_id, valid_from, valid_to, tariff_cents) values ($1, $2, $3, $4, $5, $6)",
        [p.agbCode, c.gemeentecode, c.productId, c.validFrom, c.validTo, c.tariffCents],
      );
  }

  private async upsertRow(db: Db, p: ProviderRecord, at: string) {
    await db.query(
      `insert into aanbieder (agb_code, name, kvk, gemeentecodes, evidence, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6)
       on conflict (agb_code) do update set name = excluded.name, kvk = excluded.kvk, gemeentecodes = excluded.gemeentecodes,
         evidence = excluded.evidence, updated_at = excluded.updated_at`,
      [p.agbCode, p.name, p.kvk, p.gemeentecodes, JSON.stringify(p.evidence), at],
    );
  }

  async save(p: ProviderRecord, at: string) {
    await this.db.transaction((tx) => this.upsert(tx, p, at));
  }

  async staff(agbCode: string): Promise<StaffMemberRecord[]> {
    const rows = await this.db.query<{ data: StaffMemberRecord }>("select data from medewerker where agb_code = $1 order by position", [agbCode]);
    return rows.map((r) => r.data);
  }

  async saveWithStaff(p: ProviderRecord, staff: StaffMemberRecord[], at: string) {
    await this.db.transaction(async (tx) => {
      // a staff import touches the provider's identity only: evidence and contracts written meanwhile stay
      await tx.query(
        `insert into aanbieder (agb_code, name, kvk, gemeentecodes, evidence, created_at, updated_at) values ($1, $2, $3, $4, '[]', $5, $5)
         on conflict (agb_code) do update set name = excluded.name, updated_at = excluded.updated_at`,
        [p.agbCode, p.name, p.kvk, p.gemeentecodes, at],
      );
      await tx.query("delete from medewerker where agb_code = $1", [p.agbCode]);
      for (let i = 0; i < staff.length; i += 500) {
        const chunk = staff.slice(i, i + 500);
        const values = chunk.map((_, j) => `($1, $2, $${j * 2 + 3}, $${j * 2 + 4})`).join(", ");
        await tx.query(`insert into medewerker (agb_code, imported_at, position, data) values ${values}`, [
          p.agbCode,
          at,
          ...chunk.flatMap((s, j) => [i + j, JSON.stringify(s)]),
        ]);
      }
    });
  }
}
