-- Facts about the database itself, as key/value text: 'ledger_loaded' (when the first start
-- loaded data/ into it), so that a later start never loads data/ again, even into an empty ledger.
create table meta (
  key text primary key,
  value text not null,
  updated_at timestamptz not null default now()
);
