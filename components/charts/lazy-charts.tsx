"use client";

import dynamic from "next/dynamic";

// Recharts is most of a chart page's JavaScript: these load it after the page has drawn, so the
// first load stays within budget. The placeholder keeps each chart's height, so nothing jumps.
function placeholder(height: number) {
  function ChartPlaceholder() {
    return <div className="chart chart-loading" style={{ height }} aria-hidden="true" />;
  }
  return ChartPlaceholder;
}

export const LazyErrorRateChart = dynamic(() => import("./error-rate-chart").then((module) => module.ErrorRateChart), { ssr: false, loading: placeholder(280) });
export const LazyErrorCountChart = dynamic(() => import("./error-count-chart").then((module) => module.ErrorCountChart), { ssr: false, loading: placeholder(200) });
export const LazyStatusClassChart = dynamic(() => import("./status-class-chart").then((module) => module.StatusClassChart), { ssr: false, loading: placeholder(140) });
export const LazyLogHistogramChart = dynamic(() => import("./log-histogram-chart").then((module) => module.LogHistogramChart), { ssr: false, loading: placeholder(140) });
export const LazyAlertValueChart = dynamic(() => import("./alert-value-chart").then((module) => module.AlertValueChart), { ssr: false, loading: placeholder(240) });
