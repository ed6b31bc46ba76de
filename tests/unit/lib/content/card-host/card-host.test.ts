// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParticipantAnchor } from '@/lib/shared/people';
import type { GmailDetection } from '@/lib/content/chips/start-chips';
import { placeCard } from '@/lib/content/card-host/card-host';
import type { FromCard, ToCard } from '@/lib/shared/card-channel';
import { contact, fakeWorker } from '../chips/fake-worker';
import { gmail } from '../chips/gmail-detection';
import { hosts, startTestChips, useShadowRoots } from '../chips/test-chips';

const rootOf = useShadowRoots();
const RAHUL = 'rahul.sharma@acme-tech.example';

/** Detection over test markup: every `<span data-person>` is an anchor. */
const detect: GmailDetection = {
  ...gmail,
  findParticipantAnchors: (root) =>
    [...root.querySelectorAll<HTMLElement>('span[data-person]')].map(
      (element): ParticipantAnchor => ({
        element,
        email: element.dataset.person!,
        name: element.textContent || null,
        role: 'to',
        context: 'thread',
      }),
    ),
};

let controller: AbortController;
let channels: MessageChannel[];
beforeEach(() => {
  controller = new AbortController();
  channels = [];
  // The content script's end of each channel it makes; the test plays the card's end.
  const Real = MessageChannel;
  vi.stubGlobal(
    'MessageChannel',
    class extends Real {
      constructor() {
        super();
        channels.push(this);
      }
    },
  );
});
afterEach(() => {
  controller.abort();
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

/** Gmail showing Rahul, the chips on it, and his chip's button (inside its closed root). */
async function rahulsChip(worker = fakeWorker({ [RAHUL]: contact(RAHUL, 'Rahul Sharma', 87) })) {
  const span = document.createElement('span');
  span.dataset.person = RAHUL;
  span.setAttribute('email', RAHUL);
  span.textContent = 'Rahul Sharma';
  document.body.append(span);
  startTestChips(controller.signal, { ask: worker.ask, detect });
  const host = hosts()[0]!;
  await vi.waitFor(() =>
    expect(rootOf(host).querySelector('button[aria-label*="87"]')).toBeTruthy(),
  );
  return { host, button: rootOf(host).querySelector('button')!, worker };
}

/** The card's frame, its host, and the card's end of the port once the frame "loaded". */
function loadedCard() {
  const cardHost = document.querySelector('vivre-card')!;
  const iframe = rootOf(cardHost).querySelector('iframe')!;
  iframe.dispatchEvent(new Event('load'));
  const port = channels.at(-1)!.port2;
  const received: ToCard[] = [];
  port.onmessage = (event) => received.push(event.data as ToCard);
  const send = (message: FromCard | Record<string, unknown>) => port.postMessage(message);
  return { cardHost, iframe, received, send };
}

describe('the card frame in Gmail', () => {
  it('is made once chips have answers, once, inside a closed root, with nothing of anyone in its URL', async () => {
    const { button } = await rahulsChip();
    // Made while the tab is idle, so a first click does not wait for the page to load.
    await vi.waitFor(() => expect(document.querySelector('vivre-card')).not.toBeNull());
    button.dispatchEvent(new Event('pointerenter'));
    button.dispatchEvent(new FocusEvent('focus'));
    const cards = document.querySelectorAll('vivre-card');
    expect(cards).toHaveLength(1);
    expect(cards[0]!.shadowRoot).toBeNull();
    const iframe = rootOf(cards[0]!).querySelector('iframe')!;
    expect(iframe.src).toMatch(/\/card\.html#n=[0-9a-f-]{36}$/);
    expect(iframe.title).toBe('Vivre contact card');
    expect(iframe.hasAttribute('inert')).toBe(true);
  });

  it('is made only after the frame that paints the answers: making it there held that frame back', async () => {
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) =>
      frames.push(callback),
    );
    await rahulsChip(); // its scan runs at idle, as Gmail's page watcher does without frames
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(document.querySelector('vivre-card')).toBeNull();
    frames.splice(0).forEach((frame) => frame(performance.now()));
    await vi.waitFor(() => expect(document.querySelector('vivre-card')).not.toBeNull());
  });

  it('says whom to show over its port, and shows the frame once the card has measured them', async () => {
    const { button } = await rahulsChip();
    button.click();
    await vi.waitFor(() => expect(button.getAttribute('aria-expanded')).toBe('true'));
    const { iframe, received, send } = loadedCard();
    await vi.waitFor(() =>
      expect(received).toEqual([
        {
          type: 'show',
          seq: 1,
          person: { email: RAHUL, name: 'Rahul Sharma' },
          theme: 'light',
          // What his chip shows, so the card can draw it at once.
          known: expect.objectContaining({
            status: 'found',
            contact: expect.objectContaining({ email: RAHUL, ai_score: 87 }),
          }),
        },
      ]),
    );
    expect(iframe.hasAttribute('inert')).toBe(false);
    expect(iframe.classList.contains('measuring')).toBe(true);

    send({ type: 'size', seq: 1, height: 5000 });
    await vi.waitFor(() => expect(iframe.classList.contains('measuring')).toBe(false));
    // The tallest the card may ask for, whatever it asks.
    expect(iframe.style.height).toBe('480px');
  });

  it('ignores what it cannot check: an old showing, a height that is no number, unknown types', async () => {
    const { button } = await rahulsChip();
    button.click();
    const { iframe, send } = loadedCard();
    send({ type: 'size', seq: 7, height: 200 });
    send({ type: 'size', seq: 1, height: 'tall' });
    send({ type: 'navigate', url: 'https://evil.example/' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(iframe.classList.contains('measuring')).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('true');
  });

  it("closes on the card's Esc and gives focus back to the chip", async () => {
    const { host, button } = await rahulsChip();
    button.click();
    const { iframe, received, send } = loadedCard();
    send({ type: 'close', returnFocus: true });
    await vi.waitFor(() => expect(received.at(-1)).toEqual({ type: 'hide' }));
    expect(iframe.hasAttribute('inert')).toBe(true);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(rootOf(host).activeElement).toBe(button);
  });

  it('closes when the rep presses elsewhere in Gmail, and when the chip leaves the page', async () => {
    const { button } = await rahulsChip();
    button.click();
    const { received } = loadedCard();
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    await vi.waitFor(() => expect(received.at(-1)).toEqual({ type: 'hide' }));

    button.click();
    await vi.waitFor(() => expect(received.at(-1)).toMatchObject({ type: 'show', seq: 2 }));
    document.querySelector('span[data-person]')!.remove();
    await vi.waitFor(() => expect(hosts()).toHaveLength(0));
    await vi.waitFor(() => expect(received.at(-1)).toEqual({ type: 'hide' }));
  });

  it('answers a press on a card not drawn yet: not seen, whatever the card thinks', async () => {
    const { button } = await rahulsChip();
    button.click();
    const { received, send } = loadedCard();
    send({ type: 'pressed', press: 4 });
    await vi.waitFor(() =>
      expect(received.at(-1)).toEqual({ type: 'seen', press: 4, visible: false }),
    );
  });

  it('looks the person up again when the card says their record changed', async () => {
    const { button, worker } = await rahulsChip();
    button.click();
    const { send } = loadedCard();
    send({ type: 'changed', seq: 1 });
    await vi.waitFor(() => expect(worker.lookups()).toEqual([[RAHUL], [RAHUL]]));
  });
});

describe('placeCard', () => {
  const viewport = { width: 1000, height: 800 };
  const card = { width: 320, height: 300 };
  const chipAt = (left: number, top: number) =>
    ({ left, top, bottom: top + 18, right: left + 30 }) as DOMRect;

  it('puts the card below the chip when there is room', () => {
    expect(placeCard(chipAt(100, 100), card, viewport)).toEqual({ top: 124, left: 100 });
  });

  it('flips above the chip near the bottom and stays inside the right edge', () => {
    const { top, left } = placeCard(chipAt(900, 700), card, viewport);
    expect(top + card.height).toBeLessThanOrEqual(700);
    expect(left + card.width).toBeLessThanOrEqual(viewport.width);
  });

  it('never goes above or left of the viewport', () => {
    const { top, left } = placeCard(chipAt(-50, 10), { width: 320, height: 790 }, viewport);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(left).toBeGreaterThanOrEqual(0);
  });
});
