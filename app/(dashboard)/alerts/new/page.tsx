import { NewAlertView } from "./new-alert-view";

export const metadata = { title: "New alert rule · Triage" };

export default function NewAlertPage() {
  return <NewAlertView />;
}
