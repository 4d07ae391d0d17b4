import { AlertsView } from "./alerts-view";

export const metadata = { title: "Alerts · Triage" };

// The client view reads its filters from the URL (search-params.ts) and fetches through TanStack Query.
export default function AlertsPage() {
  return <AlertsView />;
}
