/** The test document as a live Gmail page: idle time the test gives, a thread shown per test. */
import { afterEach, beforeEach, vi } from 'vitest';
import { showFixture } from './load-fixture';

/**
 * requestIdleCallback stubbed for each test, so the test decides when the browser is idle:
 * `idleNow()` lets happy-dom deliver the mutation records it holds (they come after the
 * current task), then runs everything that waits for idle.
 */
export function useTestIdle(): () => Promise<void> {
  let idle: Array<() => void> = [];
  beforeEach(() => {
    idle = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idle.push(callback));
    vi.stubGlobal('cancelIdleCallback', () => {});
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return async function idleNow() {
    await new Promise((resolve) => setTimeout(resolve, 0));
    idle.splice(0).forEach((callback) => callback());
  };
}

/**
 * The shared expanded thread shown in the document for each test, with a signal to stop what
 * the test started on it; after the test the signal aborts and the page empties.
 */
export function useThreadPage() {
  let controller = new AbortController();
  beforeEach(() => {
    showFixture('thread-expanded-2025.html', 'shared');
    controller = new AbortController();
  });
  afterEach(() => {
    controller.abort();
    document.body.replaceChildren();
  });
  return {
    signal: () => controller.signal,
    messages: () => [...document.querySelectorAll('[data-message-id]')],
  };
}
