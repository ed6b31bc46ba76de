/**
 * List-row chips and hot-lead marks in Firefox, as the rep sees them: Firefox gives a test no
 * accessibility tree and no way into our closed roots, so each host's box is read from a
 * screenshot (./pixels.ts). A chip with a score draws a pill with the number; without one
 * (looking up, not in Vivre) it draws nothing. A mark draws a bar of the hot colour, or nothing.
 */
import type { Page } from 'puppeteer-core';
import { coloursIn, decodePng } from './pixels';

export interface DrawnHost {
  email: string | null;
  /** The host drew something in its box: a chip's score, a mark's bar. */
  drawn: boolean;
}

/** Every host matching `selector` in the viewport, in page order, and whether it drew. */
export async function drawnHosts(page: Page, selector: string): Promise<DrawnHost[]> {
  const hosts = await page.evaluate(
    (s) =>
      [...document.querySelectorAll(s)].map((host) => {
        const { x, y, width, height } = host.getBoundingClientRect();
        return { email: host.getAttribute('data-vivre-email'), box: { x, y, width, height } };
      }),
    selector,
  );
  const shot = decodePng(await page.screenshot({ type: 'png' }));
  return hosts.map(({ email, box }) => {
    // What the host's box shows (inset from its edges, where a neighbour's anti-aliasing may
    // bleed), against what is just right of it (the row behind).
    const inset = Math.min(2, box.width / 4);
    const inside = coloursIn(shot, {
      x: box.x + inset,
      y: box.y + 2,
      width: box.width - 2 * inset,
      height: box.height - 4,
    });
    const right = Math.ceil(box.x + box.width) + 1;
    const beside = coloursIn(shot, { x: right, y: Math.round(box.y) + 2, width: 2, height: 2 });
    return { email, drawn: inside.size > 1 || [...inside].some((c) => !beside.has(c)) };
  });
}
