import { startChips, type ChipsOptions } from '@/lib/content/chips/start-chips';
import { fakeWorker } from './fake-worker';
import { gmail } from './gmail-detection';

export { useShadowRoots } from '../../../shadow-roots';

/**
 * The chips on the test document. What `options` leaves out: a worker that knows nobody and
 * the real Gmail detection.
 */
export function startTestChips(signal: AbortSignal, options: Partial<ChipsOptions> = {}) {
  return startChips({
    document,
    signal,
    ask: fakeWorker().ask,
    detect: gmail,
    ...options,
  });
}

/** Every chip host on the page, in document order. */
export const hosts = () => [
  ...document.querySelectorAll<HTMLElement>('vivre-chip[data-vivre-host]'),
];
