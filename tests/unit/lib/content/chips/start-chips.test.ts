// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ParticipantAnchor } from '@/lib/shared/people';
import { pageParticipants } from '@/lib/content/page-participants';
import type { GmailDetection } from '@/lib/content/chips/start-chips';
import { showFixture } from '../gmail/load-fixture';
import { createLookupStore } from '@/lib/content/lookups/lookup-store';
import { gmail } from './gmail-detection';
import { contact, fakeWorker } from './fake-worker';
import { hosts, startTestChips, useShadowRoots } from './test-chips';

const RAHUL = 'rahul.sharma@acme-tech.example';

/** A worker that never looks up whom `listed` names, and finds no one else in Vivre. */
const neverLookingUp = (listed: (email: string) => boolean) =>
  (async (_type: string, data?: unknown) => ({
    ok: true,
    value: Object.fromEntries(
      (data as { emails: string[] }).emails.map((email) => [
        email,
        listed(email)
          ? { status: 'skipped', reason: 'never_lookup' }
          : { status: 'not_found', fetchedAt: 0, stale: false },
      ]),
    ),
  })) as never;

const rootOf = useShadowRoots();
let controller: AbortController;
beforeEach(() => {
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  document.body.replaceChildren();
});

describe('the chips on a real Gmail thread', () => {
  it('puts a chip host right after every participant anchor, none in the body', async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    const worker = fakeWorker({ [RAHUL]: contact(RAHUL, 'Rahul Sharma', 87) });
    const anchors = gmail.findParticipantAnchors(document, gmail.findSignedInEmail(document));
    startTestChips(controller.signal, { ask: worker.ask });

    expect(hosts()).toHaveLength(anchors.length);
    anchors.forEach((anchor, i) => {
      const host = hosts()[i]!;
      expect(anchor.element.nextElementSibling).toBe(host);
      expect(host.getAttribute('data-vivre-email')).toBe(anchor.email);
      expect(rootOf(host).querySelector('style')).not.toBeNull();
    });
    expect(document.querySelector('.a3s vivre-chip')).toBeNull();

    // One message for the four distinct people, however many times they appear.
    expect(worker.mock.mock.calls[0]![1]).toMatchObject({
      signedInEmail: 'meenakshi.rao@bluestone.example',
    });
    expect(worker.lookups()).toEqual([
      [
        'ananya.iyer@bluestone.example',
        'procurement-team@bluestone.example',
        RAHUL,
        'vikram.reddy@bluestone.example',
      ],
    ]);
    const rahulHost = hosts().find((host) => host.dataset.vivreEmail === RAHUL)!;
    await vi.waitFor(() =>
      expect(rootOf(rahulHost).querySelector('button')?.getAttribute('aria-label')).toBe(
        'Vivre: Rahul Sharma, AI score 87, hot lead',
      ),
    );
  });

  it('shows no chip at all while Vivre is not connected, and keeps no room for them', async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    const ask = vi.fn(async () => ({
      ok: false,
      error: { kind: 'not_configured', message: 'Connect Vivre first.' },
    }));
    startTestChips(controller.signal, { ask: ask as never });
    expect(hosts().length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(hosts().every((host) => host.hidden)).toBe(true));
    expect(hosts().map((host) => rootOf(host).querySelector('button'))).toEqual(
      hosts().map(() => null),
    );
  });

  it('hides the host of a colleague’s chip, so the recipient line keeps no stray gap', async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    startTestChips(controller.signal, {
      ask: neverLookingUp((email) => email.endsWith('@bluestone.example')),
    });
    await vi.waitFor(() =>
      expect(
        hosts()
          .filter((host) => !host.hidden)
          .map((host) => host.dataset.vivreEmail),
      ).toEqual([RAHUL, RAHUL]),
    );
    const procurement = hosts().find(
      (host) => host.dataset.vivreEmail === 'procurement-team@bluestone.example',
    )!;
    expect(procurement.hidden).toBe(true);
  });

  it('keeps the host of someone on the never-look-up list, the same as any other, drawing nothing', async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    // Rahul is outside the rep's company: only the rep's own list keeps him out of lookups.
    startTestChips(controller.signal, { ask: neverLookingUp((email) => email === RAHUL) });
    const rahul = hosts().find((host) => host.dataset.vivreEmail === RAHUL)!;
    await vi.waitFor(() => expect(rootOf(rahul).querySelector('.chip.gap')).not.toBeNull());
    // What page script can read of the host is what it reads of a looked-up person's host.
    const readable = (host: HTMLElement) =>
      host
        .getAttributeNames()
        .map((name) => [name, name === 'data-vivre-email' || host.getAttribute(name)]);
    const looked = hosts().find((host) => host.dataset.vivreEmail !== RAHUL && !host.hidden);
    expect(readable(rahul)).toEqual(readable(looked!));
    expect(rahul.hidden).toBe(false);
    // Nothing to press or hear: out of the tab order and the accessibility tree.
    expect(rootOf(rahul).querySelector('button')).toBeNull();
    expect(rootOf(rahul).querySelector('.gap')?.getAttribute('aria-hidden')).toBe('true');
  });

  it("keeps everything but the address out of Gmail's reach: closed roots, no other attribute", async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    startTestChips(controller.signal, {
      ask: fakeWorker({ [RAHUL]: contact(RAHUL, 'Rahul Sharma', 87) }).ask,
    });
    const rahul = hosts().find((host) => host.dataset.vivreEmail === RAHUL)!;
    // Patient: a full unit run on a loaded machine took over the default second (seen once).
    await vi.waitFor(
      () => expect(rootOf(rahul).querySelector('.score')?.getAttribute('data-words')).toBe('87'),
      { timeout: 5000 },
    );
    // Drawn by CSS from that attribute, not as text, which window.find() would match.
    expect(rootOf(rahul).querySelector('button')?.textContent).toBe('');
    for (const host of hosts()) {
      // What page script gets: no root, no text, and only these attributes.
      expect(host.shadowRoot).toBeNull();
      expect(host.textContent).toBe('');
      expect(host.getAttributeNames().sort()).toEqual([
        'data-theme',
        'data-vivre-email',
        'data-vivre-host',
      ]);
    }
    expect(document.querySelector('vivre-chip button, vivre-chip .score')).toBeNull();
    expect(document.body.textContent).not.toContain('AI score');
  });

  it('answers getPageParticipants with the thread’s people and subject', () => {
    showFixture('thread-expanded-2025.html', 'shared');
    const answer = pageParticipants(document, gmail);
    expect(answer.subject).toBe('PO-4471 – revised delivery schedule');
    expect(answer.participants.map((p) => p.email)).toEqual([
      RAHUL,
      'procurement-team@bluestone.example',
      'ananya.iyer@bluestone.example',
      'vikram.reddy@bluestone.example',
    ]);
  });
});

/** Detection over test markup: every `<span data-person>` is an anchor. */
const detect: GmailDetection = {
  ...gmail,
  findParticipantAnchors: (root) =>
    [...root.querySelectorAll<HTMLElement>('span[data-person]')].map(
      (element): ParticipantAnchor => ({
        element,
        email: element.dataset.person!,
        name: null,
        role: 'to',
        context: 'thread',
      }),
    ),
};

function addPerson(email: string): HTMLElement {
  const span = document.createElement('span');
  span.dataset.person = email;
  span.setAttribute('email', email);
  document.body.append(span);
  return span;
}

/** A worker that knows nobody, and how many chip hosts were on the page at each of its asks. */
function askCountingHosts() {
  const worker = fakeWorker();
  const hostsWhenAsked: number[] = [];
  const ask = vi.fn((...args: Parameters<typeof worker.ask>) => {
    hostsWhenAsked.push(hosts().length);
    return worker.ask(...args);
  });
  return { ask, hostsWhenAsked };
}

function start(worker = fakeWorker()) {
  const chips = startTestChips(controller.signal, { ask: worker.ask, detect });
  return { chips, worker };
}

describe('the chips as Gmail changes', () => {
  it('looks up a burst of new people in one message', async () => {
    const { worker } = start();
    addPerson('a@x.example');
    addPerson('b@x.example');
    addPerson('c@x.example');
    addPerson('a@x.example'); // same person shown twice
    await vi.waitFor(() => expect(hosts()).toHaveLength(4));
    expect(worker.lookups()).toEqual([['a@x.example', 'b@x.example', 'c@x.example']]);
  });

  it('asks the worker before it builds the hosts, so the lookup runs while they are built', async () => {
    const { ask, hostsWhenAsked } = askCountingHosts();
    startTestChips(controller.signal, { ask: ask as never, detect });
    addPerson('a@x.example');
    addPerson('b@x.example');
    await vi.waitFor(() => expect(hosts()).toHaveLength(2));
    expect(ask).toHaveBeenCalledTimes(1);
    expect(hostsWhenAsked).toEqual([0]);
  });

  it('builds the hosts first when the chip mirror already has what they show', async () => {
    const { ask, hostsWhenAsked } = askCountingHosts();
    const read = Promise.resolve({ 'a@x.example': { name: 'A', score: 50, fetchedAt: 1 } });
    const store = createLookupStore(ask as never, { read, signedIn: () => null });
    await read;
    startTestChips(controller.signal, { ask: ask as never, detect, store });
    addPerson('a@x.example');
    await vi.waitFor(() => expect(ask).toHaveBeenCalledTimes(1));
    expect(hostsWhenAsked).toEqual([1]);
  });

  it('does not look up people it already knows again', async () => {
    const { worker } = start();
    addPerson('a@x.example');
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    addPerson('a@x.example');
    addPerson('d@x.example');
    await vi.waitFor(() => expect(hosts()).toHaveLength(3));
    expect(worker.lookups()).toEqual([['a@x.example'], ['d@x.example']]);
  });

  it('removes the host of an anchor that left the page', async () => {
    start();
    const gone = addPerson('a@x.example');
    addPerson('b@x.example');
    await vi.waitFor(() => expect(hosts()).toHaveLength(2));
    gone.remove();
    await vi.waitFor(() =>
      expect(hosts().map((h) => h.dataset.vivreEmail)).toEqual(['b@x.example']),
    );
  });

  it('puts a host back when Gmail removed it but kept the anchor', async () => {
    const { chips } = start();
    const anchor = addPerson('a@x.example');
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    hosts()[0]!.remove();
    chips.navigated();
    expect(anchor.nextElementSibling?.getAttribute('data-vivre-email')).toBe('a@x.example');
  });

  it('lets another feature run after each scan, sharing the one page watcher', async () => {
    const onScan = vi.fn();
    startTestChips(controller.signal, { detect, onScan });
    expect(onScan).toHaveBeenCalledTimes(1); // the first scan, at start
    addPerson('a@x.example');
    await vi.waitFor(() => expect(onScan).toHaveBeenCalledTimes(2));
  });

  it('gives hosts Gmail’s theme and follows a change when Gmail navigates', async () => {
    document.body.style.backgroundColor = 'rgb(255, 255, 255)';
    const { chips } = start();
    addPerson('a@x.example');
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    expect(hosts()[0]!.getAttribute('data-theme')).toBe('light');
    document.body.style.backgroundColor = 'rgb(32, 33, 36)';
    chips.navigated();
    expect(hosts()[0]!.getAttribute('data-theme')).toBe('dark');
    document.body.style.backgroundColor = '';
  });

  it('removes every host and stops watching once the context is invalidated', async () => {
    const { worker } = start();
    addPerson('a@x.example');
    await vi.waitFor(() => expect(hosts()).toHaveLength(1));
    controller.abort();
    expect(hosts()).toHaveLength(0);
    addPerson('b@x.example');
    // Give a (wrongly) surviving observer every chance to run.
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(hosts()).toHaveLength(0);
    expect(worker.lookups()).toEqual([['a@x.example']]);
  });

  it('keeps clicks and keys inside the chip away from Gmail’s shortcuts', async () => {
    start();
    addPerson('a@x.example');
    await vi.waitFor(() => expect(rootOf(hosts()[0]!).querySelector('button')).toBeTruthy());
    const seen = vi.fn();
    document.addEventListener('keydown', seen);
    document.addEventListener('click', seen);
    const button = rootOf(hosts()[0]!).querySelector('button')!;
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', bubbles: true, composed: true }));
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    document.removeEventListener('keydown', seen);
    document.removeEventListener('click', seen);
    expect(seen).not.toHaveBeenCalled();
  });
});
