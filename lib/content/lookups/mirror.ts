/**
 * The chip mirror as this tab reads it once, at start (lib/worker/lookups/mirror.ts writes it):
 * what chips showed of people the worker looked up for any Gmail tab, so this tab's first chips
 * need not wait for the worker. Each answer it gives is marked stale; the tab asks the worker
 * all the same, and the worker's answer replaces it. The rep's own domain in this tab is never
 * answered from it: colleagues are this tab's account's own.
 */
import { companyDomainOf, normalizeEmail } from '../../shared/address';
import type { LookupResult } from '../../shared/messaging/protocol';
import type { Contact } from '../../shared/vivre/contract-types';
import { rawItem } from '../../shared/storage/follow';
import { CHIP_MIRROR, type ChipMirror } from '../../shared/storage/table';

/** The mirror's answer for `email` in a tab signed in as `signedIn`, if it has one. */
export function mirroredAnswer(
  mirror: ChipMirror,
  email: string,
  signedIn?: string | null,
): LookupResult | undefined {
  const person = mirror[email];
  if (!person) return undefined;
  const own = companyDomainOf(signedIn && normalizeEmail(signedIn));
  const domain = email.split('@')[1]!;
  if (own && (domain === own || domain.endsWith(`.${own}`))) return undefined;
  const { name, score, fetchedAt } = person;
  return name === undefined
    ? { status: 'not_found', fetchedAt, stale: true }
    : // All a chip shows; the card asks the worker for the rest, not being handed a whole contact.
      {
        status: 'found',
        contact: { name, email, ai_score: score } as Contact,
        fetchedAt,
        stale: true,
      };
}

/** The mirror as stored now (empty when unreadable): one storage.local read. */
export const readChipMirror = (): Promise<ChipMirror> =>
  rawItem(CHIP_MIRROR)
    .getValue()
    .catch(() => ({}));
