-- Alerts: rules, their schedules, contact points, series state, history, the notification
-- outbox with its delivery attempts, silences and engine outages (issue 10).

-- CreateEnum
CREATE TYPE "AlertSeverity" AS ENUM ('critical', 'warning', 'info');

-- CreateEnum
CREATE TYPE "AlertHandling" AS ENUM ('ok', 'keep', 'alert');

-- CreateEnum
CREATE TYPE "AlertSeriesStatus" AS ENUM ('ok', 'pending', 'firing', 'nodata', 'error');

-- CreateEnum
CREATE TYPE "ContactPointKind" AS ENUM ('webhook', 'slack', 'pagerduty');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('firing', 'resolved', 'outage', 'error');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('pending', 'delivered', 'failed');

-- CreateTable
CREATE TABLE "alert_rules" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "runbook_url" TEXT,
    "labels" JSONB NOT NULL DEFAULT '{}',
    "severity" "AlertSeverity" NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "measure" JSONB NOT NULL,
    "scope" JSONB NOT NULL,
    "condition" JSONB NOT NULL,
    "flapping" JSONB NOT NULL,
    "no_data_handling" "AlertHandling" NOT NULL DEFAULT 'keep',
    "engine_error_handling" "AlertHandling" NOT NULL DEFAULT 'alert',
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "created_by" TEXT,
    "updated_by" TEXT,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_rule_schedules" (
    "rule_id" TEXT NOT NULL,
    "next_evaluation_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_evaluated_at" TIMESTAMP(3),
    "last_duration_ms" INTEGER,
    "last_error" TEXT,
    "error_episode" INTEGER NOT NULL DEFAULT 0,
    "series_capped" BOOLEAN NOT NULL DEFAULT false,
    "evaluations" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "alert_rule_schedules_pkey" PRIMARY KEY ("rule_id")
);

-- CreateTable
CREATE TABLE "contact_points" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "ContactPointKind" NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT,
    "routing_key" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by" TEXT,

    CONSTRAINT "contact_points_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_rule_contact_points" (
    "rule_id" TEXT NOT NULL,
    "contact_point_id" TEXT NOT NULL,

    CONSTRAINT "alert_rule_contact_points_pkey" PRIMARY KEY ("rule_id","contact_point_id")
);

-- CreateTable
CREATE TABLE "alert_series" (
    "id" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "series_key" TEXT NOT NULL,
    "status" "AlertSeriesStatus" NOT NULL DEFAULT 'ok',
    "flapping" BOOLEAN NOT NULL DEFAULT false,
    "last_value" DOUBLE PRECISION,
    "state" JSONB NOT NULL,
    "since" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_evaluated_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "alert_series_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_transitions" (
    "id" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "series_id" TEXT NOT NULL,
    "from_status" "AlertSeriesStatus" NOT NULL,
    "to_status" "AlertSeriesStatus" NOT NULL,
    "value" DOUBLE PRECISION,
    "threshold" DOUBLE PRECISION NOT NULL,
    "flapping" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "evaluated_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_notifications" (
    "id" TEXT NOT NULL,
    "rule_id" TEXT,
    "series_id" TEXT,
    "contact_point_id" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "episode_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_error" TEXT,
    "delivered_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_notifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_attempts" (
    "id" TEXT NOT NULL,
    "notification_id" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "latency_ms" INTEGER NOT NULL,
    "http_status" INTEGER,
    "ok" BOOLEAN NOT NULL,
    "error" TEXT,

    CONSTRAINT "notification_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_silences" (
    "id" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "series_key" TEXT,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',
    "created_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alert_silences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_outages" (
    "id" TEXT NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ended_at" TIMESTAMP(3),
    "message" TEXT NOT NULL,

    CONSTRAINT "alert_outages_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_logs_target_type_target_id_created_at_idx" ON "audit_logs"("target_type", "target_id", "created_at");

-- CreateIndex
CREATE INDEX "alert_rules_enabled_idx" ON "alert_rules"("enabled");

-- CreateIndex
CREATE INDEX "alert_rule_schedules_next_evaluation_at_idx" ON "alert_rule_schedules"("next_evaluation_at");

-- CreateIndex
CREATE UNIQUE INDEX "contact_points_name_key" ON "contact_points"("name");

-- CreateIndex
CREATE INDEX "alert_rule_contact_points_contact_point_id_idx" ON "alert_rule_contact_points"("contact_point_id");

-- CreateIndex
CREATE UNIQUE INDEX "alert_series_rule_id_series_key_key" ON "alert_series"("rule_id", "series_key");

-- CreateIndex
CREATE INDEX "alert_series_status_idx" ON "alert_series"("status");

-- CreateIndex
CREATE UNIQUE INDEX "alert_transitions_series_id_evaluated_at_key" ON "alert_transitions"("series_id", "evaluated_at");

-- CreateIndex
CREATE INDEX "alert_transitions_rule_id_evaluated_at_idx" ON "alert_transitions"("rule_id", "evaluated_at");

-- CreateIndex
CREATE UNIQUE INDEX "alert_notifications_episode_key_kind_contact_point_id_key" ON "alert_notifications"("episode_key", "kind", "contact_point_id");

-- CreateIndex
CREATE INDEX "alert_notifications_status_next_attempt_at_idx" ON "alert_notifications"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "alert_notifications_rule_id_created_at_idx" ON "alert_notifications"("rule_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "notification_attempts_notification_id_attempt_key" ON "notification_attempts"("notification_id", "attempt");

-- CreateIndex
CREATE INDEX "alert_silences_rule_id_ends_at_idx" ON "alert_silences"("rule_id", "ends_at");

-- CreateIndex
CREATE INDEX "alert_outages_ended_at_idx" ON "alert_outages"("ended_at");

-- AddForeignKey
ALTER TABLE "alert_rule_schedules" ADD CONSTRAINT "alert_rule_schedules_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rule_contact_points" ADD CONSTRAINT "alert_rule_contact_points_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_rule_contact_points" ADD CONSTRAINT "alert_rule_contact_points_contact_point_id_fkey" FOREIGN KEY ("contact_point_id") REFERENCES "contact_points"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_series" ADD CONSTRAINT "alert_series_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_transitions" ADD CONSTRAINT "alert_transitions_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_transitions" ADD CONSTRAINT "alert_transitions_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "alert_series"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "alert_series"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_notifications" ADD CONSTRAINT "alert_notifications_contact_point_id_fkey" FOREIGN KEY ("contact_point_id") REFERENCES "contact_points"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_attempts" ADD CONSTRAINT "notification_attempts_notification_id_fkey" FOREIGN KEY ("notification_id") REFERENCES "alert_notifications"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_silences" ADD CONSTRAINT "alert_silences_rule_id_fkey" FOREIGN KEY ("rule_id") REFERENCES "alert_rules"("id") ON DELETE CASCADE ON UPDATE CASCADE;
