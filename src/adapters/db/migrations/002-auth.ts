export const m002Auth = {
  version: 2,
  name: "auth",
  sql: `
create table app_user (
  username text primary key,
  display_name text not null,
  role text not null check (role in ('beheerder', 'contractmanager', 'toegang', 'aanbieder', 'controller')),
  tenant_kind text check (tenant_kind in ('gemeente', 'aanbieder')),
  gemeentecode text check (gemeentecode ~ '^[0-9]{4}$'),
  agb_code text check (agb_code ~ '^[0-9]{8}$'),
  tenant_name text,
  password_hash text not null,
  disabled boolean not null default false,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check ((tenant_kind is null and gemeentecode is null and agb_code is null)
      or (tenant_kind = 'gemeente' and gemeentecode is not null and agb_code is null)
      or (tenant_kind = 'aanbieder' and agb_code is not null and gemeentecode is null))
);

-- server-side sessions: only a digest of the cookie token is stored
create table app_session (
  id_hash text primary key,
  username text not null references app_user (username) on delete cascade,
  csrf_token text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  absolute_expires_at timestamptz not null
);
create index app_session_user on app_session (username);

-- every access to personal data: who, role, tenant, what, the record's tenant, when, where and why
create table access_log (
  id bigserial primary key,
  at timestamptz not null,
  username text,
  role text,
  tenant_kind text,
  tenant_code text,
  resource text not null,
  action text not null,
  gemeentecode text,
  agb_code text,
  endpoint text not null,
  purpose text not null,
  allowed boolean not null,
  reason text
);
create index access_log_gemeente on access_log (gemeentecode, at);
`,
};
