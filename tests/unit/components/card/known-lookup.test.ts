import { describe, expect, it } from 'vitest';
import { knownLookup } from '@/components/card/known-lookup';
import { found, notFound, RAHUL } from '../../../factories';

describe("the chip's answer handed to the card", () => {
  it('passes a found contact and a not-found answer as they are', () => {
    expect(knownLookup(found(RAHUL))).toEqual(found(RAHUL));
    expect(knownLookup(notFound())).toEqual(notFound());
  });

  it('refuses anything the card could not show safely', () => {
    expect(knownLookup(undefined)).toBeNull();
    expect(knownLookup({ status: 'error', error: { kind: 'network', message: 'x' } })).toBeNull();
    for (const contact of [
      { ...RAHUL, ai_score: 101 },
      { ...RAHUL, id: 42 },
      { ...RAHUL, stage: 'lost' },
      { ...RAHUL, tags: [1] },
      { ...RAHUL, company: { html: '<b>' } },
    ]) {
      expect(knownLookup(found(contact as typeof RAHUL))).toBeNull();
    }
    expect(knownLookup({ ...found(RAHUL), fetchedAt: 'now' })).toBeNull();
  });
});
