import { startOverlay, type OverlayOptions } from '@/lib/content/chips/start-chips';
import { fakeWorker } from './fake-worker';
import { gmail } from './gmail-detection';

export { useShadowRoots } from '../../../shadow-roots';

/**
 * The overlay on the test document. What `options` leaves out: a worker that knows nobody and
 * the real Gmail detection.
 */
export function startTestOverlay(signal: AbortSignal, options: Partial<OverlayOptions> = {}) {
  return startOverlay({
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
