import { ErrorPanel } from "@/components/ui/error-panel";
import { getPageActor, pageAllows } from "@/lib/server/auth/get-page-actor";
import { AuditView } from "./audit-view";

export const metadata = { title: "Audit log · Triage" };

export default async function AuditPage() {
  const result = await getPageActor();
  if (!result.ok) return null;
  if (!pageAllows(result.actor, "audit:read")) return <ErrorPanel title="Admins only" message="The audit log is for admins." />;
  return <AuditView />;
}
