// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { fakeWorker, RAHUL } from './fake-worker';
import type { Deal } from '@/lib/shared/vivre/contract-types';
import { scripted, shadowOf, useGmailTabs } from './page';
import { showFixture } from '../gmail/load-fixture';
import { drawnWords } from '../../../drawn-words';
import { scrolledByHand } from '../scrolled-by-hand';

const tabs = useGmailTabs();

const firstMessage = () => shadowOf('vivre-log-email', 0);

const openDeal = (id: string, title: string): Deal => ({
  id,
  contact_id: RAHUL.id,
  title,
  value: 100_000,
  stage: 'proposal',
  created_at: '2026-01-01T00:00:00Z',
});

describe('"Log this email" on a thread message', () => {
  it('offers the sender’s open deals when the rep comes to it, starts on the only one, and logs with the deal chosen', async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    const worker = fakeWorker({ deals: { [RAHUL.id]: [openDeal('dl_1', 'Annual plan')] } });
    await tabs.open(worker);
    // Not read for every message shown: only when the rep comes to the button.
    expect(firstMessage().querySelector('select')).toBeNull();
    document.querySelector('vivre-log-email')!.dispatchEvent(new Event('pointerenter'));
    await expect.poll(() => firstMessage().querySelector('select')?.value).toBe('dl_1');
    const select = firstMessage().querySelector('select')!;
    // The rep says this one is not about the deal.
    select.value = '';
    select.dispatchEvent(new Event('change'));
    firstMessage().querySelector('button')!.click();
    await expect.poll(() => worker.dealIds()).toEqual([null]);
  });

  it("gives Gmail's page script nothing to read or drive: no root, no deal, no log", async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    const worker = fakeWorker({ deals: { [RAHUL.id]: [openDeal('dl_1', 'Annual plan')] } });
    await tabs.open(worker);
    const host = document.querySelector('vivre-log-email')!;
    expect(host.shadowRoot).toBeNull();
    const detailsAsked = () =>
      worker.mock.mock.calls.filter(([type]) => type === 'getOpenDeals').length;

    // Page script pretends the rep came to the button: the deals are not read for it.
    host.dispatchEvent(scripted(new Event('pointerenter')));
    host.dispatchEvent(scripted(new FocusEvent('focusin', { bubbles: true })));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(detailsAsked()).toBe(0);

    // The rep does: the menu comes, in the closed root.
    host.dispatchEvent(new Event('pointerenter'));
    await expect.poll(() => firstMessage().querySelector('select')?.value).toBe('dl_1');

    // Script-made clicks and changes inside do nothing (the content script's own world is the
    // only one that could make them; the page cannot reach the button at all).
    const select = firstMessage().querySelector('select')!;
    select.value = '';
    select.dispatchEvent(scripted(new Event('change', { bubbles: true })));
    const button = firstMessage().querySelector('button')!;
    button.dispatchEvent(scripted(new MouseEvent('click', { bubbles: true, composed: true })));
    host.dispatchEvent(scripted(new MouseEvent('click', { bubbles: true, composed: true })));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(worker.writes).toEqual([]);

    button.click();
    await expect.poll(() => worker.dealIds()).toEqual(['dl_1']);
  });

  it('logs the message once for its sender, then shows when it was logged', async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    const worker = fakeWorker();
    await tabs.open(worker);
    expect(document.querySelectorAll('vivre-log-email')).toHaveLength(2);

    const button = firstMessage().querySelector('button')!;
    expect(drawnWords(button)).toBe('Log this email');
    // Drawn, not text: window.find() matches text even in a closed root.
    expect(button.textContent).toBe('');
    button.click();
    button.click();
    await expect
      .poll(() => drawnWords(firstMessage().querySelector('[role=status]')))
      .toMatch(/^Logged ✓ /);

    expect(worker.activities()).toHaveLength(1);
    const [contactId, note] = worker.activities()[0]!;
    expect(contactId).toBe(RAHUL.id);
    expect(note).toMatch(/^PO-4471 – revised delivery schedule\n\nHello team,\n/);
    expect(note).not.toContain('mailto');
  });

  it('shows "Logged ✓" in another tab and after a reload, and never logs twice', async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    const worker = fakeWorker();
    await tabs.open(worker);
    firstMessage().querySelector('button')!.click();
    await expect.poll(() => worker.activities().length).toBe(1);
    // Storage holds ids and times, no content.
    expect(Object.keys(worker.logged)).toEqual(['#msg-f:1840959905192440233']);

    tabs.closeFirst();
    showFixture('thread-expanded-2025.html', 'shared');
    await tabs.open(worker);
    await expect.poll(() => firstMessage().querySelector('button')).toBeNull();
    expect(drawnWords(firstMessage().querySelector('[role=status]'))).toMatch(/^Logged ✓ /);
    expect(worker.activities()).toHaveLength(1);
  });

  it("logs the rep's own message for the recipients outside their domain", async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    const worker = fakeWorker();
    await tabs.open(worker);
    // Message 2 is from Ananya, the rep's colleague at bluestone.example; Rahul is the outsider.
    shadowOf('vivre-log-email', 1).querySelector('button')!.click();
    await expect.poll(() => worker.activities().map(([id]) => id)).toEqual([RAHUL.id]);
  });

  it('names whom it logs for before the click: the people outside the rep’s company', async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    await tabs.open(fakeWorker());
    const whom = (i: number) => drawnWords(shadowOf('vivre-log-email', i).querySelector('.whom'));
    // Message 1 from Rahul; message 2 from Ananya (a colleague) to Rahul, the team and Vikram.
    expect([whom(0), whom(1)]).toEqual(['for Rahul Sharma', 'for Rahul Sharma']);
    const button = firstMessage().querySelector('button')!;
    expect(button.getAttribute('aria-describedby')).toBe('vivre-log-whom');
    expect(button.disabled).toBe(false);
  });

  it('offers nothing to click on a message with nobody outside the company', async () => {
    showFixture('thread-expanded-2025.html', 'shared', [
      ['acme-tech.example', 'bluestone.example'],
    ]);
    const worker = fakeWorker();
    await tabs.open(worker);
    expect(drawnWords(firstMessage().querySelector('.whom'))).toBe(
      'Nobody outside your company is on it.',
    );
    expect(firstMessage().querySelector('button')!.disabled).toBe(true);
    expect(worker.writes).toEqual([]);
  });

  it('shows no button, and no compose toggle, before Vivre is connected', async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    const worker = fakeWorker({ connected: false });
    const logging = await tabs.open(worker);
    logging.scan();
    expect(document.querySelectorAll('vivre-log-email, vivre-email-log')).toHaveLength(0);

    // The rep connects in the options page, then moves on in Gmail: the buttons come.
    worker.connect();
    logging.navigated();
    await expect.poll(() => document.querySelectorAll('vivre-log-email').length).toBe(2);
  });

  it('says why nothing was logged when nobody on the message is in Vivre', async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    const worker = fakeWorker({ known: [] });
    await tabs.open(worker);
    firstMessage().querySelector('button')!.click();
    await expect
      .poll(() => drawnWords(firstMessage().querySelector('.error')))
      .toBe('Not logged: nobody on it is in Vivre.');
    expect(worker.writes).toEqual([]);
  });

  it('draws a message’s control only once the message comes near the viewport', async () => {
    showFixture('thread-expanded-2025.html', 'shared');
    const worker = fakeWorker();
    const view = scrolledByHand();
    const logging = await tabs.open(worker, view.watchNear);
    const hosts = () => [...document.querySelectorAll('vivre-log-email')];
    const loggedAsked = () =>
      worker.mock.mock.calls.filter(([type]) => type === 'getLoggedEmails').length;
    const [first, second] = [...view.waiting];
    expect(view.waiting.size).toBe(2);
    expect(hosts()).toEqual([]);
    expect(loggedAsked()).toBe(0);

    view.scrollTo(second!);
    expect(hosts().map((host) => second!.contains(host))).toEqual([true]);
    await expect.poll(loggedAsked).toBe(1);
    // Gmail's next changes draw no other control, and leave the drawn one in place.
    logging.scan();
    expect(hosts()).toHaveLength(1);
    expect(view.waiting).toEqual(new Set([first]));

    // Gmail removes the message never scrolled to: it is no longer waited for.
    first!.remove();
    logging.scan();
    expect(view.waiting.size).toBe(0);
    expect(hosts()).toHaveLength(1);
  });
});
