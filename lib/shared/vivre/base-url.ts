/**
 * ASSUMPTION: the reference does not name the production host. This is the one
 * place that says where production Vivre lives; the manifest's host permission
 * and the settings default both read it.
 */
export const PRODUCTION_BASE_URL = 'https://api.vivre.app/v1';

/** The local sandbox (`npm run sandbox`), the default of development builds. */
export const SANDBOX_BASE_URL = 'http://127.0.0.1:8787/v1';

/**
 * The sandbox a development build defaults to. `npm start -- --port N` hands the
 * build WXT_VIVRE_SANDBOX_URL (`http://127.0.0.1:N/v1`); anything other than an
 * http URL on 127.0.0.1 or localhost (the only hosts a development build is
 * granted) with the path /v1 falls back to SANDBOX_BASE_URL.
 */
export function sandboxBaseUrl(fromEnv: unknown): string {
  if (typeof fromEnv !== 'string' || fromEnv === '') return SANDBOX_BASE_URL;
  let url: URL;
  try {
    url = new URL(fromEnv);
  } catch {
    return SANDBOX_BASE_URL;
  }
  const valid =
    url.protocol === 'http:' &&
    (url.hostname === '127.0.0.1' || url.hostname === 'localhost') &&
    url.port !== '0' &&
    url.pathname.replace(/\/$/, '') === '/v1' &&
    url.username === '' &&
    url.password === '' &&
    url.search === '' &&
    url.hash === '';
  return valid ? `${url.origin}/v1` : SANDBOX_BASE_URL;
}

/**
 * Where "Open in Vivre" goes when the rep has not said (Options → Open in Vivre).
 * ASSUMPTION: the web app lives beside the API — `https://api.vivre.app/v1` →
 * `https://app.vivre.app`; the sandbox serves both from one origin.
 */
export function appUrlFor(baseUrl: string): string | null {
  try {
    const url = new URL(baseUrl);
    if (url.hostname.startsWith('api.')) url.hostname = `app.${url.hostname.slice(4)}`;
    return url.origin;
  } catch {
    return null;
  }
}
