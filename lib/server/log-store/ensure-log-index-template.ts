import "server-only";
import { buildLogIndexTemplate, LOG_INDEX_TEMPLATE_NAME } from "@/lib/logs/index-template";
import type { LogStore } from "./types";

/**
 * Installs (or overwrites) the log index template; idempotent, so safe at every start-up.
 * Tests pass their own name and a priority that cannot clash with the app's template.
 */
export async function ensureLogIndexTemplate(store: LogStore, indexPattern?: string, options: { name?: string; priority?: number; fields?: Record<string, Record<string, unknown>>; ecs?: boolean } = {}): Promise<void> {
  const template = buildLogIndexTemplate(indexPattern, options.fields, { ecs: options.ecs });
  await store.putIndexTemplate(options.name ?? LOG_INDEX_TEMPLATE_NAME, template.indexPatterns, template.mappings, template.settings, options.priority ?? template.priority);
}
