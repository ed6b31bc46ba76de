import { describe, expect, it } from 'vitest';
import { Me } from '@/lib/shared/vivre/contract';
import { DEMO_KEYS, expectError, uniqueEmail, useSandbox } from './sandbox-client';

const ctx = useSandbox();

describe('authentication (401)', () => {
  it.each([
    ['no key', null],
    ['a key that is not a Vivre key', 'sk_live_abc'],
    ['an unknown Vivre key', 'vv_live_doesnotexist000000000000'],
  ])('refuses %s', async (_name, key) => {
    expectError(await ctx.api('GET', '/v1/contacts', { key }), 401, 'authentication_error');
  });

  it('refuses a non-Bearer Authorization header', async () => {
    const reply = await ctx.api('GET', '/v1/contacts', {
      key: null,
      headers: { Authorization: `Basic ${DEMO_KEYS.admin}` },
    });
    expectError(reply, 401, 'authentication_error');
  });
});

describe('workspaces (403) and isolation', () => {
  it('refuses a key used for another workspace', async () => {
    const reply = await ctx.api('GET', '/v1/contacts', { workspace: 'ws_other' });
    expectError(reply, 403, 'permission_error', 'X-Workspace-ID');
  });

  it('refuses an unknown workspace', async () => {
    expectError(
      await ctx.api('GET', '/v1/contacts', { workspace: 'ws_nope' }),
      403,
      'permission_error',
    );
  });

  it('asks for X-Workspace-ID when it is missing', async () => {
    const reply = await ctx.api('GET', '/v1/contacts', { workspace: null });
    expectError(reply, 400, 'invalid_request', 'X-Workspace-ID');
  });

  it('keeps each workspace to itself', async () => {
    const other = { key: DEMO_KEYS.otherAdmin, workspace: 'ws_other' };
    expectError(await ctx.api('GET', '/v1/contacts/cnt_8821', other), 404, 'not_found');
    const list = await ctx.api('GET', '/v1/contacts?limit=500', other);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual(['cnt_9001']);
    // The same address may exist once per workspace.
    const own = await ctx.api('GET', '/v1/contacts?search=rahul.sharma@acme-tech.example', other);
    expect(own.body.data[0].id).toBe('cnt_9001');
    const created = await ctx.api('POST', '/v1/contacts', {
      ...other,
      body: { name: 'Only Other', email: uniqueEmail('other') },
    });
    expect(created.status).toBe(201);
    expectError(await ctx.api('GET', `/v1/contacts/${created.body.id}`), 404, 'not_found');
  });
});

describe('permissions', () => {
  it('lets a read-only key read but not write', async () => {
    expect((await ctx.api('GET', '/v1/contacts', { key: DEMO_KEYS.read })).status).toBe(200);
    const write = await ctx.api('POST', '/v1/contacts', {
      key: DEMO_KEYS.read,
      body: { name: 'Nope', email: uniqueEmail() },
    });
    expectError(write, 403, 'permission_error');
    const patch = await ctx.api('PATCH', '/v1/contacts/cnt_8821', {
      key: DEMO_KEYS.read,
      body: { company: 'Changed' },
    });
    expectError(patch, 403, 'permission_error');
    const state = await ctx.api('GET', '/v1/contacts/cnt_8821');
    expect(state.body.company).toBe('Acme Technologies');
  });

  it('keeps webhooks and sandbox helpers to admin keys', async () => {
    const write = { key: DEMO_KEYS.write };
    expectError(await ctx.api('GET', '/v1/webhooks', write), 403, 'permission_error');
    const register = {
      ...write,
      body: { url: 'http://127.0.0.1:9/hook', events: ['contact.created'] },
    };
    expectError(await ctx.api('POST', '/v1/webhooks', register), 403, 'permission_error');
    expectError(await ctx.api('GET', '/__sandbox/state', write), 403, 'permission_error');
    expectError(
      await ctx.api('PUT', '/__sandbox/faults', { ...write, body: { errorRate: 1 } }),
      403,
      'permission_error',
    );
  });
});

describe('GET /v1/me (assumption)', () => {
  it.each([
    ['admin', DEMO_KEYS.admin, ['read', 'write', 'admin']],
    ['write', DEMO_KEYS.write, ['read', 'write']],
    ['read', DEMO_KEYS.read, ['read']],
  ])('describes the %s key without revealing it', async (_name, key, permissions) => {
    const reply = await ctx.api('GET', '/v1/me', { key });
    expect(reply.status).toBe(200);
    const me = Me.parse(reply.body);
    expect(me).toEqual({
      workspace: { id: 'ws_demo', name: 'Demo Workspace' },
      key: { prefix: expect.any(String), permissions },
    });
    expect(key.startsWith(me.key.prefix.replace('…', ''))).toBe(true);
    expect(JSON.stringify(reply.body)).not.toContain(key);
  });

  it('works without X-Workspace-ID, so a settings screen can discover the workspace', async () => {
    const reply = await ctx.api('GET', '/v1/me', { key: DEMO_KEYS.otherAdmin, workspace: null });
    expect(reply.body.workspace.id).toBe('ws_other');
  });
});
