/**
 * The panel beside the email, in real Chromium against the sandbox: it lists a thread's people
 * outside the rep's company with their Vivre scores, follows the rep to another thread and to
 * another tab, logs a call against a deal that reaches Vivre once, shows what it last saw while
 * Vivre is unreachable and says how old it is, tells the rep when Gmail's view cannot be read, is
 * clean for axe in light and dark, and is worked from the keyboard alone.
 *
 * Why a tab and not the side panel: Playwright drives pages and tabs, not the browser's own UI,
 * so it cannot press the shortcut or click into Chrome's side panel, and gets no Page for it. The
 * panel page is built to be the same thing either way: opened as an ordinary tab with no
 * parameters it is the panel of its own window, following the tab the rep is on, never itself
 * (lib/pages/panel/active-tab.ts). So the tests open sidepanel.html as a tab and then bring a
 * Gmail tab to the front, as a rep switching tabs beside the side panel would. One test opens
 * the real side panel too (chrome.sidePanel.open, given a user gesture through CDP) and reads it
 * from an extension page, so the sender the worker meets there, with no tab, is the real one.
 */
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import type { Activity } from '@/lib/shared/vivre/contract-types';
import { UNREADABLE_VIEW } from '@/components/popup/UnreadableViewNotice';
import { RAHUL } from '../factories';
import { GMAIL_REDESIGNED, REP_ELSEWHERE, type Replacements } from '../fixtures/gmail/variants';
import { describe, expect, test } from './fixtures';
import {
  axeFindings,
  fixtureVariant,
  openCardOf,
  openExtensionPage,
  waitFor,
  waitForSettledChips,
  type ExtensionBrowser,
} from './harness';

const THREAD = 'thread-expanded-2025';
const THREAD_HASH = '#inbox/FMfcgzQbgRnTzTkLmWQbvhxZPTnRbXvC';
const unique = (label: string) => `e2e panel ${label} ${randomUUID().slice(0, 8)}`;

/** Another thread: the same markup with other people (as in gmail-cards.e2e.test.ts). */
const THREAD_B: Replacements = [
  ['rahul.sharma@acme-tech.example', 'sneha.kulkarni@acme-tech.example'],
  ['Rahul Sharma', 'Sneha Kulkarni'],
];

/** The panel page as a tab of the browser's one window (see the header). */
async function openPanel(extension: ExtensionBrowser): Promise<Page> {
  const panel = await openExtensionPage(extension, 'sidepanel.html');
  await panel.getByRole('heading', { name: 'Vivre', level: 1 }).waitFor();
  return panel;
}

/** The rows of the people the panel lists: each row's name and score line. */
function personRows(panel: Page): Locator {
  return panel.getByRole('region', { name: 'On this email' }).locator('button.person-row');
}

async function rowTexts(panel: Page): Promise<string[]> {
  return (await personRows(panel).allTextContents()).map((text) => text.trim());
}

/** Whether Chrome's side panel shows our panel now, asked from an extension page. */
const sidePanelOpen = (page: Page) =>
  page.evaluate(
    `chrome.extension.getViews().some((v) => v.location.pathname === '/sidepanel.html')`,
  ) as Promise<boolean>;

const closeSidePanel = (page: Page) =>
  page.evaluate(
    `chrome.windows.getCurrent().then((w) => chrome.sidePanel.close({ windowId: w.id }))`,
  );

/** Gmail swaps the thread's markup and pushes a new address, as it does for another thread. */
async function switchThread(page: Page, html: string, hash: string): Promise<void> {
  await page.evaluate(
    ({ next, to }) => {
      const main = new DOMParser().parseFromString(next, 'text/html').querySelector('[role=main]');
      document.querySelector('[role=main]')!.replaceWith(document.importNode(main!, true));
      history.pushState(null, '', to);
    },
    { next: html, to: hash },
  );
}

describe('the panel beside the email', () => {
  test("lists the thread's people outside the company with their Vivre scores", async ({
    sandbox,
    extension,
    gmail,
  }) => {
    const panel = await openPanel(extension);
    const thread = await gmail.open(THREAD, THREAD_HASH);
    await thread.bringToFront();
    const rahul = await sandbox.get<{ ai_score: number }>(`/v1/contacts/${RAHUL.id}`);
    // The rep is signed in at bluestone.example: Ananya, Vikram and procurement-team are colleagues.
    await expect
      .poll(() => rowTexts(panel))
      .toEqual([expect.stringMatching(new RegExp(`^Rahul Sharma.*${rahul.ai_score} Hot lead$`))]);
    // The first person is open, whole: stage, score in words, deals, activity, the log.
    const record = panel.getByRole('region', { name: 'Rahul Sharma' });
    await record.getByText('Acme Technologies — Annual plan').first().waitFor();
    expect(await record.textContent()).toMatch(/Stage.*Qualified/);
    await record.getByRole('button', { name: 'Log email with Rahul Sharma' }).waitFor();
    await panel.close();
  });

  test('the real side panel, opened with a gesture, shows the active Gmail tab’s people', async ({
    extension,
    extensionPage,
    gmail,
  }) => {
    const thread = await gmail.open(THREAD, THREAD_HASH);
    await thread.bringToFront();
    const cdp = await extension.context.newCDPSession(extensionPage);
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `chrome.sidePanel.open({ windowId: chrome.windows.WINDOW_ID_CURRENT }).then(() => 'opened')`,
      userGesture: true,
      awaitPromise: true,
    });
    await cdp.detach();
    expect(result.value).toBe('opened');
    const sidePanelText = () =>
      extensionPage.evaluate(
        `chrome.extension.getViews().find((v) => v.location.pathname === '/sidepanel.html')?.document.body.textContent ?? ''`,
      ) as Promise<string>;
    const text = await waitFor(
      async () => /Rahul Sharma.*Hot lead/.test(await sidePanelText()) && sidePanelText(),
      "Rahul Sharma in Chrome's side panel",
    );
    expect(text).toContain('Acme Technologies');
    await closeSidePanel(extensionPage);
  });

  test('"Open in panel" in the popup and on the card opens the side panel with the click', async ({
    extension,
    extensionPage,
    gmail,
  }) => {
    const popup = await openExtensionPage(extension, 'popup.html');
    await popup.getByRole('button', { name: 'Open in panel' }).click();
    await waitFor(() => sidePanelOpen(extensionPage), 'the side panel, from the popup');
    await closeSidePanel(extensionPage);
    await waitFor(async () => !(await sidePanelOpen(extensionPage)), 'the side panel closed');

    // The card is our page framed in Gmail: in Chrome it has the extension's APIs, the click its gesture.
    const thread = await gmail.open(THREAD, THREAD_HASH);
    await waitForSettledChips(thread, 2);
    const card = await openCardOf(thread, RAHUL.email);
    await card.getByRole('button', { name: 'Open in panel' }).click();
    await waitFor(() => sidePanelOpen(extensionPage), 'the side panel, from the card');
    expect(await card.getByRole('alert').count()).toBe(0);
    await closeSidePanel(extensionPage);
    await popup.close().catch(() => {});
  });

  test('follows the rep to another thread, to another tab and away from Gmail', async ({
    sandbox,
    extension,
    gmail,
  }) => {
    const panel = await openPanel(extension);
    const thread = await gmail.variant(THREAD, REP_ELSEWHERE, THREAD_HASH);
    await thread.bringToFront();
    await expect.poll(() => rowTexts(panel)).toHaveLength(4);
    expect((await rowTexts(panel))[0]).toMatch(/^Rahul Sharma/);

    await switchThread(thread, fixtureVariant(THREAD, [...REP_ELSEWHERE, ...THREAD_B]), '#inbox/b');
    await expect.poll(async () => (await rowTexts(panel))[0]).toMatch(/^Sneha Kulkarni/);
    expect((await rowTexts(panel)).join('\n')).not.toContain('Rahul');

    const compose = await gmail.open('compose-send');
    await compose.bringToFront();
    await expect
      .poll(() => rowTexts(panel))
      .toEqual(expect.arrayContaining([expect.stringMatching(/^Deepa Menon/)]));

    const elsewhere = await extension.context.newPage();
    await elsewhere.goto(`${sandbox.url}/contacts/${RAHUL.id}`);
    await elsewhere.bringToFront();
    await panel.getByText('Open an email in Gmail to see its people here').waitFor();
    await panel.getByRole('combobox', { name: 'Find a contact in Vivre' }).waitFor();
    await elsewhere.close();
    await panel.close();
  });

  test('logs a call against a deal from the panel: it lands in Vivre once', async ({
    sandbox,
    extension,
    gmail,
  }) => {
    const note = unique('call');
    const panel = await openPanel(extension);
    const thread = await gmail.open(THREAD, THREAD_HASH);
    await thread.bringToFront();
    const record = panel.getByRole('region', { name: 'Rahul Sharma' });
    await record.getByRole('button', { name: 'Log call with Rahul Sharma' }).click();
    const form = record.getByRole('form', { name: 'Log activity for Rahul Sharma' });
    await form
      .getByLabel('Deal')
      .selectOption({ label: 'Acme Technologies — Annual plan (Proposal · ₹12,500.00)' });
    await form.getByRole('textbox', { name: 'Duration (min)' }).fill('12');
    await form.getByRole('combobox', { name: 'Outcome' }).selectOption({ label: 'Connected' });
    await form.getByRole('textbox', { name: 'Note' }).fill(note);
    await form.getByRole('button', { name: 'Save call' }).click();
    await record.getByText('Synced', { exact: true }).waitFor({ timeout: 30_000 });

    const logged = (await sandbox.activitiesOf(RAHUL.id)).filter((a: Activity) =>
      a.note?.includes(note),
    );
    expect(logged).toEqual([
      expect.objectContaining({
        type: 'call',
        deal_id: 'dl_4420',
        note: expect.stringMatching(/^Call: Connected, 12 min/),
      }),
    ]);
    // Once in Vivre, it heads the timeline (Vivre's copy, no longer waiting).
    await record.getByRole('region', { name: 'Activity', exact: true }).getByText(note).waitFor();
    await panel.close();
  });

  test('shows what it last saw while Vivre is unreachable, and how old it is', async ({
    sandbox,
    extension,
    gmail,
  }) => {
    const thread = await gmail.open(THREAD, THREAD_HASH);
    const panel = await openPanel(extension);
    await thread.bringToFront();
    const record = panel.getByRole('region', { name: 'Rahul Sharma' });
    await record.getByText('Acme Technologies — Annual plan').first().waitFor();
    await sandbox.whileDown(async () => {
      await panel.reload();
      const offline = panel.getByRole('region', { name: 'Rahul Sharma' });
      await offline.getByText(/^Offline — cached (just now|\d+ min ago)$/).waitFor();
      expect(await offline.textContent()).toContain('Acme Technologies — Annual plan');
      expect(await offline.textContent()).toContain('Commercials review with Rahul and finance.');
    });
    await panel.close();
  });

  test("says when it cannot read Gmail's view, and offers the subject and the search", async ({
    extension,
    gmail,
  }) => {
    const panel = await openPanel(extension);
    const thread = await gmail.variant(THREAD, GMAIL_REDESIGNED, THREAD_HASH);
    await thread.bringToFront();
    await panel.getByText(UNREADABLE_VIEW).waitFor();
    await panel
      .getByRole('button', {
        name: /^Add the subject to the note: PO-4471 – revised delivery schedule/,
      })
      .waitFor();
    await panel.getByRole('combobox', { name: 'Find a contact in Vivre' }).waitFor();
    await panel.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`has no serious axe violations with a person open (${scheme})`, async ({
      extension,
      gmail,
    }) => {
      const panel = await openPanel(extension);
      await panel.emulateMedia({ colorScheme: scheme });
      // The page really is in that scheme, or the dark run would only repeat the light one.
      const [r = 0, g = 0, b = 0] = (
        (
          await panel.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)
        ).match(/\d+/g) ?? []
      ).map(Number);
      expect((r + g + b) / 3 < 128 ? 'dark' : 'light').toBe(scheme);
      const thread = await gmail.variant(THREAD, REP_ELSEWHERE, THREAD_HASH);
      await thread.bringToFront();
      const record = panel.getByRole('region', { name: 'Rahul Sharma' });
      await record.getByText('Acme Technologies — Annual plan').first().waitFor();
      await record.getByRole('button', { name: 'Log call with Rahul Sharma' }).click();
      const { serious, passed } = await axeFindings(panel);
      expect(serious).toEqual([]);
      expect(passed).toEqual(expect.arrayContaining(['label', 'color-contrast', 'button-name']));
      await panel.close();
    });
  }

  test('is worked from the keyboard alone: through the people, then a note logged', async ({
    sandbox,
    extension,
    gmail,
  }) => {
    const note = unique('keyboard note');
    const panel = await openPanel(extension);
    const thread = await gmail.variant(THREAD, REP_ELSEWHERE, THREAD_HASH);
    await thread.bringToFront();
    await expect.poll(() => rowTexts(panel)).toHaveLength(4);
    // The rep moves to the panel (it keeps following the Gmail tab) and uses only keys.
    await panel.bringToFront();
    const focused = () => panel.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    for (let i = 0; i < 20 && !/^Rahul Sharma/.test(await focused()); i++)
      await panel.keyboard.press('Tab');
    expect(await focused()).toMatch(/^Rahul Sharma/);
    await panel.keyboard.press('ArrowDown');
    expect(await focused()).toMatch(/^procurement-team|^Ananya Iyer/);
    await panel.keyboard.press('ArrowUp');
    expect(await focused()).toMatch(/^Rahul Sharma/);

    const logNote = panel.getByRole('button', { name: 'Log note with Rahul Sharma' });
    await logNote.waitFor();
    for (let i = 0; i < 40 && !(await logNote.evaluate((b) => b === document.activeElement)); i++) {
      await panel.keyboard.press('Tab');
    }
    await panel.keyboard.press('Enter');
    await panel.getByRole('textbox', { name: 'Note' }).waitFor();
    // The form took the focus: its first control, the activity's type.
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Activity type',
    );
    // Into the note (the type menu comes first, then the deal menu), typed, sent with Ctrl+Enter.
    for (
      let i = 0;
      i < 5 && (await panel.evaluate(() => document.activeElement?.tagName)) !== 'TEXTAREA';
      i++
    ) {
      await panel.keyboard.press('Tab');
    }
    await panel.keyboard.type(note);
    await panel.keyboard.press('Control+Enter');
    await panel.getByText('Synced', { exact: true }).waitFor({ timeout: 30_000 });
    expect((await sandbox.activitiesOf(RAHUL.id)).filter((a: Activity) => a.note === note)).toEqual(
      [expect.objectContaining({ type: 'note' })],
    );
    await panel.close();
  });
});
