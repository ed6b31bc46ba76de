/**
 * The pictures `npm run screenshots` takes, each as a rep meets the extension by default: the
 * rep signed in at the fixture's own company (colleagues get no chips), a thread with chips
 * and an open card, the inbox list with scores and hot-lead marks, compose with "Log to Vivre"
 * on, the popup in the middle of logging a call, and the settings. Every scene waits on roles
 * and text, never on time, so it survives changes to the card and popup.
 */
import type { Locator, Page } from 'playwright-core';
import {
  openCardOf,
  openExtensionPage,
  openFixture,
  waitFor,
  waitForSettledChips,
  waitForSettledRowChips,
  type ExtensionBrowser,
} from '../../tests/e2e/harness';
import { clickControl, repControl, repStatus } from '../../tests/e2e/harness/rep-controls';
import { dressAsGmail, type BackdropRow } from './gmail-chrome';
import { addInboxRows, expectedMarks, type ExtraRow } from './inbox-rows';
import { openGmailWithPanel } from './panel-scene';

export interface Size {
  width: number;
  height: number;
}

/** The Chrome Web Store's screenshot size (AMO takes it too). */
export const STORE_SIZE: Size = { width: 1280, height: 800 };

/** One picture: how to set it up, and where the README and the stores get it. */
export interface Scene {
  /** docs/screenshots/<readme>: the README's picture, at `viewport`. */
  readme: string;
  /** docs/store/<store>: the stores' picture, always STORE_SIZE; none for a README-only picture. */
  store?: string;
  viewport: Size;
  /** The README picture is the whole page (at the viewport's width), not just the viewport. */
  fullPage?: boolean;
  /**
   * How the store picture is made. 'viewport': the scene again in a 1280×800 window (a Gmail
   * page fills any window). 'overGmail': the extension page at its own size, laid over the
   * Gmail inbox at the top right, where a browser opens an extension's popup.
   */
  storeLayout: 'viewport' | 'overGmail';
  /** Opens the scene in a new tab with a `size` viewport, ready to shoot. */
  open(browser: ExtensionBrowser, size: Size): Promise<Page>;
}

/** Hash of a thread as Gmail's address bar has it, so the page reads as a thread view. */
const THREAD_HASH = '#inbox/FMfcgzQbgRnTzTkLmWQbvhxZPTnRbXvC';

/** The inbox behind the compose dialog: decoration only (no addresses, so no chips). */
const COMPOSE_BACKDROP: BackdropRow[] = [
  ['Sneha Kulkarni', 'Pilot feedback', 'Sharing the notes from the pilot team', '10:41', 'unread'],
  [
    'Deepa Menon',
    'Truck slots for next week',
    'Both dates are open on our side',
    '09:58',
    'unread',
  ],
  ['Nikhil Rao', 'Q3 pipeline review', 'Agenda for Thursday attached', '09:12'],
  ['Arjun Patel', 'Warehouse visit', 'Could we move the visit to Monday?', 'Aug 19'],
  ['Rahul Sharma', 'Annual plan pricing', 'Thanks for the updated price sheet', 'Aug 19'],
  ['Priya Kapoor', 'Invoice 2291', 'Paid today, reference attached', 'Aug 18'],
  ['Kabir Ahuja', 'Offsite travel options', 'Three options for the team offsite', 'Aug 18'],
  ['Radhika Desai', 'Solar rollout – phase 2', 'Adding procurement to this thread', 'Aug 17'],
  ['Aarav Gill', 'Site survey report', 'The survey is done; report inside', 'Aug 16'],
  ['Ananya Iyer', 'Gate pass for Thursday', 'Vikram will share the gate pass', 'Aug 15'],
  ['Vikram Reddy', 'Dock schedule', 'Updated dock times for August', 'Aug 14'],
  ['Meera Joshi', 'Escalation contacts', 'Here is who to call after hours', 'Aug 13'],
];

/** A Gmail fixture, dressed, at `size`. */
async function openGmail(
  browser: ExtensionBrowser,
  size: Size,
  fixture: string,
  hash: string,
  dress: Parameters<typeof dressAsGmail>[1],
  rows?: BackdropRow[],
): Promise<Page> {
  const page = await openFixture(browser, fixture, hash);
  await page.setViewportSize(size);
  await dressAsGmail(page, dress, rows);
  return page;
}

/** The first of `locators` that is on the page: a control found by role whichever shape it takes. */
async function firstPresent(...locators: Locator[]): Promise<Locator> {
  const either = locators.reduce((all, next) => all.or(next));
  await either.first().waitFor();
  for (const locator of locators) if ((await locator.count()) > 0) return locator.first();
  return either.first();
}

/** Older conversations under the fixture's eight, so the inbox fills a store picture. */
const MORE_INBOX_ROWS: ExtraRow[] = [
  [1, 'Pilot rollout – week 2', 'Two more stores went live on Monday', 'Aug 15'],
  [3, 'Warehouse audit', 'The checklist for next week is in the shared folder', 'Aug 14'],
  [0, 'PO-4471 – invoice copy', 'Attaching the invoice copy you asked for', 'Aug 14'],
  [7, 'Hotel options near the venue', 'Two hotels within walking distance', 'Aug 13'],
  [4, 'Loading dock access', 'Gate passes are ready at reception', 'Aug 12'],
  [5, 'Panel specs for phase 2', 'Specs for the 540 W panels attached', 'Aug 11'],
  [2, 'Notes: pricing call', 'Discount ceiling agreed at 12%', 'Aug 9'],
];

/** Opens the Gmail inbox with its chips settled: also the backdrop of the popup's store picture. */
export async function openInbox(browser: ExtensionBrowser, size: Size): Promise<Page> {
  const inbox = await openGmail(browser, size, 'inbox-2019', '#inbox', {
    view: 'list',
    account: 'Meenakshi Rao',
    unread: 3,
  });
  await addInboxRows(inbox, MORE_INBOX_ROWS);
  const expected = expectedMarks(MORE_INBOX_ROWS);
  await waitForSettledRowChips(inbox, expected.chips);
  await inbox
    .getByRole('img', { name: /^Hot lead:/ })
    .nth(expected.hot - 1)
    .waitFor();
  return inbox;
}

export const scenes: Scene[] = [
  {
    readme: 'thread-card.png',
    store: 'store-1-thread-card.png',
    viewport: { width: 1280, height: 800 },
    storeLayout: 'viewport',
    async open(browser, size) {
      // The rep as the fixture signs in (Bluestone): the colleagues on the thread get no chip,
      // as by default; Rahul Sharma of Acme gets one on each message he is on.
      const thread = await openGmail(browser, size, 'thread-expanded-2025', THREAD_HASH, {
        view: 'thread',
        account: 'Meenakshi Rao',
        unread: 3,
      });
      await waitForSettledChips(thread, 2);
      const card = await openCardOf(thread, 'rahul.sharma@acme-tech.example');
      await card.getByText('Loading deals and activity…').waitFor({ state: 'detached' });
      // The sandbox's deal for Rahul: in the card whatever its layout, once deals have loaded.
      await card
        .getByText(/Annual plan/)
        .first()
        .waitFor();
      return thread;
    },
  },
  {
    readme: 'inbox.png',
    store: 'store-2-inbox.png',
    viewport: { width: 1280, height: 540 },
    storeLayout: 'viewport',
    open: openInbox,
  },
  {
    readme: 'compose.png',
    store: 'store-3-compose.png',
    viewport: { width: 1280, height: 800 },
    storeLayout: 'viewport',
    async open(browser, size) {
      const compose = await openGmail(
        browser,
        size,
        'compose-send',
        '#inbox',
        { view: 'compose', account: 'Meera Rao', unread: 2 },
        COMPOSE_BACKDROP,
      );
      // Sneha and Deepa are in Vivre, Arjun is not; Nikhil is a colleague and gets no chip.
      await waitForSettledChips(compose, 3);
      // The toggle is in a closed root, as Gmail's page sees it: found in the accessibility
      // tree and clicked where it is drawn, as the tests do (tests/e2e/harness/rep-controls.ts).
      const toggle = await repControl(compose, 'vivre-email-log', {
        role: 'checkbox',
        name: 'Log to Vivre',
      });
      if (!toggle.checked) await clickControl(compose, toggle);
      // The line naming whom the email will be logged for (the two recipients in Vivre).
      await waitFor(
        async () =>
          /for Sneha Kulkarni, Deepa Menon/.test(await repStatus(compose, 'vivre-email-log')),
        'the compose line naming Sneha Kulkarni and Deepa Menon',
      );
      await compose.mouse.move(0, 0);
      return compose;
    },
  },
  {
    readme: 'popup.png',
    store: 'store-4-popup.png',
    // The popup is 360 px wide; the picture is cut to its height (see writeReadmePicture).
    viewport: { width: 360, height: 200 },
    fullPage: true,
    storeLayout: 'overGmail',
    async open(browser, size) {
      const popup = await openExtensionPage(browser, 'popup.html');
      await popup.setViewportSize(size);
      // Mid-use: a contact found by typing part of her name, a call, a note written.
      await popup.getByRole('combobox', { name: 'Contact' }).pressSequentially('Deepa M');
      await popup
        .getByRole('option', { name: /Deepa Menon/ })
        .first()
        .click();
      const call = await firstPresent(
        popup.getByRole('radio', { name: 'Call', exact: true }),
        popup.getByRole('button', { name: 'Call', exact: true }),
      );
      await call.click();
      // A call's length and outcome.
      await popup.getByRole('textbox', { name: 'Duration (min)' }).fill('12');
      await popup.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Connected' });
      await popup
        .getByRole('textbox', { name: 'Note' })
        .fill(
          'Confirmed trucks for 26 Aug and 2 Sep. Gate passes a day ahead; she sends them Friday.',
        );
      await popup.getByRole('button', { name: 'Log activity', disabled: false }).waitFor();
      return popup;
    },
  },
  {
    // README only: the store listing names its five pictures (docs/store/listing.md).
    readme: 'panel.png',
    // Wider than the others: Gmail keeps a thread's width beside a side panel's 400 px.
    viewport: { width: 1440, height: 860 },
    storeLayout: 'viewport',
    open: openGmailWithPanel,
  },
  {
    readme: 'options.png',
    store: 'store-5-options.png',
    viewport: { width: 900, height: 900 },
    fullPage: true,
    storeLayout: 'viewport',
    async open(browser, size) {
      const options = await openExtensionPage(browser, 'options.html');
      await options.setViewportSize(size);
      await options.getByRole('button', { name: /save/i }).first().waitFor();
      await options
        .getByRole('textbox', { name: /base URL/i })
        .first()
        .waitFor();
      await waitFor(
        async () =>
          (await options
            .getByRole('textbox', { name: /base URL/i })
            .first()
            .inputValue()) !== '',
        'the saved connection in the options page',
      );
      return options;
    },
  },
];
