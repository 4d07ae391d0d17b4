// Distinct, colour-blind-friendly hues (Okabe-Ito), assigned by service order.
const PALETTE = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"];

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length]!;
}
