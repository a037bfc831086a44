-- Published layers (parks, residential land, population, boundaries, points), one row each.
-- The GeoJSON is stored as the text it is served as (validated and normalised on publish), so a
-- read sends it without re-encoding. `revision` is the value of layer_revision when the row was
-- last written: the layer's ETag. layer_revision is bumped by every publish and withdrawal: the
-- ETag of the list. Several server instances share these rows; nothing lives only in a process.
create table layers (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
  name text not null check (length(name) between 1 and 200),
  role text not null check (role in ('parks', 'residential', 'population', 'boundaries', 'points')),
  city_id text,
  -- population layers: the property holding the number of people
  field text,
  features integer not null check (features >= 0),
  geojson text not null,
  revision bigint not null,
  updated_at timestamptz not null default now(),
  updated_by text not null
);

create table layer_revision (
  id integer primary key check (id = 1),
  value bigint not null
);
insert into layer_revision (id, value) values (1, 0);
