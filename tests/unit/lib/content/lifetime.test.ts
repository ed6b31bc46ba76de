// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { LIFETIME_CHECK_MS, startLifetime } from '@/lib/content/lifetime';

/** WXT's "a newer copy of this content script started" event, as page script can dispatch it. */
function dispatchWxtStarted() {
  // WXT's name for it (private in its types): `${runtime id}:${entrypoint}:wxt:content-script-started`.
  const name = (ContentScriptContext as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string })
    .SCRIPT_STARTED_MESSAGE_TYPE;
  const detail = { contentScriptName: 'gmail', messageId: 'page-script' };
  document.dispatchEvent(new CustomEvent(name, { detail }));
  window.postMessage({ type: name, ...detail }, '*');
}

describe('the content script’s lifetime', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('outlasts the event with which page script ends WXT’s context', () => {
    const wxt = new ContentScriptContext('gmail');
    const ours = startLifetime(() => {});
    dispatchWxtStarted();
    vi.advanceTimersByTime(5 * LIFETIME_CHECK_MS);
    expect(wxt.signal.aborted).toBe(true); // why the content script does not live by it
    expect(ours.aborted).toBe(false);
  });

  it('ends once the extension’s context is gone from the tab (reloaded, updated, removed)', () => {
    let alive = true;
    const ours = startLifetime(
      () => {},
      () => alive,
    );
    vi.advanceTimersByTime(3 * LIFETIME_CHECK_MS);
    expect(ours.aborted).toBe(false);
    alive = false;
    vi.advanceTimersByTime(LIFETIME_CHECK_MS);
    expect(ours.aborted).toBe(true);
  });

  it('tells of each Gmail navigation (a history change) once', () => {
    const navigated = vi.fn();
    startLifetime(navigated, () => true);
    history.pushState(null, '', '#inbox/thread-b');
    vi.advanceTimersByTime(3 * LIFETIME_CHECK_MS);
    expect(navigated).toHaveBeenCalledTimes(1);
    history.pushState(null, '', '#inbox');
    vi.advanceTimersByTime(LIFETIME_CHECK_MS);
    expect(navigated).toHaveBeenCalledTimes(2);
  });
});
