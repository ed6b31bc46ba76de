import { describe, expect, it } from 'vitest';
import { validateNote } from '@/lib/shared/forms/note';
import { ACTIVITY_CHOICES } from '@/lib/shared/labels';
import * as contract from '@/lib/shared/vivre/contract';
import { ACTIVITY_TYPES, MAX_NOTE_LENGTH, STAGES } from '@/lib/shared/vivre/limits';

describe('the API limits the forms use', () => {
  it('are the reference’s, and the contract’s schemas are built on them', () => {
    expect(MAX_NOTE_LENGTH).toBe(10_000);
    expect([...STAGES]).toEqual(['new', 'qualified', 'proposal', 'won']);
    expect(contract.Stage.options).toEqual([...STAGES]);
    expect(contract.ActivityType.options).toEqual([...ACTIVITY_TYPES]);
    expect(
      contract.ActivityCreate.safeParse({
        contact_id: 'c',
        type: 'call',
        note: 'a'.repeat(MAX_NOTE_LENGTH + 1),
      }).success,
    ).toBe(false);
  });
  it('offer every activity type the API has, in the order a rep picks from', () => {
    expect([...ACTIVITY_CHOICES].sort()).toEqual([...ACTIVITY_TYPES].sort());
  });
});

describe('validateNote', () => {
  it('trims and accepts a note', () => {
    expect(validateNote('  Called, wants a demo. ')).toEqual({
      ok: true,
      value: 'Called, wants a demo.',
    });
  });
  it('refuses an empty note', () => expect(validateNote(' \n ').ok).toBe(false));
  it('accepts exactly the limit and refuses one more', () => {
    expect(validateNote('a'.repeat(MAX_NOTE_LENGTH)).ok).toBe(true);
    const over = validateNote('a'.repeat(MAX_NOTE_LENGTH + 1));
    expect(over.ok ? '' : over.message).toMatch(/10,001 characters/);
  });
});
