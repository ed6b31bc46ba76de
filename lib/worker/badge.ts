/**
 * The toolbar badge: how many writes wait to reach Vivre. Red when the rep must act
 * (the key was refused, or an item needs attention), so "stuck" never looks like "busy".
 */
import { browser } from 'wxt/browser';
import type { OutboxCounts } from '../outbox';

const WAITING_COLOR = '#1a73e8';
const ACTION_COLOR = '#d93025';

export function badgeText({ waiting, attention, paused }: OutboxCounts): string {
  if (waiting > 0) return waiting > 999 ? '999+' : String(waiting);
  return attention > 0 || paused ? '!' : '';
}

export async function showOutboxBadge(counts: OutboxCounts): Promise<void> {
  const needsRep = counts.paused || counts.attention > 0;
  await browser.action.setBadgeBackgroundColor({ color: needsRep ? ACTION_COLOR : WAITING_COLOR });
  await browser.action.setBadgeText({ text: badgeText(counts) });
}
