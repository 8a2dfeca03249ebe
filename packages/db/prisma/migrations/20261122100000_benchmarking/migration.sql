-- Cross-chamber benchmarking, with "who sees what" enforced by the database.
--
-- benchmark_value is tenant-owned like every other chamber table (chamber_id first in its key, row-level
-- security forced): a chamber's values are written by triggers in that chamber's own units of work, from its
-- approved measurements of indicators that adopt a Unioncamere system objective (entered once, never twice)
-- and from its account figures (chamber variables) through the fixed financial-health formulas below.
--
-- Reading across chambers is possible only through benchmark_compare(), a SECURITY DEFINER function owned by
-- the NOLOGIN role albero_benchmark, which the policies let read every chamber's benchmark rows and size
-- figures, and nothing else. The function masks identities by actor: Unioncamere sees every chamber named; a
-- chamber sees itself named and its peers anonymised (unless a peer shares its name); the platform operator
-- and the public see nothing. The application role albero_app has no privilege on these tables beyond its
-- own chamber's rows.

DO $$
BEGIN
  CREATE ROLE albero_benchmark NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE NOINHERIT;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

DO $$
BEGIN
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT albero_benchmark TO %I', current_user);
  END IF;
END
$$;

-- What a value is normalised by when compared (counts are compared per 1,000 active firms).
CREATE TYPE "normaliser" AS ENUM ('active_firms');
CREATE TYPE "benchmark_kind" AS ENUM ('system_objective', 'financial_ratio');

ALTER TABLE "system_objective" ADD COLUMN "normaliser" "normaliser";

-- Size classes by active firms, configurable by Unioncamere.
CREATE TABLE "size_class" (
    "code" VARCHAR(32) NOT NULL,
    "label" TEXT NOT NULL,
    "min_active_firms" INTEGER NOT NULL,
    "max_active_firms" INTEGER,
    "position" INTEGER NOT NULL,
    CONSTRAINT "size_class_pkey" PRIMARY KEY ("code"),
    CONSTRAINT "size_class_range" CHECK ("max_active_firms" IS NULL OR "max_active_firms" > "min_active_firms")
);

-- The fixed financial-health ratios (seed 004 "Salute economico finanziaria", Pareto codes of seed 001).
CREATE TABLE "financial_ratio" (
    "code" VARCHAR(32) NOT NULL,
    "title" TEXT NOT NULL,
    "formula" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "direction" "direction" NOT NULL,
    "source" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "financial_ratio_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "benchmark_value" (
    "chamber_id" UUID NOT NULL,
    "kind" "benchmark_kind" NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "year" INTEGER NOT NULL,
    "value" DECIMAL(20,6) NOT NULL,
    "source_indicator_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "benchmark_value_pkey" PRIMARY KEY ("chamber_id", "kind", "code", "year")
);
CREATE INDEX "benchmark_value_kind_code_year_idx" ON "benchmark_value"("kind", "code", "year");
ALTER TABLE "benchmark_value" ADD CONSTRAINT "benchmark_value_chamber_id_fkey" FOREIGN KEY ("chamber_id") REFERENCES "chamber"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A secret that makes the pseudonyms of anonymised chambers impossible to recompute from public data.
CREATE TABLE "benchmark_secret" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "salt" TEXT NOT NULL,
    CONSTRAINT "benchmark_secret_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "benchmark_secret_single_row" CHECK ("id" = 1)
);
INSERT INTO "benchmark_secret" ("id", "salt") VALUES (1, md5(random()::text || clock_timestamp()::text || pg_backend_pid()::text));

INSERT INTO "size_class" ("code", "label", "min_active_firms", "max_active_firms", "position") VALUES
  ('piccola', 'fino a 40.000 imprese attive', 0, 40000, 1),
  ('media', 'da 40.001 a 80.000 imprese attive', 40000, 80000, 2),
  ('grande', 'da 80.001 a 150.000 imprese attive', 80000, 150000, 3),
  ('molto-grande', 'oltre 150.000 imprese attive', 150000, NULL, 4);

INSERT INTO "financial_ratio" ("code", "title", "formula", "unit", "direction", "source", "position") VALUES
  ('EC27', 'Indice di equilibrio strutturale', '(proventi_strutturali - oneri_strutturali) / proventi_strutturali * 100', '%', 'higher_is_better', 'Pareto EC27 (seed 001, azione 7.1.1)', 1),
  ('EC15.2', 'Incidenza oneri di funzionamento, ammortamenti e accantonamenti sugli oneri correnti', '(oneri_funzionamento + ammortamenti_accantonamenti - fondo_svalutazione_crediti_da) / (oneri_correnti - fondo_svalutazione_crediti_da) * 100', '%', 'lower_is_better', 'Pareto EC15.2 (seed 001, azione 7.1.2)', 2),
  ('EC07', 'Capacità di generare proventi', '(proventi_correnti - diritto_annuale - diritti_segreteria - fondo_perequativo) / (proventi_correnti - fondo_svalutazione_crediti_da) * 100', '%', 'higher_is_better', 'Pareto EC07 (seed 001, azione 7.1.3)', 3),
  ('EC05.1', 'Indice di struttura primario', 'patrimonio_netto / immobilizzazioni * 100', '%', 'higher_is_better', 'Pareto EC05.1 (seed 001, azione 9.1.1)', 4),
  ('B3.1_02', 'Percentuale di incasso del diritto annuale', 'diritto_annuale_incassato / diritto_annuale_dovuto * 100', '%', 'higher_is_better', 'Pareto B3.1_02 (seed 001, azione 7.1.4)', 5),
  ('SEF.1', 'Equilibrio economico della gestione corrente', 'oneri_correnti / proventi_correnti * 100', '%', 'lower_is_better', 'Salute economico finanziaria (seed 004)', 6),
  ('SEF.2', 'Equilibrio della gestione complessiva', '(oneri_correnti + oneri_finanziari + oneri_straordinari + svalutazioni) / (proventi_correnti + proventi_finanziari + proventi_straordinari + rivalutazioni) * 100', '%', 'lower_is_better', 'Salute economico finanziaria (seed 004)', 7),
  ('SEF.3', 'Capacità di generare proventi (entrate diverse da diritto annuale e diritti di segreteria)', '(proventi_correnti - (diritto_annuale + diritti_segreteria)) / proventi_correnti * 100', '%', 'higher_is_better', 'Salute economico finanziaria (seed 004)', 8),
  ('SEF.4', 'Rigidità dei costi', '(oneri_personale + oneri_funzionamento + ammortamenti_accantonamenti) / proventi_correnti * 100', '%', 'lower_is_better', 'Salute economico finanziaria (seed 004)', 9),
  ('SEF.5', 'Solidità finanziaria', 'patrimonio_netto / passivo_totale * 100', '%', 'higher_is_better', 'Salute economico finanziaria (seed 004)', 10);

-- Row-level security: benchmark_value is tenant-owned; the benchmark reader role may read every chamber's
-- rows (and nothing else), the application role only its chamber's.
ALTER TABLE "benchmark_value" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "benchmark_value" FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON "benchmark_value"
  USING (chamber_id = albero_current_chamber()) WITH CHECK (chamber_id = albero_current_chamber());
CREATE POLICY benchmark_reader ON "benchmark_value" FOR SELECT TO albero_benchmark USING (true);
GRANT SELECT, INSERT, UPDATE, DELETE ON "benchmark_value" TO albero_app;
GRANT SELECT ON "benchmark_value" TO albero_benchmark;

-- Size figures are read for size classes and per-firm values, by the benchmark reader only.
CREATE POLICY benchmark_reader ON "chamber_figure" FOR SELECT TO albero_benchmark USING (true);
GRANT SELECT ON "chamber_figure" TO albero_benchmark;

ALTER TABLE "size_class" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "size_class" FORCE ROW LEVEL SECURITY;
CREATE POLICY size_class_read ON "size_class" FOR SELECT USING (true);
CREATE POLICY size_class_write ON "size_class" FOR ALL
  USING (albero_actor_kind() IN ('unioncamere', 'platform')) WITH CHECK (albero_actor_kind() IN ('unioncamere', 'platform'));
GRANT SELECT, INSERT, UPDATE, DELETE ON "size_class" TO albero_app;
GRANT SELECT ON "size_class", "financial_ratio", "chamber", "system_objective" TO albero_benchmark;

ALTER TABLE "financial_ratio" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "financial_ratio" FORCE ROW LEVEL SECURITY;
CREATE POLICY financial_ratio_read ON "financial_ratio" FOR SELECT USING (true);
GRANT SELECT ON "financial_ratio" TO albero_app;

-- The salt is readable by the benchmark reader alone.
ALTER TABLE "benchmark_secret" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "benchmark_secret" FORCE ROW LEVEL SECURITY;
CREATE POLICY benchmark_secret_reader ON "benchmark_secret" FOR SELECT TO albero_benchmark USING (true);
GRANT SELECT ON "benchmark_secret" TO albero_benchmark;

CREATE TRIGGER benchmark_value_audit AFTER INSERT OR UPDATE OR DELETE ON "benchmark_value"
  FOR EACH ROW EXECUTE FUNCTION albero_audit();
CREATE TRIGGER benchmark_value_updated_at BEFORE UPDATE ON "benchmark_value"
  FOR EACH ROW EXECUTE FUNCTION albero_touch_updated_at();
CREATE TRIGGER size_class_platform_audit AFTER INSERT OR UPDATE OR DELETE ON "size_class"
  FOR EACH ROW EXECUTE FUNCTION albero_platform_audit();

-- ── Collecting values ────────────────────────────────────────────────────────────────────────────────

-- The benchmark value of one indicator: its latest approved measurement in its cycle, under the code of the
-- system objective it (or its node) adopts. Runs in the chamber's unit of work, under its row-level security.
CREATE FUNCTION albero_refresh_benchmark_indicator(p_chamber uuid, p_indicator uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_code text;
  v_year int;
  v_value numeric;
BEGIN
  SELECT so.code, cy.year INTO v_code, v_year
    FROM indicator i
    JOIN plan_node n ON n.chamber_id = i.chamber_id AND n.id = i.node_id
    JOIN cycle cy ON cy.chamber_id = i.chamber_id AND cy.id = i.cycle_id
    JOIN system_objective so ON so.id = coalesce(i.system_objective_id, n.system_objective_id)
   WHERE i.chamber_id = p_chamber AND i.id = p_indicator;
  IF v_code IS NULL THEN
    DELETE FROM benchmark_value WHERE chamber_id = p_chamber AND kind = 'system_objective' AND source_indicator_id = p_indicator;
    RETURN;
  END IF;
  SELECT m.value_number INTO v_value
    FROM measurement m
    JOIN monitoring_period p ON p.chamber_id = m.chamber_id AND p.id = m.period_id
   WHERE m.chamber_id = p_chamber AND m.indicator_id = p_indicator AND m.status = 'approved' AND m.value_number IS NOT NULL
   ORDER BY p.period_date DESC
   LIMIT 1;
  -- A value that moved to another code (the adoption changed) leaves no stale row behind.
  DELETE FROM benchmark_value
   WHERE chamber_id = p_chamber AND kind = 'system_objective' AND source_indicator_id = p_indicator
     AND (code <> v_code OR year <> v_year OR v_value IS NULL);
  IF v_value IS NOT NULL THEN
    INSERT INTO benchmark_value (chamber_id, kind, code, year, value, source_indicator_id)
    VALUES (p_chamber, 'system_objective', v_code, v_year, v_value, p_indicator)
    ON CONFLICT (chamber_id, kind, code, year)
    DO UPDATE SET value = EXCLUDED.value, source_indicator_id = EXCLUDED.source_indicator_id;
  END IF;
END
$$;

CREATE FUNCTION albero_benchmark_from_measurement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM albero_refresh_benchmark_indicator(OLD.chamber_id, OLD.indicator_id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM albero_refresh_benchmark_indicator(NEW.chamber_id, NEW.indicator_id);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER measurement_benchmark AFTER INSERT OR UPDATE OR DELETE ON "measurement"
  FOR EACH ROW EXECUTE FUNCTION albero_benchmark_from_measurement();

CREATE FUNCTION albero_benchmark_from_indicator() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM albero_refresh_benchmark_indicator(NEW.chamber_id, NEW.id);
  RETURN NULL;
END
$$;
CREATE TRIGGER indicator_benchmark AFTER UPDATE OF system_objective_id ON "indicator"
  FOR EACH ROW EXECUTE FUNCTION albero_benchmark_from_indicator();

CREATE FUNCTION albero_benchmark_from_node() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM albero_refresh_benchmark_indicator(i.chamber_id, i.id)
     FROM indicator i WHERE i.chamber_id = NEW.chamber_id AND i.node_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER plan_node_benchmark AFTER UPDATE OF system_objective_id ON "plan_node"
  FOR EACH ROW EXECUTE FUNCTION albero_benchmark_from_node();

-- The financial-health ratios of a chamber and year, from its account figures: chamber variables whose keys
-- are the operands of the fixed formulas above, valued at 31/12 of the year. A ratio with a missing operand
-- or a zero denominator is missing (no row), never zero.
CREATE FUNCTION albero_refresh_financial_ratios(p_chamber uuid, p_year int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  f jsonb;
  r record;
BEGIN
  SELECT coalesce(jsonb_object_agg(v.key, vv.value), '{}'::jsonb) INTO f
    FROM variable v
    JOIN variable_value vv ON vv.chamber_id = v.chamber_id AND vv.variable_id = v.id
   WHERE v.chamber_id = p_chamber AND vv.period = make_date(p_year, 12, 31);
  FOR r IN
    SELECT code, value FROM (VALUES
      ('EC27', ((f->>'proventi_strutturali')::numeric - (f->>'oneri_strutturali')::numeric) / NULLIF((f->>'proventi_strutturali')::numeric, 0) * 100),
      ('EC15.2', ((f->>'oneri_funzionamento')::numeric + (f->>'ammortamenti_accantonamenti')::numeric - (f->>'fondo_svalutazione_crediti_da')::numeric)
                 / NULLIF((f->>'oneri_correnti')::numeric - (f->>'fondo_svalutazione_crediti_da')::numeric, 0) * 100),
      ('EC07', ((f->>'proventi_correnti')::numeric - (f->>'diritto_annuale')::numeric - (f->>'diritti_segreteria')::numeric - (f->>'fondo_perequativo')::numeric)
               / NULLIF((f->>'proventi_correnti')::numeric - (f->>'fondo_svalutazione_crediti_da')::numeric, 0) * 100),
      ('EC05.1', (f->>'patrimonio_netto')::numeric / NULLIF((f->>'immobilizzazioni')::numeric, 0) * 100),
      ('B3.1_02', (f->>'diritto_annuale_incassato')::numeric / NULLIF((f->>'diritto_annuale_dovuto')::numeric, 0) * 100),
      ('SEF.1', (f->>'oneri_correnti')::numeric / NULLIF((f->>'proventi_correnti')::numeric, 0) * 100),
      ('SEF.2', ((f->>'oneri_correnti')::numeric + (f->>'oneri_finanziari')::numeric + (f->>'oneri_straordinari')::numeric + (f->>'svalutazioni')::numeric)
                / NULLIF((f->>'proventi_correnti')::numeric + (f->>'proventi_finanziari')::numeric + (f->>'proventi_straordinari')::numeric + (f->>'rivalutazioni')::numeric, 0) * 100),
      ('SEF.3', ((f->>'proventi_correnti')::numeric - ((f->>'diritto_annuale')::numeric + (f->>'diritti_segreteria')::numeric)) / NULLIF((f->>'proventi_correnti')::numeric, 0) * 100),
      ('SEF.4', ((f->>'oneri_personale')::numeric + (f->>'oneri_funzionamento')::numeric + (f->>'ammortamenti_accantonamenti')::numeric) / NULLIF((f->>'proventi_correnti')::numeric, 0) * 100),
      ('SEF.5', (f->>'patrimonio_netto')::numeric / NULLIF((f->>'passivo_totale')::numeric, 0) * 100)
    ) AS ratios(code, value)
  LOOP
    IF r.value IS NULL THEN
      DELETE FROM benchmark_value WHERE chamber_id = p_chamber AND kind = 'financial_ratio' AND code = r.code AND year = p_year;
    ELSE
      INSERT INTO benchmark_value (chamber_id, kind, code, year, value)
      VALUES (p_chamber, 'financial_ratio', r.code, p_year, round(r.value, 6))
      ON CONFLICT (chamber_id, kind, code, year) DO UPDATE SET value = EXCLUDED.value;
    END IF;
  END LOOP;
END
$$;

CREATE FUNCTION albero_benchmark_from_variable_value() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND extract(month FROM OLD.period) = 12 AND extract(day FROM OLD.period) = 31 THEN
    PERFORM albero_refresh_financial_ratios(OLD.chamber_id, extract(year FROM OLD.period)::int);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND extract(month FROM NEW.period) = 12 AND extract(day FROM NEW.period) = 31 THEN
    PERFORM albero_refresh_financial_ratios(NEW.chamber_id, extract(year FROM NEW.period)::int);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER variable_value_benchmark AFTER INSERT OR UPDATE OR DELETE ON "variable_value"
  FOR EACH ROW EXECUTE FUNCTION albero_benchmark_from_variable_value();

-- ── Reading across chambers ──────────────────────────────────────────────────────────────────────────

-- Every chamber's value of one indicator (or all, p_code NULL) for a range of years, with the statistics of
-- the compared set (filtered by size class and region), each chamber's rank (1 = best, by the indicator's
-- direction) and percentile (100 = best). Chambers without a value are listed with a NULL value and take
-- no part in the statistics. Identities are masked by the actor of the unit of work.
CREATE FUNCTION benchmark_compare(
  p_kind benchmark_kind,
  p_code text,
  p_from_year int,
  p_to_year int,
  p_size_class text DEFAULT NULL,
  p_region text DEFAULT NULL
) RETURNS TABLE (
  kind benchmark_kind,
  code text,
  year int,
  title text,
  unit text,
  direction direction,
  normaliser normaliser,
  chamber_id uuid,
  chamber_code text,
  chamber_name text,
  label text,
  is_self boolean,
  named boolean,
  synthetic boolean,
  region text,
  size_class text,
  active_firms int,
  value numeric,
  value_per_1000_firms numeric,
  rank int,
  percentile numeric,
  n int,
  minimum numeric,
  q1 numeric,
  median numeric,
  q3 numeric,
  maximum numeric
)
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
#variable_conflict use_column
DECLARE
  v_actor text := albero_actor_kind();
  v_self uuid := albero_current_chamber();
  v_all_named boolean;
BEGIN
  IF v_actor = 'unioncamere' THEN
    v_all_named := true;
  ELSIF v_actor IN ('user', 'system') AND v_self IS NOT NULL THEN
    v_all_named := false;
  ELSE
    RAISE EXCEPTION 'benchmark values are for Unioncamere and for the chambers, not for %', coalesce(v_actor, 'an unidentified actor')
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF p_to_year - p_from_year > 30 THEN
    RAISE EXCEPTION 'a comparison spans at most 30 years' USING ERRCODE = 'invalid_parameter_value';
  END IF;

  RETURN QUERY
  WITH indicators AS (
    -- The indicator-years compared, described once each.
    SELECT k.i_kind, k.i_code, k.i_year,
           coalesce(so.title, fr.title) AS d_title,
           coalesce(so.unit, fr.unit) AS d_unit,
           coalesce(so.direction, fr.direction, 'higher_is_better'::direction) AS d_direction,
           so.normaliser AS d_normaliser
      FROM (SELECT DISTINCT bv.kind AS i_kind, bv.code::text AS i_code, bv.year AS i_year
              FROM benchmark_value bv
             WHERE bv.kind = p_kind AND (p_code IS NULL OR bv.code = p_code) AND bv.year BETWEEN p_from_year AND p_to_year) k
      LEFT JOIN system_objective so ON k.i_kind = 'system_objective' AND so.code = k.i_code AND so.year = k.i_year
      LEFT JOIN financial_ratio fr ON k.i_kind = 'financial_ratio' AND fr.code = k.i_code
  ),
  chambers AS (
    -- Each chamber once: whether the actor may see its name, and its pseudonym otherwise.
    SELECT c.id AS c_id, c.code::text AS c_code, c.name AS c_name, c.region AS c_region, c.synthetic AS c_synthetic,
           (v_all_named OR c.id = v_self OR c.share_name_in_benchmark) AS c_named,
           'Camera ' || upper(substr(md5((SELECT bs.salt FROM benchmark_secret bs WHERE bs.id = 1) || c.id::text), 1, 6)) AS c_alias
      FROM chamber c
     WHERE (c.subscription_status IN ('trial', 'active') OR c.id = v_self)
       AND (p_region IS NULL OR c.region = p_region)
  ),
  chamber_years AS (
    -- Each chamber's size in each compared year: its latest figure up to that year, and the size class.
    SELECT ch.*, y.i_year AS cy_year, fig.active_firms AS c_firms,
           (SELECT sc.code FROM size_class sc
             WHERE fig.active_firms > sc.min_active_firms AND (sc.max_active_firms IS NULL OR fig.active_firms <= sc.max_active_firms)
             ORDER BY sc.position LIMIT 1)::text AS c_size
      FROM chambers ch
     CROSS JOIN (SELECT DISTINCT i.i_year FROM indicators i) y
      LEFT JOIN LATERAL (
        SELECT f.active_firms FROM chamber_figure f
         WHERE f.chamber_id = ch.c_id AND f.year <= y.i_year AND f.active_firms IS NOT NULL
         ORDER BY f.year DESC LIMIT 1
      ) fig ON true
  ),
  filtered AS (
    SELECT i.*, cy.*, bv.value AS v
      FROM indicators i
      JOIN chamber_years cy ON cy.cy_year = i.i_year
      LEFT JOIN benchmark_value bv ON bv.chamber_id = cy.c_id AND bv.kind = i.i_kind AND bv.code = i.i_code AND bv.year = i.i_year
     WHERE p_size_class IS NULL OR cy.c_size = p_size_class
  ),
  ranked AS (
    SELECT f.*,
           CASE WHEN f.v IS NULL THEN NULL
                WHEN f.d_direction = 'lower_is_better'
                  THEN rank() OVER (PARTITION BY f.i_kind, f.i_code, f.i_year, f.v IS NULL ORDER BY f.v ASC)
                ELSE rank() OVER (PARTITION BY f.i_kind, f.i_code, f.i_year, f.v IS NULL ORDER BY f.v DESC) END AS v_rank,
           count(f.v) OVER w AS v_count,
           min(f.v) OVER w AS s_min,
           max(f.v) OVER w AS s_max
      FROM filtered f
    WINDOW w AS (PARTITION BY f.i_kind, f.i_code, f.i_year)
  ),
  quartiles AS (
    SELECT f.i_kind, f.i_code, f.i_year,
           percentile_cont(0.25) WITHIN GROUP (ORDER BY f.v) AS s_q1,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY f.v) AS s_median,
           percentile_cont(0.75) WITHIN GROUP (ORDER BY f.v) AS s_q3
      FROM filtered f
     GROUP BY f.i_kind, f.i_code, f.i_year
  )
  SELECT r.i_kind, r.i_code, r.i_year, r.d_title, r.d_unit, r.d_direction, r.d_normaliser,
         CASE WHEN r.c_named THEN r.c_id END,
         CASE WHEN r.c_named THEN r.c_code END,
         CASE WHEN r.c_named THEN r.c_name END,
         CASE WHEN r.c_named THEN r.c_name ELSE r.c_alias END,
         r.c_id IS NOT DISTINCT FROM v_self,
         r.c_named,
         r.c_synthetic,
         CASE WHEN r.c_named THEN r.c_region END,
         r.c_size,
         CASE WHEN r.c_named THEN r.c_firms END,
         r.v,
         CASE WHEN r.d_normaliser = 'active_firms' AND r.c_firms > 0 THEN round(r.v / r.c_firms * 1000, 6) END,
         r.v_rank::int,
         CASE WHEN r.v IS NULL THEN NULL
              WHEN r.v_count = 1 THEN 100::numeric
              ELSE round((r.v_count - r.v_rank)::numeric / (r.v_count - 1) * 100, 2) END,
         r.v_count::int,
         r.s_min, q.s_q1::numeric, q.s_median::numeric, q.s_q3::numeric, r.s_max
    FROM ranked r
    JOIN quartiles q ON q.i_kind = r.i_kind AND q.i_code = r.i_code AND q.i_year = r.i_year
   ORDER BY 1, 2, 3, 20 NULLS LAST, 11;
END
$$;

ALTER FUNCTION benchmark_compare(benchmark_kind, text, int, int, text, text) OWNER TO albero_benchmark;
REVOKE ALL ON FUNCTION benchmark_compare(benchmark_kind, text, int, int, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION benchmark_compare(benchmark_kind, text, int, int, text, text) TO albero_app;
GRANT EXECUTE ON FUNCTION albero_current_chamber(), albero_actor_kind() TO albero_benchmark;
