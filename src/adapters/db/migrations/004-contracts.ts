export const m004Contracts = {
  version: 4,
  name: "contracts",
  sql: `
-- A gemeente's contract with an aanbieder for one product: municipality-owned, so it carries the gemeentecode.
create table aanbieder_contract (
  agb_code text not null references aanbieder (agb_code) on delete cascade,
  gemeentecode text not null check (gemeentecode ~ '^[0-9]{4}$'),
  product_id text not null,
  valid_from date not null,
  valid_to date,
  tariff_cents integer check (tariff_cents >= 0),
  primary key (agb_code, gemeentecode, product_id, valid_from)
);
create index aanbieder_contract_gemeente on aanbieder_contract (gemeentecode);
`,
};
