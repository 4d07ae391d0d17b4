import { ErrorPanel } from "@/components/ui/error-panel";
import type { Permission } from "@/lib/auth/roles";
import { getPageActor, pageAllows } from "@/lib/server/auth/get-page-actor";

/**
 * Server-side gate for a page that needs more than a viewer: a readable refusal instead of
 * a form whose every request would be refused. The API enforces the same permission.
 */
export async function RequirePermission({ permission, refusal, children }: { permission: Permission; refusal: string; children: React.ReactNode }) {
  const result = await getPageActor();
  if (!result.ok) return null;
  if (!pageAllows(result.actor, permission)) return <ErrorPanel title="Admins only" message={refusal} />;
  return <>{children}</>;
}
