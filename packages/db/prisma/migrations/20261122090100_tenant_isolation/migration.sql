-- Tenant isolation in the database, not only in code.
--
-- The application runs every unit of work as the role albero_app (SET LOCAL ROLE), which is neither
-- superuser nor BYPASSRLS. Each tenant-owned table has row-level security ENABLEd and FORCEd, with a policy
-- whose USING and WITH CHECK clauses compare chamber_id with the chamber of the unit of work
-- (set_config('app.chamber_id', …, true)). A unit of work without a chamber sees and writes nothing.

DO $$
BEGIN
  CREATE ROLE albero_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION
  -- Roles are cluster-wide: another database on the same server may have created it (concurrently).
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- The migrating (owner) role may switch to albero_app in its units of work.
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT albero_app TO %I', current_user);
  END IF;
END
$$;

-- The chamber and actor of the current unit of work. NULLIF: a setting reset at transaction end reads ''.
CREATE FUNCTION albero_current_chamber() RETURNS uuid
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.chamber_id', true), '')::uuid $$;

CREATE FUNCTION albero_actor_kind() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT NULLIF(current_setting('app.actor_kind', true), '') $$;

GRANT USAGE ON SCHEMA public TO albero_app;
GRANT EXECUTE ON FUNCTION albero_current_chamber(), albero_actor_kind() TO albero_app;

-- Tenant-owned tables: RLS enabled and forced, one policy each.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'chamber_figure', 'org_unit', 'person', 'person_unit', 'cycle', 'cycle_level', 'perspective',
    'plan_node', 'plan_node_unit', 'plan_node_person', 'indicator', 'plan_revision', 'target',
    'variable', 'variable_value', 'monitoring_period', 'measurement', 'score_override', 'report',
    'appraisal', 'audit_event'
  ]
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I USING (chamber_id = albero_current_chamber()) WITH CHECK (chamber_id = albero_current_chamber())',
      t);
    IF t = 'audit_event' THEN
      EXECUTE format('GRANT SELECT, INSERT ON %I TO albero_app', t);
    ELSE
      EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO albero_app', t);
    END IF;
  END LOOP;
END
$$;

-- Chambers: everyone may read the list (names are public); only the platform operator writes.
ALTER TABLE "chamber" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "chamber" FORCE ROW LEVEL SECURITY;
CREATE POLICY chamber_read ON "chamber" FOR SELECT USING (true);
CREATE POLICY chamber_platform_insert ON "chamber" FOR INSERT WITH CHECK (albero_actor_kind() = 'platform');
CREATE POLICY chamber_platform_update ON "chamber" FOR UPDATE
  USING (albero_actor_kind() = 'platform') WITH CHECK (albero_actor_kind() = 'platform');
GRANT SELECT, INSERT, UPDATE ON "chamber" TO albero_app;

-- The system objectives catalogue: read by all, written by Unioncamere (or the platform operator).
ALTER TABLE "system_objective" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "system_objective" FORCE ROW LEVEL SECURITY;
CREATE POLICY system_objective_read ON "system_objective" FOR SELECT USING (true);
CREATE POLICY system_objective_write ON "system_objective" FOR ALL
  USING (albero_actor_kind() IN ('unioncamere', 'platform'))
  WITH CHECK (albero_actor_kind() IN ('unioncamere', 'platform'));
GRANT SELECT, INSERT, UPDATE, DELETE ON "system_objective" TO albero_app;

-- The platform trail: written by every platform-level change, read only by the platform operator.
ALTER TABLE "platform_audit_event" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "platform_audit_event" FORCE ROW LEVEL SECURITY;
CREATE POLICY platform_audit_read ON "platform_audit_event" FOR SELECT USING (albero_actor_kind() = 'platform');
CREATE POLICY platform_audit_insert ON "platform_audit_event" FOR INSERT WITH CHECK (true);
GRANT SELECT, INSERT ON "platform_audit_event" TO albero_app;

GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO albero_app;

-- Optimistic concurrency: every update of a versioned row bumps its version (and updated_at where present),
-- so no write path can forget to; writers compare the version they read (UPDATE … WHERE version = $n).
CREATE FUNCTION albero_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.version := OLD.version + 1;
  RETURN NEW;
END
$$;

CREATE FUNCTION albero_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := CURRENT_TIMESTAMP;
  RETURN NEW;
END
$$;

-- Audit trail: every write to a tenant-owned table, with the actor of the unit of work, before and after.
CREATE FUNCTION albero_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_data jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
  INSERT INTO audit_event (chamber_id, actor_subject, action, entity, entity_id, before, after)
  VALUES (
    (row_data ->> 'chamber_id')::uuid,
    NULLIF(current_setting('app.actor', true), ''),
    lower(TG_OP),
    TG_TABLE_NAME,
    row_data ->> 'id',
    CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
    CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END
  );
  RETURN NULL;
END
$$;

CREATE FUNCTION albero_platform_audit() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  row_data jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
BEGIN
  INSERT INTO platform_audit_event (actor_subject, action, entity, entity_id, before, after)
  VALUES (
    NULLIF(current_setting('app.actor', true), ''),
    lower(TG_OP),
    TG_TABLE_NAME,
    row_data ->> 'id',
    CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
    CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END
  );
  RETURN NULL;
END
$$;

-- The trails are append-only, for the application role and for the owner alike.
CREATE FUNCTION albero_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION albero_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION albero_append_only();
CREATE TRIGGER platform_audit_event_append_only BEFORE UPDATE OR DELETE ON "platform_audit_event"
  FOR EACH ROW EXECUTE FUNCTION albero_append_only();
CREATE TRIGGER platform_audit_event_no_truncate BEFORE TRUNCATE ON "platform_audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION albero_append_only();

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY[
    'chamber_figure', 'org_unit', 'person', 'person_unit', 'cycle', 'cycle_level', 'perspective',
    'plan_node', 'plan_node_unit', 'plan_node_person', 'indicator', 'plan_revision', 'target',
    'variable', 'variable_value', 'monitoring_period', 'measurement', 'score_override', 'report', 'appraisal'
  ]
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION albero_audit()', t || '_audit', t);
  END LOOP;

  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.column_name = 'version' AND c.table_name <> '_prisma_migrations'
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION albero_bump_version()', t || '_version', t);
  END LOOP;

  FOR t IN
    SELECT c.table_name FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND c.column_name = 'updated_at'
  LOOP
    EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON %I FOR EACH ROW EXECUTE FUNCTION albero_touch_updated_at()', t || '_updated_at', t);
  END LOOP;
END
$$;

CREATE TRIGGER chamber_platform_audit AFTER INSERT OR UPDATE OR DELETE ON "chamber"
  FOR EACH ROW EXECUTE FUNCTION albero_platform_audit();
CREATE TRIGGER system_objective_platform_audit AFTER INSERT OR UPDATE OR DELETE ON "system_objective"
  FOR EACH ROW EXECUTE FUNCTION albero_platform_audit();
