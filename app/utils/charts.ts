// Accessible charts drawn on the server as SVG text: a title and description named by aria-labelledby, bars told apart
// by pattern (not colour alone) and labelled directly, lines told apart by dash. No script, readable in print and grey.
// A value given as text (a suppressed or withheld count) is never drawn: its bar is left out and its label is the text.

export type ChartValue = number | string;
export type BarSeries = { name: string; values: (ChartValue | null)[] }; // null: nothing to show yet (a month to come)
export type LineSeries = { name: string; values: (number | null)[] };
export type ReferenceLine = { name: string; value: number };
export type BarChartSpec = {
  id: string; // unique on the page: prefixes the ids of the title, description and patterns
  title: string;
  description: string;
  categories: string[];
  series: BarSeries[];
  lines?: LineSeries[]; // e.g. a cumulative total, on the same scale as the bars
  references?: ReferenceLine[]; // e.g. a target, drawn across the chart
};

export const CHART = { width: 640, height: 320, left: 56, right: 132, top: 16, bottom: 40, legendRow: 20 } as const;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]);

const n = (value: number) => value.toLocaleString("en-GB");
const round = (value: number) => Math.round(value * 10) / 10;

/** The smallest 1, 2 or 5 × 10ⁿ at or above `value`, so the axis ends on a round number (1 for an empty chart). */
export function niceMax(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].find((m) => m * power >= value)!;
  return step * power;
}

/** Ticks from 0 to a niceMax on round steps: 1 → 0.2 apart, 2 → 0.5 apart, 5 → 1 apart (times its power of ten). */
export function ticks(max: number): number[] {
  const leading = max / 10 ** Math.floor(Math.log10(max));
  const count = Math.round(leading) === 2 ? 4 : 5;
  return Array.from({ length: count + 1 }, (_, i) => Math.round(((max * i) / count) * 1e6) / 1e6);
}

/** A linear scale from [0, max] onto [bottom, top] pixels (SVG y grows downwards). */
export function linearScale(max: number, bottom: number, top: number) {
  return (value: number) => round(bottom - (value / max) * (bottom - top));
}

/** Fill patterns in black on white, one per series, so series are told apart in greyscale and in print. */
const PATTERNS = [
  (id: string) =>
    `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#0b0c0c"/></pattern>`,
  (id: string) =>
    `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="#0b0c0c"/></pattern>`,
  (id: string) =>
    `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="1.6" fill="#0b0c0c"/></pattern>`,
  (id: string) =>
    `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/><path d="M0 3H6M3 0V6" stroke="#0b0c0c" stroke-width="1.2"/></pattern>`,
  (id: string) =>
    `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#b1b4b6"/></pattern>`,
  (id: string) =>
    `<pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#ffffff"/><rect width="6" height="2" fill="#0b0c0c"/></pattern>`,
];
const LINE_DASHES = ["", "6 4", "2 3"];

export const valueLabel = (value: ChartValue | null) => (value === null ? "" : typeof value === "number" ? n(value) : value);

/**
 * A bar chart (grouped when there are several series) with optional lines and reference lines, as SVG text. Every bar
 * carries its value as a label; a text value is written where its bar would be, with no bar.
 */
export function barChartSvg(spec: BarChartSpec): string {
  const { width, left, right, top, bottom, legendRow } = CHART;
  const legendItems = spec.series.length + (spec.lines?.length ?? 0) + (spec.references?.length ?? 0);
  const height = CHART.height + 14 + legendRow * Math.ceil(legendItems / 3);
  const plotBottom = CHART.height - bottom;
  const plotRight = width - right;
  const numbers = [
    ...spec.series.flatMap((s) => s.values.filter((v): v is number => typeof v === "number")),
    ...(spec.lines ?? []).flatMap((l) => l.values.filter((v): v is number => v !== null)),
    ...(spec.references ?? []).map((r) => r.value),
  ];
  // Counts never get an axis finer than whole numbers: 0 to 5 at least.
  const max = niceMax(Math.max(numbers.every(Number.isInteger) ? 5 : 0, ...numbers));
  const y = linearScale(max, plotBottom, top);
  const band = (plotRight - left) / Math.max(1, spec.categories.length);
  const barWidth = round((band * 0.8) / Math.max(1, spec.series.length));
  const vertical = barWidth < 30; // narrow bars take their labels upright so they do not run into each other
  const ids = { title: `${spec.id}-title`, desc: `${spec.id}-desc`, pattern: (i: number) => `${spec.id}-pattern-${i}` };
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${ids.title} ${ids.desc}" viewBox="0 0 ${width} ${height}" width="100%" class="app-chart" font-family="Arial, sans-serif" font-size="12">`,
    `<title id="${ids.title}">${escapeXml(spec.title)}</title>`,
    `<desc id="${ids.desc}">${escapeXml(spec.description)}</desc>`,
    `<defs>${spec.series.map((_, i) => PATTERNS[i % PATTERNS.length](ids.pattern(i))).join("")}</defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
  );
  for (const tick of ticks(max)) {
    parts.push(
      `<line x1="${left}" x2="${plotRight}" y1="${y(tick)}" y2="${y(tick)}" stroke="#b1b4b6" stroke-width="1"/>`,
      `<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end" fill="#0b0c0c">${escapeXml(n(tick))}</text>`,
    );
  }
  spec.categories.forEach((category, c) => {
    const x0 = left + c * band + band * 0.1;
    const cx = round(left + c * band + band / 2);
    // Narrow bands break "Sep 26" onto two lines so neighbouring labels do not run together.
    const words = band < 60 ? category.split(" ") : [category];
    parts.push(
      `<text x="${cx}" y="${plotBottom + 16}" text-anchor="middle" fill="#0b0c0c">${words.map((w, i) => `<tspan x="${cx}" dy="${i ? 13 : 0}">${escapeXml(w)}</tspan>`).join("")}</text>`,
    );
    spec.series.forEach((series, s) => {
      const value = series.values[c];
      const x = round(x0 + s * barWidth);
      const mid = round(x + barWidth / 2);
      if (value === null || value === undefined) return;
      const label = escapeXml(valueLabel(value));
      if (typeof value === "number") {
        parts.push(
          `<rect class="app-chart__bar" x="${x}" y="${y(value)}" width="${round(barWidth - 2)}" height="${round(plotBottom - y(value))}" fill="url(#${ids.pattern(s)})" stroke="#0b0c0c" stroke-width="1"/>`,
        );
      }
      const labelY = typeof value === "number" ? y(value) - 4 : plotBottom - 4;
      parts.push(
        vertical
          ? `<text class="app-chart__label" x="${mid + 4}" y="${labelY}" transform="rotate(-90 ${mid + 4} ${labelY})" fill="#0b0c0c" font-size="11">${label}</text>`
          : `<text class="app-chart__label" x="${mid}" y="${labelY}" text-anchor="middle" fill="#0b0c0c" font-size="11">${label}</text>`,
      );
    });
  });
  (spec.lines ?? []).forEach((line, l) => {
    const points = line.values
      .map((v, c) => (v === null ? null : `${round(left + c * band + band / 2)},${y(v)}`))
      .filter((p): p is string => p !== null);
    const last = [...line.values].reverse().find((v): v is number => v !== null);
    const dash = LINE_DASHES[l % LINE_DASHES.length];
    parts.push(
      `<polyline class="app-chart__line" points="${points.join(" ")}" fill="none" stroke="#0b0c0c" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`,
      ...points.map((p) => `<circle cx="${p.split(",")[0]}" cy="${p.split(",")[1]}" r="3" fill="#0b0c0c"/>`),
    );
    if (last !== undefined)
      parts.push(
        `<text x="${plotRight + 6}" y="${y(last) + 4}" fill="#0b0c0c" font-size="11">${escapeXml(`${line.name}: ${n(last)}`)}</text>`,
      );
  });
  for (const reference of spec.references ?? []) {
    parts.push(
      `<line class="app-chart__reference" x1="${left}" x2="${plotRight}" y1="${y(reference.value)}" y2="${y(reference.value)}" stroke="#0b0c0c" stroke-width="2" stroke-dasharray="10 3 2 3"/>`,
      `<text x="${plotRight + 6}" y="${y(reference.value) - 4}" fill="#0b0c0c" font-size="11" font-weight="bold">${escapeXml(`${reference.name}: ${n(reference.value)}`)}</text>`,
    );
  }
  parts.push(`<line x1="${left}" x2="${plotRight}" y1="${plotBottom}" y2="${plotBottom}" stroke="#0b0c0c" stroke-width="1.5"/>`);
  const legend = [
    ...spec.series.map((s, i) => ({
      name: s.name,
      swatch: `<rect width="16" height="12" y="-10" fill="url(#${ids.pattern(i)})" stroke="#0b0c0c"/>`,
    })),
    ...(spec.lines ?? []).map((l, i) => ({
      name: l.name,
      swatch: `<line x1="0" x2="16" y1="-4" y2="-4" stroke="#0b0c0c" stroke-width="2.5"${LINE_DASHES[i % LINE_DASHES.length] ? ` stroke-dasharray="${LINE_DASHES[i % LINE_DASHES.length]}"` : ""}/>`,
    })),
    ...(spec.references ?? []).map((r) => ({
      name: r.name,
      swatch: `<line x1="0" x2="16" y1="-4" y2="-4" stroke="#0b0c0c" stroke-width="2" stroke-dasharray="10 3 2 3"/>`,
    })),
  ];
  legend.forEach((item, i) => {
    const x = left + (i % 3) * 190;
    const ly = CHART.height + 14 + legendRow * Math.floor(i / 3);
    parts.push(`<g transform="translate(${x} ${ly})">${item.swatch}<text x="22" fill="#0b0c0c">${escapeXml(item.name)}</text></g>`);
  });
  parts.push("</svg>");
  return parts.join("");
}

/** Running totals of monthly figures: the cumulative line. */
export function cumulative(values: number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}
