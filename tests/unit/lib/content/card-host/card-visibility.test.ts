// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchCardDrawing, type Box } from '@/lib/content/card-host/card-visibility';

// happy-dom has no layout nor top layer: where the frame is drawn, whether the host is in the
// top layer and what the hit test finds are set by each test, as a browser would report them.
let host: HTMLElement;
let frame: HTMLIFrameElement;
let drawn: Box;
let onTop: boolean;
let hit: Element | null;
let placed: Box;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  placed = { top: 120, left: 40, width: 320, height: 200 };
  host = document.createElement('vivre-card');
  host.setAttribute('data-vivre-host', '');
  host.setAttribute('popover', 'manual');
  frame = document.createElement('iframe');
  document.body.append(host);
  drawn = { ...placed };
  frame.getBoundingClientRect = () =>
    ({ ...drawn, right: drawn.left + drawn.width, bottom: drawn.top + drawn.height }) as DOMRect;
  onTop = true;
  const matches = host.matches.bind(host);
  host.matches = (selector: string) => (selector === ':popover-open' ? onTop : matches(selector));
  hit = host;
  document.elementFromPoint = () => hit;
  document.querySelectorAll = (() => []) as unknown as Document['querySelectorAll'];
});
afterEach(() => {
  vi.useRealTimers();
  host.remove();
});

function watch() {
  const told: boolean[] = [];
  const watching = watchCardDrawing(
    host,
    frame,
    () => placed,
    (visible) => told.push(visible),
  );
  return { told, watching };
}

describe("the card's drawing, watched from Gmail's side", () => {
  it('tells the card it is drawn as placed, and not once page script puts a style on its host', async () => {
    const { told } = watch();
    expect(told).toEqual([true]);
    host.setAttribute('style', 'opacity: 0');
    await vi.waitFor(() => expect(told).toEqual([true, false]));
    host.removeAttribute('style');
    await vi.waitFor(() => expect(told).toEqual([true, false, true]));
  });

  it('finds out within a quarter second when the card is scaled, covered or out of the top layer', () => {
    const { told, watching } = watch();
    drawn = { ...placed, width: 6.4, height: 4 };
    vi.advanceTimersByTime(250);
    drawn = { ...placed };
    vi.advanceTimersByTime(250);
    hit = document.body;
    vi.advanceTimersByTime(250);
    hit = host;
    vi.advanceTimersByTime(250);
    onTop = false;
    vi.advanceTimersByTime(250);
    expect(told).toEqual([true, false, true, false, true, false]);
    watching.stop();
    vi.advanceTimersByTime(1000);
    expect(told).toHaveLength(6);
  });

  it("looks afresh at a press: IntersectionObserver v2's next look at the frame, and the checks", async () => {
    // v2 in Gmail's page: one observer per look, gone once it has answered.
    let isVisible = true;
    const watched = new Set<Element>();
    vi.stubGlobal(
      'IntersectionObserver',
      class {
        constructor(private readonly callback: (entries: { isVisible: boolean }[]) => void) {}
        observe(target: Element) {
          watched.add(target);
          queueMicrotask(() => this.callback([{ isVisible }]));
        }
        disconnect() {
          watched.clear();
        }
      },
    );
    try {
      const { watching } = watch();
      expect(await watching.look()).toBe(true);
      expect(watched.size).toBe(0);
      // A sheet that lets the pointer through: only v2 sees it.
      isVisible = false;
      expect(await watching.look()).toBe(false);
      isVisible = true;
      hit = document.body;
      expect(await watching.look()).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('tells the card again at a new place, so its steady clock starts again', () => {
    const { told, watching } = watch();
    drawn = { ...placed, top: 300 };
    placed.top = 300;
    watching.check();
    expect(told).toEqual([true, true]);
  });
});
