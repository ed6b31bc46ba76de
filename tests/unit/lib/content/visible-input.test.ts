// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  guardVisibleInput,
  WATCHED_AFTER_MOVE_MS,
  type VisibleInputGuard,
} from '@/lib/content/visible-input';
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

describe('IntersectionObserver v2, where the browser has it', () => {
  /** A v2 observer whose reports the test makes: what it says about the host, when it says it. */
  class FakeV2 {
    static last: FakeV2;
    watching = false;
    constructor(readonly callback: IntersectionObserverCallback) {
      FakeV2.last = this;
    }
    observe = () => void (this.watching = true);
    unobserve = () => void (this.watching = false);
    disconnect = () => void (this.watching = false);
    report(isVisible: boolean) {
      const entry = { target: host, isIntersecting: true, isVisible };
      this.callback([entry as unknown as IntersectionObserverEntry], this as never);
    }
  }

  let v2Guard: VisibleInputGuard;
  beforeEach(() => {
    guard.stop();
    vi.useRealTimers();
    vi.useFakeTimers({
      toFake: [
        'performance',
        'setTimeout',
        'clearTimeout',
        'setInterval',
        'clearInterval',
        'requestAnimationFrame',
      ],
    });
    vi.stubGlobal('IntersectionObserver', FakeV2);
    // v2 is known by its entries' `isVisible`.
    vi.stubGlobal(
      'IntersectionObserverEntry',
      class {
        get isVisible() {
          return true;
        }
      },
    );
    v2Guard = guardVisibleInput(host);
    allows = v2Guard.allows;
  });
  afterEach(() => v2Guard.stop());

  // The pointer's moves are read once a frame.
  /** A focus event, the rep's (`isTrusted`, as the browser marks it) or page script's. */
  const focus = (type: string, isTrusted: boolean) =>
    Object.defineProperty(new FocusEvent(type), 'isTrusted', { value: isTrusted });
  const movePointer = () => {
    document.dispatchEvent(new Event('pointermove'));
    vi.advanceTimersToNextFrame();
  };

  it('watches only for a while after the pointer moved, or while the host has the focus', () => {
    // Drawn, with nobody about to act: no hit test of the page every frame.
    expect(FakeV2.last.watching).toBe(false);
    movePointer();
    expect(FakeV2.last.watching).toBe(true);
    FakeV2.last.report(true);
    later(WATCHED_AFTER_MOVE_MS - 1000);
    movePointer();
    later(WATCHED_AFTER_MOVE_MS - 1);
    expect(FakeV2.last.watching).toBe(true); // the move put the end off
    later(1);
    expect(FakeV2.last.watching).toBe(false); // a resting pointer: no hit test every frame

    // Focus events page script dispatches neither wake v2 nor keep it awake.
    host.dispatchEvent(focus('focusin', false));
    expect(FakeV2.last.watching).toBe(false);

    host.dispatchEvent(focus('focusin', true));
    expect(FakeV2.last.watching).toBe(true);
    later(WATCHED_AFTER_MOVE_MS * 2);
    expect(FakeV2.last.watching).toBe(true);
    host.dispatchEvent(focus('focusout', false)); // the rep still has the focus
    later(WATCHED_AFTER_MOVE_MS);
    expect(FakeV2.last.watching).toBe(true);
    host.dispatchEvent(focus('focusout', true));
    later(WATCHED_AFTER_MOVE_MS);
    expect(FakeV2.last.watching).toBe(false);
  });

  it('refuses a press v2 has not looked at since it watched again, then goes by what it saw', () => {
    FakeV2.last.report(true);
    later(WATCHED_AFTER_MOVE_MS);
    expect(FakeV2.last.watching).toBe(false);
    // The pointer rested on the control while page script could have covered it: no answer yet.
    expect(press()).toBe(false);
    expect(FakeV2.last.watching).toBe(true);
    FakeV2.last.report(true);
    // Seen as before, where it was: steady all along, so the rep's next press acts at once.
    expect(press()).toBe(true);

    later(WATCHED_AFTER_MOVE_MS);
    movePointer();
    FakeV2.last.report(false); // covered meanwhile by something the pointer goes through
    expect(press()).toBe(false);
    FakeV2.last.report(true);
    expect(press()).toBe(false); // uncovered just now: not yet steady
    later(STEADY_MS);
    expect(press()).toBe(true);
  });
});
