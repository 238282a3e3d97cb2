// The benchmark's figures: every entry is measured several times; the table shows the
// median, min and max and, where the page was also measured without the extension, the
// median without and the ratio with/without.

export interface Figure {
  entry: string;
  what: string;
  unit: string;
  runs: number[];
  /** The same measure without the extension, where that applies. */
  without?: number[];
  /** The budget (issue #10), for the table's last column: met when median <= budget. */
  budget?: number;
  /** The median minus the median without (extra cost), rather than the median, is budgeted. */
  budgetOnExtra?: boolean;
  note?: string;
}

export const median = (xs: number[]) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const fmt = (v: number, unit: string) => (Number.isNaN(v) ? '–' : unit === 'B' || unit === 'count' ? String(Math.round(v)) : v.toFixed(v >= 100 ? 0 : 1));

export function summary(f: Figure) {
  const med = median(f.runs);
  const without = f.without ? median(f.without) : undefined;
  const extra = without === undefined ? undefined : med - without;
  const judged = f.budgetOnExtra ? extra : med;
  return {
    entry: f.entry,
    what: f.what,
    unit: f.unit,
    median: med,
    min: Math.min(...f.runs),
    max: Math.max(...f.runs),
    runs: f.runs,
    withoutMedian: without,
    without: f.without,
    extra,
    ratio: without ? med / without : undefined,
    budget: f.budget,
    met: f.budget === undefined || judged === undefined ? undefined : judged <= f.budget,
    note: f.note,
  };
}

export function table(figures: Figure[]): string {
  const head = ['entry', 'measure', 'unit', 'median', 'min', 'max', 'without', 'extra', 'with/without', 'budget'];
  const rows = figures.map((f) => {
    const s = summary(f);
    return [
      s.entry,
      s.what,
      s.unit,
      fmt(s.median, s.unit),
      fmt(s.min, s.unit),
      fmt(s.max, s.unit),
      s.withoutMedian === undefined ? '' : fmt(s.withoutMedian, s.unit),
      s.extra === undefined ? '' : fmt(s.extra, s.unit),
      s.ratio === undefined ? '' : `×${s.ratio.toFixed(2)}`,
      s.budget === undefined ? '' : `${f.budgetOnExtra ? 'extra ' : ''}≤ ${s.budget} ${s.met ? 'met' : 'MISSED'}`,
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
