import { z } from "zod";
import { SHARE_STATE_VERSION, type ShareViewKind } from "@/lib/schemas/share-link";
import { encodeStrictly } from "@/lib/url-state/share-url";
import { validateUrlState } from "@/lib/url-state/validate-url-state";
import { UNFROZEN_KEYS, VIEW_KINDS, viewKindOf } from "./view-kinds";

export interface StoredViewState {
  kind: string;
  stateVersion: number;
  state: unknown;
}

export interface RestoredView {
  kind: ShareViewKind;
  path: string;
  params: Record<string, string>;
  /** What could not be restored, in words; empty when everything was. */
  notes: string[];
}

// Lenient on purpose: an old link's state is read key by key, so one bad value costs only itself.
const storedStateSchema = z.object({
  params: z.record(z.string(), z.unknown()).default({}),
  pathParams: z.record(z.string(), z.unknown()).default({}),
});

/**
 * Upgrades from older state versions, keyed by the version they read. Version 1 is the first;
 * when a view renames a URL key, add `1: (state) => …` here and bump SHARE_STATE_VERSION.
 */
const UPGRADES: Record<number, (state: z.infer<typeof storedStateSchema>) => z.infer<typeof storedStateSchema>> = {};

/**
 * The view a stored link opens: every setting its view still parses, and a note naming what it
 * could not (a renamed view, a value a newer parser refuses, a key the view no longer has).
 */
export function restoreViewState(stored: StoredViewState): RestoredView {
  const notes: string[] = [];
  const parsed = storedStateSchema.safeParse(stored.state);
  let state = parsed.success ? parsed.data : { params: {}, pathParams: {} };
  if (!parsed.success) notes.push("The link's settings could not be read at all; the overview is shown instead.");
  if (stored.stateVersion > SHARE_STATE_VERSION) notes.push(`This link was made by a newer Triage (state version ${stored.stateVersion}); settings this version does not know were left out.`);
  for (let version = stored.stateVersion; version < SHARE_STATE_VERSION; version += 1) state = UPGRADES[version]?.(state) ?? state;

  const strings = Object.fromEntries(Object.entries(state.params).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
  const nonText = Object.keys(state.params).filter((key) => !(key in strings));
  const pathParams = Object.fromEntries(Object.entries(state.pathParams).filter((entry): entry is [string, string] => typeof entry[1] === "string"));

  let kind = stored.kind as ShareViewKind;
  let definition = viewKindOf(stored.kind);
  let path = definition?.path(pathParams) ?? null;
  if (!definition || path === null) {
    notes.push(definition ? `The ${definition.label.toLowerCase()} this link pointed at (${JSON.stringify(pathParams.id ?? "")}) cannot be opened; the overview of the same time range is shown.` : `This link opens a view Triage no longer has ("${stored.kind}"); the overview of the same time range is shown.`);
    kind = "overview";
    definition = VIEW_KINDS.overview;
    path = "/";
  }

  const known = Object.fromEntries(Object.entries(strings).filter(([key]) => Object.hasOwn(definition.parsers, key) && !UNFROZEN_KEYS.has(key)));
  const unknown = [...nonText, ...Object.keys(strings).filter((key) => !(key in known) && !UNFROZEN_KEYS.has(key))];
  const problems = validateUrlState(definition.parsers, new URLSearchParams(known));
  for (const problem of problems) delete known[problem.stateKey];
  const unread = [...problems.map((problem) => `${problem.urlKey} "${problem.value}"`), ...(parsed.success && stored.kind === kind ? unknown.map((key) => `${key} (no longer a setting of this view)`) : [])];
  if (unread.length) notes.push(`These settings could not be restored: ${unread.join(", ")}. The rest of the view is as it was shared.`);
  return { kind, path, params: known, notes };
}

/** The page URL of a restored view, marked with the link it came from so the view shows the banner. */
export function restoredHref(view: Pick<RestoredView, "path" | "params">, extra: Record<string, string> = {}): string {
  return `${view.path}${encodeStrictly(new URLSearchParams({ ...view.params, ...extra }))}`;
}
