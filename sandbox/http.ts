/**
 * The node:http plumbing: reading a bounded body, CORS, and writing JSON.
 * No framework: the sandbox must start instantly and behave exactly as documented.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';

export const MAX_BODY_BYTES = 1024 * 1024;
/** Past this we stop draining and drop the connection: nobody sends 16 MB by accident. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

export interface RawBody {
  text: string;
  tooLarge: boolean;
}

/** Reads the whole body but keeps at most 1 MB, so an oversized one still gets a clean 413. */
export function readRawBody(req: IncomingMessage): Promise<RawBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) {
        req.destroy();
        reject(new Error('Request body far over the limit; connection dropped.'));
      } else if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_BODY_BYTES }),
    );
    req.on('error', reject);
  });
}

/** No Vivre body nests beyond 2 levels; a far deeper one would only exhaust the stack later. */
const MAX_DEPTH = 20;

function nestedDeeperThan(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth === 0) return true;
  return Object.values(value).some((inner) => nestedDeeperThan(inner, depth - 1));
}

/** Checks content type, size and JSON syntax of a write's body; returns the parsed object. */
export function parseJsonBody(req: IncomingMessage, raw: RawBody): Record<string, unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  if (raw.tooLarge) {
    throw new ApiError(413, 'payload_too_large', 'The request body is larger than 1 MB.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.text);
  } catch {
    throw new ApiError(400, 'invalid_request', 'The request body is not valid JSON.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ApiError(400, 'invalid_request', 'The request body must be a JSON object.');
  }
  if (nestedDeeperThan(parsed, MAX_DEPTH)) {
    throw new ApiError(
      400,
      'invalid_request',
      `The request body is nested deeper than ${MAX_DEPTH} levels.`,
    );
  }
  return parsed as Record<string, unknown>;
}

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, X-Workspace-ID, Idempotency-Key, X-Request-ID',
  'Access-Control-Expose-Headers':
    'X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, Idempotent-Replayed, X-Request-ID',
  'Access-Control-Max-Age': '600',
  // Chrome's Private Network Access preflight, for pages on public origins calling 127.0.0.1.
  'Access-Control-Allow-Private-Network': 'true',
};

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function send(res: ServerResponse, response: ApiResponse): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...CORS_HEADERS, ...response.headers };
  if (response.body === undefined) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const text = JSON.stringify(response.body);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(response.status, headers).end(text);
}
