// @vitest-environment happy-dom
import { Window as HappyWindow } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ANSWER_MS, guardCardInput } from '@/lib/pages/card/input-guard';
import { STEADY_MS } from '@/lib/shared/visible-input';

// happy-dom has no IntersectionObserver v2, as Firefox: the content script's word alone counts.
// Each test has a card window of its own, with one button.
let happy: HappyWindow;
let win: typeof globalThis & Window;
let button: HTMLButtonElement;
let pressed: string[];
/** The presses the guard asked Gmail's side to look at. */
let asked: number[];
beforeEach(() => {
  asked = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  happy = new HappyWindow();
  win = happy as unknown as typeof globalThis & Window;
  pressed = [];
  button = win.document.createElement('button');
  button.addEventListener('click', () => pressed.push('click'));
  button.addEventListener('keydown', (event) => pressed.push(event.key));
  win.document.body.append(button);
});
afterEach(async () => {
  vi.useRealTimers();
  await happy.happyDOM.close();
});

const guard = () => guardCardInput(win, (press) => asked.push(press));
const body = () => win.document.body;
/** A pointer's click (`detail` 1); `keyboard`: the click Enter or Space makes on a button. */
const click = (keyboard = false) =>
  button.dispatchEvent(
    new win.MouseEvent('click', { bubbles: true, cancelable: true, detail: keyboard ? 0 : 1 }),
  );
const key = (k: string) =>
  button.dispatchEvent(
    new win.KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }) as Event,
  );

describe("the card's input guard", () => {
  it('takes no click until the card has been drawn as placed for a moment', () => {
    const cardGuard = guard();
    click();
    expect(pressed).toEqual([]);
    expect(body().getAttribute('aria-disabled')).toBe('true');

    cardGuard.placed(true);
    vi.advanceTimersByTime(STEADY_MS - 50);
    click();
    expect(pressed).toEqual([]);

    vi.advanceTimersByTime(60);
    expect(body().hasAttribute('aria-disabled')).toBe(false);
    click();
    expect(pressed).toEqual(['click']);
  });

  it('starts again at a new place, and refuses while the page hides or changes the card', () => {
    const cardGuard = guard();
    const interference: boolean[] = [];
    cardGuard.watchInterference((now) => interference.push(now));
    cardGuard.placed(true);
    vi.advanceTimersByTime(STEADY_MS + 10);
    cardGuard.placed(true);
    click();
    expect(pressed).toEqual([]);

    cardGuard.placed(false);
    vi.advanceTimersByTime(STEADY_MS * 4);
    click();
    expect(pressed).toEqual([]);
    expect(interference).toEqual([false, true]);

    cardGuard.reset();
    expect(interference).toEqual([false, true, false]);
  });

  it('lets typing, Tab and Escape through, but not the keys that press buttons', () => {
    guard();
    for (const k of ['a', 'Tab', 'Escape', 'Enter', ' ']) key(k);
    expect(pressed).toEqual(['a', 'Tab', 'Escape']);
  });
});

describe("the card's input guard with IntersectionObserver v2 (Chromium)", () => {
  /** v2's next look at the card's root reports `isVisible`, as seen at `time` (now). */
  let look: (isVisible: boolean, time?: number) => void;
  /** Whether v2 watches the card's root now. */
  let watched: boolean;
  beforeEach(() => {
    watched = false;
    vi.stubGlobal(
      'IntersectionObserverEntry',
      class {
        get isVisible() {
          return false;
        }
      },
    );
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(callback: (entries: { isVisible: boolean; time: number }[]) => void) {
          look = (isVisible, time = performance.now()) => callback([{ isVisible, time }]);
        }
        observe() {
          watched = true;
        }
        unobserve() {
          watched = false;
        }
      },
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  const press = () =>
    button.dispatchEvent(new win.PointerEvent('pointerdown', { bubbles: true, cancelable: true }));

  it('waits for both witnesses, then holds each click until a fresh look sees the card', () => {
    const cardGuard = guard();
    cardGuard.placed(true);
    vi.advanceTimersByTime(STEADY_MS + 10);
    click();
    // The content script says it is drawn as placed; v2 has not seen it yet.
    expect(pressed).toEqual([]);

    look(true);
    vi.advanceTimersByTime(STEADY_MS + 10);
    press();
    click();
    expect(pressed).toEqual([]);
    look(true);
    expect(pressed).toEqual([]);
    cardGuard.seen(asked.at(-1)!, true);
    expect(pressed).toEqual(['click']);

    // A sheet laid over the card just before the press: a look taken before the press, still
    // queued, does not answer for it; the fresh one does not see the card.
    const before = performance.now();
    vi.advanceTimersByTime(5);
    press();
    click();
    cardGuard.seen(asked.at(-1)!, true);
    look(true, before);
    expect(pressed).toEqual(['click']);
    look(false);
    expect(pressed).toEqual(['click']);
  });

  it('watches only while a card is shown, and sees each new showing afresh', () => {
    // Gmail's page hit-tests the frame at every frame it draws while v2 watches.
    const cardGuard = guard();
    expect(watched).toBe(false);
    cardGuard.placed(true);
    look(true);
    expect(watched).toBe(true);
    vi.advanceTimersByTime(STEADY_MS + 10);
    click();
    expect(pressed).toEqual(['click']);

    cardGuard.reset(); // hidden, or another person: nothing is known of how it is drawn
    expect(watched).toBe(false);
    cardGuard.placed(true);
    expect(watched).toBe(true);
    vi.advanceTimersByTime(STEADY_MS + 10);
    click();
    expect(pressed).toEqual(['click']);
    look(true);
    vi.advanceTimersByTime(STEADY_MS + 10);
    click();
    expect(pressed).toEqual(['click', 'click']);
  });

  /** A guard both witnesses have agreed on for STEADY_MS. */
  function steadyGuard() {
    const cardGuard = guard();
    cardGuard.placed(true);
    look(true);
    vi.advanceTimersByTime(STEADY_MS + 10);
    return cardGuard;
  }

  it("refuses the click when Gmail's side sees the card covered, though its own v2 has not yet", () => {
    const cardGuard = steadyGuard();

    press();
    click();
    look(true);
    cardGuard.seen(asked.at(-1)!, false);
    expect(pressed).toEqual([]);

    // Both answer before the click comes: the click is refused all the same.
    press();
    look(true);
    cardGuard.seen(asked.at(-1)!, false);
    click();
    expect(pressed).toEqual([]);

    // Gmail's side answers first; an answer to an older press counts for nothing.
    press();
    click();
    cardGuard.seen(asked.at(-2)!, true);
    cardGuard.seen(asked.at(-1)!, true);
    expect(pressed).toEqual([]);
    look(true);
    expect(pressed).toEqual(['click']);
    expect(asked).toEqual([1, 2, 3]);

    // A refused press says nothing of a later click the keyboard makes on the steady card.
    press();
    look(true);
    cardGuard.seen(asked.at(-1)!, false);
    click(true);
    expect(pressed).toEqual(['click', 'click']);
  });

  it('drops a held click when no answer comes, and the next press is heard', () => {
    const cardGuard = steadyGuard();
    press();
    click();
    look(true);
    vi.advanceTimersByTime(ANSWER_MS + 1);
    cardGuard.seen(asked.at(-1)!, true);
    expect(pressed).toEqual([]);
    // Nor does a click of that press that comes later still (a long press).
    click();
    expect(pressed).toEqual([]);

    press();
    click();
    cardGuard.seen(asked.at(-1)!, true);
    look(true);
    expect(pressed).toEqual(['click']);
  });
});
