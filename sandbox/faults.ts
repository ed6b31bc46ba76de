/**
 * Fault injection, off by default: lets tests see how clients cope with a slow
 * API, 500/503 answers, and the worst case, a write that is stored but whose
 * answer never arrives ("commit then drop").
 */
import { z } from 'zod';
import { ApiError } from './api-error';

export interface Faults {
  latencyMs: number;
  /** Share (0..1) of /v1 requests answered 500 or 503 before they do anything. */
  errorRate: number;
  /** Share (0..1) of /v1 writes committed, then the connection destroyed without an answer. */
  dropRate: number;
}

export const NO_FAULTS: Faults = { latencyMs: 0, errorRate: 0, dropRate: 0 };

export const FaultsInput = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000),
    errorRate: z.number().min(0).max(1),
    dropRate: z.number().min(0).max(1),
  })
  .partial()
  .strict();

/**
 * Faults per workspace. The operator (flags, `startSandbox({faults})`, `sandbox.setFaults()`)
 * sets them for every workspace at once; an admin key (`PUT /__sandbox/faults`) changes its
 * own workspace only, so one workspace's tests can never break another's.
 */
export class FaultBook {
  private all: Faults;
  private readonly own = new Map<string, Faults>();

  constructor(initial: Partial<Faults> = {}) {
    this.all = { ...NO_FAULTS, ...initial };
  }

  /** The operator's word: every workspace, replacing what any of them set for itself. */
  setAll(faults: Partial<Faults>): void {
    this.all = { ...this.all, ...faults };
    this.own.clear();
  }

  setFor(workspaceId: string, faults: Partial<Faults>): Faults {
    const next = { ...this.for(workspaceId), ...faults };
    this.own.set(workspaceId, next);
    return next;
  }

  /** What applies to `workspaceId`; a request not yet tied to one (no valid key) has none. */
  for(workspaceId: string | null): Faults {
    if (workspaceId === null) return NO_FAULTS;
    return this.own.get(workspaceId) ?? this.all;
  }
}

export function injectedError(faults: Faults, random: () => number): ApiError | null {
  if (faults.errorRate <= 0 || random() >= faults.errorRate) return null;
  if (random() < 0.5) {
    return new ApiError(500, 'server_error', 'Injected fault: internal error.');
  }
  return new ApiError(503, 'server_error', 'Injected fault: service unavailable.', {
    headers: { 'Retry-After': '1' },
  });
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
