/** Words a rep reads for the API's enums and numbers. */
import type { ActivityType, Deal, Stage } from './vivre/contract-types';

export const STAGE_WORDS: Record<Stage, string> = {
  new: 'New',
  qualified: 'Qualified',
  proposal: 'Proposal',
  won: 'Won',
};

/** The order a rep picks an activity type in. */
export const ACTIVITY_CHOICES: readonly ActivityType[] = ['call', 'note', 'meeting', 'email'];

export const ACTIVITY_WORDS: Record<ActivityType, string> = {
  call: 'Call',
  email: 'Email',
  meeting: 'Meeting',
  note: 'Note',
};

// Built once, on first use: constructing an Intl formatter is far slower than using one, and
// building it while a page starts delays the popup for a deal it may never show.
let rupees: Intl.NumberFormat | undefined;

/** The API counts money in paise: 650000 → "₹6,500.00". */
export function formatPaise(paise: number): string {
  rupees ??= new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });
  return rupees.format(paise / 100);
}

/** A deal as a menu names it: "Annual plan (Proposal · ₹12,500.00)". */
export function dealLabel(deal: Deal): string {
  const value = typeof deal.value === 'number' ? ` · ${formatPaise(deal.value)}` : '';
  return `${deal.title} (${STAGE_WORDS[deal.stage]}${value})`;
}

/** "just now", "12 min ago", "3 h ago", "2 d ago": short enough for a card footer. */
export function timeAgo(then: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - then) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}
