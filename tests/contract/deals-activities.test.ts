import { describe, expect, it } from 'vitest';
import { Activity, Deal, MAX_NOTE_LENGTH, listEnvelope } from '@/lib/shared/vivre/contract';
import { expectError, uniqueEmail, useSandbox } from './sandbox-client';

const ctx = useSandbox();

async function newContact(name = 'Test Person') {
  const reply = await ctx.api('POST', '/v1/contacts', { body: { name, email: uniqueEmail() } });
  return reply.body as { id: string; ai_score: number };
}

describe('POST /v1/deals', () => {
  it('creates the reference example deal with INR paise and stage', async () => {
    const body = {
      contact_id: 'cnt_8821',
      title: 'BlueStone Foods — Annual plan',
      value: 650000,
      stage: 'qualified',
    };
    const reply = await ctx.api('POST', '/v1/deals', { body });
    expect(reply.status).toBe(201);
    expect(Deal.parse(reply.body)).toMatchObject({ ...body, closed_at: null });
  });

  it('defaults the stage to new and the value to null', async () => {
    const contact = await newContact();
    const reply = await ctx.api('POST', '/v1/deals', {
      body: { contact_id: contact.id, title: 'Pilot' },
    });
    expect(reply.body).toMatchObject({ stage: 'new', value: null, contact_id: contact.id });
  });

  it.each([
    [{ title: 'X' }, 'contact_id'],
    [{ contact_id: 'cnt_8821' }, 'title'],
    [{ contact_id: 'cnt_8821', title: 'X', value: -1 }, 'value'],
    [{ contact_id: 'cnt_8821', title: 'X', value: 10.5 }, 'value'],
    [{ contact_id: 'cnt_8821', title: 'X', value: '6500' }, 'value'],
    [{ contact_id: 'cnt_8821', title: 'X', stage: 'lost' }, 'stage'],
    [{ contact_id: 'cnt_8821', title: 'X', currency: 'INR' }, 'currency'],
  ])('refuses %j naming %s', async (body, param) => {
    expectError(await ctx.api('POST', '/v1/deals', { body }), 400, 'validation_error', param);
  });

  it('answers 404 naming contact_id for an unknown contact', async () => {
    const reply = await ctx.api('POST', '/v1/deals', { body: { contact_id: 'cnt_0', title: 'X' } });
    expectError(reply, 404, 'not_found', 'contact_id');
  });
});

describe('PATCH /v1/deals/{id}', () => {
  it('stamps closed_at when a deal is won without one', async () => {
    const contact = await newContact();
    const deal = (
      await ctx.api('POST', '/v1/deals', { body: { contact_id: contact.id, title: 'Plan' } })
    ).body;
    const before = Date.now();
    const won = await ctx.api('PATCH', `/v1/deals/${deal.id}`, { body: { stage: 'won' } });
    expect(won.status).toBe(200);
    expect(won.body.stage).toBe('won');
    expect(Date.parse(won.body.closed_at)).toBeGreaterThanOrEqual(before - 1000);
    expect((await ctx.api('GET', `/v1/deals/${deal.id}`)).body).toEqual(won.body);
  });

  it('keeps the closed_at it is given, as in the reference example', async () => {
    const contact = await newContact();
    const deal = (
      await ctx.api('POST', '/v1/deals', { body: { contact_id: contact.id, title: 'Plan' } })
    ).body;
    const body = { stage: 'won', closed_at: '2026-06-13T14:00:00Z' };
    const won = await ctx.api('PATCH', `/v1/deals/${deal.id}`, { body });
    expect(won.body).toMatchObject(body);
  });

  it.each([
    [{ closed_at: 'yesterday' }, 'closed_at'],
    [{ contact_id: 'cnt_1' }, 'contact_id'],
  ])('refuses the bad field in %j naming %s', async (body, param) => {
    const reply = await ctx.api('PATCH', '/v1/deals/dl_4420', { body });
    expectError(reply, 400, 'validation_error', param);
  });

  it('answers 404 for an unknown deal', async () => {
    const reply = await ctx.api('PATCH', '/v1/deals/dl_0', { body: { stage: 'won' } });
    expectError(reply, 404, 'not_found');
  });

  it('raises the contact’s score when a deal moves up the pipeline', async () => {
    const contact = await newContact();
    const deal = (
      await ctx.api('POST', '/v1/deals', { body: { contact_id: contact.id, title: 'Plan' } })
    ).body;
    await ctx.api('PATCH', `/v1/deals/${deal.id}`, { body: { stage: 'proposal' } });
    expect((await ctx.api('GET', `/v1/contacts/${contact.id}`)).body.ai_score).toBe(
      contact.ai_score + 8,
    );
  });
});

describe('GET /v1/deals?contact_id= (assumption)', () => {
  it('lists the contact’s deals in the list envelope', async () => {
    const reply = await ctx.api('GET', '/v1/deals?contact_id=cnt_8821');
    const page = listEnvelope(Deal).parse(reply.body);
    expect(page.data.map((deal) => deal.id)).toContain('dl_4420');
    expect(page.data.every((deal) => deal.contact_id === 'cnt_8821')).toBe(true);
    expect(page.data.find((deal) => deal.id === 'dl_4420')?.value).toBe(1_250_000);
  });

  it('requires a known contact_id', async () => {
    expectError(await ctx.api('GET', '/v1/deals'), 400, 'validation_error', 'contact_id');
    expectError(await ctx.api('GET', '/v1/deals?contact_id=cnt_0'), 404, 'not_found', 'contact_id');
  });
});

describe('POST /v1/activities', () => {
  it('logs the reference example activity and raises the score', async () => {
    const before = (await ctx.api('GET', '/v1/contacts/cnt_8821')).body.ai_score;
    const body = {
      contact_id: 'cnt_8821',
      deal_id: 'dl_4420',
      type: 'call',
      note: 'Spoke for 20 mins. Interested in annual plan.',
    };
    const reply = await ctx.api('POST', '/v1/activities', { body });
    expect(reply.status).toBe(201);
    expect(Activity.parse(reply.body)).toMatchObject(body);
    const after = (await ctx.api('GET', '/v1/contacts/cnt_8821')).body.ai_score;
    expect(after).toBeGreaterThan(before);
  });

  it.each(['call', 'email', 'meeting', 'note'])(
    'accepts type %s without deal or note',
    async (type) => {
      const contact = await newContact();
      const reply = await ctx.api('POST', '/v1/activities', {
        body: { contact_id: contact.id, type },
      });
      expect(reply.body).toMatchObject({ type, deal_id: null, note: null });
    },
  );

  it('accepts a note of exactly 10,000 characters and refuses one more', async () => {
    const contact = await newContact();
    const ok = await ctx.api('POST', '/v1/activities', {
      body: { contact_id: contact.id, type: 'note', note: 'x'.repeat(MAX_NOTE_LENGTH) },
    });
    expect(ok.status).toBe(201);
    const long = await ctx.api('POST', '/v1/activities', {
      body: { contact_id: contact.id, type: 'note', note: 'x'.repeat(MAX_NOTE_LENGTH + 1) },
    });
    expectError(long, 400, 'validation_error', 'note');
  });

  it('refuses a deal that belongs to another contact', async () => {
    const contact = await newContact();
    const reply = await ctx.api('POST', '/v1/activities', {
      body: { contact_id: contact.id, deal_id: 'dl_4420', type: 'call' },
    });
    expectError(reply, 400, 'validation_error', 'deal_id');
  });

  it.each([
    [{ type: 'call' }, 400, 'contact_id'],
    [{ contact_id: 'cnt_8821' }, 400, 'type'],
    [{ contact_id: 'cnt_8821', type: 'sms' }, 400, 'type'],
    [{ contact_id: 'cnt_8821', type: 'call', note: 5 }, 400, 'note'],
    [{ contact_id: 'cnt_8821', type: 'call', duration: 20 }, 400, 'duration'],
    [{ contact_id: 'cnt_0', type: 'call' }, 404, 'contact_id'],
    [{ contact_id: 'cnt_8821', type: 'call', deal_id: 'dl_0' }, 404, 'deal_id'],
  ])('refuses %j with %i naming %s', async (body, status, param) => {
    const reply = await ctx.api('POST', '/v1/activities', { body });
    expectError(reply, status, status === 404 ? 'not_found' : 'validation_error', param);
  });
});

describe('GET /v1/activities?contact_id= (assumption)', () => {
  it('lists the contact’s activities newest first', async () => {
    const contact = await newContact();
    for (const type of ['call', 'email']) {
      await ctx.api('POST', '/v1/activities', { body: { contact_id: contact.id, type } });
    }
    const reply = await ctx.api('GET', `/v1/activities?contact_id=${contact.id}&limit=1`);
    const page = listEnvelope(Activity).parse(reply.body);
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(page.data[0]?.type).toBe('email');
  });

  it('requires a known contact_id', async () => {
    expectError(await ctx.api('GET', '/v1/activities'), 400, 'validation_error', 'contact_id');
    expectError(await ctx.api('GET', '/v1/activities?contact_id=cnt_0'), 404, 'not_found');
  });
});
