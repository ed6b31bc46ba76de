/**
 * The panel beside the email in Firefox ESR (puppeteer-core over WebDriver BiDi), against the
 * sandbox: a thread's people outside the rep's company with their Vivre scores, another thread
 * and another tab followed, a call logged against a deal that reaches Vivre once, what it last
 * saw shown while Vivre is unreachable, and the fallback for a Gmail view it cannot read.
 *
 * Why a tab and not the sidebar: BiDi drives tabs, not Firefox's own UI, so it cannot open the
 * sidebar; and BiDi will not navigate a tab to a moz-extension:// address, so the options tab the
 * install opened creates the panel's tab (browser.tabs.create), as any page of ours may. Opened
 * as a tab with no parameters, the panel page is the panel of its own window: it follows the tab
 * the rep is on, never itself (lib/pages/panel/active-tab.ts). Each test brings a Gmail tab to the
 * front beside it, as a rep switching tabs beside the sidebar would.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { UNREADABLE_VIEW } from '@/components/popup/UnreadableViewNotice';
import { RAHUL } from '../factories';
import { GMAIL_REDESIGNED, REP_ELSEWHERE, type Replacements } from '../fixtures/gmail/variants';
import { describe, expect, test } from './fixtures';
import { fixtureVariant, readFixture, waitFor } from './harness';
import { findPage, openFirefoxGmail, type FirefoxExtension } from './harness/firefox';

const THREAD = 'thread-expanded-2025';
const THREAD_HASH = '#inbox/FMfcgzQbgRnTzTkLmWQbvhxZPTnRbXvC';

/** The extension page's own `browser`, inside `evaluate`. */
declare const browser: typeof import('webextension-polyfill');

/** The panel page as a tab of Firefox's window, made by the options tab (see the header). */
async function openPanel(firefox: FirefoxExtension): Promise<Page> {
  const marker = `panel-${randomUUID().slice(0, 8)}`;
  await firefox.options.evaluate(
    (hash) => void browser.tabs.create({ url: `/sidepanel.html#${hash}` }),
    marker,
  );
  const { page } = await waitFor(
    () => findPage(firefox.browser, (href) => href.endsWith(`/sidepanel.html#${marker}`)),
    'the panel tab',
  );
  await waitFor(
    () => page.evaluate(() => document.querySelector('h1')?.textContent === 'Vivre'),
    'the panel',
  );
  return page;
}

/** Each listed person's row: name, company or address, and score in words. */
function rows(panel: Page): Promise<string[]> {
  return panel.evaluate(() =>
    [...document.querySelectorAll('button.person-row')].map((row) => row.textContent?.trim() ?? ''),
  );
}

/** The open person's record, once its deals are drawn. */
function recordText(panel: Page, name: string): Promise<string> {
  return waitFor(
    () =>
      panel.evaluate((region) => {
        const record = document.querySelector(`[role="region"][aria-label="${region}"]`);
        const text = record?.textContent ?? '';
        return text.includes('Open deals') && text;
      }, name),
    `${name}'s record`,
  );
}

const THREAD_B: Replacements = [
  ['rahul.sharma@acme-tech.example', 'sneha.kulkarni@acme-tech.example'],
  ['Rahul Sharma', 'Sneha Kulkarni'],
];

describe('the panel beside the email in Firefox', () => {
  test("lists the thread's people outside the company with Vivre's scores, and follows the rep", async ({
    sandbox,
    firefox,
  }) => {
    const panel = await openPanel(firefox);
    const thread = await openFirefoxGmail(firefox, readFixture(THREAD), THREAD_HASH);
    await thread.bringToFront();
    const rahul = await sandbox.get<{ ai_score: number }>(`/v1/contacts/${RAHUL.id}`);
    await waitFor(async () => (await rows(panel)).length === 1, "the thread's one outside person");
    expect(await rows(panel)).toEqual([
      expect.stringMatching(new RegExp(`^Rahul Sharma.*${rahul.ai_score} Hot lead$`)),
    ]);
    expect(await recordText(panel, 'Rahul Sharma')).toContain('Acme Technologies — Annual plan');

    // Another thread in the same tab, as Gmail draws it.
    await thread.evaluate(
      (html) => {
        const next = new DOMParser()
          .parseFromString(html, 'text/html')
          .querySelector('[role=main]');
        document.querySelector('[role=main]')!.replaceWith(document.importNode(next!, true));
        history.pushState(null, '', '#inbox/b');
      },
      fixtureVariant(THREAD, THREAD_B),
    );
    await waitFor(
      async () => /^Sneha Kulkarni/.test((await rows(panel))[0] ?? ''),
      'the next thread',
    );

    // Another tab: every person on this thread is outside the rep's company.
    const other = await openFirefoxGmail(
      firefox,
      fixtureVariant(THREAD, REP_ELSEWHERE),
      THREAD_HASH,
    );
    await other.bringToFront();
    await waitFor(async () => (await rows(panel)).length === 4, "the other tab's four people");
    await Promise.all([panel.close(), thread.close(), other.close()]);
  });

  test('logs a call against a deal that lands in Vivre once', async ({ sandbox, firefox }) => {
    const note = `e2e firefox panel call ${randomUUID().slice(0, 8)}`;
    const panel = await openPanel(firefox);
    const thread = await openFirefoxGmail(firefox, readFixture(THREAD), THREAD_HASH);
    await thread.bringToFront();
    await recordText(panel, 'Rahul Sharma');
    // The rep turns to the panel (it keeps following the Gmail tab) and logs the call there.
    await panel.bringToFront();
    await panel.locator('button[aria-label="Log call with Rahul Sharma"]').click();
    await panel.select('select[aria-label="Deal"]', 'dl_4420');
    await panel.locator('textarea[aria-label="Note"]').fill(note);
    await panel
      .locator('form[aria-label="Log activity for Rahul Sharma"] button[type="submit"]')
      .click();
    await waitFor(
      () =>
        panel.evaluate(() =>
          [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent === 'Synced'),
        ),
      '"Synced" in the panel',
      { timeoutMs: 30_000 },
    );
    const logged = (await sandbox.activitiesOf(RAHUL.id)).filter((a) => a.note === note);
    expect(logged).toEqual([expect.objectContaining({ type: 'call', deal_id: 'dl_4420' })]);
    await Promise.all([panel.close(), thread.close()]);
  });

  test('shows what it last saw while Vivre is unreachable, and how old it is', async ({
    sandbox,
    firefox,
  }) => {
    const thread = await openFirefoxGmail(firefox, readFixture(THREAD), THREAD_HASH);
    const panel = await openPanel(firefox);
    await thread.bringToFront();
    await recordText(panel, 'Rahul Sharma');
    await panel.close();
    await sandbox.whileDown(async () => {
      // A panel opened now (BiDi will not reload an extension page: a new one stands in).
      const offline = await openPanel(firefox);
      await thread.bringToFront();
      const text = await waitFor(
        () =>
          offline.evaluate(() => {
            const record = document.querySelector('[role="region"][aria-label="Rahul Sharma"]');
            const text = record?.textContent ?? '';
            return /Offline — cached (just now|\d+ min ago)/.test(text) && text;
          }),
        'the offline copy',
      );
      expect(text).toContain('Acme Technologies — Annual plan');
      await offline.close();
    });
    await thread.close();
  });

  test("says when it cannot read Gmail's view, and offers the subject and the search", async ({
    firefox,
  }) => {
    const panel = await openPanel(firefox);
    const thread = await openFirefoxGmail(
      firefox,
      fixtureVariant(THREAD, GMAIL_REDESIGNED),
      THREAD_HASH,
    );
    await thread.bringToFront();
    await waitFor(
      () => panel.evaluate((words) => document.body.textContent?.includes(words), UNREADABLE_VIEW),
      'the unreadable-view notice',
    );
    const text = await panel.evaluate(() => document.body.textContent ?? '');
    expect(text).toContain('Add the subject to the note: PO-4471 – revised delivery schedule');
    expect(await panel.$('input[role="combobox"]')).not.toBeNull();
    await Promise.all([panel.close(), thread.close()]);
  });
});
