/**
 * The sandbox's stand-in web app: "Open in Vivre" (`<app URL>/contacts/<id>`) lands on a
 * read-only page a browser can show without a key, never on the API's 401 JSON; a contact's
 * own text is shown as text, and the API under /v1 still wants its key.
 */
import { describe, expect, it } from 'vitest';
import { rawExchange, rawJson } from './raw-http';
import { DEMO_KEYS, expectError, uniqueEmail, useSandbox } from './sandbox-client';

const env = useSandbox();

/** What a browser following the link gets: no Authorization, no workspace header. */
async function follow(path: string) {
  const response = await fetch(`${env.sandbox.url}${path}`);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    html: await response.text(),
  };
}

describe('sandbox web app page', () => {
  it('shows a seeded contact with its deals, without a key', async () => {
    const page = await follow('/contacts/cnt_8826');
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.html).toContain('<h1>Deepa Menon</h1>');
    expect(page.html).toContain('deepa.menon@kiran-logistics.example');
    expect(page.html).toContain('Kiran Logistics — Fleet plan');
    expect(page.html).not.toMatch(/<script/i);
    expect(page.csp).toContain("default-src 'none'");
  });

  it('shows what a rep typed as text, not markup', async () => {
    const created = await env.api('POST', '/v1/contacts', {
      body: { name: '<img src=x onerror=alert(1)> Ravi', email: uniqueEmail('markup') },
    });
    expect(created.status).toBe(201);
    const page = await follow(`/contacts/${created.body.id}`);
    expect(page.html).toContain('&lt;img src=x onerror=alert(1)&gt; Ravi');
    expect(page.html).not.toContain('<img');
  });

  it('says in a sentence when the contact is not there', async () => {
    const page = await follow('/contacts/cnt_missing');
    expect(page.status).toBe(404);
    expect(page.html).toContain('There’s no contact cnt_missing in this sandbox');
  });

  it('shows only ws_demo: another workspace’s contact is not found', async () => {
    const other = { key: DEMO_KEYS.otherAdmin, workspace: 'ws_other' };
    const secret = 'Confidential: board approved the acquisition.';
    const contact = await env.api('POST', '/v1/contacts', {
      ...other,
      body: { name: 'Meera Confidential', email: uniqueEmail('other') },
    });
    const logged = await env.api('POST', '/v1/activities', {
      ...other,
      body: { contact_id: contact.body.id, type: 'note', note: secret },
    });
    expect(logged.status).toBe(201);
    for (const id of ['cnt_9001', contact.body.id]) {
      const page = await follow(`/contacts/${id}`);
      expect(page.status).toBe(404);
      expect(page.html).toContain(`There’s no contact ${id} in this sandbox`);
      expect(page.html).not.toContain(secret);
      expect(page.html).not.toContain('Other Workspace');
    }
  });

  it('refuses a Host that names another site (DNS rebinding), as the API does', async () => {
    for (const id of ['cnt_8826', 'cnt_9001']) {
      const request = `GET /contacts/${id} HTTP/1.1\r\nHost: evil.example:8787\r\nConnection: close\r\n\r\n`;
      const reply = await rawExchange(env.sandbox.url, [request]);
      expect(reply.status).toBe(400);
      expect(rawJson(reply)).toMatchObject({ error: { type: 'invalid_request', param: 'Host' } });
      expect(reply.text).not.toContain('Rahul');
      expect(reply.text).not.toContain('Deepa');
    }
  });

  it('leaves the API under /v1 to its key', async () => {
    const reply = await env.api('GET', '/v1/contacts/cnt_8826', { key: null });
    expectError(reply, 401, 'authentication_error');
  });
});
