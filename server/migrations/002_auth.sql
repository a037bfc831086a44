-- Sign-in: users (scrypt hashes, roles), sessions (only the sha256 of the token is stored) and
-- login failures (the rate limit lives in the database, so several instances share it).
create table users (
  name text primary key,
  role text not null check (role in ('admin', 'editor', 'viewer')),
  password_hash text not null,
  disabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- 'Alice' and 'alice' are one user: sign-in matches names without regard to case.
create unique index users_name_lower on users (lower(name));

create table sessions (
  token_hash text primary key,
  user_name text not null references users (name) on delete cascade on update cascade,
  created_at timestamptz not null,
  last_seen_at timestamptz not null
);
create index sessions_user_name on sessions (user_name);

-- One row per failed sign-in and per key: kind 'name' (the lower-cased user name tried) or
-- 'address' (the client's address). Rows older than the window are pruned on the way.
create table login_failures (
  id bigserial primary key,
  kind text not null check (kind in ('name', 'address')),
  key text not null,
  at timestamptz not null
);
create index login_failures_key_at on login_failures (kind, key, at);
