/**
 * Who may see the sandbox's web app page: a browser with a demo session. A browser following
 * "Open in Vivre" sends no Authorization header, so the page cannot ask for the key the way
 * the API does; it asks once instead. `POST /sign-in` takes a key of `ws_demo` (public, like
 * every demo key: the page is as guarded as the API, no more) and opens a session: a random
 * token kept in memory, handed to the browser as an HttpOnly cookie that only this sandbox's
 * pages read. Sessions end when the sandbox stops.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { RawBody } from './http';
import type { Store } from './store';

export const SESSION_COOKIE = 'vivre_sandbox_session';
/** The sign-in form holds a key and a path; anything longer is not that form. */
export const SIGN_IN_MAX_BYTES = 4 * 1024;
/** Past this many sign-ins, the oldest session ends, so signing in again and again costs nothing. */
const MAX_SESSIONS = 1_000;

export class AppSessions {
  private readonly tokens = new Set<string>();

  open(): string {
    const token = randomBytes(32).toString('base64url');
    this.tokens.add(token);
    if (this.tokens.size > MAX_SESSIONS) this.tokens.delete(this.tokens.values().next().value!);
    return token;
  }

  signedIn(req: IncomingMessage): boolean {
    const token = cookie(req, SESSION_COOKIE);
    return token !== undefined && this.tokens.has(token);
  }
}

/**
 * HttpOnly: no script reads it (the pages run none anyway). SameSite=Lax: sent when a link
 * from Gmail or the extension opens the page, never with another site's form or request.
 */
export const sessionCookie = (token: string) =>
  `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`;

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

export type SignInResult =
  | { token: string; next: string | null }
  | { status: number; sentence: string; next: string | null };

/**
 * Checks the sign-in form (`key`, and `next`: where to go back to) and opens a session for a
 * key of `workspaceId`. Every refusal is one sentence for the form to show.
 */
export async function signIn(
  req: IncomingMessage,
  readBody: (limit: number) => Promise<RawBody>,
  store: Store,
  sessions: AppSessions,
  workspaceId: string,
): Promise<SignInResult> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    const sentence = 'Send the sign-in form as application/x-www-form-urlencoded.';
    return { status: 415, sentence, next: null };
  }
  const raw = await readBody(SIGN_IN_MAX_BYTES);
  if (raw.tooLarge) {
    return { status: 413, sentence: 'The sign-in form is larger than 4 KB.', next: null };
  }
  const form = new URLSearchParams(raw.text);
  const next = form.get('next');
  const key = store.findKey((form.get('key') ?? '').trim());
  if (!key) {
    return { status: 401, sentence: 'That is not an API key of this sandbox.', next };
  }
  if (key.workspace_id !== workspaceId) {
    const sentence = `That key belongs to ${key.workspace_id}, and these pages show ${workspaceId} only.`;
    return { status: 403, sentence, next };
  }
  return { token: sessions.open(), next };
}
