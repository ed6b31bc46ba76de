import { describe, expect, it } from 'vitest';
import { nameFromAddress } from '@/lib/shared/address';
import { planAudience } from '@/lib/shared/email-audience';
import type { Participant } from '@/lib/shared/people';
import type { LookupResult } from '@/lib/shared/messaging/protocol';
import { contact, DEEPA, SNEHA } from '../content/email-logging/fake-worker';

const person = (email: string, name: string | null = null): Participant => ({
  email,
  name,
  role: 'to',
});
const found = (c: ReturnType<typeof contact>): LookupResult => ({
  status: 'found',
  contact: c,
  fetchedAt: 0,
  stale: false,
});
const notFound: LookupResult = { status: 'not_found', fetchedAt: 0, stale: false };
const ME = 'meera.rep@seller.example';

describe('whom an email is logged for', () => {
  const people = [
    person(SNEHA.email),
    person('arjun.patel@bluestone.example'),
    person(DEEPA.email),
    person('nikhil.rao@seller.example', 'Nikhil Rao'),
  ];
  const lookups = {
    [SNEHA.email]: found(SNEHA),
    'arjun.patel@bluestone.example': notFound,
    [DEEPA.email]: found(DEEPA),
  };

  it('is each recipient who is a Vivre contact, never a colleague', () => {
    const audience = planAudience(people, ME, lookups, false);
    expect(audience.log.map((entry) => entry.contactId)).toEqual(['cnt_sneha', 'cnt_deepa']);
    expect(audience.skipped).toEqual([
      { email: 'arjun.patel@bluestone.example', reason: 'not_in_vivre' },
      { email: 'nikhil.rao@seller.example', reason: 'internal' },
    ]);
    expect(audience.allInternal).toBe(false);
  });

  it('adds unknown recipients first when the rep asked for it', () => {
    const audience = planAudience(people, ME, lookups, true);
    expect(audience.add).toEqual([{ email: 'arjun.patel@bluestone.example', name: null }]);
  });

  it('is nobody when every recipient is internal, even one who is in Vivre', () => {
    const colleague = contact('cnt_nikhil', 'nikhil.rao@seller.example', 'Nikhil Rao');
    const audience = planAudience(
      [person('nikhil.rao@seller.example'), person('anil.shah@seller.example')],
      ME,
      { 'nikhil.rao@seller.example': found(colleague) },
      true,
    );
    expect(audience).toMatchObject({ allInternal: true, log: [], add: [] });
  });

  it('leaves out never-log addresses, which the worker did not look up', () => {
    const audience = planAudience(
      [person(SNEHA.email), person(DEEPA.email)],
      ME,
      { [SNEHA.email]: found(SNEHA), [DEEPA.email]: { status: 'skipped', reason: 'never_lookup' } },
      true,
    );
    expect(audience.log.map((entry) => entry.email)).toEqual([SNEHA.email]);
    expect(audience.skipped).toEqual([{ email: DEEPA.email, reason: 'never_log' }]);
  });

  it('is pending while a lookup has not answered', () => {
    expect(planAudience([person(SNEHA.email)], ME, {}, false).pending).toBe(true);
  });

  it('turns an address into a readable name', () => {
    expect(nameFromAddress('arjun.patel@bluestone.example')).toBe('Arjun Patel');
    expect(nameFromAddress('procurement-team@x.example')).toBe('Procurement Team');
  });
});
