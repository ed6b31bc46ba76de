/**
 * The content script's lifetime, and Gmail's navigations, by a clock of our own.
 *
 * Not WXT's `ctx.signal`: WXT aborts it when a "content script started" CustomEvent of ours
 * reaches `document` (node_modules/wxt/dist/utils/content-script-context.mjs), and page script
 * can dispatch one: every host would go, and Undo tracking would stop while the worker still holds
 * a send the rep may undo. Ours ends only when the extension is gone from this tab (reloaded,
 * updated or removed: its runtime id goes), read by a timer in our own world that nothing the
 * page posts, dispatches or changes reaches. The same timer sees Gmail navigate (a history change,
 * not a new page); an address page script changes makes us read the page again, nothing more.
 */
import { browser } from 'wxt/browser';

/** Cheap enough for every Gmail tab, and soon enough after a navigation. */
export const LIFETIME_CHECK_MS = 1_000;

/** Returns the signal that aborts when the extension's context is gone from this tab. */
export function startLifetime(
  navigated: () => void,
  alive = () => browser.runtime?.id != null,
): AbortSignal {
  const life = new AbortController();
  let href = location.href;
  const timer = setInterval(() => {
    if (!alive()) {
      clearInterval(timer);
      life.abort();
    } else if (location.href !== href) {
      href = location.href;
      navigated();
    }
  }, LIFETIME_CHECK_MS);
  return life.signal;
}
