import type { Audience } from '../../lib/shared/email-audience';

/**
 * In words, exactly whom an email will be logged for, as the rep reads it before sending; `none`
 * marks a sentence that means "nothing will be logged".
 */
export function describeAudience(audience: Audience | null): { text: string; none: boolean } {
  if (!audience || audience.pending) return { text: 'Checking recipients…', none: false };
  if (audience.allInternal) return { text: 'Not logged: all recipients are internal.', none: true };
  const who = [...audience.log, ...audience.add].map((person) => person.name ?? person.email);
  if (who.length === 0) {
    const failed = audience.skipped.some((skip) => skip.reason === 'lookup_failed');
    return {
      text: failed
        ? 'Not logged: Vivre can’t be reached.'
        : 'Not logged: no recipient is in Vivre.',
      none: true,
    };
  }
  const added = audience.add.length > 0 ? ` (adds ${audience.add.length} to Vivre)` : '';
  return { text: `Logs for ${who.join(', ')}${added}.`, none: false };
}
