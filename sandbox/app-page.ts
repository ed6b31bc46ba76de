/**
 * The sandbox's stand-in for the Vivre web app: `GET /contacts/:id` answers a small read-only
 * HTML page of the contact, its deals and its latest activities, so the card's and popup's
 * "Open in Vivre" links work in development and demos instead of meeting a raw 401 JSON body.
 *
 * Like the real app, it shows a contact only to someone signed in: a browser without a demo
 * session gets 401 and a sign-in form, which posts a ws_demo key to `POST /sign-in`
 * (sandbox/app-session.ts) and comes back to the contact. It shows ws_demo only; any other
 * workspace's contact is not found here. The pages have no script and a CSP that allows none;
 * every value is escaped.
 */
import type { IncomingMessage } from 'node:http';
import { signIn, sessionCookie, type AppSessions } from './app-session';
import type { RawBody } from './http';
import { DEMO_WORKSPACE } from './seed';
import type { Store } from './store';
import type { StoredActivity, StoredContact, StoredDeal, WorkspaceData } from './types';

/** The one workspace the page shows: any other workspace's contact is "not found" here. */
const APP_WORKSPACE = DEMO_WORKSPACE.id;
const PAGE_PATH = /^\/contacts\/([^/]+)\/?$/;
const SIGN_IN_PATH = '/sign-in';
const LATEST_ACTIVITIES = 10;

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  html: string;
}

export interface AppDeps {
  store: Store;
  sessions: AppSessions;
  readBody: (limit: number) => Promise<RawBody>;
}

/** The app's answer, or null when the path is not one of the app's (the API answers it). */
export async function appPage(
  req: IncomingMessage,
  pathname: string,
  deps: AppDeps,
): Promise<PageResponse | null> {
  const method = req.method ?? 'GET';
  if (pathname === SIGN_IN_PATH && method === 'POST') return signInAnswer(req, deps);
  const match = PAGE_PATH.exec(pathname);
  if (!match || (method !== 'GET' && method !== 'HEAD')) return null;
  if (!deps.sessions.signedIn(req)) return signInPage(401, pathname);
  const id = safeDecode(match[1]!);
  const ws = deps.store.workspace(APP_WORKSPACE);
  const contact = ws && Object.hasOwn(ws.contacts, id) ? ws.contacts[id] : undefined;
  if (ws && contact) return page(200, contact.name, contactBody(ws, contact));
  return page(
    404,
    'Contact not found',
    `<h1>Contact not found</h1><p>There’s no contact ${escape(id)} in this sandbox — it may have been reset.</p>`,
  );
}

async function signInAnswer(req: IncomingMessage, deps: AppDeps): Promise<PageResponse> {
  const result = await signIn(req, deps.readBody, deps.store, deps.sessions, APP_WORKSPACE);
  const back = contactPath(result.next);
  if ('sentence' in result) return signInPage(result.status, back, result.sentence);
  const cookie = { 'Set-Cookie': sessionCookie(result.token) };
  if (!back) {
    const body =
      '<h1>Signed in</h1><p>Follow an “Open in Vivre” link again to see the contact.</p>';
    return page(200, 'Signed in', body, cookie);
  }
  const body = `<p>Signed in: <a href="${escape(back)}">back to the contact</a>.</p>`;
  return page(303, 'Signed in', body, { ...cookie, Location: back });
}

/** `next` only ever leads back to a contact page here: never to another site, never elsewhere. */
function contactPath(next: string | null): string | null {
  const base = 'http://app.invalid';
  try {
    const target = new URL(next ?? '', base);
    return target.origin === base && PAGE_PATH.test(target.pathname) ? target.pathname : null;
  } catch {
    return null;
  }
}

function signInPage(status: number, next: string | null, sentence?: string): PageResponse {
  const refusal = sentence ? `<p class="error" role="alert">${escape(sentence)}</p>` : '';
  const back = next ? `<input type="hidden" name="next" value="${escape(next)}">` : '';
  return page(
    status,
    'Sign in',
    `<p class="where">Vivre sandbox</p><h1>Sign in to see this contact</h1>${refusal}` +
      `<form method="post" action="${SIGN_IN_PATH}">${back}` +
      '<p><label for="key">API key</label><br>' +
      '<input id="key" name="key" type="password" autocomplete="off" required size="40"></p>' +
      '<p class="muted">Any key of the ws_demo workspace: <code>npm run sandbox</code> prints them.</p>' +
      '<p><button type="submit">Sign in</button></p></form>',
  );
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function escape(text: string | number | null | undefined): string {
  return String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR' });
const newestFirst = <T extends { created_at: string }>(a: T, b: T) =>
  b.created_at.localeCompare(a.created_at);

function contactBody(ws: WorkspaceData, contact: StoredContact): string {
  const deals = Object.values(ws.deals)
    .filter((deal) => deal.contact_id === contact.id)
    .sort(newestFirst);
  const activities = Object.values(ws.activities)
    .filter((activity) => activity.contact_id === contact.id)
    .sort(newestFirst)
    .slice(0, LATEST_ACTIVITIES);
  const facts = [contact.email, contact.company].filter(Boolean).map(escape);
  return (
    `<p class="where">${escape(ws.name)} · sandbox</p>` +
    `<h1>${escape(contact.name)}</h1>` +
    `<p>${facts.join(' · ')}</p>` +
    `<p>Stage <strong>${escape(contact.stage)}</strong> · AI score <strong>${escape(contact.ai_score)}</strong></p>` +
    `<h2>Deals</h2>${list(deals, dealLine, 'No deals yet.')}` +
    `<h2>Latest activity</h2>${list(activities, activityLine, 'Nothing logged yet.')}`
  );
}

function list<T>(items: T[], line: (item: T) => string, empty: string): string {
  if (items.length === 0) return `<p class="muted">${empty}</p>`;
  return `<ul>${items.map((item) => `<li>${line(item)}</li>`).join('')}</ul>`;
}

function dealLine(deal: StoredDeal): string {
  const value = typeof deal.value === 'number' ? ` · ${rupees.format(deal.value / 100)}` : '';
  return `${escape(deal.title)} <span class="muted">(${escape(deal.stage)}${value})</span>`;
}

function activityLine(activity: StoredActivity): string {
  const when = activity.created_at.slice(0, 10);
  return `<strong>${escape(activity.type)}</strong> <span class="muted">${escape(when)}</span> ${escape(activity.note)}`;
}

const STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;' +
  'color:#1f1f1f;background:#fff}h1{font-weight:400;margin:.2rem 0}h2{font-size:1rem;' +
  'margin-top:1.5rem}.muted,.where{color:#5e5e5e}ul{padding-left:1.2rem}' +
  'input,button{font:inherit}.error{color:#b3261e}' +
  '@media (prefers-color-scheme:dark){body{color:#e3e3e3;background:#1f1f1f}' +
  '.muted,.where{color:#c4c7c5}.error{color:#f2b8b5}}';

function page(
  status: number,
  title: string,
  body: string,
  headers: Record<string, string> = {},
): PageResponse {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escape(title)} — Vivre sandbox</title><style>${STYLE}</style></head>` +
    `<body><main>${body}</main></body></html>`;
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      // form-action: the sign-in form posts to this sandbox and nowhere else.
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      'Cache-Control': 'no-store',
      ...headers,
    },
    html,
  };
}
