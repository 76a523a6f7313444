export const m007Messages = {
  version: 7,
  name: "messages",
  sql: `
-- Every iWmo/iJw message Kader received or sent, with its raw XML and what became of it (docs/berichten.md,
-- "Verwerken"). rol: the party Kader acts for; richting: in (received) or uit (sent or answered). Every row carries
-- the gemeentecode and the AGB code of the two parties.
create table bericht (
  id bigserial primary key,
  rol text not null check (rol in ('gemeente', 'aanbieder')),
  richting text not null check (richting in ('in', 'uit')),
  gemeentecode text not null check (gemeentecode ~ '^[0-9]{4}$'),
  agb_code text not null check (agb_code ~ '^[0-9]{8}$'),
  wet text not null check (wet in ('wmo', 'jeugdwet')),
  bericht_naam text not null,
  bericht_code text not null,
  afzender text not null,
  ontvanger text not null,
  identificatie text not null,
  dagtekening date,
  bestandsnaam text not null,
  content_hash text not null,
  -- ontvangen, verwerkt, afgekeurd, herhaald, verzonden, geregistreerd
  status text not null,
  retourcodes text[] not null default '{}',
  -- findings in Dutch: [{ "retourcode", "pad", "tekst" }]
  meldingen jsonb not null default '[]',
  samenvatting jsonb not null default '{}',
  antwoord_op bigint references bericht (id),
  antwoord_bestand text,
  xml text not null,
  created_at timestamptz not null
);
create unique index bericht_uniek on bericht (rol, richting, afzender, bericht_code, identificatie, content_hash);
create index bericht_sleutel on bericht (afzender, bericht_code, identificatie);
create index bericht_gemeente on bericht (gemeentecode, id);
create index bericht_aanbieder on bericht (agb_code, id);
create index bericht_antwoord on bericht (antwoord_op);

-- Identificatie of the messages Kader builds
create sequence bericht_identificatie_seq;

-- Starts and stops as reported by 305/307 (the key of TR074/TR382: toewijzing + Begindatum)
create table bericht_levering (
  rol text not null,
  gemeentecode text not null,
  wet text not null,
  toewijzingnummer text not null,
  begindatum date not null,
  agb_code text not null,
  verwijderd boolean not null default false,
  stop_reden text,
  stop_einddatum date,
  updated_at timestamptz not null,
  primary key (rol, gemeentecode, wet, toewijzingnummer, begindatum)
);

-- Verzoeken om toewijzing (315) and om wijziging (317), one row per ReferentieAanbieder
create table bericht_verzoek (
  id bigserial primary key,
  rol text not null check (rol in ('gemeente', 'aanbieder')),
  gemeentecode text not null,
  agb_code text not null,
  wet text not null,
  soort text not null check (soort in ('315', '317')),
  referentie_aanbieder text not null,
  bsn text not null,
  -- open, in-onderzoek, afgewezen, toegewezen
  status text not null,
  bericht_id bigint not null references bericht (id),
  inhoud jsonb not null,
  antwoord jsonb,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (rol, agb_code, wet, referentie_aanbieder)
);
create index bericht_verzoek_gemeente on bericht_verzoek (gemeentecode, status);

-- As aanbieder: the toewijzingen received in 301s (the gemeente's own records stay in the care tables)
create table bericht_toewijzing (
  gemeentecode text not null,
  wet text not null,
  agb_code text not null,
  toewijzingnummer text not null,
  bsn text not null,
  bericht_id bigint not null references bericht (id),
  product jsonb not null,
  updated_at timestamptz not null,
  primary key (gemeentecode, wet, agb_code, toewijzingnummer)
);
`,
};
