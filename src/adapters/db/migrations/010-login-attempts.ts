export const m010LoginAttempts = {
  version: 10,
  name: "login-attempts",
  sql: `
-- Every sign-in attempt (docs/decisions.md, "Sign-in limits"): the progressive delay per account + address and the
-- per-account limit are computed from these rows, so they survive a restart and hold across processes.
-- outcome: success, failure (wrong password or unknown account), delayed (refused before the password was checked:
-- the delay for this account + address had not passed), locked (refused: the account is locked), lock (the account
-- reached its limit), unlock (an administrator lifted it; "by" names who).
create table login_attempt (
  id bigserial primary key,
  username text not null,
  address text,
  at timestamptz not null,
  outcome text not null check (outcome in ('success', 'failure', 'delayed', 'locked', 'lock', 'unlock')),
  success boolean not null,
  by_user text
);
create index login_attempt_user on login_attempt (username, at);
create index login_attempt_user_address on login_attempt (username, address, at);
create index login_attempt_at on login_attempt (at);
`,
};
