"use client";

import { useState } from "react";
import { LazyLogHistogramChart as LogHistogramChart } from "@/components/charts/lazy-charts";
import { LogTable } from "@/components/logs/log-table";
import { highlightTerms } from "@/lib/logs/flatten-document";
import type { LogSearchResponse } from "@/lib/schemas/log-search";
import type { TimeZoneMode } from "@/lib/url-state/time-parsers";

const n = (value: number) => value.toLocaleString("en-US");

/** The explorer's histogram and lines as they were, with the line the sender had open. */
export function ExplorerSnapshot({ answers, params, timeZone }: { answers: { page?: LogSearchResponse }; params: Record<string, string>; timeZone: TimeZoneMode }) {
  const [selected, setSelected] = useState<string | null>(params.line ?? null);
  const data = answers.page;
  if (!data) return <p className="notice">This snapshot holds no log lines.</p>;
  const columns = params.columns ? params.columns.split(",").filter(Boolean) : [];
  return (
    <>
      {params.q ? <p>Query: <code data-testid="snapshot-query">{params.q}</code></p> : null}
      <section className="panel" aria-labelledby="snap-histogram-title">
        <header className="panel-header"><h2 id="snap-histogram-title">Matching lines over time</h2><span className="muted">{data.histogram.interval} buckets</span></header>
        <LogHistogramChart buckets={data.histogram.buckets} timeZone={timeZone} />
      </section>
      <section className="panel" aria-labelledby="snap-lines-title">
        <header className="panel-header">
          <h2 id="snap-lines-title">Log lines</h2>
          <span className="muted" data-testid="line-count">{n(data.lines.length)} of {n(data.total)} lines</span>
        </header>
        <LogTable lines={data.lines} mapping={data.mapping} columns={columns} highlight={highlightTerms(params.q ?? "")} selectedId={selected} onSelect={setSelected} />
      </section>
    </>
  );
}
