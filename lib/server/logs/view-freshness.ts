import "server-only";
import type { ViewFreshness } from "@/lib/schemas/view-freshness";
import type { AlignedWindow } from "@/lib/time/align-window";
import type { LogContext } from "./log-context";
import type { ViewAnswers } from "./search-incremental";

/** What a view tells its reader about how it was answered (see lib/schemas/view-freshness.ts). */
export function viewFreshness(window: AlignedWindow, answers: Pick<ViewAnswers<string, unknown>, "settledUntil" | "buckets" | "tops">, context: LogContext): ViewFreshness {
  const { tops } = answers;
  return {
    aligned: window.aligned,
    settledUntil: answers.settledUntil.toISOString(),
    buckets: answers.buckets,
    topLists: tops ? { asOf: tops.asOf.toISOString(), from: tops.from.toISOString(), to: tops.to.toISOString(), everySeconds: context.viewCache.options.topListsMs / 1000 } : null,
  };
}
