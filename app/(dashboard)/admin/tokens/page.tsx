import { ErrorPanel } from "@/components/ui/error-panel";
import { getPageActor, pageAllows } from "@/lib/server/auth/get-page-actor";
import { TokensView } from "./tokens-view";

export const metadata = { title: "API tokens · Triage" };

export default async function TokensPage() {
  const result = await getPageActor();
  if (!result.ok) return null;
  if (!pageAllows(result.actor, "tokens:manage")) return <ErrorPanel title="Admins only" message="Managing API tokens needs the admin role." />;
  return <TokensView />;
}
