import { RequirePermission } from "../require-permission";
import { TokensView } from "./tokens-view";

export const metadata = { title: "API tokens · Triage" };

export default function TokensPage() {
  return (
    <RequirePermission permission="tokens:manage" refusal="Managing API tokens needs the admin role.">
      <TokensView />
    </RequirePermission>
  );
}
