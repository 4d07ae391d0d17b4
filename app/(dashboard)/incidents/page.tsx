import { IncidentsView } from "./incidents-view";

export const metadata = { title: "Incidents · Triage" };

export default function IncidentsPage() {
  return <IncidentsView />;
}
