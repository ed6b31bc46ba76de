/**
 * Gmail's page script against our UI in real Firefox ESR (puppeteer-core over WebDriver BiDi), as
 * lookup-oracle.e2e.test.ts and clickjacking.e2e.test.ts do it in Chromium. Firefox has no
 * IntersectionObserver v2, so here the content script's own checks stand alone; and its
 * `window.find()` hands page script the node it matched even inside a closed root, so nothing
 * Vivre knows may be drawn there as text. Firefox gives a test no accessibility tree and no way
 * into closed roots: what the rep sees is read from the screen (harness/firefox-rows.ts), the
 * card from its own frame, the toggle from the line it grows when on.
 */
import type { Frame, Page } from 'puppeteer-core';
import { STEADY_MS } from '@/lib/shared/visible-input';
import { RAHUL } from '../factories';
import { REP_ELSEWHERE } from '../fixtures/gmail/variants';
import { describe, expect, test } from './fixtures';
import { fixtureVariant, outboxIsEmpty, waitFor } from './harness';
import {
  cardTakesInput,
  firefoxCardFrame,
  openFirefoxFixture,
  openFirefoxGmail,
  repClick,
} from './harness/firefox';
import { drawnHosts } from './harness/firefox-rows';
import {
  appendFakeRow,
  findAsPageScript,
  selectAsPageScript,
  styleAsPageScript,
  unstyleAsPageScript,
} from './harness/page-script';
import { contactAndStranger, expectRowsTellNothing } from './harness/row-probe';

const UNKNOWN = 'procurement-team@bluestone.example';

/** Whether the chip of `email` draws a score, with its row in view. */
async function chipDrawn(page: Page, email: string): Promise<boolean> {
  await page.evaluate((e) => {
    document.querySelector(`vivre-row-chip[data-vivre-email="${e}"]`)?.scrollIntoView();
  }, email);
  return (await drawnHosts(page, 'vivre-row-chip')).some((c) => c.email === email && c.drawn);
}

/** The card's add form as it was: not sent (its button not busy), no word of any write. */
async function notAdded(card: Frame) {
  expect(
    await card.evaluate(() => ({
      busy: document.querySelector<HTMLButtonElement>('form[aria-label="Add to Vivre"] button')!
        .disabled,
      said: document.querySelectorAll('[role="status"]').length,
    })),
  ).toEqual({ busy: false, said: 0 });
}

describe("Gmail's page script in Firefox", () => {
  test('learns nothing Vivre knows from a row it adds, while the rep sees the score', async ({
    sandbox,
    firefox,
  }) => {
    const { contact, stranger } = await contactAndStranger(sandbox);
    const page = await openFirefoxFixture(firefox, 'inbox-2019');
    try {
      await page.setViewport({ width: 1400, height: 900 });
      await waitFor(() => page.$('vivre-row-chip'), 'the row chips');
      await page.evaluate(appendFakeRow, {
        email: contact.email,
        shown: contact.email,
        marker: 'known',
      });
      await page.evaluate(appendFakeRow, { email: stranger, shown: stranger, marker: 'stranger' });

      // The control: the rep sees the contact's score drawn in the chip, and none for the stranger.
      await waitFor(() => chipDrawn(page, contact.email), "the contact's score", {
        timeoutMs: 30_000,
      });
      expect(await chipDrawn(page, stranger)).toBe(false);

      await expectRowsTellNothing(page, contact, stranger);
    } finally {
      await page.close();
    }
  });

  test('cannot open "Log this email" through window.find or a selection to read its Deal menu', async ({
    firefox,
  }) => {
    const page = await openFirefoxGmail(
      firefox,
      fixtureVariant('thread-expanded-2025', REP_ELSEWHERE),
    );
    try {
      const host = await waitFor(() => page.$('vivre-log-email'), '"Log this email"');
      await host.scrollIntoView();
      const before = (await host.boundingBox())!;
      // The control: the rep's pointer on the button brings the Deal menu, with Rahul's deal.
      await page.mouse.move(before.x + 8, before.y + before.height / 2);
      await waitFor(
        async () => (await host.boundingBox())!.width > before.width + 1,
        'the Deal menu',
      );
      const words = ['Log this email', 'Deal', 'for Rahul Sharma', 'Annual plan'];
      const found = await page.evaluate(findAsPageScript, { words });
      expect(found.inRoots).toEqual([]);
      expect(Object.values(found.anywhere)).toEqual([false, false, false, false]);
      const selected = await page.evaluate(selectAsPageScript);
      expect(selected.inRoots).toEqual([]);
      for (const word of words) expect(selected.text).not.toContain(word);
      // Nor the chips' scores: matches of Rahul's are Gmail's own text, none in our roots.
      await waitFor(() => page.$(`[data-vivre-email="${RAHUL.email}"]`), "Rahul's chip");
      const scores = await page.evaluate(findAsPageScript, {
        words: [String(RAHUL.ai_score), 'AI score'],
      });
      expect(scores.inRoots).toEqual([]);
      expect(scores.anywhere['AI score']).toBe(false);
    } finally {
      await page.close();
    }
  });

  test('the rep’s click where "Add to Vivre" is adds no one while page script hides the card', async ({
    sandbox,
    firefox,
  }) => {
    const page = await openFirefoxGmail(
      firefox,
      fixtureVariant('thread-expanded-2025', REP_ELSEWHERE),
    );
    try {
      await waitFor(() => page.$(`[data-vivre-email="${UNKNOWN}"]`), 'the chips');
      await page.locator(`[data-vivre-email="${UNKNOWN}"]`).click();
      const card = await cardTakesInput(await firefoxCardFrame(page));
      const button = await waitFor(
        () => card.$('form[aria-label="Add to Vivre"] button[type="submit"]'),
        'the add form',
      );
      const box = (await button.boundingBox())!;
      const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const before = (await sandbox.counts()).contacts;

      const attacks = {
        'faded out': 'opacity: 0',
        'shrunk around the button': `position: fixed; inset: 0; transform: scale(0.02); transform-origin: ${at.x}px ${at.y}px`,
      };
      for (const [name, style] of Object.entries(attacks)) {
        await page.evaluate(styleAsPageScript, { selector: 'vivre-card', style });
        // The content script sees what page script did to the host and the card says why it
        // ignores clicks (its styles are ours: it still shows). The rep's click comes after.
        await waitFor(
          () => card.evaluate(() => document.querySelector('.card-guard')?.textContent ?? ''),
          `the card to say why it ignores clicks (${name})`,
        );
        await page.mouse.click(at.x, at.y);
        await notAdded(card);
        await page.evaluate(unstyleAsPageScript, { selector: 'vivre-card' });
        await cardTakesInput(card);
        // Long after the click, still nothing sent: it was refused, not slow.
        await notAdded(card);
        expect((await sandbox.counts()).contacts, name).toBe(before);
      }

      await page.mouse.click(at.x, at.y);
      await waitFor(
        async () => (await sandbox.counts()).contacts === before + 1,
        'the contact in the sandbox',
        { timeoutMs: 30_000 },
      );
      await waitFor(() => outboxIsEmpty(firefox.options), 'an empty outbox');
      expect((await sandbox.counts()).contacts).toBe(before + 1);
    } finally {
      await page.close();
    }
  });

  test('the rep’s click where "Log to Vivre" is does not turn it on while page script hides it', async ({
    firefox,
  }) => {
    const page = await openFirefoxFixture(firefox, 'compose-send');
    const width = async () => {
      const host = (await page.$('vivre-email-log'))!;
      await host.scrollIntoView();
      return (await host.boundingBox())!;
    };
    try {
      await waitFor(() => page.$('vivre-email-log'), 'the toggle');
      const off = await width();
      // "Log to Vivre" is the toggle's first word, 8 px in.
      const at = { x: off.x + 8, y: off.y + off.height / 2 };
      const origin = `${at.x - off.x}px ${at.y - off.y}px`;
      const attacks: [string, string, boolean][] = [
        ['faded out', 'opacity: 0', false],
        ['shrunk around the word', `transform: scale(0.2); transform-origin: ${origin}`, false],
        ['faded with what is around it', 'opacity: 0', true],
      ];
      // On, the toggle at once shows a line beside it ("Checking recipients…", then whom): wider.
      const isOn = async () => (await width()).width > off.width + 1;
      /** The rep presses until the toggle is `on`; a press on it does nothing until it is steady. */
      const pressUntil = async (on: boolean, what: string) => {
        for (let presses = 0; presses < 6 && (await isOn()) !== on; presses++) {
          await new Promise((resolve) => setTimeout(resolve, STEADY_MS));
          await repClick(page, at.x, at.y);
        }
        expect(await isOn(), what).toBe(on);
      };
      for (const [name, style, parent] of attacks) {
        await page.evaluate(styleAsPageScript, { selector: 'vivre-email-log', style, parent });
        await repClick(page, at.x, at.y);
        expect(await isOn(), name).toBe(false);
        await page.evaluate(unstyleAsPageScript, { selector: 'vivre-email-log' });
        // The control, each time: the rep's press on the toggle as it was turns it on.
        await pressUntil(true, `on after "${name}"`);
        // Whom it logs for, now drawn for the rep, is neither found nor selected by page script.
        const words = ['Logs for', 'Sneha Kulkarni, Deepa Menon', 'Log to Vivre'];
        const found = await page.evaluate(findAsPageScript, { words });
        expect(found).toEqual({
          anywhere: Object.fromEntries(words.map((w) => [w, false])),
          inRoots: [],
        });
        const selected = await page.evaluate(selectAsPageScript);
        expect(selected.inRoots).toEqual([]);
        for (const word of words) expect(selected.text).not.toContain(word);
        await pressUntil(false, `off again after "${name}"`);
      }
    } finally {
      await page.close();
    }
  });
});
