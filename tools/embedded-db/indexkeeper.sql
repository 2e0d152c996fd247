-- The index keeper: the one place that knows how FerretDB v1.24 stores a
-- MongoDB database in PostgreSQL (FerretDB's internal/backends/postgresql),
-- and adds the indexes its SQL can use. Installed by indexkeeper.go; why and
-- with what effect: docs/decisions/0007-embedded-postgresql-storage.md.
--
-- FerretDB's layout, as this file relies on it:
--   * a MongoDB database is a PostgreSQL schema of the same name;
--   * the schema holds _ferretdb_database_metadata (_jsonb jsonb), one row per
--     collection: {"_id": <collection>, "table": <table>, "indexes": [{"name",
--     "pgindex", "key": {<field>: 1 | -1, ...}, "unique"}, ...]}, in FerretDB's
--     sjson (every object also carries its type schema under the key "$s");
--   * each collection is a table (_jsonb jsonb), one sjson document a row; an
--     ObjectId is stored as its hex string, a Date as milliseconds;
--   * FerretDB's own indexes are btrees on (_jsonb->'field');
--   * a find's top-level equality becomes  _jsonb->$1 @> $2  ($1 the field
--     name, $2 the value in sjson); a dotted field ("a.b") is never sent to
--     PostgreSQL (embedded FerretDB leaves nested pushdown off) and gets no index.
-- No btree serves @>. A GIN index on the same expression does, once the field
-- name is planned as a constant (plan_cache_mode = force_custom_plan, which the
-- Go program puts in FerretDB's connection URL). So for every key field of every
-- index in the metadata, and for _id, each collection table keeps
--   CREATE INDEX … USING gin ((_jsonb->'field') jsonb_path_ops) WITH (fastupdate = off)
-- (without a pending list, which every lookup would read through until
-- vacuum merges it: findById at 100,000 documents 8 ms with it, 1.5 ms without)
-- named <table>_<field>_<md5 of field, 8 hex>_gin (FerretDB's own end in _idx),
-- and loses the ones no index names any more.
--
-- When: a row trigger on every metadata table (FerretDB writes the row right
-- after each CREATE TABLE / CREATE INDEX / DROP INDEX), attached by an event
-- trigger when FerretDB creates a metadata table, i.e. a new database; and a
-- sweep of everything at start-up. Every step is idempotent. A keeper error
-- is a WARNING, never a failed FerretDB statement: the next sweep repairs.

CREATE SCHEMA IF NOT EXISTS citycare_index_keeper;

-- At most 63 bytes, one name per (table, field), so IF NOT EXISTS is enough.
CREATE OR REPLACE FUNCTION citycare_index_keeper.index_name(tbl text, field text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT format('%s_%s_%s_gin',
    left(tbl, 28),
    left(regexp_replace(lower(field), '[^a-z0-9_]', '_', 'g'), 20),
    left(md5(field), 8))
$$;

-- One collection, from its metadata row.
CREATE OR REPLACE FUNCTION citycare_index_keeper.keep_collection(nsp text, meta jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  tbl text := meta->>'table';
  rel regclass;
  wanted text[] := '{}';
  field text;
  idx text;
BEGIN
  rel := to_regclass(format('%I.%I', nsp, tbl));
  IF rel IS NULL THEN
    RETURN;
  END IF;
  FOR field IN
    SELECT '_id'
    UNION
    SELECT k
    FROM jsonb_array_elements(coalesce(meta->'indexes', '[]')) AS i,
         jsonb_object_keys(i->'key') AS k
    WHERE k <> '$s' AND strpos(k, '.') = 0
  LOOP
    idx := citycare_index_keeper.index_name(tbl, field);
    wanted := wanted || idx;
    -- Built by an earlier keeper with a pending list: build it again.
    IF EXISTS (SELECT 1 FROM pg_class c
               WHERE c.relnamespace = to_regnamespace(quote_ident(nsp)) AND c.relname = idx
                 AND NOT coalesce(c.reloptions @> '{fastupdate=off}', false)) THEN
      EXECUTE format('DROP INDEX %I.%I', nsp, idx);
    END IF;
    -- The expression FerretDB's WHERE clause applies to the field, once the
    -- planner has the field name as a constant.
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON %I.%I USING gin ((_jsonb -> %L::text) jsonb_path_ops) WITH (fastupdate = off)',
      idx, nsp, tbl, field);
  END LOOP;
  FOR idx IN
    SELECT c.relname
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indexrelid
    JOIN pg_am am ON am.oid = c.relam
    WHERE i.indrelid = rel AND am.amname = 'gin'
      AND c.relname ~ '_[0-9a-f]{8}_gin$' AND NOT c.relname = ANY (wanted)
  LOOP
    EXECUTE format('DROP INDEX IF EXISTS %I.%I', nsp, idx);
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION citycare_index_keeper.on_metadata() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  BEGIN
    PERFORM citycare_index_keeper.keep_collection(TG_TABLE_SCHEMA, NEW._jsonb);
  EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'citycare index keeper: %.%: %', TG_TABLE_SCHEMA, NEW._jsonb->>'table', SQLERRM;
  END;
  RETURN NULL;
END
$$;

-- Attaches the row trigger to one database's metadata table.
CREATE OR REPLACE FUNCTION citycare_index_keeper.watch(nsp text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE OR REPLACE TRIGGER citycare_index_keeper
    AFTER INSERT OR UPDATE ON %I._ferretdb_database_metadata
    FOR EACH ROW EXECUTE FUNCTION citycare_index_keeper.on_metadata()', nsp);
END
$$;

CREATE OR REPLACE FUNCTION citycare_index_keeper.on_ddl() RETURNS event_trigger
LANGUAGE plpgsql AS $$
DECLARE
  cmd record;
BEGIN
  FOR cmd IN
    SELECT d.schema_name
    FROM pg_event_trigger_ddl_commands() AS d
    JOIN pg_class c ON c.oid = d.objid
    WHERE d.command_tag = 'CREATE TABLE' AND c.relname = '_ferretdb_database_metadata'
  LOOP
    PERFORM citycare_index_keeper.watch(cmd.schema_name);
  END LOOP;
EXCEPTION WHEN OTHERS THEN
  RAISE WARNING 'citycare index keeper: %', SQLERRM;
END
$$;

-- Every FerretDB database and collection: at start-up, and as the fallback
-- when the event trigger cannot be installed (it needs a superuser).
CREATE OR REPLACE FUNCTION citycare_index_keeper.sweep() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  nsp text;
  meta jsonb;
BEGIN
  FOR nsp IN
    SELECT table_schema FROM information_schema.tables
    WHERE table_name = '_ferretdb_database_metadata'
  LOOP
    PERFORM citycare_index_keeper.watch(nsp);
    FOR meta IN EXECUTE format('SELECT _jsonb FROM %I._ferretdb_database_metadata', nsp) LOOP
      PERFORM citycare_index_keeper.keep_collection(nsp, meta);
    END LOOP;
  END LOOP;
END
$$;

-- True when the event trigger is in place (new databases are watched at once).
CREATE OR REPLACE FUNCTION citycare_index_keeper.install_event_trigger() RETURNS boolean
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_event_trigger WHERE evtname = 'citycare_index_keeper') THEN
    CREATE EVENT TRIGGER citycare_index_keeper ON ddl_command_end
      WHEN TAG IN ('CREATE TABLE')
      EXECUTE FUNCTION citycare_index_keeper.on_ddl();
  END IF;
  RETURN true;
EXCEPTION WHEN insufficient_privilege THEN
  RETURN false;
END
$$;
