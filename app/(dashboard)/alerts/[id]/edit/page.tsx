import { EditAlertView } from "./edit-alert-view";

export const metadata = { title: "Edit alert rule · Triage" };

export default async function EditAlertPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <EditAlertView id={id} />;
}
