/**
 * Firefox's built-in data-collection consent (Firefox 140+): the manifest declares the text of
 * emails (`personalCommunications`) as optional, so it may leave the browser only once the rep
 * has allowed it in Firefox. Chrome has no such consent; there, logging an email is itself the
 * rep's choice (off until they turn it on).
 */
import { browser } from 'wxt/browser';
import { EMAIL_TEXT_CONSENT, EMAIL_TEXT_NOT_ALLOWED } from '../../shared/data-consent';

export { EMAIL_TEXT_NOT_ALLOWED };

interface ConsentApi {
  contains(permissions: typeof EMAIL_TEXT_CONSENT): Promise<boolean>;
}

/** Firefox only (`runtime.getBrowserInfo` exists there and nowhere else), when the manifest says so. */
function asksForDataConsent(): boolean {
  const runtime = browser.runtime as unknown as { getBrowserInfo?: unknown };
  if (typeof runtime.getBrowserInfo !== 'function') return false;
  try {
    const gecko = browser.runtime.getManifest().browser_specific_settings?.gecko as
      { data_collection_permissions?: { optional?: string[] } } | undefined;
    return Boolean(
      gecko?.data_collection_permissions?.optional?.includes('personalCommunications'),
    );
  } catch {
    return false; // No manifest to read: not a real Firefox (a test's fake browser).
  }
}

/** Whether the text of an email (subject and excerpt) may be sent to Vivre. */
export async function emailTextAllowed(): Promise<boolean> {
  if (!asksForDataConsent()) return true;
  try {
    return await (browser.permissions as unknown as ConsentApi).contains(EMAIL_TEXT_CONSENT);
  } catch {
    // A Firefox that cannot say: do not send what the rep may not have allowed.
    return false;
  }
}
