// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { linkToGmail } from '@/lib/pages/card/gmail-link';
import type { CardInputGuard } from '@/lib/pages/card/input-guard';
import { parseFromCard, parseToCard, type ToCard } from '@/lib/shared/card-channel';

const NONCE = '3da256ca-c10f-448a-a126-4a14d9bc0f06';
const SHOW = {
  type: 'show',
  seq: 1,
  person: { email: 'rahul@acme.example', name: 'Rahul' },
  theme: 'light',
};

/** A card window at card.html#n=NONCE, and a way to post to it as any origin. */
function cardWindow() {
  window.location.hash = `#n=${NONCE}`;
  const guard = { placed: vi.fn(), reset: vi.fn(), seen: vi.fn(), watchInterference: vi.fn() };
  const link = linkToGmail(window, guard satisfies CardInputGuard);
  const seen: ToCard[] = [];
  link.listen((message) => seen.push(message));
  const offer = (origin: string, data: unknown) => {
    const channel = new MessageChannel();
    window.dispatchEvent(new MessageEvent('message', { origin, data, ports: [channel.port2] }));
    return channel.port1;
  };
  return { link, seen, offer, guard };
}

describe("the card's link to Gmail", () => {
  it('takes a port only from Gmail with its own nonce, and only the first', async () => {
    const { seen, offer } = cardWindow();
    offer('https://evil.example', { vivreCard: NONCE }).postMessage(SHOW);
    offer('https://mail.google.com', { vivreCard: 'guessed' }).postMessage(SHOW);
    const ours = offer('https://mail.google.com', { vivreCard: NONCE });
    offer('https://mail.google.com', { vivreCard: NONCE }).postMessage({ ...SHOW, seq: 9 });
    ours.postMessage(SHOW);
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(seen).toEqual([SHOW]);
  });

  it('drops what it cannot check, even on its own port', async () => {
    const { seen, offer } = cardWindow();
    const port = offer('https://mail.google.com', { vivreCard: NONCE });
    port.postMessage({ ...SHOW, person: { email: 'not an address', name: null } });
    port.postMessage({ type: 'run', code: 'alert(1)' });
    port.postMessage({ type: 'hide' });
    await vi.waitFor(() => expect(seen).toEqual([{ type: 'hide' }]));
  });

  it('tells its input guard how the frame is drawn, and the card only whom to show', async () => {
    const { seen, offer, guard } = cardWindow();
    const port = offer('https://mail.google.com', { vivreCard: NONCE });
    port.postMessage(SHOW);
    port.postMessage({ type: 'visible', visible: true });
    port.postMessage({ type: 'visible', visible: 'yes' });
    await vi.waitFor(() => expect(guard.placed).toHaveBeenCalledTimes(2));
    expect(guard.placed.mock.calls).toEqual([[true], [false]]);
    // A new showing starts the guard's clock again.
    expect(guard.reset).toHaveBeenCalledOnce();
    expect(seen).toEqual([SHOW]);
  });

  it("hands Gmail's answer to a press to the guard, and nothing else of it to the card", async () => {
    const { seen, offer, guard } = cardWindow();
    const port = offer('https://mail.google.com', { vivreCard: NONCE });
    port.postMessage({ type: 'seen', press: 3, visible: true });
    port.postMessage({ type: 'seen', press: 4, visible: 1 });
    port.postMessage({ type: 'seen', press: 'any', visible: true });
    await vi.waitFor(() => expect(guard.seen).toHaveBeenCalledTimes(2));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(guard.seen.mock.calls).toEqual([
      [3, true],
      [4, false],
    ]);
    expect(seen).toEqual([]);
  });
});

describe('the checks on each side', () => {
  it('keeps a display name short and trims it; reads the theme as light unless dark', () => {
    const long = { ...SHOW, person: { email: 'A@B.example', name: ` ${'x'.repeat(500)} ` } };
    const checked = parseToCard({ ...long, theme: 'neon' });
    expect(checked).toMatchObject({ person: { email: 'a@b.example' }, theme: 'light' });
    expect(checked?.type === 'show' && checked.person.name?.length).toBe(200);
  });

  it('bounds every height the card asks for and refuses what is not one', () => {
    expect(parseFromCard({ type: 'size', seq: 1, height: 1e9 })).toEqual({
      type: 'size',
      seq: 1,
      height: 480,
    });
    expect(parseFromCard({ type: 'size', seq: 1, height: -5 })).toMatchObject({ height: 60 });
    expect(parseFromCard({ type: 'size', seq: 1, height: Infinity })).toBeNull();
    expect(parseFromCard({ type: 'size', seq: -1, height: 100 })).toBeNull();
    expect(parseFromCard({ type: 'close', returnFocus: 'yes' })).toEqual({
      type: 'close',
      returnFocus: false,
    });
    expect(parseFromCard('close')).toBeNull();
    expect(parseFromCard({ type: 'pressed', press: 2 })).toEqual({ type: 'pressed', press: 2 });
    expect(parseFromCard({ type: 'pressed', press: 1.5 })).toBeNull();
  });
});
