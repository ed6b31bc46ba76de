/**
 * The chip's answer about the person, as the content script hands it to the card with the
 * showing, checked before the card shows it: the card then draws the contact at once, as the
 * chip did, and asks the worker again for the answer it keeps. Checked by hand, field by field
 * of what the card reads, rather than with the contract's zod schema, which would triple the
 * card's script.
 */
import type { KnownLookup } from '../../lib/shared/card-channel';
import type { Contact } from '../../lib/shared/vivre/contract-types';
import { STAGES } from '../../lib/shared/vivre/limits';

type Fields = Record<string, unknown>;

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const isText = (value: unknown): value is string => typeof value === 'string';

function isContact(value: unknown): value is Contact {
  if (!isRecord(value)) return false;
  const { id, name, email, company, ai_score: score, stage, tags, created_at: created } = value;
  return (
    isText(id) &&
    isText(name) &&
    isText(email) &&
    (company === undefined || company === null || isText(company)) &&
    Number.isInteger(score) &&
    (score as number) >= 0 &&
    (score as number) <= 100 &&
    (STAGES as readonly unknown[]).includes(stage) &&
    (tags === undefined || (Array.isArray(tags) && tags.every(isText))) &&
    isText(created)
  );
}

/** The known answer, or null when there is none or it is not one. */
export function knownLookup(value: unknown): KnownLookup | null {
  if (!isRecord(value) || typeof value.fetchedAt !== 'number' || typeof value.stale !== 'boolean') {
    return null;
  }
  const { fetchedAt, stale } = value;
  if (value.status === 'not_found') return { status: 'not_found', fetchedAt, stale };
  if (value.status !== 'found' || !isContact(value.contact)) return null;
  return {
    status: 'found',
    contact: { ...value.contact, tags: value.contact.tags ?? [] },
    fetchedAt,
    stale,
  };
}
