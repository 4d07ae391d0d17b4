// Distinct, colour-blind-friendly hues (Okabe-Ito), assigned by service order. CSS variables
// (app/globals.css), so the light theme can darken the ones too pale on white.
const PALETTE_SIZE = 8;

export function seriesColor(index: number): string {
  return `var(--series-${index % PALETTE_SIZE})`;
}
