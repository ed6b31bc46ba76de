/**
 * Gmail with the panel beside it, as a rep sees Chrome's side panel: the thread (everyone on it
 * outside the rep's company, so the panel lists several people with their scores, the first
 * open) and the panel page at a side panel's width, each shot at its own size and laid side by
 * side with the side panel's divider. The side panel itself is browser UI a screenshot of a page
 * cannot include, so the two pages are put together here, never stretched.
 */
import type { Page } from 'playwright-core';
import {
  fixtureVariant,
  openExtensionPage,
  openGmailHtml,
  waitForSettledChips,
  type ExtensionBrowser,
} from '../../tests/e2e/harness';
import { REP_ELSEWHERE } from '../../tests/fixtures/gmail/variants';
import { dressAsGmail } from './gmail-chrome';

/** A side panel's width in Chrome (its default is about 360–400 px). */
const PANEL_WIDTH = 400;
const THREAD_HASH = '#inbox/FMfcgzQbgRnTzTkLmWQbvhxZPTnRbXvC';

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** The two pictures side by side in a page of `size`, ready to shoot. */
async function sideBySide(
  browser: ExtensionBrowser,
  size: { width: number; height: number },
  gmail: Buffer,
  panel: Buffer,
): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(size);
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.evaluate(
    ({ left, right }) => {
      document.body.style.cssText = 'margin:0;display:flex;overflow:hidden;background:#fff';
      const pictures = [left, right].map((src, at) => {
        const image = document.createElement('img');
        image.src = src;
        image.alt = '';
        image.style.cssText = `display:block;${at === 1 ? 'border-left:1px solid #c4c7c5' : ''}`;
        return image;
      });
      document.body.append(...pictures);
      return Promise.all(pictures.map((image) => image.decode()));
    },
    { left: dataUrl(gmail), right: dataUrl(panel) },
  );
  return page;
}

export async function openGmailWithPanel(
  browser: ExtensionBrowser,
  size: { width: number; height: number },
): Promise<Page> {
  const thread = await openGmailHtml(
    browser,
    fixtureVariant('thread-expanded-2025', REP_ELSEWHERE),
    THREAD_HASH,
  );
  await thread.setViewportSize({ width: size.width - PANEL_WIDTH - 1, height: size.height });
  await dressAsGmail(thread, { view: 'thread', account: 'Meenakshi Rao', unread: 3 });
  await waitForSettledChips(thread, 6);
  // The panel page as a tab follows the tab the rep is on: the thread, once it is in front.
  const panel = await openExtensionPage(browser, 'sidepanel.html');
  await panel.setViewportSize({ width: PANEL_WIDTH, height: size.height });
  await thread.bringToFront();
  const rahul = panel.getByRole('region', { name: 'Rahul Sharma' });
  await rahul
    .getByRole('region', { name: 'Open deals' })
    .getByText(/Annual plan/)
    .waitFor();
  await rahul.getByRole('region', { name: 'Activity', exact: true }).waitFor();
  await thread.mouse.move(0, 0);
  // Both shot before either closes: a closed thread is a tab gone, and the panel would follow on.
  const [gmailShot, panelShot] = [await thread.screenshot(), await panel.screenshot()];
  await Promise.all([thread.close(), panel.close()]);
  return sideBySide(browser, size, gmailShot, panelShot);
}
