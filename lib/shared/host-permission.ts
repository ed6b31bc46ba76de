/**
 * A base URL outside the manifest's host permissions needs an optional host
 * permission. Chrome only shows that prompt during a user gesture in a page, so
 * the options page calls `requestBaseUrlPermission` in its click handler before
 * it sends `saveSettings`; the worker then refuses an origin it was not granted.
 */
import { browser } from 'wxt/browser';

/** Match patterns ignore ports, so `http://127.0.0.1:8787/v1` → `http://127.0.0.1/*`. */
function originPattern(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Call from a click handler, first thing (no await before it), or Chrome drops the prompt. */
export function requestBaseUrlPermission(baseUrl: string): Promise<boolean> {
  return browser.permissions.request({ origins: [originPattern(baseUrl)] });
}

export function hasBaseUrlPermission(baseUrl: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [originPattern(baseUrl)] });
}

export const NO_PERMISSION_MESSAGE =
  'Vivre for Gmail isn’t allowed to contact that API address yet. Save again and choose “Allow” when Chrome asks.';
