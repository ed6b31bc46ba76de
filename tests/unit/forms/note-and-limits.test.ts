import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES, MAX_NOTE_LENGTH, STAGES } from '../../../src/shared/forms/limits';
import { validateNote } from '../../../src/shared/forms/note';
import * as contract from '../../../src/shared/vivre/contract';

describe('form limits', () => {
  it('match the API contract', () => {
    expect(MAX_NOTE_LENGTH).toBe(contract.MAX_NOTE_LENGTH);
    expect([...STAGES]).toEqual([...contract.STAGES]);
    expect([...ACTIVITY_TYPES].sort()).toEqual([...contract.ACTIVITY_TYPES].sort());
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
