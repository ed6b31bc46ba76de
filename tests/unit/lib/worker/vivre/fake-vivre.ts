/** A stubbed `fetch` that records requests and answers from a per-test handler. */
import { vi } from 'vitest';

export interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
}

export type Handler = (req: Recorded) => Response | Promise<Response>;

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function stubFetch(handler: Handler) {
  const requests: Recorded[] = [];
  const fetchMock = vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    const req: Recorded = {
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
    };
    requests.push(req);
    const signal = init.signal;
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    return await new Promise<Response>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      Promise.resolve(handler(req)).then(resolve, reject);
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { requests, fetchMock };
}

export { RAHUL as CONTACT } from '../../../../factories';

export const list = (data: unknown[]) => ({ data, total: data.length, limit: 50, offset: 0 });

export const CREDENTIALS = {
  baseUrl: 'https://api.vivre.test/v1',
  apiKey: 'vv_test_unit_key_000000000000000',
  workspaceId: 'ws_unit',
};
