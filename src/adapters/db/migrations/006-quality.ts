export const m006Quality = {
  version: 6,
  name: "quality",
  sql: `
-- The quality-framework library of document 003: reference data (no gemeentecode), replaced as a whole by a load.
create table kwaliteitskader (
  nr integer primary key check (nr between 1 and 15),
  titel text not null,
  status text not null,
  data jsonb not null,
  search tsvector not null
);
create table kwaliteitscriterium (
  kader_nr integer not null references kwaliteitskader (nr) on delete cascade,
  id text not null,
  position integer not null,
  element text not null,
  adressaat text not null,
  aard text not null,
  wetten text[] not null,
  segmenten text[] not null,
  begrippen text[] not null,
  data jsonb not null,
  search tsvector not null,
  primary key (kader_nr, id)
);
create index kwaliteitscriterium_search on kwaliteitscriterium using gin (search);
create index kwaliteitscriterium_segmenten on kwaliteitscriterium using gin (segmenten);
create table kwaliteit_segment (id text primary key, position integer not null, data jsonb not null);
create table kwaliteit_begrip (id text primary key, position integer not null, data jsonb not null);
create table kwaliteit_load (id serial primary key, loaded_at timestamptz not null, content_hash text not null, frameworks integer not null, criteria integer not null);

-- A gemeente's programma van eisen: the draft is editable, published versions are not.
create table pve (
  id text primary key,
  gemeentecode text not null check (gemeentecode ~ '^[0-9]{4}$'),
  concept jsonb not null,
  created_at timestamptz not null,
  created_by text not null,
  updated_at timestamptz not null
);
create index pve_gemeente on pve (gemeentecode);

create table pve_versie (
  pve_id text not null references pve (id),
  versie integer not null check (versie >= 1),
  gemeentecode text not null check (gemeentecode ~ '^[0-9]{4}$'),
  inhoud jsonb not null,
  published_at timestamptz not null,
  published_by text not null,
  primary key (pve_id, versie)
);

-- Published versions and the assessment history are append-only: the database itself refuses changes.
create function kader_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'rij in % kan niet worden gewijzigd of verwijderd (alleen toevoegen)', tg_table_name using errcode = 'P0001';
end
$$;
create trigger pve_versie_append_only before update or delete on pve_versie for each row execute function kader_append_only();

-- the aanbieders invited to answer a published version
create table pve_uitnodiging (
  pve_id text not null,
  versie integer not null,
  agb_code text not null check (agb_code ~ '^[0-9]{8}$'),
  gemeentecode text not null,
  invited_at timestamptz not null,
  invited_by text not null,
  primary key (pve_id, versie, agb_code),
  foreign key (pve_id, versie) references pve_versie (pve_id, versie)
);
create index pve_uitnodiging_aanbieder on pve_uitnodiging (agb_code);

-- the current answer per question, and its review
create table zelfevaluatie_antwoord (
  pve_id text not null,
  versie integer not null,
  agb_code text not null,
  vraag text not null,
  gemeentecode text not null,
  toelichting text not null,
  geldig_van date,
  geldig_tot date,
  status text not null check (status in ('ingediend', 'akkoord', 'aanvullen', 'niet-akkoord')),
  beantwoord_op timestamptz not null,
  beoordeeld_op timestamptz,
  opmerking text,
  primary key (pve_id, versie, agb_code, vraag),
  foreign key (pve_id, versie, agb_code) references pve_uitnodiging (pve_id, versie, agb_code)
);

-- evidence files: the content in the database (bytea), never on a served path; type detected from the bytes
create table zelfevaluatie_bestand (
  id text primary key,
  pve_id text not null,
  versie integer not null,
  agb_code text not null,
  vraag text not null,
  gemeentecode text not null,
  naam text not null,
  mime text not null check (mime in ('application/pdf', 'image/png', 'image/jpeg')),
  grootte integer not null check (grootte > 0 and grootte <= 5242880),
  sha256 text not null,
  inhoud bytea not null,
  uploaded_at timestamptz not null,
  uploaded_by text not null,
  foreign key (pve_id, versie, agb_code) references pve_uitnodiging (pve_id, versie, agb_code)
);
create index zelfevaluatie_bestand_vraag on zelfevaluatie_bestand (pve_id, versie, agb_code, vraag);

-- history: every answer, upload and review, appended
create table zelfevaluatie_gebeurtenis (
  id bigserial primary key,
  pve_id text not null,
  versie integer not null,
  agb_code text not null,
  vraag text not null,
  gemeentecode text not null,
  at timestamptz not null,
  username text not null,
  soort text not null check (soort in ('antwoord', 'bestand', 'beoordeling')),
  data jsonb not null
);
create index zelfevaluatie_gebeurtenis_vraag on zelfevaluatie_gebeurtenis (pve_id, versie, agb_code, vraag, id);
create trigger zelfevaluatie_gebeurtenis_append_only before update or delete on zelfevaluatie_gebeurtenis for each row execute function kader_append_only();
`,
};
