// @vitest-environment happy-dom
// @vitest-environment-options { "settings": { "disableIframePageLoading": false } }
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdUntilReady, releaseHold } from '@/lib/pages/popup/hold-until-ready';

/** A page still loading, as the popup is when its first script runs. */
function loadingPage() {
  const doc = document.implementation.createHTMLDocument('popup');
  Object.defineProperty(doc, 'readyState', { get: () => 'interactive' });
  return doc;
}

const frames = (doc: Document) => doc.querySelectorAll('iframe');

afterEach(() => {
  releaseHold();
  vi.useRealTimers();
});

describe('holdUntilReady', () => {
  it('keeps one hidden frame open until released, then takes it away', () => {
    const doc = loadingPage();
    holdUntilReady(doc);
    holdUntilReady(doc);
    expect(frames(doc)).toHaveLength(1);
    expect(frames(doc)[0]!.hidden).toBe(true);
    expect(frames(doc)[0]!.getAttribute('aria-hidden')).toBe('true');
    releaseHold();
    expect(frames(doc)).toHaveLength(0);
    releaseHold();
  });

  it('lets the page go after its limit, so a read that never answers cannot hide it for good', () => {
    vi.useFakeTimers();
    const doc = loadingPage();
    holdUntilReady(doc, 1500);
    vi.advanceTimersByTime(1499);
    expect(frames(doc)).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(frames(doc)).toHaveLength(0);
  });

  it('holds nothing once the page has loaded (the popup opened in a tab, reloaded)', () => {
    const doc = document.implementation.createHTMLDocument('popup');
    Object.defineProperty(doc, 'readyState', { get: () => 'complete' });
    holdUntilReady(doc);
    expect(frames(doc)).toHaveLength(0);
  });

  it('holds nothing without a document (a worker, a unit test in node)', () => {
    expect(() => holdUntilReady(undefined)).not.toThrow();
  });
});
