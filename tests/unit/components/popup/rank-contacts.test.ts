import { describe, expect, it } from 'vitest';
import { MatchTier, matchTier, rankContacts } from '@/components/popup/rank-contacts';
import type { PickedContact } from '@/lib/shared/storage/table';

const person = (name: string, email: string, company: string | null = null): PickedContact => ({
  id: email,
  name,
  email,
  company,
});

// As the sandbox seeds them: Vivre's search matches all three for "Deepa M".
const DEEPA = person('Deepa Menon', 'deepa.menon@kiran-logistics.example', 'Kiran Logistics');
const DEEPAK = person(
  'Deepak Banerjee',
  'deepak.banerjee@kaverilabs.example',
  'Kaveri Software Labs',
);
const NAIR = person('Deepak Nair', 'deepak.nair@nilgiritea.example', 'Nilgiri Tea Estates');
const names = (contacts: PickedContact[]) => contacts.map((c) => c.name);

describe('ranking contacts for a search', () => {
  it('puts Deepa Menon first for "Deepa M", whatever order Vivre answered in', () => {
    expect(names(rankContacts([DEEPAK, NAIR, DEEPA], 'Deepa M'))).toEqual([
      'Deepa Menon',
      'Deepak Banerjee',
      'Deepak Nair',
    ]);
    expect(matchTier(DEEPA, 'Deepa M')).toBe(MatchTier.NamePrefix);
    expect(matchTier(DEEPAK, 'Deepa M')).toBe(MatchTier.EmailOrCompany);
  });

  it('ranks exact name, then name prefix, then word prefixes, then email or company', () => {
    const exact = person('Deepa', 'd@x.example');
    const wordPrefix = person('Anita Deepa Rao', 'anita@y.example');
    const company = person('Ravi Kumar', 'ravi@z.example', 'Deepa Traders');
    expect(names(rankContacts([company, wordPrefix, DEEPA, exact], 'deepa'))).toEqual([
      'Deepa',
      'Deepa Menon',
      'Anita Deepa Rao',
      'Ravi Kumar',
    ]);
  });

  it('matches words of the name in any order, ignoring case, accents and spacing', () => {
    expect(matchTier(DEEPA, '  menon   DE ')).toBe(MatchTier.WordPrefix);
    expect(matchTier(person('Zoë Dsouza', 'z@x.example'), 'zoe')).toBe(MatchTier.NamePrefix);
    expect(matchTier(DEEPA, 'deepa menon')).toBe(MatchTier.ExactName);
  });

  it('leaves out what does not match at all, and lists each contact once', () => {
    expect(names(rankContacts([DEEPA, DEEPA, NAIR], 'menon'))).toEqual(['Deepa Menon']);
    expect(rankContacts([DEEPA], '')).toEqual([]);
  });

  it('puts the people on the open email, then recent ones, first within a tier', () => {
    const other = person('Deepak Arora', 'deepak.arora@x.example');
    const ranked = rankContacts([other, NAIR, DEEPAK], 'deepak', {
      onPage: [NAIR],
      recent: [DEEPAK],
    });
    expect(names(ranked)).toEqual(['Deepak Nair', 'Deepak Banerjee', 'Deepak Arora']);
  });
});
