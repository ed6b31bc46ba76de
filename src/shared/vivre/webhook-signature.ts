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

function parseHeader(header: string): ParsedHeader | null {
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
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

/**
 * @param rawBody the request body exactly as received, before any JSON parsing
 * @param toleranceSeconds how far the signed timestamp may be from `now`, either way
 * @param now current time in milliseconds since the epoch (default `Date.now()`)
 */
export function verifyVivreSignature(
  rawBody: string,
  header: string,
  secret: string,
  toleranceSeconds = 300,
  now: number = Date.now(),
): boolean {
  const parsed = parseHeader(header);
  if (!parsed || !secret) return false;
  // Replays of an old, correctly signed delivery are refused.
  if (Math.abs(now / 1000 - parsed.timestamp) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${parsed.timestamp}.${rawBody}`).digest();
  return parsed.signatures.some((signature) =>
    timingSafeEqual(expected, Buffer.from(signature, 'hex')),
  );
}
