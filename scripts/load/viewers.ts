/** Viewers that refresh one view on a fixed cadence, as an auto-refreshing dashboard does. */
export interface ViewerSpec {
  view: string;
  path: string;
}

export interface ViewerSamples {
  view: string;
  latenciesMs: number[];
  errors: { status: number; body: string }[];
}

/**
 * Runs every viewer until `deadline`: each sends its request, waits for the answer, then sleeps
 * until its next slot (refreshMs after the previous start). Starts are spread over the first
 * refresh interval, as real viewers open the page at different moments.
 */
export async function runViewers(baseUrl: string, token: string, viewers: ViewerSpec[], refreshMs: number, deadline: number): Promise<ViewerSamples[]> {
  const byView = new Map<string, ViewerSamples>();
  const samplesOf = (view: string) => byView.get(view) ?? byView.set(view, { view, latenciesMs: [], errors: [] }).get(view)!;
  await Promise.all(
    viewers.map(async (viewer, i) => {
      const into = samplesOf(viewer.view);
      let next = Date.now() + Math.floor((refreshMs * i) / viewers.length);
      while (next < deadline) {
        await sleep(next - Date.now());
        const started = performance.now();
        try {
          const response = await fetch(`${baseUrl}${viewer.path}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) });
          const body = await response.text();
          if (response.ok) into.latenciesMs.push(performance.now() - started);
          else into.errors.push({ status: response.status, body: body.slice(0, 300) });
        } catch (error) {
          into.errors.push({ status: 0, body: error instanceof Error ? error.message : String(error) });
        }
        next += refreshMs;
      }
    }),
  );
  return [...byView.values()];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
