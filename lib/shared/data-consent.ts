/**
 * Firefox's built-in data-collection consent, as this extension uses it: the manifest declares
 * the text of emails (`personalCommunications`) optional, so the worker sends it only once the
 * rep has allowed it (lib/worker/settings/data-consent.ts), and the options page asks.
 */
export const EMAIL_TEXT_CONSENT = { data_collection: ['personalCommunications'] };

export const EMAIL_TEXT_NOT_ALLOWED =
  'Firefox hasn’t allowed Vivre to send email text yet. Open Vivre settings → Email logging and choose “Allow”.';
