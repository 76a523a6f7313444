export const m003Compliance = {
  version: 3,
  name: "compliance",
  sql: `
-- An aanbieder is contracted by several gemeenten (gemeentecodes); its staff rows follow it.
create table aanbieder (
  agb_code text primary key check (agb_code ~ '^[0-9]{8}$'),
  name text not null,
  kvk text check (kvk ~ '^[0-9]{8}$'),
  gemeentecodes text[] not null default '{}',
  evidence jsonb not null default '[]',
  created_at timestamptz not null,
  updated_at timestamptz not null
);
create index aanbieder_gemeenten on aanbieder using gin (gemeentecodes);

-- the staff of an aanbieder as last imported (an import replaces the list as a whole)
create table medewerker (
  id bigserial primary key,
  agb_code text not null references aanbieder (agb_code) on delete cascade,
  position integer not null,
  data jsonb not null,
  imported_at timestamptz not null
);
create index medewerker_aanbieder on medewerker (agb_code, position);
`,
};
