import "server-only";
import { createLoader } from "nuqs/server";
import type { z } from "zod";
import { logsSearchParams } from "@/app/(dashboard)/logs/search-params";
import { requestSearchParams } from "@/app/(dashboard)/requests/[id]/search-params";
import { overviewSearchParams } from "@/app/(dashboard)/search-params";
import { logSearchParamsSchema } from "@/lib/schemas/log-search";
import { overviewParamsSchema } from "@/lib/schemas/overview";
import { requestDrilldownParamsSchema } from "@/lib/schemas/request-drilldown";
import { SNAPSHOT_MAX_BYTES, SNAPSHOT_MAX_LINES, type ShareViewKind } from "@/lib/schemas/share-link";
import type { FrozenView } from "@/lib/share/freeze-view-state";
import { unprocessable } from "../errors";
import { getLogPage } from "../logs/get-log-page";
import { loadLogContext, loadOneSourceContext } from "../logs/log-context";
import { getOverview } from "../overview/get-overview";
import { getRequestDrilldown } from "../requests/get-request-drilldown";

export interface Snapshot {
  answers: Record<string, unknown>;
  lineCount: number;
  sizeBytes: number;
}

interface CaptureContext {
  signal?: AbortSignal;
  viewer: { id: string };
}

type Capture = (view: FrozenView, context: CaptureContext) => Promise<{ answers: Record<string, unknown>; lineCount: number }>;

/** The view's API input from its frozen URL state, checked by the API's own schema. */
function apiInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw unprocessable(`This view's settings cannot be snapshotted: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return parsed.data;
}

/**
 * What each view's snapshot stores: the answers of the same verbs its API routes call, through a
 * log context (so redacted exactly as the view was). A view without an entry cannot be snapshotted.
 */
const CAPTURES: Partial<Record<ShareViewKind, Capture>> = {
  overview: async (view, { signal }) => {
    const state = createLoader(overviewSearchParams)(new URLSearchParams(view.params));
    const params = apiInput(overviewParamsSchema, { from: state.from, to: state.to, service: state.service, environment: state.environment, source: state.source });
    return { answers: { overview: await getOverview(params, await loadLogContext({ signal, sources: params.source })) }, lineCount: 0 };
  },
  explorer: async (view, { signal, viewer }) => {
    const state = createLoader(logsSearchParams)(new URLSearchParams(view.params));
    const params = apiInput(logSearchParamsSchema, {
      from: state.from, to: state.to, q: state.q, service: state.service, environment: state.environment, level: state.level, status: state.status,
      size: Math.min(state.size, SNAPSHOT_MAX_LINES), order: state.order, source: state.source ?? undefined, cursor: state.cursor ?? undefined,
    });
    const page = await getLogPage(params, await loadOneSourceContext({ signal, source: params.source, viewer }));
    return { answers: { page }, lineCount: page.lines.length };
  },
  request: async (view, { signal }) => {
    const state = createLoader(requestSearchParams)(new URLSearchParams(view.params));
    const params = apiInput(requestDrilldownParamsSchema, {
      id: view.pathParams.id, around: state.around ?? undefined, window: state.window ?? undefined, user: state.user ?? undefined, method: state.method ?? undefined, path: state.path ?? undefined,
    });
    const drilldown = await getRequestDrilldown(params, await loadLogContext({ signal }));
    const logLines = drilldown.logLines.slice(0, SNAPSHOT_MAX_LINES);
    return { answers: { drilldown: { ...drilldown, logLines } }, lineCount: logLines.length };
  },
};

/** Runs the view's queries once and keeps their answers, refused with the numbers when over the cap. */
export async function captureSnapshot(kind: ShareViewKind, view: FrozenView, context: CaptureContext): Promise<Snapshot> {
  const capture = CAPTURES[kind];
  if (!capture) throw unprocessable(`The ${kind} view cannot be kept as a snapshot yet; share it as a link instead.`, { snapshot: "not available for this view" });
  const { answers, lineCount } = await capture(view, context);
  const sizeBytes = Buffer.byteLength(JSON.stringify(answers), "utf8");
  if (sizeBytes > SNAPSHOT_MAX_BYTES) {
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
    throw unprocessable(`This snapshot would be ${mb(sizeBytes)} (${sizeBytes.toLocaleString("en-US")} bytes), over the ${mb(SNAPSHOT_MAX_BYTES)} cap. Show fewer lines or columns, or share a link without a snapshot.`, { snapshot: `${sizeBytes} bytes is over the cap of ${SNAPSHOT_MAX_BYTES}` });
  }
  return { answers, lineCount, sizeBytes };
}
