import { RequirePermission } from "../require-permission";
import { AuditView } from "./audit-view";

export const metadata = { title: "Audit log · Triage" };

export default function AuditPage() {
  return (
    <RequirePermission permission="audit:read" refusal="The audit log is for admins.">
      <AuditView />
    </RequirePermission>
  );
}
