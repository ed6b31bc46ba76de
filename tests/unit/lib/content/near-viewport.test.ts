// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's observer: the test says which elements came near. */
class FakeObserver {
  static all: FakeObserver[] = [];
  observed = new Set<Element>();
  constructor(
    readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    FakeObserver.all.push(this);
  }
  observe = (element: Element) => void this.observed.add(element);
  unobserve = (element: Element) => void this.observed.delete(element);
  disconnect = () => this.observed.clear();
  /** One turn of the observer: `near` intersect, the other observed elements do not. */
  report(near: Element[]) {
    const entries = [...this.observed].map(
      (target) => ({ target, isIntersecting: near.includes(target) }) as IntersectionObserverEntry,
    );
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

type NearViewportModule = typeof import('@/lib/content/near-viewport');
let watchNearViewport: NearViewportModule['watchNearViewport'];
let watchRowsNearViewport: NearViewportModule['watchRowsNearViewport'];

beforeEach(async () => {
  FakeObserver.all = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
  vi.resetModules(); // the observer is shared for the module's lifetime: a fresh one per test
  ({ watchNearViewport, watchRowsNearViewport } = await import('@/lib/content/near-viewport'));
});
afterEach(() => vi.unstubAllGlobals());

const element = () => document.createElement('div');

describe('elements near the viewport', () => {
  it('are watched by one observer for every feature, each element observed once', () => {
    const chips = vi.fn();
    const logging = vi.fn();
    const [message, other] = [element(), element()];
    const forChips = watchNearViewport(chips);
    const forLogging = watchNearViewport(logging);
    forChips.observe(message);
    forLogging.observe(message);
    forLogging.observe(other);
    expect(FakeObserver.all).toHaveLength(1);
    const [observer] = FakeObserver.all;
    expect([...observer!.observed]).toEqual([message, other]);

    observer!.report([message]);
    expect(chips).toHaveBeenCalledWith([message]);
    expect(logging).toHaveBeenCalledWith([message]);
    // Reported once: no longer observed, and not reported again.
    expect([...observer!.observed]).toEqual([other]);
    observer!.report([message]);
    expect(chips).toHaveBeenCalledTimes(1);
  });

  it('keeps observing an element while any watcher still waits for it', () => {
    const [chips, logging] = [vi.fn(), vi.fn()];
    const message = element();
    const forChips = watchNearViewport(chips);
    const forLogging = watchNearViewport(logging);
    forChips.observe(message);
    forLogging.observe(message);
    const [observer] = FakeObserver.all;

    forChips.unobserve(message);
    expect(observer!.observed.has(message)).toBe(true);
    observer!.report([message]);
    expect(chips).not.toHaveBeenCalled();
    expect(logging).toHaveBeenCalledWith([message]);

    // A watcher that disconnects lets go of all it waited for.
    const [a, b] = [element(), element()];
    forChips.observe(a);
    forChips.observe(b);
    forLogging.observe(b);
    forChips.disconnect();
    expect([...observer!.observed]).toEqual([b]);
  });

  it('reports an element watched again after its report, as the browser reports a new target', () => {
    const chips = vi.fn();
    const message = element();
    const forChips = watchNearViewport(chips);
    forChips.observe(message);
    const [observer] = FakeObserver.all;
    observer!.report([message]);
    forChips.observe(message);
    expect(observer!.observed.has(message)).toBe(true);
    observer!.report([message]);
    expect(chips).toHaveBeenCalledTimes(2);
  });

  it('watches list rows a quarter screen ahead, with an observer of their own', () => {
    const [thread, rows] = [vi.fn(), vi.fn()];
    const [message, row] = [element(), element()];
    watchNearViewport(thread).observe(message);
    watchRowsNearViewport(rows).observe(row);
    expect(FakeObserver.all.map((observer) => observer.options?.rootMargin)).toEqual([
      '100% 0px',
      '25% 0px',
    ]);
    FakeObserver.all[1]!.report([row]);
    expect(rows).toHaveBeenCalledWith([row]);
    expect(thread).not.toHaveBeenCalled();
  });

  it('asks the browser to check a watched element at most every 100 ms, not at every frame', () => {
    watchNearViewport(vi.fn()).observe(element());
    watchRowsNearViewport(vi.fn()).observe(element());
    const delays = FakeObserver.all.map(
      (observer) => (observer.options as { delay?: number } | undefined)?.delay,
    );
    expect(delays).toEqual([100, 100]);
  });
});
