import { AlertRuleView } from "./alert-rule-view";

export const metadata = { title: "Alert rule · Triage" };

export default async function AlertRulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AlertRuleView id={id} />;
}
