-- Albero: the data model of the performance cycle.
-- Tenant-owned tables carry chamber_id first in their primary key and in every foreign key to another
-- tenant-owned table (distribution column for Citus). Row-level security is added in the next migration.

-- Enums
CREATE TYPE "subscription_status" AS ENUM ('trial', 'active', 'suspended', 'cancelled');
CREATE TYPE "direction" AS ENUM ('higher_is_better', 'lower_is_better');
CREATE TYPE "unit_kind" AS ENUM ('area', 'servizio', 'ufficio', 'uo', 'azienda_speciale', 'staff', 'segreteria');
CREATE TYPE "cycle_state" AS ENUM ('draft', 'approved', 'monitoring', 'closed', 'published');
CREATE TYPE "level_kind" AS ENUM ('perspective', 'area', 'strategic', 'program', 'operational', 'action', 'individual');
CREATE TYPE "aggregation" AS ENUM ('weighted_mean', 'simple_mean');
CREATE TYPE "operator" AS ENUM ('gte', 'gt', 'lte', 'lt', 'eq');
CREATE TYPE "assignment_role" AS ENUM ('owner', 'contributor');
CREATE TYPE "value_type" AS ENUM ('number', 'date', 'boolean', 'qualitative');
CREATE TYPE "scoring_method" AS ENUM ('step', 'proportional', 'binary', 'deadline', 'bands', 'qualitative');
CREATE TYPE "frequency" AS ENUM ('annual', 'semiannual', 'quarterly', 'monthly');
CREATE TYPE "period_state" AS ENUM ('planned', 'open', 'closed');
CREATE TYPE "measurement_status" AS ENUM ('draft', 'submitted', 'approved', 'rejected');
CREATE TYPE "override_by" AS ENUM ('oiv', 'chamber_admin');
CREATE TYPE "report_kind" AS ENUM ('piano', 'relazione');
CREATE TYPE "report_state" AS ENUM ('draft', 'validated', 'published');

-- Shared tables
CREATE TABLE "chamber" (
    "id" UUID NOT NULL,
    "code" VARCHAR(6) NOT NULL,
    "name" TEXT NOT NULL,
    "region" TEXT,
    "seats" TEXT[],
    "subscription_status" "subscription_status" NOT NULL DEFAULT 'trial',
    "subscribed_at" TIMESTAMPTZ(3),
    "suspended_at" TIMESTAMPTZ(3),
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "share_name_in_benchmark" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "chamber_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "chamber_code_format" CHECK ("code" ~ '^[A-Z]{2,6}$')
);
CREATE UNIQUE INDEX "chamber_code_key" ON "chamber"("code");

CREATE TABLE "system_objective" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "code" VARCHAR(32) NOT NULL,
    "title" TEXT NOT NULL,
    "algorithm" TEXT,
    "formula" TEXT,
    "unit" TEXT,
    "direction" "direction" NOT NULL DEFAULT 'higher_is_better',
    "default_target" DECIMAL(20,6),
    "published_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "system_objective_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "system_objective_year_code_key" ON "system_objective"("year", "code");

CREATE TABLE "platform_audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_subject" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    CONSTRAINT "platform_audit_event_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "platform_audit_event_at_idx" ON "platform_audit_event"("at");

-- Tenant-owned tables
CREATE TABLE "chamber_figure" (
    "chamber_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "active_firms" INTEGER,
    "source" TEXT,
    CONSTRAINT "chamber_figure_pkey" PRIMARY KEY ("chamber_id", "year"),
    CONSTRAINT "chamber_figure_active_firms_check" CHECK ("active_firms" IS NULL OR "active_firms" >= 0)
);

CREATE TABLE "org_unit" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "parent_id" UUID,
    "code" VARCHAR(64) NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "unit_kind" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("chamber_id", "id"),
    CONSTRAINT "org_unit_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id")
);
CREATE UNIQUE INDEX "org_unit_chamber_id_code_key" ON "org_unit"("chamber_id", "code");

CREATE TABLE "person" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "subject" TEXT,
    "username" VARCHAR(128) NOT NULL,
    "display_name" TEXT NOT NULL,
    "email" TEXT,
    "position" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "person_pkey" PRIMARY KEY ("chamber_id", "id")
);
CREATE UNIQUE INDEX "person_chamber_id_username_key" ON "person"("chamber_id", "username");
CREATE UNIQUE INDEX "person_chamber_id_subject_key" ON "person"("chamber_id", "subject");

CREATE TABLE "person_unit" (
    "chamber_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "head" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "person_unit_pkey" PRIMARY KEY ("chamber_id", "person_id", "unit_id")
);
CREATE INDEX "person_unit_chamber_id_unit_id_idx" ON "person_unit"("chamber_id", "unit_id");

CREATE TABLE "cycle" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "horizon_start" INTEGER NOT NULL,
    "horizon_end" INTEGER NOT NULL,
    "state" "cycle_state" NOT NULL DEFAULT 'draft',
    "resolution_number" TEXT,
    "resolution_date" DATE,
    "resolution_body" TEXT,
    "previous_cycle_id" UUID,
    "smvp" JSONB NOT NULL,
    "document" TEXT,
    "source_checksum" TEXT,
    "notes" TEXT[],
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "cycle_pkey" PRIMARY KEY ("chamber_id", "id"),
    CONSTRAINT "cycle_horizon_check" CHECK ("horizon_start" <= "year" AND "year" <= "horizon_end")
);
CREATE UNIQUE INDEX "cycle_chamber_id_year_key" ON "cycle"("chamber_id", "year");

CREATE TABLE "cycle_level" (
    "chamber_id" UUID NOT NULL,
    "cycle_id" UUID NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "level_kind" NOT NULL,
    "aggregation" "aggregation" NOT NULL DEFAULT 'weighted_mean',
    CONSTRAINT "cycle_level_pkey" PRIMARY KEY ("chamber_id", "cycle_id", "key")
);

CREATE TABLE "perspective" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cycle_id" UUID NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    CONSTRAINT "perspective_pkey" PRIMARY KEY ("chamber_id", "id")
);
CREATE UNIQUE INDEX "perspective_chamber_id_cycle_id_key_key" ON "perspective"("chamber_id", "cycle_id", "key");

CREATE TABLE "plan_node" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cycle_id" UUID NOT NULL,
    "parent_id" UUID,
    "level_key" VARCHAR(64) NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "weight" DECIMAL(9,4) NOT NULL DEFAULT 100,
    "position" INTEGER NOT NULL,
    "perspective_id" UUID,
    "previous_node_id" UUID,
    "system_objective_id" UUID,
    "achievement_operator" "operator",
    "achievement_value" DECIMAL(20,6),
    "published_score" DECIMAL(9,4),
    "published_achievement" DECIMAL(9,4),
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "plan_node_pkey" PRIMARY KEY ("chamber_id", "id"),
    CONSTRAINT "plan_node_weight_check" CHECK ("weight" >= 0 AND "weight" <= 100),
    CONSTRAINT "plan_node_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"),
    CONSTRAINT "plan_node_achievement_check" CHECK (("achievement_operator" IS NULL) = ("achievement_value" IS NULL))
);
CREATE UNIQUE INDEX "plan_node_chamber_id_cycle_id_code_key" ON "plan_node"("chamber_id", "cycle_id", "code");
CREATE INDEX "plan_node_chamber_id_cycle_id_parent_id_idx" ON "plan_node"("chamber_id", "cycle_id", "parent_id");

CREATE TABLE "plan_node_unit" (
    "chamber_id" UUID NOT NULL,
    "node_id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    CONSTRAINT "plan_node_unit_pkey" PRIMARY KEY ("chamber_id", "node_id", "unit_id")
);
CREATE INDEX "plan_node_unit_chamber_id_unit_id_idx" ON "plan_node_unit"("chamber_id", "unit_id");

CREATE TABLE "plan_node_person" (
    "chamber_id" UUID NOT NULL,
    "node_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "role" "assignment_role" NOT NULL DEFAULT 'contributor',
    CONSTRAINT "plan_node_person_pkey" PRIMARY KEY ("chamber_id", "node_id", "person_id")
);
CREATE INDEX "plan_node_person_chamber_id_person_id_idx" ON "plan_node_person"("chamber_id", "person_id");

CREATE TABLE "indicator" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cycle_id" UUID NOT NULL,
    "node_id" UUID NOT NULL,
    "code" VARCHAR(64),
    "name" TEXT NOT NULL,
    "algorithm" TEXT,
    "formula" TEXT,
    "rollup_children" BOOLEAN NOT NULL DEFAULT false,
    "unit" TEXT,
    "value_type" "value_type" NOT NULL DEFAULT 'number',
    "typology" TEXT,
    "direction" "direction" NOT NULL DEFAULT 'higher_is_better',
    "scoring_method" "scoring_method",
    "scoring_bands" JSONB,
    "tolerance_absolute" DECIMAL(20,6),
    "tolerance_relative" DECIMAL(9,4),
    "tolerance_reason" TEXT,
    "weight" DECIMAL(9,4) NOT NULL DEFAULT 100,
    "position" INTEGER NOT NULL,
    "data_source" TEXT,
    "frequency" "frequency",
    "responsible" TEXT,
    "system_objective_id" UUID,
    "baseline_number" DECIMAL(20,6),
    "baseline_date" DATE,
    "baseline_boolean" BOOLEAN,
    "baseline_year" INTEGER,
    "baseline_label" TEXT,
    "published_score" DECIMAL(9,4),
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "indicator_pkey" PRIMARY KEY ("chamber_id", "id"),
    CONSTRAINT "indicator_weight_check" CHECK ("weight" >= 0 AND "weight" <= 100),
    CONSTRAINT "indicator_formula_or_rollup" CHECK (NOT ("rollup_children" AND "formula" IS NOT NULL)),
    CONSTRAINT "indicator_tolerance_reason" CHECK (("tolerance_absolute" IS NULL AND "tolerance_relative" IS NULL) OR length(trim("tolerance_reason")) > 0)
);
CREATE INDEX "indicator_chamber_id_node_id_idx" ON "indicator"("chamber_id", "node_id");
CREATE INDEX "indicator_chamber_id_cycle_id_idx" ON "indicator"("chamber_id", "cycle_id");

CREATE TABLE "plan_revision" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cycle_id" UUID NOT NULL,
    "revised_on" DATE NOT NULL,
    "reason" TEXT NOT NULL,
    "resolution_number" TEXT,
    "resolution_date" DATE,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "plan_revision_pkey" PRIMARY KEY ("chamber_id", "id"),
    CONSTRAINT "plan_revision_reason_check" CHECK (length(trim("reason")) > 0)
);

CREATE TABLE "target" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "indicator_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "revision_id" UUID,
    "operator" "operator" NOT NULL DEFAULT 'gte',
    "value_number" DECIMAL(20,6),
    "value_date" DATE,
    "value_boolean" BOOLEAN,
    "relative_to_baseline" BOOLEAN NOT NULL DEFAULT false,
    "threshold80_number" DECIMAL(20,6),
    "threshold80_date" DATE,
    "threshold60_number" DECIMAL(20,6),
    "threshold60_date" DATE,
    "label" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "target_pkey" PRIMARY KEY ("chamber_id", "id"),
    CONSTRAINT "target_one_value" CHECK (num_nonnulls("value_number", "value_date", "value_boolean") = 1)
);
CREATE INDEX "target_chamber_id_indicator_id_year_idx" ON "target"("chamber_id", "indicator_id", "year");
-- One original target per indicator and year; each revision adds at most one more.
CREATE UNIQUE INDEX "target_original_unique" ON "target"("chamber_id", "indicator_id", "year") WHERE "revision_id" IS NULL;
CREATE UNIQUE INDEX "target_revision_unique" ON "target"("chamber_id", "indicator_id", "year", "revision_id") WHERE "revision_id" IS NOT NULL;

CREATE TABLE "variable" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "name" TEXT NOT NULL,
    "unit" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "variable_pkey" PRIMARY KEY ("chamber_id", "id")
);
CREATE UNIQUE INDEX "variable_chamber_id_key_key" ON "variable"("chamber_id", "key");

CREATE TABLE "variable_value" (
    "chamber_id" UUID NOT NULL,
    "variable_id" UUID NOT NULL,
    "period" DATE NOT NULL,
    "value" DECIMAL(20,6) NOT NULL,
    "source" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "variable_value_pkey" PRIMARY KEY ("chamber_id", "variable_id", "period")
);

CREATE TABLE "monitoring_period" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cycle_id" UUID NOT NULL,
    "period_date" DATE NOT NULL,
    "state" "period_state" NOT NULL DEFAULT 'planned',
    "due_date" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "monitoring_period_pkey" PRIMARY KEY ("chamber_id", "id")
);
CREATE UNIQUE INDEX "monitoring_period_chamber_id_cycle_id_period_date_key" ON "monitoring_period"("chamber_id", "cycle_id", "period_date");

CREATE TABLE "measurement" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "indicator_id" UUID NOT NULL,
    "period_id" UUID NOT NULL,
    "value_number" DECIMAL(20,6),
    "value_date" DATE,
    "value_boolean" BOOLEAN,
    "inputs" JSONB,
    "label" TEXT,
    "note" TEXT,
    "evidence" TEXT,
    "status" "measurement_status" NOT NULL DEFAULT 'draft',
    "entered_by" TEXT,
    "entered_at" TIMESTAMPTZ(3),
    "submitted_by" TEXT,
    "submitted_at" TIMESTAMPTZ(3),
    "reviewed_by" TEXT,
    "reviewed_at" TIMESTAMPTZ(3),
    "rejection_reason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "measurement_pkey" PRIMARY KEY ("chamber_id", "id"),
    CONSTRAINT "measurement_at_most_one_value" CHECK (num_nonnulls("value_number", "value_date", "value_boolean") <= 1),
    CONSTRAINT "measurement_rejection_reason" CHECK ("status" <> 'rejected' OR length(trim(coalesce("rejection_reason", ''))) > 0)
);
CREATE UNIQUE INDEX "measurement_chamber_id_indicator_id_period_id_key" ON "measurement"("chamber_id", "indicator_id", "period_id");
CREATE INDEX "measurement_chamber_id_period_id_idx" ON "measurement"("chamber_id", "period_id");

CREATE TABLE "score_override" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cycle_id" UUID NOT NULL,
    "node_id" UUID,
    "indicator_id" UUID,
    "score" DECIMAL(9,4) NOT NULL,
    "reason" TEXT NOT NULL,
    "by" "override_by" NOT NULL DEFAULT 'oiv',
    "set_by" TEXT,
    "set_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "score_override_pkey" PRIMARY KEY ("chamber_id", "id"),
    CONSTRAINT "score_override_one_target" CHECK (num_nonnulls("node_id", "indicator_id") = 1),
    CONSTRAINT "score_override_score_range" CHECK ("score" >= 0 AND "score" <= 100),
    CONSTRAINT "score_override_reason_required" CHECK (length(trim("reason")) > 0)
);
CREATE INDEX "score_override_chamber_id_cycle_id_idx" ON "score_override"("chamber_id", "cycle_id");
-- At most one active override per node or indicator.
CREATE UNIQUE INDEX "score_override_active_node" ON "score_override"("chamber_id", "node_id") WHERE "revoked_at" IS NULL AND "node_id" IS NOT NULL;
CREATE UNIQUE INDEX "score_override_active_indicator" ON "score_override"("chamber_id", "indicator_id") WHERE "revoked_at" IS NULL AND "indicator_id" IS NOT NULL;

CREATE TABLE "report" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cycle_id" UUID NOT NULL,
    "kind" "report_kind" NOT NULL,
    "state" "report_state" NOT NULL DEFAULT 'draft',
    "validated_by" TEXT,
    "validated_at" TIMESTAMPTZ(3),
    "published_at" TIMESTAMPTZ(3),
    "snapshot" JSONB,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "report_pkey" PRIMARY KEY ("chamber_id", "id")
);
CREATE UNIQUE INDEX "report_chamber_id_cycle_id_kind_key" ON "report"("chamber_id", "cycle_id", "kind");

CREATE TABLE "appraisal" (
    "chamber_id" UUID NOT NULL,
    "id" UUID NOT NULL,
    "cycle_id" UUID NOT NULL,
    "person_id" UUID NOT NULL,
    "role_profile" TEXT NOT NULL,
    "behaviour_score" DECIMAL(9,4),
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "appraisal_pkey" PRIMARY KEY ("chamber_id", "id"),
    CONSTRAINT "appraisal_behaviour_range" CHECK ("behaviour_score" IS NULL OR ("behaviour_score" >= 0 AND "behaviour_score" <= 100))
);
CREATE UNIQUE INDEX "appraisal_chamber_id_cycle_id_person_id_key" ON "appraisal"("chamber_id", "cycle_id", "person_id");

CREATE TABLE "audit_event" (
    "chamber_id" UUID NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_subject" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entity_id" TEXT,
    "before" JSONB,
    "after" JSONB,
    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("chamber_id", "id")
);
CREATE INDEX "audit_event_chamber_id_entity_entity_id_idx" ON "audit_event"("chamber_id", "entity", "entity_id");

-- Foreign keys: tenant-owned tables reference each other through (chamber_id, id).
ALTER TABLE "chamber_figure" ADD CONSTRAINT "chamber_figure_chamber_id_fkey" FOREIGN KEY ("chamber_id") REFERENCES "chamber"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_chamber_id_fkey" FOREIGN KEY ("chamber_id") REFERENCES "chamber"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_chamber_id_parent_id_fkey" FOREIGN KEY ("chamber_id", "parent_id") REFERENCES "org_unit"("chamber_id", "id") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "person" ADD CONSTRAINT "person_chamber_id_fkey" FOREIGN KEY ("chamber_id") REFERENCES "chamber"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "person_unit" ADD CONSTRAINT "person_unit_chamber_id_person_id_fkey" FOREIGN KEY ("chamber_id", "person_id") REFERENCES "person"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "person_unit" ADD CONSTRAINT "person_unit_chamber_id_unit_id_fkey" FOREIGN KEY ("chamber_id", "unit_id") REFERENCES "org_unit"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cycle" ADD CONSTRAINT "cycle_chamber_id_fkey" FOREIGN KEY ("chamber_id") REFERENCES "chamber"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "cycle" ADD CONSTRAINT "cycle_chamber_id_previous_cycle_id_fkey" FOREIGN KEY ("chamber_id", "previous_cycle_id") REFERENCES "cycle"("chamber_id", "id") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "cycle_level" ADD CONSTRAINT "cycle_level_chamber_id_cycle_id_fkey" FOREIGN KEY ("chamber_id", "cycle_id") REFERENCES "cycle"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "perspective" ADD CONSTRAINT "perspective_chamber_id_cycle_id_fkey" FOREIGN KEY ("chamber_id", "cycle_id") REFERENCES "cycle"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_node" ADD CONSTRAINT "plan_node_chamber_id_cycle_id_fkey" FOREIGN KEY ("chamber_id", "cycle_id") REFERENCES "cycle"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_node" ADD CONSTRAINT "plan_node_chamber_id_cycle_id_level_key_fkey" FOREIGN KEY ("chamber_id", "cycle_id", "level_key") REFERENCES "cycle_level"("chamber_id", "cycle_id", "key") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "plan_node" ADD CONSTRAINT "plan_node_chamber_id_parent_id_fkey" FOREIGN KEY ("chamber_id", "parent_id") REFERENCES "plan_node"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_node" ADD CONSTRAINT "plan_node_chamber_id_perspective_id_fkey" FOREIGN KEY ("chamber_id", "perspective_id") REFERENCES "perspective"("chamber_id", "id") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "plan_node" ADD CONSTRAINT "plan_node_chamber_id_previous_node_id_fkey" FOREIGN KEY ("chamber_id", "previous_node_id") REFERENCES "plan_node"("chamber_id", "id") ON DELETE SET NULL ("previous_node_id") ON UPDATE CASCADE;
ALTER TABLE "plan_node" ADD CONSTRAINT "plan_node_system_objective_id_fkey" FOREIGN KEY ("system_objective_id") REFERENCES "system_objective"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "plan_node_unit" ADD CONSTRAINT "plan_node_unit_chamber_id_node_id_fkey" FOREIGN KEY ("chamber_id", "node_id") REFERENCES "plan_node"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_node_unit" ADD CONSTRAINT "plan_node_unit_chamber_id_unit_id_fkey" FOREIGN KEY ("chamber_id", "unit_id") REFERENCES "org_unit"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_node_person" ADD CONSTRAINT "plan_node_person_chamber_id_node_id_fkey" FOREIGN KEY ("chamber_id", "node_id") REFERENCES "plan_node"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "plan_node_person" ADD CONSTRAINT "plan_node_person_chamber_id_person_id_fkey" FOREIGN KEY ("chamber_id", "person_id") REFERENCES "person"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_chamber_id_cycle_id_fkey" FOREIGN KEY ("chamber_id", "cycle_id") REFERENCES "cycle"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_chamber_id_node_id_fkey" FOREIGN KEY ("chamber_id", "node_id") REFERENCES "plan_node"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_system_objective_id_fkey" FOREIGN KEY ("system_objective_id") REFERENCES "system_objective"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "plan_revision" ADD CONSTRAINT "plan_revision_chamber_id_cycle_id_fkey" FOREIGN KEY ("chamber_id", "cycle_id") REFERENCES "cycle"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "target" ADD CONSTRAINT "target_chamber_id_indicator_id_fkey" FOREIGN KEY ("chamber_id", "indicator_id") REFERENCES "indicator"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "target" ADD CONSTRAINT "target_chamber_id_revision_id_fkey" FOREIGN KEY ("chamber_id", "revision_id") REFERENCES "plan_revision"("chamber_id", "id") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "variable" ADD CONSTRAINT "variable_chamber_id_fkey" FOREIGN KEY ("chamber_id") REFERENCES "chamber"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "variable_value" ADD CONSTRAINT "variable_value_chamber_id_variable_id_fkey" FOREIGN KEY ("chamber_id", "variable_id") REFERENCES "variable"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "monitoring_period" ADD CONSTRAINT "monitoring_period_chamber_id_cycle_id_fkey" FOREIGN KEY ("chamber_id", "cycle_id") REFERENCES "cycle"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "measurement" ADD CONSTRAINT "measurement_chamber_id_indicator_id_fkey" FOREIGN KEY ("chamber_id", "indicator_id") REFERENCES "indicator"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "measurement" ADD CONSTRAINT "measurement_chamber_id_period_id_fkey" FOREIGN KEY ("chamber_id", "period_id") REFERENCES "monitoring_period"("chamber_id", "id") ON DELETE NO ACTION ON UPDATE CASCADE;
ALTER TABLE "score_override" ADD CONSTRAINT "score_override_chamber_id_cycle_id_fkey" FOREIGN KEY ("chamber_id", "cycle_id") REFERENCES "cycle"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "score_override" ADD CONSTRAINT "score_override_chamber_id_node_id_fkey" FOREIGN KEY ("chamber_id", "node_id") REFERENCES "plan_node"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "score_override" ADD CONSTRAINT "score_override_chamber_id_indicator_id_fkey" FOREIGN KEY ("chamber_id", "indicator_id") REFERENCES "indicator"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report" ADD CONSTRAINT "report_chamber_id_cycle_id_fkey" FOREIGN KEY ("chamber_id", "cycle_id") REFERENCES "cycle"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "appraisal" ADD CONSTRAINT "appraisal_chamber_id_cycle_id_fkey" FOREIGN KEY ("chamber_id", "cycle_id") REFERENCES "cycle"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "appraisal" ADD CONSTRAINT "appraisal_chamber_id_person_id_fkey" FOREIGN KEY ("chamber_id", "person_id") REFERENCES "person"("chamber_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_chamber_id_fkey" FOREIGN KEY ("chamber_id") REFERENCES "chamber"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
