/**
 * The connection rules, declared once: the options page checks a field as the rep types and
 * the worker checks everything again on every save (it never trusts the page), with the same
 * patterns and the same sentence for each problem, so a rep reads one wording wherever it
 * is shown (beside the field, or in the connection's status line).
 */
import type { SettingsInput } from '../messaging/protocol';
import { type FieldResult, type FormErrors, invalid, valid } from './result';

const API_KEY = /^vv_(live|test)_[A-Za-z0-9_]{16,}$/;
const WORKSPACE_ID = /^ws_[A-Za-z0-9_]+$/;
/** Plain http only reaches a server on this machine (the sandbox); anything else must be https. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/** Said beside the key field when the API address moves to another server. */
const KEY_AGAIN_FOR_NEW_SERVER =
  'This address is on another server: paste your API key again to use it there.';

export function validateApiKey(text: string): FieldResult<string> {
  const key = text.trim();
  if (!key) return invalid('Paste your Vivre API key.');
  if (!API_KEY.test(key)) {
    return invalid(
      'That doesn’t look like a Vivre API key: it starts with vv_live_ or vv_test_ followed by at least 16 letters, digits or underscores.',
    );
  }
  return valid(key);
}

export function validateWorkspaceId(text: string): FieldResult<string> {
  const id = text.trim();
  if (!id) return invalid('Enter your workspace ID, like ws_acme.');
  if (!WORKSPACE_ID.test(id)) {
    return invalid('A workspace ID starts with ws_ followed by letters, digits or underscores.');
  }
  return valid(id);
}

/**
 * A web address Vivre may be reached at: https (http only on this machine), with no user
 * name, password, ?query or #fragment; answered without a trailing slash. `example` shows
 * the rep what a whole address looks like.
 */
function validateWebAddress(trimmed: string, example: string): FieldResult<string> {
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return invalid(`That isn’t a web address — use the full URL, like ${example}.`);
  }
  if (url.username || url.password)
    return invalid('Leave the user name and password out of the URL.');
  if (url.search || url.hash) return invalid('Leave the ?query and #fragment out of the URL.');
  if (url.protocol === 'http:' && !LOCAL_HOSTS.has(url.hostname)) {
    return invalid('Use https:// — plain http is only allowed for localhost and 127.0.0.1.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return invalid('Use an https:// address.');
  }
  return valid(url.origin + url.pathname.replace(/\/+$/, ''));
}

/** Accepts `https://host[:port]/path`; answers it without a trailing slash. */
export function validateBaseUrl(text: string): FieldResult<string> {
  const trimmed = text.trim();
  if (!trimmed) return invalid('Enter the API base URL, like https://api.vivre.app/v1.');
  return validateWebAddress(trimmed, 'https://api.vivre.app/v1');
}

/**
 * The Vivre web app's address, where "Open in Vivre" goes: empty means the one derived from
 * the API's; otherwise the same kind of address as the API's.
 */
export function validateAppUrl(text: string): FieldResult<string | null> {
  const trimmed = text.trim();
  if (!trimmed) return valid(null);
  return validateWebAddress(trimmed, 'https://app.vivre.app');
}

export type SettingsField = 'apiKey' | 'workspaceId' | 'baseUrl';

export interface SettingsFormValues {
  apiKey: string;
  workspaceId: string;
  baseUrl: string;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Validates the connection form. An empty key field means "keep the saved key", which
 * only works when one is saved (`savedKeyBaseUrl`: the address it was saved for) and
 * only on that server: the worker never sends a saved key to another origin either.
 * `errors` lists the wrong fields in the form's order (key, workspace, address).
 */
export function validateSettingsForm(
  values: SettingsFormValues,
  savedKeyBaseUrl: string | null,
): { ok: true; input: SettingsInput } | { ok: false; errors: FormErrors<SettingsField> } {
  const keepKey = savedKeyBaseUrl !== null && !values.apiKey.trim();
  const movedServer =
    keepKey && originOf(values.baseUrl.trim()) !== null
      ? originOf(values.baseUrl.trim()) !== originOf(savedKeyBaseUrl)
      : false;
  const apiKey = movedServer
    ? invalid(KEY_AGAIN_FOR_NEW_SERVER)
    : keepKey
      ? valid(undefined)
      : validateApiKey(values.apiKey);
  const workspaceId = validateWorkspaceId(values.workspaceId);
  const baseUrl = validateBaseUrl(values.baseUrl);
  if (apiKey.ok && workspaceId.ok && baseUrl.ok) {
    return {
      ok: true,
      input: {
        ...(apiKey.value === undefined ? {} : { apiKey: apiKey.value }),
        workspaceId: workspaceId.value,
        baseUrl: baseUrl.value,
      },
    };
  }
  const errors: FormErrors<SettingsField> = {};
  if (!apiKey.ok) errors.apiKey = apiKey.message;
  if (!workspaceId.ok) errors.workspaceId = workspaceId.message;
  if (!baseUrl.ok) errors.baseUrl = baseUrl.message;
  return { ok: false, errors };
}
