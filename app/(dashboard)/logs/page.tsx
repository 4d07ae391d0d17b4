import { LogsView } from "./logs-view";

export const metadata = { title: "Logs · Triage" };

// The client view reads every piece of state from the URL (see search-params.ts) and fetches through TanStack Query.
export default function LogsPage() {
  return <LogsView />;
}
