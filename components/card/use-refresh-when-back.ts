/**
 * While the card shows the worker's saved copy because Vivre cannot be reached, it asks again:
 * at once when the worker hears from Vivre or the browser is back online, and every
 * RETRY_MS otherwise. So "Offline — cached 3 h ago" gives way to the live record by itself,
 * instead of staying until the card is opened again.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { CardServices } from './services-type';

export const RETRY_MS = 10_000;

export function useRefreshWhenBack(
  offline: boolean,
  onReconnect: CardServices['onReconnect'],
  refresh: () => void,
): void {
  // The latest refresh, so a retry asks about the contact shown now.
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (!offline) return;
    const showing = new AbortController();
    onReconnect(showing.signal, () => latest.current());
    const timer = setInterval(() => latest.current(), RETRY_MS);
    showing.signal.addEventListener('abort', () => clearInterval(timer), { once: true });
    return () => showing.abort();
  }, [offline]);
}
