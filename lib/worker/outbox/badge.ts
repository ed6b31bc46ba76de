/**
 * The toolbar badge: how many writes wait to reach Vivre. Red when the rep must act
 * (the key was refused, or an item needs attention), so "stuck" never looks like "busy".
 */
import { browser } from 'wxt/browser';
import type { OutboxCounts } from './';

// The brand's primary and attention red (docs/brand/README.md). White badge text has
// 4.62:1 on either; both fills keep 3:1 against light (#ffffff) and dark (#202124,
// #2b2a33) toolbars, and stay just dark enough that Firefox, which picks black or
// white badge text by luminance, picks white as Chrome does.
const WAITING_COLOR = '#765ee9';
const ACTION_COLOR = '#db342f';

export function badgeText({ waiting, attention, paused }: OutboxCounts): string {
  if (waiting > 0) return waiting > 999 ? '999+' : String(waiting);
  return attention > 0 || paused ? '!' : '';
}

export async function showOutboxBadge(counts: OutboxCounts): Promise<void> {
  const needsRep = counts.paused || counts.attention > 0;
  await browser.action.setBadgeBackgroundColor({ color: needsRep ? ACTION_COLOR : WAITING_COLOR });
  await browser.action.setBadgeText({ text: badgeText(counts) });
}
