export const m001Catalogue = {
  version: 1,
  name: "catalogue",
  sql: `
-- The catalogue is regional reference data: it carries no gemeentecode of its own (see docs/scaling.md).
-- Each row is one version of a productenboek or product, valid from valid_from through valid_to (inclusive;
-- null = open ended). A version whose valid_to is before its valid_from was superseded before it took effect.
create table productenboek_version (
  productenboek_id text not null,
  version integer not null,
  valid_from date not null,
  valid_to date,
  content_hash text not null,
  title text not null,
  data jsonb not null,
  loaded_at timestamptz not null default now(),
  primary key (productenboek_id, version)
);

create table product_version (
  product_id text not null,
  version integer not null,
  productenboek_id text not null,
  valid_from date not null,
  valid_to date,
  content_hash text not null,
  law text not null check (law in ('wmo', 'jeugdwet')),
  productcode text,
  productcategorie text,
  unit text,
  kind text not null,
  name text not null,
  data jsonb not null,
  search tsvector not null,
  loaded_at timestamptz not null default now(),
  primary key (product_id, version)
);
create index product_version_code on product_version (productcode);
create index product_version_validity on product_version (valid_from, valid_to);
create index product_version_search on product_version using gin (search);

-- A withdrawn product: its last version got a valid_to, and no later version exists.
create table catalogue_load (
  id serial primary key,
  loaded_at timestamptz not null default now(),
  effective_from date not null,
  created integer not null,
  changed integer not null,
  withdrawn integer not null,
  unchanged integer not null
);
`,
};
