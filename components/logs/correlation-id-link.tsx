import Link from "next/link";

/** Every correlation id in Triage opens the request drilldown, centred on the line's time. */
export function CorrelationIdLink({ id, around }: { id: string; around?: string | null }) {
  const query = around ? `?around=${encodeURIComponent(around)}` : "";
  return (
    <Link href={`/requests/${encodeURIComponent(id)}${query}`} className="correlation-id" data-testid="correlation-id-link">
      {id}
    </Link>
  );
}
