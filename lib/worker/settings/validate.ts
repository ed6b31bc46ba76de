/**
 * Checks what a rep typed into the options page, naming the field that is wrong
 * in words they understand. Runs in the worker on every save, whatever the page checked.
 */
import type { RepError, SettingsInput } from '../../shared/messaging/protocol';

export const API_KEY_PATTERN = /^vv_(live|test)_[A-Za-z0-9_]{16,}$/;
const WORKSPACE_PATTERN = /^ws_[A-Za-z0-9_]+$/;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

export type Checked<T> = { ok: true; value: T } | { ok: false; error: RepError };

const invalid = (param: string, message: string): Checked<never> => ({
  ok: false,
  error: { kind: 'validation', param, message },
});

/** The base URL without a trailing slash, or why it cannot be used. */
export function checkBaseUrl(raw: string): Checked<string> {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return invalid(
      'baseUrl',
      'The API address isn’t a web address. It looks like https://api.vivre.app/v1.',
    );
  }
  const secure = url.protocol === 'https:';
  const local = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
  if (!secure && !local) {
    return invalid(
      'baseUrl',
      'The API address must start with https:// (http:// only works for localhost).',
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    return invalid(
      'baseUrl',
      'The API address can’t contain a password, “?” or “#”. Copy it again from Vivre.',
    );
  }
  return { ok: true, value: url.href.replace(/\/+$/, '') };
}

/** The trimmed value when it matches `pattern`; otherwise `message`, blaming `param`. */
function checkPattern(pattern: RegExp, param: string, message: string) {
  return (raw: string): Checked<string> => {
    const value = raw.trim();
    return pattern.test(value) ? { ok: true, value } : invalid(param, message);
  };
}

const checkApiKey = checkPattern(
  API_KEY_PATTERN,
  'apiKey',
  'That API key doesn’t look right. Copy it again from Vivre → Settings → API Keys; it starts with vv_live_ or vv_test_.',
);

const checkWorkspaceId = checkPattern(
  WORKSPACE_PATTERN,
  'workspaceId',
  'That workspace ID doesn’t look right. It starts with ws_, like ws_abc123.',
);

/** `apiKey` stays undefined when the rep kept the saved key. */
export function checkSettingsInput(input: SettingsInput): Checked<SettingsInput> {
  const apiKey =
    input.apiKey === undefined || input.apiKey.trim() === ''
      ? undefined
      : checkApiKey(input.apiKey);
  if (apiKey && !apiKey.ok) return apiKey;
  const workspaceId = checkWorkspaceId(input.workspaceId);
  if (!workspaceId.ok) return workspaceId;
  const baseUrl = checkBaseUrl(input.baseUrl);
  if (!baseUrl.ok) return baseUrl;
  return {
    ok: true,
    value: {
      ...(apiKey ? { apiKey: apiKey.value } : {}),
      workspaceId: workspaceId.value,
      baseUrl: baseUrl.value,
    },
  };
}
