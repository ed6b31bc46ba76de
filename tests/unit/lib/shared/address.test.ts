import { describe, expect, it } from 'vitest';
import {
  companyFromAddress,
  isColleague,
  nameFromAddress,
  normalizeEmail,
  parseAddress,
} from '@/lib/shared/address';
import { planAudience } from '@/lib/shared/email-audience';
import type { Contact } from '@/lib/shared/vivre/contract-types';

describe('addresses, one way everywhere', () => {
  it('compares addresses lower-cased and tells an address from a fragment', () => {
    expect(normalizeEmail('  Rahul.Sharma@Acme-Tech.example ')).toBe(
      'rahul.sharma@acme-tech.example',
    );
    expect(parseAddress('Rahul.Sharma@Acme-Tech.example')).toBe('rahul.sharma@acme-tech.example');
    expect(parseAddress('Rahul S')).toBeNull();
    expect(parseAddress('rah@')).toBeNull();
  });

  it('counts colleagues by the company domain, never by a free-mail provider', () => {
    expect(isColleague('arjun@bluestone.example', 'meenakshi@bluestone.example')).toBe(true);
    expect(isColleague('arjun@acme.example', 'meenakshi@bluestone.example')).toBe(false);
    // A rep on gmail.com shares nothing with other gmail.com users but the provider.
    expect(isColleague('customer@gmail.com', 'rep@gmail.com')).toBe(false);
    expect(isColleague('arjun@bluestone.example', null)).toBe(false);
  });

  it('logs for a free-mail customer of a rep who is on the same free-mail provider', () => {
    const audience = planAudience(
      [{ email: 'customer@gmail.com', name: 'Kavya' }],
      'rep@gmail.com',
      { 'customer@gmail.com': { status: 'found', contact: CONTACT, fetchedAt: 0, stale: false } },
      false,
    );
    expect(audience).toMatchObject({ allInternal: false, log: [{ contactId: 'cnt_1' }] });
  });

  it('makes a readable name and company from an address', () => {
    expect(nameFromAddress('arjun.patel+vivre@bluestone.example')).toBe('Arjun Patel');
    expect(nameFromAddress('procurement-team@bluestone.example')).toBe('Procurement Team');
    expect(companyFromAddress('deepa@kiran-logistics.example')).toBe('Kiran Logistics');
    expect(companyFromAddress('someone@yahoo.co.in')).toBe('');
  });
});

const CONTACT: Contact = {
  id: 'cnt_1',
  name: 'Kavya',
  email: 'customer@gmail.com',
  company: null,
  stage: 'new',
  ai_score: 50,
  tags: [],
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
};
