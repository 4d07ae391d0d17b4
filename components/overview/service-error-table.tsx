import type { ServicePeak } from "@/lib/logs/error-rate-series";
import type { ErrorRateResponse } from "@/lib/schemas/error-rate";
import { formatCount, formatPercent, formatTime } from "@/lib/format";

interface Props {
  totals: ErrorRateResponse["totals"];
  peaks: ServicePeak[];
}

/** The numbers behind the chart, with each service's worst bucket named. */
export function ServiceErrorTable({ totals, peaks }: Props) {
  const peakByService = new Map(peaks.map((peak) => [peak.service, peak]));
  return (
    <table className="table" data-testid="service-error-table">
      <thead>
        <tr><th>Service</th><th>Requests</th><th>5xx</th><th>Error rate</th><th>Peak 5xx bucket (UTC)</th></tr>
      </thead>
      <tbody>
        {totals.map((total) => {
          const peak = peakByService.get(total.service);
          return (
            <tr key={total.service} data-service={total.service}>
              <td>{total.service}</td>
              <td className="num">{formatCount(total.requests)}</td>
              <td className="num">{formatCount(total.serverErrors)}</td>
              <td className="num">{formatPercent(total.errorRate)}</td>
              <td data-testid="peak" data-peak-time={peak ? new Date(peak.time).toISOString() : ""}>
                {peak ? `${formatTime(peak.time)} · ${formatCount(peak.serverErrors)} of ${formatCount(peak.requests)} (${formatPercent(peak.errorRate)})` : "–"}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
