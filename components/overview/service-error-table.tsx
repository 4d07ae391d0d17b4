import Link from "next/link";
import { newAlertHref } from "@/lib/alerts/new-alert-href";
import type { ServicePeak } from "@/lib/logs/error-rate-series";
import type { ServiceTotals } from "@/lib/schemas/overview";
import { formatCount, formatPercent } from "@/lib/format";
import { formatClock } from "@/lib/time/format-zoned";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";
import { KeyboardTable } from "@/components/keyboard/keyboard-table";

interface Props {
  totals: ServiceTotals[];
  peaks: ServicePeak[];
  timeZone: TimeZoneMode;
  /** Explorer link to a peak bucket's 5xx lines. */
  peakHref: (peak: ServicePeak) => string;
}

/** The numbers behind the charts, with each service's worst bucket named and linked to its lines. */
export function ServiceErrorTable({ totals, peaks, timeZone, peakHref }: Props) {
  const peakByService = new Map(peaks.map((peak) => [peak.service, peak]));
  return (
    <KeyboardTable className="table" data-testid="service-error-table">
      <thead>
        <tr>
          <th>Service</th><th className="num">Requests</th><th className="num">4xx</th><th className="num">5xx</th><th className="num">Error rate</th>
          <th className="num">ERROR</th><th className="num">FATAL</th><th>Peak 5xx bucket</th>
        </tr>
      </thead>
      <tbody>
        {totals.map((total) => {
          const peak = peakByService.get(total.service);
          return (
            <tr key={total.service} data-service={total.service} data-row="">
              <td>
                {total.service}{" "}
                <Link href={newAlertHref({ service: total.service, measure: "error_rate" })} className="alert-on-this" data-testid="alert-on-this">
                  alert on this<span className="visually-hidden"> ({total.service} error rate)</span>
                </Link>
              </td>
              <td className="num" data-field="requests">{formatCount(total.requests)}</td>
              <td className="num" data-field="status4xx">{formatCount(total.status4xx)}</td>
              <td className="num" data-field="serverErrors">{formatCount(total.serverErrors)}</td>
              <td className="num" data-field="errorRate">{formatPercent(total.errorRate)}</td>
              <td className="num" data-field="errorLines">{formatCount(total.errorLines)}</td>
              <td className="num" data-field="fatalLines">{formatCount(total.fatalLines)}</td>
              <td data-testid="peak" data-peak-time={peak ? new Date(peak.time).toISOString() : ""}>
                {peak ? (
                  <>
                    {`${formatClock(peak.time, timeZone)} · ${formatCount(peak.serverErrors)} of ${formatCount(peak.requests)} (${formatPercent(peak.errorRate)}) `}
                    <Link href={peakHref(peak)} data-row-open="">lines</Link>
                  </>
                ) : "–"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </KeyboardTable>
  );
}
