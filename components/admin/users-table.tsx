"use client";

import { ROLES, type Role } from "@/lib/auth/roles";
import type { UserSummary } from "@/lib/schemas/admin";
import { KeyboardTable } from "@/components/keyboard/keyboard-table";

interface Props {
  users: UserSummary[];
  onChange: (id: string, change: { role?: Role; disabled?: boolean }) => void;
}

export function UsersTable({ users, onChange }: Props) {
  return (
    <KeyboardTable className="table" data-testid="users-table">
      <thead><tr><th>Email</th><th>Name</th><th>Role</th><th>Status</th><th /></tr></thead>
      <tbody>
        {users.map((user) => (
          <tr key={user.id} data-email={user.email} data-row="">
            <td>{user.email}</td>
            <td>{user.name}</td>
            <td>
              <select aria-label={`Role of ${user.email}`} value={user.role} onChange={(event) => onChange(user.id, { role: event.target.value as Role })}>
                {ROLES.map((role) => <option key={role}>{role}</option>)}
              </select>
            </td>
            <td>{user.disabled ? "disabled" : "active"}</td>
            <td><button type="button" onClick={() => onChange(user.id, { disabled: !user.disabled })}>{user.disabled ? "Enable" : "Disable"}</button></td>
          </tr>
        ))}
      </tbody>
    </KeyboardTable>
  );
}
