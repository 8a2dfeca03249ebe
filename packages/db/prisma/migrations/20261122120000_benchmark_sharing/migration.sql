-- A chamber decides whether its peers see its name in benchmarks (chamber.share_name_in_benchmark).
--
-- The chamber table is written by the platform operator only (row-level security, 20261122090100). The one
-- write a chamber makes to its own row goes through set_benchmark_name_sharing(), a SECURITY DEFINER function
-- owned by the NOLOGIN role albero_benchmark_sharing, which may update that single column (column privilege)
-- of the unit of work's own chamber (policy), for a chamber user, nothing else. The version and updated_at
-- triggers still run, and the platform trail records the change with the actor of the unit of work.

DO $$
BEGIN
  CREATE ROLE albero_benchmark_sharing NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- The migrating role hands the function over to the role (ALTER FUNCTION … OWNER needs membership).
DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT albero_benchmark_sharing TO %I', current_user);
  END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO albero_benchmark_sharing;
-- Reading the row (WHERE id, version) and writing one column; the triggers set version and updated_at.
GRANT SELECT ("id", "version", "share_name_in_benchmark"), UPDATE ("share_name_in_benchmark") ON "chamber" TO albero_benchmark_sharing;
-- The platform trail trigger writes as the role that updates.
GRANT INSERT ON "platform_audit_event" TO albero_benchmark_sharing;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO albero_benchmark_sharing;
GRANT EXECUTE ON FUNCTION albero_current_chamber(), albero_actor_kind() TO albero_benchmark_sharing;

CREATE POLICY chamber_benchmark_sharing ON "chamber" FOR UPDATE TO albero_benchmark_sharing
  USING (id = albero_current_chamber() AND albero_actor_kind() = 'user')
  WITH CHECK (id = albero_current_chamber() AND albero_actor_kind() = 'user');

-- Sets share_name_in_benchmark of the unit of work's chamber when p_version is its current version; returns
-- the new version. A caller that is not a chamber user: 42501. A stale version: 40001 with the message
-- 'stale version' (the API answers CONFLICT).
CREATE FUNCTION set_benchmark_name_sharing(p_share boolean, p_version int) RETURNS int
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
  v_self uuid := albero_current_chamber();
  v_version int;
BEGIN
  IF albero_actor_kind() IS DISTINCT FROM 'user' OR v_self IS NULL THEN
    RAISE EXCEPTION 'only a chamber''s own users decide whether its name is shared in benchmarks'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE chamber SET share_name_in_benchmark = p_share
   WHERE id = v_self AND version = p_version
  RETURNING version INTO v_version;
  IF v_version IS NULL THEN
    RAISE EXCEPTION 'stale version' USING ERRCODE = 'serialization_failure', DETAIL = 'chamber version is not ' || p_version;
  END IF;
  RETURN v_version;
END
$$;

ALTER FUNCTION set_benchmark_name_sharing(boolean, int) OWNER TO albero_benchmark_sharing;
REVOKE ALL ON FUNCTION set_benchmark_name_sharing(boolean, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION set_benchmark_name_sharing(boolean, int) TO albero_app;
