import { describe, expect, it } from 'vitest';
import {
  formatCallNote,
  validateCallDetails,
  validateCallMinutes,
} from '@/lib/shared/forms/call-details';
import { buildLogWrites, type LogActivityValues } from '@/lib/shared/forms/log-activity';

describe('formatCallNote', () => {
  it('leaves the note exactly as it is when nothing is said about the call', () => {
    expect(formatCallNote('  Spoke about pricing\nnext week ', {})).toBe(
      '  Spoke about pricing\nnext week ',
    );
  });

  it('puts outcome and length on one first line, then the note', () => {
    expect(formatCallNote('Wants a demo.', { outcome: 'connected', minutes: 12 })).toBe(
      'Call: Connected, 12 min\n\nWants a demo.',
    );
  });

  it.each([
    [{ outcome: 'left_voicemail' as const }, 'Call: Left voicemail'],
    [{ outcome: 'no_answer' as const }, 'Call: No answer'],
    [{ outcome: 'busy' as const }, 'Call: Busy'],
    [{ minutes: 45 }, 'Call: 45 min'],
  ])('writes %o alone as its line when there is no note', (details, line) => {
    expect(formatCallNote('   ', details)).toBe(line);
  });
});

describe('validateCallMinutes', () => {
  it('takes whole minutes and an empty field', () => {
    expect(validateCallMinutes(' 15 ')).toEqual({ ok: true, value: 15 });
    expect(validateCallMinutes('')).toEqual({ ok: true, value: undefined });
    expect(validateCallMinutes('1440')).toEqual({ ok: true, value: 1440 });
  });

  it.each(['0', '-3', '1.5', '12 min', '1441', '1e3'])('refuses %s', (text) => {
    expect(validateCallMinutes(text)).toEqual({
      ok: false,
      message: 'Enter the call’s length in whole minutes, like 15.',
    });
  });

  it('leaves out what was not said', () => {
    expect(validateCallDetails({ minutes: '', outcome: 'busy' })).toEqual({
      ok: true,
      value: { outcome: 'busy' },
    });
  });
});

describe('a call logged with its details', () => {
  const context = { newTempId: () => 'tmp_1', now: () => new Date('2026-01-02T03:04:05.000Z') };
  const call = (values: Partial<LogActivityValues>): LogActivityValues => ({
    contactId: 'cnt_1',
    type: 'call',
    note: 'Wants a demo.',
    deal: { kind: 'none' },
    ...values,
  });
  const noteOf = (values: LogActivityValues) => {
    const built = buildLogWrites(values, context);
    return built.ok && built.writes[0]?.kind === 'logActivity' ? built.writes[0].body.note : built;
  };

  it('sends the note in the one form', () => {
    expect(noteOf(call({ call: { minutes: '12', outcome: 'connected' } }))).toBe(
      'Call: Connected, 12 min\n\nWants a demo.',
    );
  });

  it('sends the note unchanged without details, and ignores them for another type', () => {
    expect(noteOf(call({ call: { minutes: '', outcome: '' } }))).toBe('Wants a demo.');
    expect(noteOf(call({ type: 'meeting', call: { minutes: '30', outcome: 'busy' } }))).toBe(
      'Wants a demo.',
    );
  });

  it('counts an outcome as something to say, but not an empty call', () => {
    expect(noteOf(call({ note: '', call: { minutes: '', outcome: 'no_answer' } }))).toBe(
      'Call: No answer',
    );
    expect(noteOf(call({ note: '', call: { minutes: '', outcome: '' } }))).toEqual({
      ok: false,
      errors: { note: 'Write a note about what happened.' },
    });
  });

  it('refuses wrong minutes on their own field and sends nothing', () => {
    expect(noteOf(call({ call: { minutes: 'ten', outcome: 'connected' } }))).toEqual({
      ok: false,
      errors: { callMinutes: 'Enter the call’s length in whole minutes, like 15.' },
    });
  });
});
