import Link from "next/link";
import { requestDrilldownHref, type RequestLinkHints } from "@/lib/requests/request-link";

/**
 * Every correlation id in Triage opens the request drilldown, centred on the line's time. The
 * line's user and endpoint ride along as hints so the drilldown needs one engine round trip.
 */
export function CorrelationIdLink({ id, around, hints }: { id: string; around?: string | number | null; hints?: RequestLinkHints }) {
  return (
    <Link href={requestDrilldownHref(id, { around, hints })} className="correlation-id" data-testid="correlation-id-link">
      {id}
    </Link>
  );
}
