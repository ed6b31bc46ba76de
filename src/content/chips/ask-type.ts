/**
 * The overlay's only way to reach the worker: the shape of `ask()` from
 * shared/messaging/ask.ts, injected so tests can hand in a fake.
 */
import type { ask } from '../../shared/messaging/ask';

export type AskWorker = typeof ask;
