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
 * Pairs of with and without, side by side, behind each main-thread ratio (bench/main-thread.ts,
 * bench/inbox.ts). One run of the same 5,000 mutations moves by ±10–20% with the machine's load.
 * Run one after the other, two A/A checks (no content script on either side, the thread page,
 * 2026-12-06) gave 1.029× with nine pairs and 0.957× with fifteen, pairs 0.80–1.19×; run at once
 * (./side-by-side.ts), pairs of the inbox page's A/A checks stayed within 0.97–1.10×.
 */
export const MAIN_THREAD_PAIRS = 15;

/** With ÷ without, one ratio per pair measured side by side. */
export function pairRatios(withRuns: readonly number[], withoutRuns: readonly number[]): number[] {
  return withRuns.map((value, i) => value / withoutRuns[i]!);
}

/**
 * The main-thread verdicts' estimator: the median of the per-pair ratios. The two runs of a pair
 * share the machine's state (./side-by-side.ts), so each pair's ratio cancels its drift; a ratio
 * of medians divides runs of different pairs, different minutes, and brings the drift back (in
 * one run of the thread page: pairs 0.98–1.17×, median pair 1.069×, ratio of medians 1.148×).
 */
export const medianPairRatio = (withRuns: readonly number[], withoutRuns: readonly number[]) =>
  median(pairRatios(withRuns, withoutRuns));

/**
 * Ratios of with ÷ without, one per pair, as min / median / max: on a shared machine the ratio
 * moves with load, so one number would say little.
 */
export function ratioSpread(withRuns: readonly number[], withoutRuns: readonly number[]): string {
  const ratios = pairRatios(withRuns, withoutRuns);
  const x = (value: number) => `${value.toFixed(3)}×`;
  return `${x(Math.min(...ratios))} / ${x(median(ratios))} / ${x(Math.max(...ratios))}`;
}
