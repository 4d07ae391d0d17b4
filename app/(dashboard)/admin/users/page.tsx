import { RequirePermission } from "../require-permission";
import { UsersView } from "./users-view";

export const metadata = { title: "Users · Triage" };

export default function UsersPage() {
  return (
    <RequirePermission permission="users:manage" refusal="Managing users needs the admin role.">
      <UsersView />
    </RequirePermission>
  );
}
