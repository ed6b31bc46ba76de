/**
 * The sandbox's stand-in web app: "Open in Vivre" (`<app URL>/contacts/<id>`) lands on a
 * read-only page, never on the API's 401 JSON. Like the real app it wants a signed-in browser
 * (a demo session, opened with a ws_demo key), shows the demo workspace only, and answers
 * nobody whose Host is another site's; a contact's own text is shown as text, and the API
 * under /v1 still wants its key.
 */
import { describe, expect, it } from 'vitest';
import { rawExchange, rawJson } from './raw-http';
import { DEMO_KEYS, expectError, uniqueEmail, useSandbox } from './sandbox-client';

const env = useSandbox();

/** What a browser following the link gets: no Authorization, no workspace header. */
async function follow(path: string, cookie?: string) {
  const response = await fetch(`${env.sandbox.url}${path}`, {
    headers: cookie ? { Cookie: cookie } : {},
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    html: await response.text(),
  };
}

/** Posts the sign-in form as a browser on the sandbox's page would (its own Origin). */
async function postSignIn(form: Record<string, string>, origin = env.sandbox.url) {
  const response = await fetch(`${env.sandbox.url}/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin },
    body: new URLSearchParams(form).toString(),
    redirect: 'manual',
  });
  const setCookie = response.headers.getSetCookie();
  return {
    status: response.status,
    location: response.headers.get('location'),
    setCookie,
    /** The cookie to send back, `name=value`, when one was set. */
    cookie: setCookie[0]?.split(';')[0],
    html: await response.text(),
  };
}

/** A browser signed in with the demo read key; on a sandbox without sign-in, no cookie. */
const session = async () => (await postSignIn({ key: DEMO_KEYS.read })).cookie;

describe('sandbox web app page', () => {
  it('shows a seeded contact with its deals, to a signed-in browser', async () => {
    const page = await follow('/contacts/cnt_8826', await session());
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
    const page = await follow(`/contacts/${created.body.id}`, await session());
    expect(page.html).toContain('&lt;img src=x onerror=alert(1)&gt; Ravi');
    expect(page.html).not.toContain('<img');
  });

  it('says in a sentence when the contact is not there', async () => {
    const page = await follow('/contacts/cnt_missing', await session());
    expect(page.status).toBe(404);
    expect(page.html).toContain('There’s no contact cnt_missing in this sandbox');
  });

  it('shows only ws_demo: another workspace’s contact is not found, even signed in', async () => {
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
    const cookie = await session();
    for (const id of ['cnt_9001', contact.body.id]) {
      const page = await follow(`/contacts/${id}`, cookie);
      expect(page.status).toBe(404);
      expect(page.html).toContain(`There’s no contact ${id} in this sandbox`);
      expect(page.html).not.toContain(secret);
      expect(page.html).not.toContain('Other Workspace');
    }
  });

  it('refuses a Host that names another site (DNS rebinding), as the API does', async () => {
    const cookie = await session();
    for (const id of ['cnt_8826', 'cnt_9001']) {
      const request =
        `GET /contacts/${id} HTTP/1.1\r\nHost: evil.example:8787\r\n` +
        `${cookie ? `Cookie: ${cookie}\r\n` : ''}Connection: close\r\n\r\n`;
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

describe('signing in to the sandbox web app', () => {
  it('answers a browser without a demo session 401 and a sign-in form, not the contact', async () => {
    for (const cookie of [undefined, 'vivre_sandbox_session=made-up']) {
      const page = await follow('/contacts/cnt_8826', cookie);
      expect(page.status).toBe(401);
      expect(page.type).toMatch(/^text\/html/);
      expect(page.html).toContain('<form method="post" action="/sign-in">');
      expect(page.html).toContain('<input type="hidden" name="next" value="/contacts/cnt_8826">');
      expect(page.html).not.toContain('Deepa Menon');
      expect(page.html).not.toContain('deepa.menon@');
      expect(page.csp).toContain("form-action 'self'");
    }
  });

  it('opens a session for a ws_demo key: an HttpOnly cookie, then back to the contact', async () => {
    const signedIn = await postSignIn({ key: DEMO_KEYS.read, next: '/contacts/cnt_8826' });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe('/contacts/cnt_8826');
    expect(signedIn.setCookie).toHaveLength(1);
    expect(signedIn.setCookie[0]).toMatch(/^vivre_sandbox_session=[\w-]{40,}; /);
    expect(signedIn.setCookie[0]).toContain('HttpOnly');
    expect(signedIn.setCookie[0]).toContain('SameSite=Lax');
    expect((await follow('/contacts/cnt_8826', signedIn.cookie)).status).toBe(200);
  });

  it('refuses another workspace’s key and an unknown key, in one sentence each', async () => {
    const other = await postSignIn({ key: DEMO_KEYS.otherAdmin, next: '/contacts/cnt_9001' });
    expect(other.status).toBe(403);
    expect(other.html).toContain(
      'That key belongs to ws_other, and these pages show ws_demo only.',
    );
    const unknown = await postSignIn({ key: 'vv_test_nobody_000000000000', next: '/contacts/x' });
    expect(unknown.status).toBe(401);
    expect(unknown.html).toContain('That is not an API key of this sandbox.');
    for (const refused of [other, unknown]) {
      expect(refused.setCookie).toEqual([]);
      expect(refused.location).toBeNull();
      expect(refused.html).toContain('<form method="post" action="/sign-in">');
    }
  });

  it('never sends a signed-in browser anywhere but a contact page of this sandbox', async () => {
    for (const next of ['https://evil.example/contacts/x', '//evil.example/contacts/x', '/v1/me']) {
      const signedIn = await postSignIn({ key: DEMO_KEYS.read, next });
      expect(signedIn.status).toBe(200);
      expect(signedIn.location).toBeNull();
      expect(signedIn.html).toContain('Signed in');
    }
  });

  it('reads no more than 4 KB of a sign-in form', async () => {
    const reply = await postSignIn({ key: DEMO_KEYS.read, filler: 'x'.repeat(5000) });
    expect(reply.status).toBe(413);
    expect(reply.html).toContain('The sign-in form is larger than 4 KB.');
    expect(reply.setCookie).toEqual([]);
  });

  it('takes the sign-in form from the sandbox’s own page only, not another site’s', async () => {
    const own = await postSignIn({ key: DEMO_KEYS.read, next: '/contacts/cnt_8826' });
    expect(own.status).toBe(303);
    for (const origin of ['https://evil.example', `http://localhost:${env.sandbox.port}`]) {
      const reply = await postSignIn({ key: DEMO_KEYS.read }, origin);
      expect(reply.status).toBe(403);
      expect(reply.setCookie).toEqual([]);
    }
  });
});
