/**
 * Which connection a write was made for, without keeping the key: the base URL, the
 * workspace, and the first 16 hex digits of the key's SHA-256. Enough to tell one key from
 * another; useless for calling Vivre.
 */
import type { ConnectionStamp } from '../outbox/types';
import type { Credentials } from '../vivre/http';

export async function fingerprintKey(apiKey: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(apiKey));
  return [...new Uint8Array(digest).slice(0, 8)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('');
}

export async function stampOf(credentials: Credentials): Promise<ConnectionStamp> {
  return {
    baseUrl: credentials.baseUrl,
    workspaceId: credentials.workspaceId,
    keyFingerprint: await fingerprintKey(credentials.apiKey),
  };
}
