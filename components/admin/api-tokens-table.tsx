"use client";

import type { ApiTokenSummary } from "@/lib/schemas/admin";
import { KeyboardTable } from "@/components/keyboard/keyboard-table";

export function ApiTokensTable({ tokens, onRevoke }: { tokens: ApiTokenSummary[]; onRevoke: (id: string) => void }) {
  return (
    <KeyboardTable className="table" data-testid="api-tokens-table">
      <thead><tr><th>Name</th><th>Prefix</th><th>Role</th><th>Owner</th><th>Created</th><th>Last used</th><th /></tr></thead>
      <tbody>
        {tokens.map((token) => (
          <tr key={token.id} data-name={token.name} data-row="">
            <td>{token.name}</td>
            <td><code>{token.prefix}…</code></td>
            <td>{token.role}</td>
            <td>{token.owner}</td>
            <td>{token.createdAt.slice(0, 16).replace("T", " ")}</td>
            <td>{token.lastUsedAt ? token.lastUsedAt.slice(0, 16).replace("T", " ") : "never"}</td>
            <td>{token.revokedAt ? "revoked" : <button type="button" onClick={() => onRevoke(token.id)}>Revoke</button>}</td>
          </tr>
        ))}
      </tbody>
    </KeyboardTable>
  );
}
