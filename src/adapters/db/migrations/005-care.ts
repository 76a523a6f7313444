export const m005Care = {
  version: 5,
  name: "care",
  sql: `
-- The care chain. Every row carries the gemeentecode of the municipality it belongs to.
create table client (
  id bigserial primary key,
  gemeentecode text not null check (gemeentecode ~ '^[0-9]{4}$'),
  bsn text not null check (bsn ~ '^[0-9]{9}$'),
  geboortedatum date not null,
  naam text not null,
  -- the name in parts as the iStandaarden carry it (voorletters, voornamen, voorvoegsel, achternaam, geslacht); null when unknown
  naamdelen jsonb,
  adres jsonb not null default '{}',
  demo boolean not null default false,
  created_at timestamptz not null,
  unique (gemeentecode, bsn)
);

create table beschikking (
  id bigserial primary key,
  gemeentecode text not null,
  client_id bigint not null references client (id),
  wet text not null check (wet in ('wmo', 'jeugdwet')),
  beschikkingnummer text not null,
  afgiftedatum date not null,
  ingangsdatum date not null,
  einddatum date not null,
  verwijzer text,
  -- the granted products as proposed, the grant check's findings and any override with its motivation
  producten jsonb not null,
  bevindingen jsonb not null default '[]',
  override jsonb,
  created_by text not null,
  created_at timestamptz not null,
  unique (gemeentecode, beschikkingnummer)
);
create index beschikking_client on beschikking (client_id);

create table toewijzing (
  gemeentecode text not null,
  wet text not null check (wet in ('wmo', 'jeugdwet')),
  toewijzingnummer text not null check (toewijzingnummer ~ '^[0-9]{1,8}$'),
  beschikking_id bigint not null references beschikking (id),
  client_id bigint not null references client (id),
  agb_code text not null check (agb_code ~ '^[0-9]{8}$'),
  product_id text not null,
  productcategorie text,
  productcode text,
  eenheid text not null,
  frequentie text,
  omvang numeric,
  budget_cents bigint,
  toewijzingsdatum date not null,
  ingangsdatum date not null,
  einddatum date,
  status text not null,
  reden_wijziging text,
  startdatum date,
  gedeclareerd_tot date,
  -- the periods care actually ran: [{ "begin", "end" }]
  geleverd jsonb not null default '[]',
  updated_at timestamptz not null,
  primary key (gemeentecode, wet, toewijzingnummer)
);
create index toewijzing_client on toewijzing (client_id);
create index toewijzing_aanbieder on toewijzing (agb_code, wet);

-- every lifecycle event, append-only
create table toewijzing_event (
  id bigserial primary key,
  gemeentecode text not null,
  wet text not null,
  toewijzingnummer text not null,
  event text not null,
  datum date not null,
  reden text,
  by_user text not null,
  recorded_at timestamptz not null
);
create index toewijzing_event_key on toewijzing_event (gemeentecode, wet, toewijzingnummer);

-- declaraties, append-only, with their check results; the same declaratie twice changes nothing
create table declaratie (
  agb_code text not null,
  wet text not null,
  declaratienummer text not null,
  gemeentecode text not null,
  periode_begin date not null,
  periode_eind date not null,
  dagtekening date not null,
  content_hash text not null,
  ingediend_cents bigint not null,
  toegekend_cents bigint not null,
  demo boolean not null default false,
  received_at timestamptz not null,
  primary key (agb_code, wet, declaratienummer)
);
create index declaratie_gemeente on declaratie (gemeentecode, periode_begin);

create table prestatie (
  id bigserial primary key,
  agb_code text not null,
  wet text not null,
  declaratienummer text not null,
  gemeentecode text not null,
  referentienummer text not null,
  vorig_referentienummer text,
  toewijzingnummer text not null,
  client_id bigint,
  begindatum date not null,
  einddatum date not null,
  volume integer not null,
  eenheid text not null,
  tarief_cents bigint not null,
  bedrag_cents bigint not null,
  debet_credit text not null check (debet_credit in ('D', 'C')),
  toegekend boolean not null,
  gecrediteerd boolean not null default false,
  retourcodes text[] not null,
  bevindingen jsonb not null,
  foreign key (agb_code, wet, declaratienummer) references declaratie (agb_code, wet, declaratienummer)
);
create index prestatie_ref on prestatie (agb_code, wet, referentienummer);
create index prestatie_declaratie on prestatie (agb_code, wet, declaratienummer);
create index prestatie_toewijzing on prestatie (gemeentecode, wet, toewijzingnummer);

-- the next toewijzingnummer per gemeente and law
create table toewijzing_teller (
  gemeentecode text not null,
  wet text not null,
  laatste integer not null,
  primary key (gemeentecode, wet)
);
`,
};
