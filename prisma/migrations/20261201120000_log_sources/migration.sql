-- CreateTable
CREATE TABLE "log_sources" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "index_pattern" TEXT NOT NULL,
    "mapping" JSONB NOT NULL,
    "default_query_fields" JSONB,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "updated_by" TEXT,

    CONSTRAINT "log_sources_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "log_sources_name_key" ON "log_sources"("name");

-- The single log setting becomes the first source, "default", with every saved value and its
-- history (version, when and by whom). Without a saved setting there is no row: the app then
-- reads LOGS_INDEX with the ECS mapping until an admin saves a source.
INSERT INTO "log_sources" ("id", "name", "index_pattern", "mapping", "default_query_fields", "enabled", "version", "created_at", "updated_at", "updated_by")
SELECT md5(random()::text || clock_timestamp()::text)::uuid::text, 'default', "value"->>'indexPattern', "value"->'mapping', "value"->'defaultQueryFields', true, "version", "updated_at", "updated_at", "updated_by"
FROM "app_settings"
WHERE "key" = 'logs';

DELETE FROM "app_settings" WHERE "key" = 'logs';
