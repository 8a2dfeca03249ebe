-- The data version of a chamber: a counter bumped by every write to the chamber's rows, in the writing
-- transaction. Writers of one chamber serialise on its counter row until they commit, so a reader that sees
-- version N sees exactly the writes counted up to N: two reads of the same version read the same data. The
-- API keys its response cache on it (apps/api, docs/api.md "Speed"); anything may.
--
-- Statement-level triggers with transition tables bump the counter of every chamber a statement touched,
-- whatever the role (the application role under row-level security, or the owner). A tenant-owned table
-- created after this migration needs the same three triggers (apps/api/test/data-version.test.ts checks).

CREATE TABLE "chamber_data_version" (
    "chamber_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "chamber_data_version_pkey" PRIMARY KEY ("chamber_id")
);

ALTER TABLE "chamber_data_version" ADD CONSTRAINT "chamber_data_version_chamber_id_fkey" FOREIGN KEY ("chamber_id") REFERENCES "chamber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Tenant-owned, like every chamber table (20261122090100_tenant_isolation).
ALTER TABLE "chamber_data_version" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "chamber_data_version" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "chamber_data_version"
  USING (chamber_id = albero_current_chamber()) WITH CHECK (chamber_id = albero_current_chamber());
GRANT SELECT, INSERT, UPDATE, DELETE ON "chamber_data_version" TO albero_app;

CREATE TRIGGER chamber_data_version_audit AFTER INSERT OR UPDATE OR DELETE ON "chamber_data_version"
  FOR EACH ROW EXECUTE FUNCTION albero_audit();
CREATE TRIGGER chamber_data_version_version BEFORE UPDATE ON "chamber_data_version"
  FOR EACH ROW EXECUTE FUNCTION albero_bump_version();
CREATE TRIGGER chamber_data_version_updated_at BEFORE UPDATE ON "chamber_data_version"
  FOR EACH ROW EXECUTE FUNCTION albero_touch_updated_at();

-- `changed` holds the rows a statement inserted or deleted, or their new images for an update; `previous`
-- the old images of an update (a row moved to another chamber changes both chambers).
CREATE FUNCTION albero_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Ordered, so that two statements touching the same chambers lock their counters in the same order.
  INSERT INTO chamber_data_version AS v (chamber_id)
    SELECT DISTINCT chamber_id FROM changed ORDER BY chamber_id
  ON CONFLICT (chamber_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END
$$;

CREATE FUNCTION albero_bump_data_version_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO chamber_data_version AS v (chamber_id)
    SELECT chamber_id FROM (SELECT chamber_id FROM changed UNION SELECT chamber_id FROM previous) touched ORDER BY chamber_id
  ON CONFLICT (chamber_id) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END
$$;

-- Every tenant-owned table but the audit trail (written only alongside another table's write) and the counter.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT DISTINCT c.table_name FROM information_schema.columns c
      JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name AND tb.table_type = 'BASE TABLE'
     WHERE c.table_schema = 'public' AND c.column_name = 'chamber_id'
       AND c.table_name NOT IN ('audit_event', 'chamber_data_version')
     ORDER BY c.table_name
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION albero_bump_data_version()', t || '_data_version_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS previous NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION albero_bump_data_version_update()', t || '_data_version_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION albero_bump_data_version()', t || '_data_version_delete', t);
  END LOOP;
END
$$;

-- Chambers that already hold data start at version 1.
INSERT INTO chamber_data_version (chamber_id) SELECT id FROM chamber ON CONFLICT DO NOTHING;
