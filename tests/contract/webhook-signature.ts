/**
 * Verifies a Vivre webhook's `X-Vivre-Signature: t=<unix seconds>,v1=<hex>`
 * header, where v1 is HMAC-SHA256 of `"<t>.<raw body>"` keyed with the
 * endpoint's secret. For integrators' servers (Node); not bundled into the extension.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

interface ParsedHeader {
  timestamp: number;
  signatures: string[];
}

/** Far more than a rotation needs; a header past these is not a Vivre header. */
const MAX_HEADER_LENGTH = 4096;
const MAX_SIGNATURES = 8;

function parseHeader(header: string): ParsedHeader | null {
  if (header.length > MAX_HEADER_LENGTH) return null;
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    // Several v1 values are allowed, so a secret can be rotated without downtime.
    if (key === 'v1' && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  if (signatures.length > MAX_SIGNATURES) return null;
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/**
 * True only for a well-formed, fresh signature that matches. Returns false, never throws,
 * for anything else a server may hand it: a missing header (`undefined`), a repeated one
 * (Node gives an array), a non-string body or secret, a tolerance or clock that is not a
 * number.
 *
 * @param rawBody the request body exactly as received, before any JSON parsing
 * @param header the `X-Vivre-Signature` header as the server framework gives it
 * @param toleranceSeconds how far the signed timestamp may be from `now`, either way
 * @param now current time in milliseconds since the epoch (default `Date.now()`)
 */
export function verifyVivreSignature(
  rawBody: string,
  header: string | string[] | undefined | null,
  secret: string,
  toleranceSeconds = 300,
  now: number = Date.now(),
): boolean {
  if (typeof rawBody !== 'string' || typeof header !== 'string') return false;
  if (typeof secret !== 'string' || secret === '') return false;
  if (!Number.isFinite(toleranceSeconds) || !Number.isFinite(now)) return false;
  try {
    const parsed = parseHeader(header);
    if (!parsed) return false;
    // Replays of an old, correctly signed delivery are refused.
    if (Math.abs(now / 1000 - parsed.timestamp) > toleranceSeconds) return false;
    const expected = createHmac('sha256', secret).update(`${parsed.timestamp}.${rawBody}`).digest();
    return parsed.signatures.some((signature) =>
      timingSafeEqual(expected, Buffer.from(signature, 'hex')),
    );
  } catch {
    return false;
  }
}
