import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/lib/format";
import type { TopError } from "@/lib/schemas/overview";
import { KeyboardTable } from "@/components/keyboard/keyboard-table";

/** ERROR and FATAL lines that carry an error type, grouped by type and message (ids and numbers folded). */
export function TopErrorsTable({ errors }: { errors: TopError[] }) {
  return (
    <section className="panel" aria-labelledby="top-errors-title">
      <header className="panel-header">
        <h2 id="top-errors-title">Top errors</h2>
      </header>
      {errors.length === 0 ? (
        <EmptyState title="No typed errors in this range" />
      ) : (
        <KeyboardTable className="table" data-testid="top-errors">
          <thead>
            <tr><th>Error</th><th>Service</th><th className="num">Lines</th></tr>
          </thead>
          <tbody>
            {errors.map((error) => (
              <tr key={`${error.type}\n${error.message ?? ""}`} data-row="">
                <td className="message" title={error.example ?? undefined}>
                  <strong>{error.type}</strong>{" "}
                  {error.message ?? <span className="muted">(message not indexed, or beyond the messages read)</span>}
                </td>
                <td>{error.services.join(", ")}</td>
                <td className="num">{formatCount(error.count)}</td>
              </tr>
            ))}
          </tbody>
        </KeyboardTable>
      )}
    </section>
  );
}
