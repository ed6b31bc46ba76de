/**
 * The node:http plumbing: the request line and Host a request may have, reading a bounded
 * body only once the caller is known, and writing JSON. No framework: the sandbox must
 * start instantly and behave exactly as documented.
 *
 * No CORS: the extension's worker reaches the sandbox through its host permission, which
 * needs none, and no web page has any business reading it. A request a web page sent (its
 * `Origin` is a web origin) is refused outright, and so is a `Host` that is not this
 * machine, so a site cannot use DNS rebinding to become same-origin with it.
 */
import { isIP } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface RawBody {
  text: string;
  tooLarge: boolean;
}

/** The request target as a URL, or a 400 for one that does not parse (`GET http://a:99999/`). */
export function requestUrl(req: IncomingMessage): URL {
  const target = req.url ?? '/';
  try {
    // Origin-form (`/v1/me`) and absolute-form (`http://host/v1/me`) both parse against a base.
    // An absolute target needs a real authority: `http:///v1/me` is not one, whatever
    // the lenient WHATWG parser makes of it.
    if (!target.startsWith('/') && !/^https?:\/\/[^/?#\s]+/i.test(target)) throw new Error(target);
    return new URL(target, 'http://sandbox.local');
  } catch {
    throw new ApiError(400, 'invalid_request', 'The request target is not a valid URL.');
  }
}

const EXTENSION_ORIGIN = /^(chrome|moz|safari-web)-extension:\/\/[^/]+$/;

/**
 * Refuses what another site's page sent, and a Host that names another site. The sandbox's
 * own pages (its origin is `http://` + Host) send only their sign-in form: they run no script.
 */
export function checkCaller(req: IncomingMessage): void {
  const origin = req.headers.origin;
  const own = origin === `http://${req.headers.host}`;
  if (origin !== undefined && !own && !EXTENSION_ORIGIN.test(origin)) {
    throw new ApiError(
      403,
      'permission_error',
      'Web pages may not call the sandbox; its keys are public. Call it from a server or the extension.',
    );
  }
  const host = req.headers.host ?? '';
  const name = host.replace(/:\d*$/, '').replace(/^\[(.*)\]$/, '$1');
  if (name !== 'localhost' && isIP(name) === 0) {
    throw new ApiError(400, 'invalid_request', 'The Host header must name this machine.', {
      param: 'Host',
    });
  }
}

/** True when the request announces a body (so answering without reading it must close). */
export function hasBody(req: IncomingMessage): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return length > 0 || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Reads the body, keeping at most `limit` bytes (1 MB). A declared length over the limit is
 * refused before a byte is read; a chunked body that grows past it stops being read there.
 */
export function readRawBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<RawBody> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    return Promise.resolve({ text: '', tooLarge: true });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve({ text: '', tooLarge: true });
    };
    req.on('data', onData);
    req.on('end', () =>
      resolve({ text: Buffer.concat(chunks).toString('utf8'), tooLarge: size > limit }),
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
export async function parseJsonBody(
  req: IncomingMessage,
  read: () => Promise<RawBody>,
): Promise<Record<string, unknown>> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const raw = await read();
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

export interface ApiResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * Writes the answer. `closeAfter`: the request's body was not read to its end (refused before
 * it, or cut off at its limit), so the connection is closed rather than left to drain bytes
 * nobody wants: `Connection: close`, and the socket is destroyed once the answer is flushed.
 */
export function send(res: ServerResponse, response: ApiResponse, closeAfter = false): void {
  const headers: Record<string, string> = { ...response.headers };
  if (response.body === undefined) return sendText(res, response.status, headers, '', closeAfter);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  sendText(res, response.status, headers, JSON.stringify(response.body), closeAfter);
}

/** `send` for text already made (the app's HTML pages), with its own Content-Type. */
export function sendText(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  text: string,
  closeAfter = false,
): void {
  if (res.headersSent || res.destroyed) return;
  const all: Record<string, string> = { ...headers };
  all['Content-Length'] = String(Buffer.byteLength(text));
  if (closeAfter) {
    all.Connection = 'close';
    const socket = res.socket;
    res.once('finish', () => socket?.destroy());
  }
  res.writeHead(status, all).end(text);
}
