export const m008Conversion = {
  version: 8,
  name: "conversion",
  sql: `
-- Conversion of running toewijzingen to a new productenboek (docs/conversie.md). A conversie is one plan applied in
-- one gemeente; every row carries the gemeentecode.
create table conversie (
  id bigserial primary key,
  plan_id text not null,
  gemeentecode text not null check (gemeentecode ~ '^[0-9]{4}$'),
  plan jsonb not null,
  plan_hash text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (plan_id, gemeentecode)
);

-- The uitvraag answers: one row per toewijzing, replaced by a later upload of the same aanbieder
create table conversie_antwoord (
  conversie_id bigint not null references conversie (id),
  gemeentecode text not null,
  wet text not null check (wet in ('wmo', 'jeugdwet')),
  toewijzingnummer text not null,
  agb_code text not null check (agb_code ~ '^[0-9]{8}$'),
  antwoord jsonb not null,
  upload_id bigint not null,
  received_at timestamptz not null,
  primary key (conversie_id, gemeentecode, wet, toewijzingnummer)
);
create index conversie_antwoord_aanbieder on conversie_antwoord (conversie_id, agb_code);

-- Every accepted upload (a workbook with an error is never stored)
create table conversie_upload (
  id bigserial primary key,
  conversie_id bigint not null references conversie (id),
  gemeentecode text not null,
  agb_code text not null,
  bestandsnaam text not null,
  rijen integer not null,
  door text not null,
  received_at timestamptz not null
);

-- Dry runs (snapshot of every proposal), approvals (of one dry run) and executions (with their report)
create table conversie_run (
  id bigserial primary key,
  conversie_id bigint not null references conversie (id),
  gemeentecode text not null,
  soort text not null check (soort in ('proefrun', 'goedkeuring', 'uitvoering')),
  proefrun_id bigint references conversie_run (id),
  inhoud jsonb not null,
  door text not null,
  at timestamptz not null
);
create index conversie_run_conversie on conversie_run (conversie_id, id);

-- Old toewijzing → new toewijzing: the continuity of the ToewijzingNummer history; the unique key makes a second
-- execution change nothing
create table conversie_koppeling (
  conversie_id bigint not null references conversie (id),
  gemeentecode text not null,
  wet text not null,
  oud_toewijzingnummer text not null,
  doel text not null,
  nieuw_toewijzingnummer text not null,
  client_id bigint not null,
  agb_code text not null,
  run_id bigint not null references conversie_run (id),
  at timestamptz not null,
  primary key (conversie_id, gemeentecode, wet, oud_toewijzingnummer, doel),
  unique (gemeentecode, wet, nieuw_toewijzingnummer)
);

create sequence conversie_bericht_seq;
`,
};
