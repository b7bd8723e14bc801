/** One measured figure of the benchmark, its target and whether this run met it. */
export interface Figure {
  group: string;
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≤ 30 KB"; empty when the figure is for context only. */
  target: string;
  met: boolean | null;
}

export function figure(group: string, name: string, value: number, unit: string, target = '', met: boolean | null = null): Figure {
  return { group, name, value: Math.round(value * 100) / 100, unit, target, met };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: number[]): number => percentile(values, 50);

export function printTable(figures: Figure[]): void {
  printRows(
    ['group', 'figure', 'value', 'target', ''],
    figures.map((f) => [f.group, f.name, `${f.value} ${f.unit}`, f.target || '—', f.met === null ? '' : f.met ? 'met' : 'NOT MET']),
  );
}

/** A plain-text table, columns padded to their widest cell. */
export function printRows(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}
