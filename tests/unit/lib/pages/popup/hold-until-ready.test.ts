// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HOLD_SCRIPT, holdUntilReady, releaseHold } from '@/lib/pages/popup/hold-until-ready';

/** A page still loading, as the popup is when its first script runs. */
function loadingPage() {
  const doc = document.implementation.createHTMLDocument('popup');
  Object.defineProperty(doc, 'readyState', { get: () => 'interactive' });
  return doc;
}

/** The hold scripts in the page now: each holds its load until it has run. */
const holding = (doc: Document) =>
  [...doc.querySelectorAll('script')].filter((script) =>
    script.getAttribute('src')?.startsWith(`${HOLD_SCRIPT}?`),
  );

/** The browser has fetched and run the hold script now in the page. */
function runHoldScript(doc: Document, event: 'load' | 'error' = 'load') {
  const [script] = holding(doc);
  if (!script) throw new Error('no hold script in the page');
  script.dispatchEvent(new Event(event));
  return script.getAttribute('src');
}

afterEach(() => {
  releaseHold();
  vi.useRealTimers();
});

describe('holdUntilReady', () => {
  it('keeps one script pending until released, each under a new address so no cache answers it', () => {
    const doc = loadingPage();
    holdUntilReady(doc);
    holdUntilReady(doc);
    expect(holding(doc)).toHaveLength(1);
    const first = runHoldScript(doc);
    expect(holding(doc)).toHaveLength(1);
    // A failed fetch lets go of the load as a run one does: the chain goes on either way.
    const second = runHoldScript(doc, 'error');
    expect(holding(doc)).toHaveLength(1);
    expect(new Set([first, second, holding(doc)[0]!.getAttribute('src')]).size).toBe(3);

    releaseHold();
    runHoldScript(doc);
    expect(holding(doc)).toHaveLength(0);
    releaseHold();
  });

  it('lets the page go after its limit, so a read that never answers cannot hide it for good', () => {
    vi.useFakeTimers();
    const doc = loadingPage();
    holdUntilReady(doc, 1500);
    vi.advanceTimersByTime(1499);
    runHoldScript(doc);
    expect(holding(doc)).toHaveLength(1);
    vi.advanceTimersByTime(1);
    runHoldScript(doc);
    expect(holding(doc)).toHaveLength(0);
  });

  it('holds nothing once the page has loaded (the popup opened in a tab, reloaded)', () => {
    const doc = document.implementation.createHTMLDocument('popup');
    Object.defineProperty(doc, 'readyState', { get: () => 'complete' });
    holdUntilReady(doc);
    expect(holding(doc)).toHaveLength(0);
  });

  it('holds nothing without a document (a worker, a unit test in node)', () => {
    expect(() => holdUntilReady(undefined)).not.toThrow();
  });
});
