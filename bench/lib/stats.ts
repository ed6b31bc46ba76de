/** Nearest-rank percentiles: every reported number is one that was actually measured. */
export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
  };
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  return `${value < 10 ? value.toFixed(2) : value.toFixed(1)} ms`;
}

/** Sizes in bytes and kB (1 kB = 1,000 B, the stricter reading of a "25 KB" budget). */
export function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB (${bytes.toLocaleString('en-US')} B)`;
}

export const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Rounds of with and without, side by side, behind each main-thread ratio (bench/main-thread.ts,
 * bench/inbox.ts). One run of the same 5,000 mutations moves by ±10–20% with the machine's load,
 * so the ratio of medians moves too: with five rounds by 0.3× between two runs minutes apart. Two
 * A/A checks (no content script on either side, the thread page, 2026-12-06, one run each) gave
 * 1.029× with nine rounds and 0.957× with fifteen, pairs 0.80–1.19×: the ratio's own spread is
 * about the goal's margin. Fifteen rounds should narrow it by about √(15/9) ≈ 1.3× against nine
 * (estimated, not measured), for a minute more per section.
 */
export const MAIN_THREAD_PAIRS = 15;

/**
 * Ratios of with ÷ without, one per round (pairs measured side by side), as min / median / max:
 * on a shared machine the ratio moves with load, so one number would say little.
 */
export function ratioSpread(withRuns: readonly number[], withoutRuns: readonly number[]): string {
  const ratios = withRuns.map((value, i) => value / withoutRuns[i]!);
  const x = (value: number) => `${value.toFixed(3)}×`;
  return `${x(Math.min(...ratios))} / ${x(median(ratios))} / ${x(Math.max(...ratios))}`;
}
