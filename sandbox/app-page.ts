/**
 * The sandbox's stand-in for the Vivre web app: `GET /contacts/:id` answers a small read-only
 * HTML page of the contact, its deals and its latest activities, so the card's and popup's
 * "Open in Vivre" links work in development and demos instead of meeting a raw 401 JSON body.
 *
 * No API key: a browser following a link sends none, and the sandbox holds demo data only.
 * The page has no script and a CSP that allows none; every value is escaped.
 */
import { DEMO_WORKSPACE } from './seed';
import type { Store } from './store';
import type { StoredActivity, StoredContact, StoredDeal, WorkspaceData } from './types';

/** The one workspace the page shows: any other workspace's contact is "not found" here. */
const APP_WORKSPACE = DEMO_WORKSPACE.id;
const PAGE_PATH = /^\/contacts\/([^/]+)\/?$/;
const LATEST_ACTIVITIES = 10;

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  html: string;
}

/** The page for `pathname`, or null when the path is not one of the app's (the API answers it). */
export function appPage(store: Store, method: string, pathname: string): PageResponse | null {
  const match = PAGE_PATH.exec(pathname);
  if (!match || (method !== 'GET' && method !== 'HEAD')) return null;
  const id = safeDecode(match[1]!);
  const ws = store.workspace(APP_WORKSPACE);
  const contact = ws && Object.hasOwn(ws.contacts, id) ? ws.contacts[id] : undefined;
  if (ws && contact) return page(200, contact.name, contactBody(ws, contact));
  return page(
    404,
    'Contact not found',
    `<h1>Contact not found</h1><p>There’s no contact ${escape(id)} in this sandbox — it may have been reset.</p>`,
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
  '@media (prefers-color-scheme:dark){body{color:#e3e3e3;background:#1f1f1f}.muted,.where{color:#c4c7c5}}';

function page(status: number, title: string, body: string): PageResponse {
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escape(title)} — Vivre sandbox</title><style>${STYLE}</style></head>` +
    `<body><main>${body}</main></body></html>`;
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      'Cache-Control': 'no-store',
    },
    html,
  };
}
