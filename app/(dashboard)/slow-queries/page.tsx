import { SlowQueriesView } from "./slow-queries-view";

export const metadata = { title: "Slow queries · Triage" };

// The client view reads its state from the URL (search-params.ts) and fetches through TanStack Query.
export default function SlowQueriesPage() {
  return <SlowQueriesView />;
}
