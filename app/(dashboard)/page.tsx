import { OverviewView } from "./overview-view";

export const metadata = { title: "Overview · Triage" };

// Data is fetched by the client view through TanStack Query; the URL holds the state.
export default function OverviewPage() {
  return <OverviewView />;
}
