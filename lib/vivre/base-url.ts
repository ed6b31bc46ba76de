/**
 * ASSUMPTION: the reference does not name the production host. This is the one
 * place that says where production Vivre lives; the manifest's host permission
 * and the settings default both read it.
 */
export const PRODUCTION_BASE_URL = 'https://api.vivre.app/v1';

/** The local sandbox (`npm run sandbox`), the default of development builds. */
export const SANDBOX_BASE_URL = 'http://127.0.0.1:8787/v1';
