/**
 * The Firefox build in real Firefox ESR (puppeteer-core over WebDriver BiDi): chips
 * with the sandbox's scores on a real Gmail thread, a call logged from the card that
 * reaches Vivre once, and a call logged while Vivre is down that reaches it once
 * when it is back; a send undone with Gmail's Undo logs nothing, and the same draft sent again
 * logs once; page script's WXT "started" event, faked send and faked Undo change nothing of what
 * the rep does (harness/page-script.ts). Chips have closed shadow roots and the card is an
 * extension page in a frame, so the test does what a rep does: it clicks a chip's box and works
 * in the card's frame. The compose toggle and "Log this email" have closed roots too, and Firefox
 * gives a test no accessibility tree to read them by: the rep's pointer and keys drive them at
 * their hosts' boxes, and the test follows what the rep would see change (a host growing a line)
 * and what reached Vivre.
 */
import { randomUUID } from 'node:crypto';
import type { Frame, Page } from 'puppeteer-core';
import { DEEPA, RAHUL, SNEHA } from '../factories';
import { REP_ELSEWHERE } from '../fixtures/gmail/variants';
import { describe, expect, test as base } from './fixtures';
import {
  fixtureVariant,
  outboxFeed,
  settledOutboxFeed,
  waitFor,
  waitUntilSynced,
  type TestSandbox,
} from './harness';
import {
  countHosts,
  dispatchWxtStarted,
  forgeSend,
  forgeUndo,
  hostsLost,
} from './harness/page-script';
import {
  allowEmailText,
  cardTakesInput,
  firefoxCardFrame,
  hostBox,
  hostGrows,
  openFirefoxFixture,
  openFirefoxGmail,
  openLoggedCompose,
  repClick,
  SEND,
  waitForHeldSends,
} from './harness/firefox';
import { heldSendIds } from './harness/worker-storage';

const THREAD = 'thread-expanded-2025';

/** How many chip hosts the page has: their contents are in closed roots, out of the page's reach. */
function chipCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('[data-vivre-email]').length);
}

/**
 * The rep logs the first message: the pointer comes to "Log this email" (its Deal menu is read
 * then and shows before the button), the rep clicks into the menu, leaves it with Escape, tabs
 * to the button and presses Enter. `menuShown` when the menu is there already. Returns the
 * host's width just before the Enter.
 */
async function logFirstMessage(page: Page, menuShown: boolean): Promise<number> {
  const host = 'vivre-log-email';
  const before = await hostBox(page, host);
  const middle = before.y + before.height / 2;
  if (!menuShown) {
    await page.mouse.move(before.x + 8, middle);
    await hostGrows(page, host, before.width, 'the Deal menu');
  }
  await repClick(page, before.x + 8, middle);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  const { width } = await hostBox(page, host);
  await page.keyboard.press('Enter');
  return width;
}

/** The file's fixtures, and `thread`: the thread with its six chips, closed after the test. */
const test = base.extend<{ thread: Page }>({
  thread: async ({ firefox }, use) => {
    const page = await openFirefoxGmail(firefox, fixtureVariant(THREAD, REP_ELSEWHERE));
    await waitFor(async () => (await chipCount(page)) >= 6, 'six chips');
    await use(page);
    await page.close();
  },
});

/** Clicks the first chip of `email`, as a rep does, and returns the card's frame. */
async function openCardOf(page: Page, email: string): Promise<Frame> {
  await page.locator(`[data-vivre-email="${email}"]`).click();
  return cardTakesInput(await firefoxCardFrame(page));
}

/** The card's text once it has its answer about the person (its heading and their facts). */
async function cardText(card: Frame, name: string): Promise<string> {
  return waitFor(
    () =>
      card.evaluate(
        (heading) =>
          document.querySelector('h2')?.textContent === heading &&
          !document.body.textContent?.includes('Looking up') &&
          (document.querySelector('[role="dialog"]')?.textContent ?? ''),
        name,
      ),
    `${name}'s card`,
  );
}

/** The status lines (role=status) the card shows, such as "Synced". */
function statusLines(card: Frame): Promise<string[]> {
  return card.evaluate(() =>
    [...document.querySelectorAll('[role="status"]')].map((line) => line.textContent?.trim() ?? ''),
  );
}

/** Logs a call with a unique note (returned) from Rahul's card, and waits for `until` in it. */
async function logCallFromCard(page: Page, label: string, until: string): Promise<string> {
  const note = `${label} ${randomUUID().slice(0, 8)}`;
  const card = await openCardOf(page, RAHUL.email);
  await card.locator('button[aria-label="Log call with Rahul Sharma"]').click();
  await card.locator('textarea[aria-label="Note"]').fill(note);
  await card
    .locator('form[aria-label="Log activity for Rahul Sharma"] button[type="submit"]')
    .click();
  await waitFor(async () => (await statusLines(card)).includes(until), `"${until}" in the card`, {
    timeoutMs: 30_000,
  });
  return note;
}

/** How many emails Sneha and Deepa each have in Vivre under each subject: one read of each. */
async function emailCounts(sandbox: TestSandbox, subjects: string[]): Promise<number[][]> {
  const activities = await Promise.all([SNEHA, DEEPA].map((c) => sandbox.activitiesOf(c.id)));
  return subjects.map((subject) =>
    activities.map(
      (list) =>
        list.filter((a) => a.type === 'email' && a.note?.startsWith(`${subject}\n\n`)).length,
    ),
  );
}

describe('the built extension in Firefox', () => {
  test('runs from the Firefox add-on id and opens its settings on install', ({ firefox }) => {
    expect(firefox.addonId).toBe('vivre-for-gmail@vivre.app');
    expect(firefox.root).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}\/$/);
  });

  test("shows a participant's Vivre score from the sandbox in the card their chip opens", async ({
    sandbox,
    firefox,
  }) => {
    const rahul = await sandbox.get<{ name: string; ai_score: number }>(`/v1/contacts/${RAHUL.id}`);
    const page = await openFirefoxFixture(firefox, THREAD);
    await waitFor(
      async () =>
        page.evaluate(
          (email) => document.querySelectorAll(`[data-vivre-email="${email}"]`).length,
          RAHUL.email,
        ),
      "Rahul's chips",
    );
    const text = await cardText(await openCardOf(page, RAHUL.email), rahul.name);
    expect(text).toContain(`AI score${rahul.ai_score}`);
    expect(text).not.toMatch(/refused|could not/);
    await page.close();
  });

  test('logs a call from the card that lands in the sandbox exactly once', async ({
    sandbox,
    firefox,
    thread,
  }) => {
    const note = await logCallFromCard(thread, 'firefox card call', 'Synced');
    expect(await waitUntilSynced(firefox.options, sandbox, [note])).toEqual([1]);
    const stored = await sandbox.activitiesOf(RAHUL.id);
    expect(stored.filter((a) => a.note === note)).toMatchObject([{ type: 'call' }]);
  });

  test('keeps a call logged while Vivre is down and delivers it once when Vivre is back', async ({
    sandbox,
    firefox,
    thread,
  }) => {
    const note = await sandbox.whileDown(() =>
      logCallFromCard(thread, 'firefox offline call', 'Saved — will sync'),
    );
    expect(await waitUntilSynced(firefox.options, sandbox, [note])).toEqual([1]);
  });

  test('sends no email text until the rep allows it in Firefox, then logs a message once', async ({
    sandbox,
    firefox,
    thread,
  }) => {
    const emailsBefore = (await sandbox.activitiesOf(RAHUL.id)).filter((a) => a.type === 'email');

    const beforeEnter = await logFirstMessage(thread, false);
    // The line saying Firefox has not allowed it yet: the host grows by it.
    await hostGrows(thread, 'vivre-log-email', beforeEnter, 'the line saying why not');
    expect((await sandbox.activitiesOf(RAHUL.id)).filter((a) => a.type === 'email')).toEqual(
      emailsBefore,
    );

    await allowEmailText(firefox);

    await logFirstMessage(thread, true);
    await waitFor(
      async () =>
        (await sandbox.activitiesOf(RAHUL.id)).filter((a) => a.type === 'email').length >
        emailsBefore.length,
      'the email activity in the sandbox',
      { timeoutMs: 30_000 },
    );
    const emails = (await sandbox.activitiesOf(RAHUL.id)).filter((a) => a.type === 'email');
    expect(emails).toHaveLength(emailsBefore.length + 1);
  });

  // After the test above: Firefox lets Vivre send email text only once the rep has allowed it.
  test('logs nothing for a send undone with Gmail’s Undo, and once for the draft sent again', async ({
    sandbox,
    firefox,
  }) => {
    const subject = `firefox undo ${randomUUID().slice(0, 8)}`;
    const page = await openLoggedCompose(firefox, subject);
    const emails = async () => (await emailCounts(sandbox, [subject]))[0]!;

    await page.locator(SEND).click();
    await waitFor(
      async () =>
        (await page.$('vivre-held-send')) !== null &&
        (await heldSendIds(firefox.options)).length === 1,
      'the worker to hold the send, its line in view, while Gmail can undo',
    );
    await page.locator('#link_undo').click();
    await waitFor(
      async () => (await heldSendIds(firefox.options)).length === 0,
      'the undone send to leave the worker',
    );
    const outbox = await settledOutboxFeed(firefox.options);
    expect(outbox?.waiting ?? []).toEqual([]);
    expect(await emails()).toEqual([0, 0]);

    // Gmail put the draft back, "Log to Vivre" still on; sent again, it stands after 5 s.
    await page.locator(SEND).click();
    await waitFor(
      async () => (await emails()).every((count) => count > 0),
      'the email in the sandbox',
      { timeoutMs: 30_000 },
    );
    expect(await emails()).toEqual([1, 1]);
    await page.close();
  });

  // After the tests above, as a rep who allowed email text. Page script (puppeteer's `evaluate`,
  // in the page's main world) does each thing the rep does here, and nothing comes of its own.
  test('acts on nothing page script fakes: WXT’s “started” event, a send, an Undo', async ({
    sandbox,
    firefox,
  }) => {
    const stamp = randomUUID().slice(0, 8);
    const [undone, forged, stands] = ['undone', 'forged', 'stands'].map((s) => `ff ${s} ${stamp}`);
    const first = await openLoggedCompose(firefox, undone!);
    const hosts = await first.evaluate(countHosts);
    await first.evaluate(dispatchWxtStarted, firefox.addonId);
    expect(hostsLost(hosts, await first.evaluate(countHosts))).toEqual({});
    await first.locator(SEND).click();
    await waitForHeldSends(firefox, 1, 'the rep’s send held while Gmail can undo');
    await first.evaluate(dispatchWxtStarted, firefox.addonId);
    expect(await first.evaluate(countHosts)).toMatchObject({ 'vivre-held-send': 1 });
    await first.locator('#link_undo').click(); // the rep's Undo, still heard
    await waitForHeldSends(firefox, 0, 'the undone send to leave the worker');

    // Gmail put the draft back; page script writes and "sends" it, and the Undo window passes.
    await first.evaluate(forgeSend, forged!);
    await first.waitForSelector('#link_undo', { visible: true });
    await first.waitForSelector('#link_undo', { hidden: true, timeout: 15_000 });

    const second = await openLoggedCompose(firefox, stands!);
    await second.locator(SEND).click();
    await second.waitForSelector('#link_undo', { visible: true });
    await waitForHeldSends(firefox, 1, 'the rep’s second send held');
    await second.evaluate(forgeUndo);
    // Read every 2 s (the sandbox allows the test's key 120 requests a minute), until the
    // rep's send is in Vivre and nothing is left to sync: anything queued before it is in too.
    const counts = await waitFor(
      async () => {
        const found = await emailCounts(sandbox, [stands!, forged!, undone!]);
        const waiting = (await outboxFeed(firefox.options))?.waiting ?? [];
        return found[0]!.every(Boolean) && waiting.length === 0 && found;
      },
      'the rep’s send in Vivre, and nothing left to sync',
      { intervalMs: 2000 },
    );
    expect(counts).toEqual([
      [1, 1],
      [0, 0],
      [0, 0],
    ]);
    expect(await heldSendIds(firefox.options)).toEqual([]);
    await Promise.all([first.close(), second.close()]);
  });
});
