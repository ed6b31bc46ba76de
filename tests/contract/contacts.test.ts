import { describe, expect, it } from 'vitest';
import { Contact, listEnvelope } from '@/lib/shared/vivre/contract';
import { DEEPA, PRIYA, RAHUL, SNEHA } from '../factories';
import { expectError, uniqueEmail, useSandbox } from './sandbox-client';

const ctx = useSandbox();
const ContactList = listEnvelope(Contact);

describe('GET /v1/contacts', () => {
  it('answers the reference envelope with 50 newest-first contacts by default', async () => {
    const reply = await ctx.api('GET', '/v1/contacts');
    expect(reply.status).toBe(200);
    const page = ContactList.parse(reply.body);
    expect(Object.keys(reply.body)).toEqual(['data', 'total', 'limit', 'offset']);
    expect(page).toMatchObject({ limit: 50, offset: 0 });
    expect(page.data).toHaveLength(50);
    expect(page.total).toBeGreaterThanOrEqual(250);
    const dates = page.data.map((contact) => contact.created_at);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages stably: two pages join into the first 20', async () => {
    const all = (await ctx.api('GET', '/v1/contacts?limit=20')).body.data;
    const first = (await ctx.api('GET', '/v1/contacts?limit=10')).body.data;
    const second = (await ctx.api('GET', '/v1/contacts?limit=10&offset=10')).body;
    expect([...first, ...second.data]).toEqual(all);
    expect(second.offset).toBe(10);
  });

  it('accepts limit 1 and 500', async () => {
    expect((await ctx.api('GET', '/v1/contacts?limit=1')).body.data).toHaveLength(1);
    const max = await ctx.api('GET', '/v1/contacts?limit=500');
    expect(max.body.data.length).toBe(Math.min(500, max.body.total));
  });

  it.each(['0', '501', '-1', 'abc', '2.5', ''])(
    'refuses limit=%s naming the parameter',
    async (limit) => {
      expectError(
        await ctx.api('GET', `/v1/contacts?limit=${limit}`),
        400,
        'validation_error',
        'limit',
      );
    },
  );

  it.each([
    ['offset=-1', 'offset'],
    ['score_min=101', 'score_min'],
    ['score_min=-1', 'score_min'],
    ['score_min=high', 'score_min'],
    ['sort=name', 'sort'],
  ])('refuses %s naming the parameter', async (query, param) => {
    expectError(await ctx.api('GET', `/v1/contacts?${query}`), 400, 'validation_error', param);
  });

  it('searches name, email and company case-insensitively, every word must match', async () => {
    const byName = await ctx.api('GET', '/v1/contacts?search=RAHUL%20sharma');
    expect(byName.body.data.map((c: Contact) => c.id)).toContain('cnt_8821');
    const byCompany = await ctx.api('GET', '/v1/contacts?search=bluestone%20foods&limit=500');
    const names = byCompany.body.data.map((c: Contact) => c.name).sort();
    expect(names).toEqual(['Ananya Iyer', 'Priya Kapoor', 'Vikram Reddy']);
    expect(byCompany.body.total).toBe(3);
    const acrossFields = await ctx.api('GET', '/v1/contacts?search=priya%20bluestone');
    expect(acrossFields.body.data.map((c: Contact) => c.name)).toEqual(['Priya Kapoor']);
    const byEmail = await ctx.api('GET', '/v1/contacts?search=Deepa.Menon@Kiran-Logistics.example');
    expect(byEmail.body.data.map((c: Contact) => c.id)).toEqual(['cnt_8826']);
    const noMatch = await ctx.api('GET', '/v1/contacts?search=priya%20acme');
    expect(noMatch.body).toMatchObject({ data: [], total: 0 });
  });

  it('leaves out the people the fixtures say are not in Vivre', async () => {
    for (const email of ['procurement-team@bluestone.example', 'arjun.patel@bluestone.example']) {
      const reply = await ctx.api('GET', `/v1/contacts?search=${encodeURIComponent(email)}`);
      expect(reply.body.total).toBe(0);
    }
  });

  it('filters by score_min', async () => {
    const reply = await ctx.api('GET', '/v1/contacts?score_min=80&limit=500');
    expect(reply.body.data.length).toBeGreaterThan(0);
    expect(reply.body.data.every((c: Contact) => c.ai_score >= 80)).toBe(true);
    const all = await ctx.api('GET', '/v1/contacts?limit=500');
    const expected = all.body.data.filter((c: Contact) => c.ai_score >= 80).length;
    expect(reply.body.total).toBe(expected);
  });
});

describe('POST /v1/contacts', () => {
  it('creates with defaults and answers 201 with the contact', async () => {
    const email = uniqueEmail('new');
    const reply = await ctx.api('POST', '/v1/contacts', { body: { name: 'Nisha Rao', email } });
    expect(reply.status).toBe(201);
    const contact = Contact.parse(reply.body);
    expect(contact).toMatchObject({
      name: 'Nisha Rao',
      email,
      stage: 'new',
      tags: [],
      company: null,
    });
    expect(contact.id).toMatch(/^cnt_/);
    expect((await ctx.api('GET', `/v1/contacts/${contact.id}`)).body).toEqual(reply.body);
    const newest = await ctx.api('GET', '/v1/contacts?limit=1');
    expect(newest.body.data[0].id).toBe(contact.id);
  });

  it('keeps the reference example body as sent', async () => {
    const body = {
      name: 'Priya K',
      email: uniqueEmail('priya'),
      company: 'BlueStone Foods',
      stage: 'qualified',
      tags: ['inbound', 'demo-request'],
    };
    const reply = await ctx.api('POST', '/v1/contacts', { body });
    expect(reply.body).toMatchObject(body);
  });

  it('answers 409 naming the existing contact for the same email in any case', async () => {
    const reply = await ctx.api('POST', '/v1/contacts', {
      body: { name: 'Rahul S', email: 'Rahul.Sharma@ACME-tech.example' },
    });
    const error = expectError(reply, 409, 'conflict', 'email');
    expect(error.existing_id).toBe('cnt_8821');
    expect(error.message).toContain('cnt_8821');
  });

  it.each([
    [{ email: 'a@b.example' }, 'name', 'is required'],
    [{ name: 'A' }, 'email', 'is required'],
    [{ name: 'A', email: 'not-an-email' }, 'email', 'valid email address'],
    [{ name: 42, email: 'a@b.example' }, 'name', 'must be'],
    [{ name: '   ', email: 'a@b.example' }, 'name', 'must not be empty'],
    [
      { name: 'A', email: 'a@b.example', stage: 'lost' },
      'stage',
      'one of: new, qualified, proposal, won',
    ],
    [{ name: 'A', email: 'a@b.example', tags: 'vip' }, 'tags', 'must be a list'],
    [{ name: 'A', email: 'a@b.example', tags: ['ok', 7] }, 'tags.1', ''],
    [{ name: 'A', email: 'a@b.example', company: ['x'] }, 'company', ''],
    [{ name: 'A', email: 'a@b.example', ai_score: 99 }, 'ai_score', 'Unknown field'],
  ])('refuses %j naming %s', async (body, param, words) => {
    const error = expectError(
      await ctx.api('POST', '/v1/contacts', { body }),
      400,
      'validation_error',
      param,
    );
    expect(error.message).toContain(words);
  });
});

describe('GET and PATCH /v1/contacts/{id}', () => {
  it('reads the reference example contact', async () => {
    const reply = await ctx.api('GET', '/v1/contacts/cnt_8821');
    expect(reply.body).toMatchObject({
      id: 'cnt_8821',
      name: 'Rahul Sharma',
      email: 'rahul.sharma@acme-tech.example',
      company: 'Acme Technologies',
      ai_score: 87,
      stage: 'qualified',
      created_at: '2026-06-01T08:00:00Z',
    });
  });

  // The records the other tests take from tests/factories.ts are what the sandbox serves.
  it.each([RAHUL, PRIYA, SNEHA, DEEPA])(
    'serves $name as tests/factories.ts has it',
    async (person) => {
      expect((await ctx.api('GET', `/v1/contacts/${person.id}`)).body).toMatchObject(person);
    },
  );

  it('answers 404 for an unknown id', async () => {
    expectError(await ctx.api('GET', '/v1/contacts/cnt_0'), 404, 'not_found');
    expectError(
      await ctx.api('PATCH', '/v1/contacts/cnt_0', { body: { name: 'X' } }),
      404,
      'not_found',
    );
  });

  it('updates the given fields only', async () => {
    const created = await ctx.api('POST', '/v1/contacts', {
      body: { name: 'Tara Bhat', email: uniqueEmail('tara'), company: 'Old Co', tags: ['a'] },
    });
    const reply = await ctx.api('PATCH', `/v1/contacts/${created.body.id}`, {
      body: { company: 'New Co' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ name: 'Tara Bhat', company: 'New Co', tags: ['a'] });
    expect(reply.body.updated_at >= created.body.updated_at).toBe(true);
    expect((await ctx.api('GET', `/v1/contacts/${created.body.id}`)).body.company).toBe('New Co');
  });

  it('recomputes the score when the stage changes', async () => {
    const created = await ctx.api('POST', '/v1/contacts', {
      body: { name: 'Om Das', email: uniqueEmail('om') },
    });
    expect(created.body.ai_score).toBe(10);
    const won = await ctx.api('PATCH', `/v1/contacts/${created.body.id}`, {
      body: { stage: 'won' },
    });
    expect(won.body.ai_score).toBe(60);
  });

  it('refuses to take another contact’s email, naming it', async () => {
    const created = await ctx.api('POST', '/v1/contacts', {
      body: { name: 'Dup', email: uniqueEmail('dup') },
    });
    const reply = await ctx.api('PATCH', `/v1/contacts/${created.body.id}`, {
      body: { email: 'PRIYA.KAPOOR@bluestone.example' },
    });
    expect(expectError(reply, 409, 'conflict', 'email').existing_id).toBe('cnt_8822');
    const own = await ctx.api('PATCH', `/v1/contacts/${created.body.id}`, {
      body: { email: created.body.email.toUpperCase() },
    });
    expect(own.status).toBe(200);
  });

  it.each([
    [{ id: 'cnt_1' }, 'id'],
    [{ stage: 3 }, 'stage'],
  ])('refuses the unknown field or wrong type in %j naming %s', async (body, param) => {
    const reply = await ctx.api('PATCH', `/v1/contacts/${RAHUL.id}`, { body });
    expectError(reply, 400, 'validation_error', param);
  });
});
