/**
 * Card open → interactive: from a rep's click on a chip to the card drawn for that person with
 * the answer about them and its actions (bench/in-page/card-probe.js), with the built extension
 * talking to the sandbox. The card is an extension page in a frame, so its end is the later of
 * the frame shown in Gmail and the card's own performance.mark('vivre-card-interactive').
 */
import type { Frame, Page } from 'playwright-core';
import {
  chipHostEmails,
  evaluateInContentScript,
  fixtureVariant,
  openGmailHtml,
  waitForSettledChips,
  type ExtensionBrowser,
} from '../tests/e2e/harness';
import { REP_ELSEWHERE } from '../tests/fixtures/gmail/variants';
import { benchInSession } from './lib/extension-session';
import { inPageScript } from './lib/gmail-pages';
import { verdict, type Section } from './lib/report';
import { ms, sleep, summarize } from './lib/stats';

const FIRST_SAMPLES = 12;
const NEXT_SAMPLES = 30;
const GOAL_MS = 100;
const MARK = 'vivre-card-interactive';

interface Drawn {
  clickAt: number;
  shownAt: number;
  framed: boolean;
}

const inContent = <T>(browser: ExtensionBrowser, page: Page, expression: string) =>
  evaluateInContentScript<T>(browser, page, expression);

async function openThread(browser: ExtensionBrowser): Promise<Page> {
  const page = await openGmailHtml(browser, fixtureVariant('thread-expanded-2025', REP_ELSEWHERE));
  await waitForSettledChips(page, 6);
  await inContent(browser, page, inPageScript('card-probe.js'));
  return page;
}

const marks = `performance.getEntriesByName('${MARK}')`;

const cardFrameOf = (page: Page): Frame | undefined =>
  // Frames still loading have no URL yet ('' or about:blank): compare the path, never parse.
  page.frames().find((frame) => frame.url().split(/[?#]/)[0]!.endsWith('/card.html'));

/** How far the frame's clock (timeOrigin + now) runs ahead of the page's, against Date.now(). */
async function frameClockSkew(browser: ExtensionBrowser, page: Page, frame: Frame) {
  const offset = 'performance.timeOrigin + performance.now() - Date.now()';
  let sum = 0;
  for (let i = 0; i < 5; i++) {
    sum +=
      (await frame.evaluate<number>(offset)) - (await inContent<number>(browser, page, offset));
  }
  return sum / 5;
}

/** One click on `email`'s chip; milliseconds until its card was interactive. */
async function openCard(browser: ExtensionBrowser, page: Page, email: string): Promise<number> {
  const marksBefore = (await cardFrameOf(page)?.evaluate<number>(`${marks}.length`)) ?? 0;
  await inContent(browser, page, `vivreCardBench.arm(${JSON.stringify(email)})`);
  await page.locator(`[data-vivre-email="${email}"]`).first().click();
  const drawn = await inContent<Drawn>(browser, page, 'vivreCardBench.collect()');
  let end = drawn.shownAt;
  const frame = drawn.framed ? cardFrameOf(page) : undefined;
  if (frame) {
    // The frame may be shown (with "Looking up…") before the card has its answer, or after.
    const markAt = await frame.evaluate<number>(`new Promise((resolve) => {
      const read = () => {
        const entries = ${marks};
        if (entries.length > ${marksBefore}) resolve(performance.timeOrigin + entries.at(-1).startTime);
        else setTimeout(read, 5);
      };
      read();
    })`);
    end = Math.max(end, markAt - (await frameClockSkew(browser, page, frame)));
  }
  // Closed again (the card takes Esc, or Gmail's page does when the card has no focus).
  await page.keyboard.press('Escape');
  await sleep(150);
  return end - drawn.clickAt;
}

export async function benchCard(): Promise<Section> {
  const title = 'Gmail: chip clicked → card interactive';
  return benchInSession(title, { reachable: true, rateLimit: 100_000 }, async (session) => {
    const { browser } = session;
    const first: number[] = [];
    let people: string[] = [];
    for (let i = 0; i < FIRST_SAMPLES; i++) {
      const page = await openThread(browser);
      people = [...new Set(await chipHostEmails(page))].filter((e) => !e.startsWith('procurement'));
      first.push(await openCard(browser, page, people[0]!));
      await page.close();
    }
    const next: number[] = [];
    const page = await openThread(browser);
    await openCard(browser, page, people[0]!);
    for (let i = 0; i < NEXT_SAMPLES; i++) {
      next.push(await openCard(browser, page, people[(i + 1) % people.length]!));
    }
    const cold = summarize(first);
    const warm = summarize(next);
    return {
      title,
      method:
        'The thread fixture (rep outside every participant domain) at https://mail.google.com/, chips ' +
        "settled; the chip's host is clicked (Playwright: hover, press, release). Start: the click " +
        "event's timestamp, read in the content script's world; end: the card drawn for that person " +
        'with its answer and actions: the frame shown in Gmail (not inert, no longer transparent) and ' +
        `the card's own performance.mark('${MARK}'), whichever is later, on one clock (the frame's ` +
        "timeOrigin-based clock is corrected by its measured offset from the page's). First card: a " +
        `new tab each time (the frame is made on the hover just before the click); next cards: one tab, ` +
        `the card closed with Esc and opened for the next person (${people.join(', ')}).`,
      rows: [
        {
          metric: 'first card in a tab p50 / p95',
          value: `${ms(cold.p50)} / ${ms(cold.p95)}`,
          samples: `${cold.n} tabs`,
        },
        {
          metric: 'next cards p50',
          value: ms(warm.p50),
          samples: `${warm.n} opens`,
        },
        {
          metric: 'next cards p95',
          value: ms(warm.p95),
          samples: `${warm.n} opens`,
          goal: `≤ ${GOAL_MS} ms`,
          verdict: verdict(warm.p95 <= GOAL_MS),
        },
      ],
      notes: [
        `first card min ${ms(cold.min)}, max ${ms(cold.max)}; next cards min ${ms(warm.min)}, max ${ms(warm.max)}.`,
      ],
    };
  });
}
