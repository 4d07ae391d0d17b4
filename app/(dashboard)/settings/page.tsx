import { SettingsView } from "./settings-view";

export const metadata = { title: "Settings · Triage" };

export default function SettingsPage() {
  return <SettingsView />;
}
