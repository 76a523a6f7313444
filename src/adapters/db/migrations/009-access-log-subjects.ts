export const m009AccessLogSubjects = {
  version: 9,
  name: "access-log-subjects",
  sql: `
-- NEN 7513: every access-log row names whose data was read or written. Clients by Kader's client id (never a BSN),
-- the records touched by key ("toewijzing:0106/wmo/123"), and for a list too large to name, its filter and count.
alter table access_log add column subject_client_ids bigint[] not null default '{}';
alter table access_log add column record_ids text[] not null default '{}';
alter table access_log add column subject_filter text;
alter table access_log add column subject_count integer;
-- "who looked at client X": a GIN index on the client ids; per gemeente (own-gemeente reading) the existing
-- (gemeentecode, at) index, and one for the reader's own tenant and for one user's accesses
create index access_log_subject_clients on access_log using gin (subject_client_ids);
create index access_log_tenant on access_log (tenant_code, at);
create index access_log_user on access_log (username, at);
`,
};
