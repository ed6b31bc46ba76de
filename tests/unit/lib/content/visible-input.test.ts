// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guardVisibleInput, type VisibleInputGuard } from '@/lib/content/visible-input';
import { STEADY_MS } from '@/lib/shared/visible-input';

// happy-dom lays nothing out: where the host is drawn, and what the browser's hit test finds at
// a point, are set by each test, as the browser would report them.
let host: HTMLElement;
let rect: { left: number; top: number; width: number; height: number };
let hit: Element | null;
let guard: VisibleInputGuard;
let allows: (event: Event) => boolean;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['performance', 'setInterval', 'clearInterval'] });
  // No IntersectionObserver v2 here, as in Firefox: the checks below stand alone.
  vi.stubGlobal('IntersectionObserver', undefined);
  host = document.createElement('vivre-email-log');
  host.setAttribute('data-vivre-host', '');
  host.setAttribute('data-theme', 'light');
  document.body.append(host);
  rect = { left: 10, top: 500, width: 100, height: 20 };
  host.getBoundingClientRect = () => ({ ...rect }) as DOMRect;
  hit = host;
  document.elementFromPoint = () => hit;
  guard = guardVisibleInput(host);
  allows = guard.allows;
});
afterEach(() => {
  guard.stop();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  host.remove();
});

const press = () => allows(new PointerEvent('pointerdown', { clientX: 20, clientY: 510 }));
const click = () => allows(new MouseEvent('click', { detail: 1 }));
const later = (ms: number) => vi.advanceTimersByTime(ms);

describe('a control of ours in Gmail’s page', () => {
  it('takes a press only once it has been where it is for a moment', () => {
    expect(press()).toBe(false);
    later(STEADY_MS);
    expect(press()).toBe(true);
    // The click the press led to has the press's verdict.
    expect(click()).toBe(true);
  });

  it('starts again when it moves, as when page script slides it under the pointer', () => {
    press();
    later(STEADY_MS);
    rect = { ...rect, top: 300 };
    expect(press()).toBe(false);
    expect(click()).toBe(false);
    later(STEADY_MS);
    expect(press()).toBe(true);
  });

  it('takes nothing while page script has put an attribute on its host, or covers the point', () => {
    press();
    later(STEADY_MS);
    host.setAttribute('style', 'opacity: 0');
    expect(press()).toBe(false);
    host.removeAttribute('style');
    expect(press()).toBe(true);

    hit = document.body;
    expect(press()).toBe(false);
  });

  it('takes a keyboard click with no pointer checks, but not on a host page script changed', () => {
    later(2000);
    expect(click()).toBe(true);
    host.setAttribute('class', 'hidden');
    expect(click()).toBe(false);
  });
});

describe('following the pointer for every control', () => {
  it('listens on the document once for all hosts, and not at all once the last one stops', () => {
    const pointermoves = (spy: { mock: { calls: unknown[][] } }) =>
      spy.mock.calls.filter(([type]) => type === 'pointermove').length;
    const added = vi.spyOn(document, 'addEventListener');
    const removed = vi.spyOn(document, 'removeEventListener');
    const others = Array.from({ length: 3 }, () => {
      const other = document.createElement('vivre-log-email');
      document.body.append(other);
      return guardVisibleInput(other);
    });
    // beforeEach's host is followed already: the three add no listener of their own.
    expect(pointermoves(added)).toBe(0);
    others.forEach((other) => other.stop());
    others[0]!.stop(); // stopping twice changes nothing
    expect(pointermoves(removed)).toBe(0);
    guard.stop();
    expect(pointermoves(removed)).toBe(1);
    guard = guardVisibleInput(host);
    expect(pointermoves(added)).toBe(1);
  });
});
