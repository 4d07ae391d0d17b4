import { ErrorPanel } from "@/components/ui/error-panel";
import { getPageActor, pageAllows } from "@/lib/server/auth/get-page-actor";
import { UsersView } from "./users-view";

export const metadata = { title: "Users · Triage" };

export default async function UsersPage() {
  const result = await getPageActor();
  if (!result.ok) return null;
  if (!pageAllows(result.actor, "users:manage")) return <ErrorPanel title="Admins only" message="Managing users needs the admin role." />;
  return <UsersView />;
}
