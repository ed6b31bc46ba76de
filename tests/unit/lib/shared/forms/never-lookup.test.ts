import { describe, expect, it } from 'vitest';
import { parseNeverLookup } from '@/lib/shared/forms/never-lookup';

describe('parseNeverLookup', () => {
  it('reads addresses and domains, one per line, cleaned and deduplicated', () => {
    expect(parseNeverLookup('Boss@MyCo.example\n\n @myco.example \nmyco.example\n')).toEqual({
      ok: true,
      value: ['boss@myco.example', 'myco.example'],
    });
  });
  it('names the bad line', () => {
    const result = parseNeverLookup('myco.example\nnot an address');
    expect(result.ok ? '' : result.message).toMatch(/Line 2/);
  });
  it('refuses a bare word', () => expect(parseNeverLookup('localhost').ok).toBe(false));
});
