-- The project ledger (data/initiatives.csv's columns), its append-only change history, and the
-- revision counter that every ledger write bumps (the ETag of GET /api/initiatives).

create table initiatives (
  id text primary key,
  name_zh text not null,
  name_en text not null,
  city_id text not null,
  category text not null,
  status text not null,
  start_year integer,
  end_year integer,
  investment_cny double precision,
  investment_qualifier text,
  lon double precision not null,
  lat double precision not null,
  location_precision text not null,
  source text not null,
  confidence text not null,
  description text not null,
  version integer not null default 1,
  updated_at timestamptz not null default now(),
  updated_by text not null,
  deleted boolean not null default false,
  -- the order rows arrived in (the CSV's order for the first load): the list's order
  seq bigint generated always as identity unique
);

create table initiative_history (
  seq bigint generated always as identity primary key,
  initiative_id text not null,
  -- the row's version after this change
  version integer not null,
  at timestamptz not null default now(),
  by_user text not null,
  action text not null check (action in ('create', 'update', 'delete', 'restore')),
  fields jsonb not null,
  note text,
  batch text
);
create index initiative_history_by_row on initiative_history (initiative_id, version);

-- History is append-only in the database itself: no UPDATE, DELETE or TRUNCATE.
create function initiative_history_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'initiative_history is append-only (% refused)', tg_op;
end
$$;
create trigger initiative_history_no_change
  before update or delete on initiative_history
  for each row execute function initiative_history_append_only();
create trigger initiative_history_no_truncate
  before truncate on initiative_history
  for each statement execute function initiative_history_append_only();

-- One row: the ledger's revision, bumped in the same transaction as every ledger write.
create table ledger_revision (
  id integer primary key check (id = 1),
  revision bigint not null
);
insert into ledger_revision (id, revision) values (1, 0);
