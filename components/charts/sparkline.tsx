/** A tiny bar trend: plain counts in, an SVG out; its label says what it shows for screen readers. */
export function Sparkline({ values, label, width = 120, height = 24, fluid = false }: { values: readonly number[]; label: string; width?: number; height?: number; fluid?: boolean }) {
  const max = Math.max(1, ...values);
  const step = values.length > 0 ? width / values.length : width;
  return (
    // Fluid: as wide as its panel (never wider than `width`), so a phone never scrolls sideways.
    <svg className="sparkline" width={fluid ? "100%" : width} height={height} viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" style={fluid ? { maxWidth: width } : undefined} role="img" aria-label={label}>
      {values.map((value, i) => {
        const h = value === 0 ? 0 : Math.max(1, (value / max) * height);
        return <rect key={i} x={i * step} y={height - h} width={Math.max(1, step - 0.5)} height={h} fill="var(--warning)" />;
      })}
    </svg>
  );
}
