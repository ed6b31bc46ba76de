/**
 * The shapes components receive. lib/content/chips/ produces them from worker answers;
 * components only render them, so they stay free of I/O and easy to test.
 */
import type { CallDetailsValues } from '../../lib/shared/forms/call-details';
import type { LookupResult, RepError } from '../../lib/shared/messaging/protocol';
import type { ActivityType } from '../../lib/shared/vivre/contract-types';

/** A participant's lookup as the chip shows it: the worker's answer, or not yet. */
export type LookupState = LookupResult | { status: 'loading' };

/** Where a write sent through the outbox stands, told truthfully. */
export type WriteProgress =
  | { state: 'sending' }
  | { state: 'waiting' }
  | { state: 'synced' }
  | { state: 'attention'; error: RepError }
  | { state: 'failed'; error: RepError };

export interface LogInput {
  type: ActivityType;
  note: string;
  /** A call's length and outcome, when the rep gave any (written into the note). */
  call?: CallDetailsValues;
  /** The open deal it is logged against, when the rep picked one (the panel offers them). */
  dealId?: string;
}

/** A deal made from the card: a title, and its value in paise when the rep gave one. */
export interface NewDealInput {
  title: string;
  value?: number;
}

export interface AddInput {
  name: string;
  email: string;
  company: string;
}
