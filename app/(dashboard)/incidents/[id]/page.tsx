import { IncidentView } from "./incident-view";

export const metadata = { title: "Incident · Triage" };

export default async function IncidentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <IncidentView id={id} />;
}
