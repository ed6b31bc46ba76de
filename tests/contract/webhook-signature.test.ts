import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyVivreSignature } from './webhook-signature';

const secret = 'whsec_test_secret';
const body =
  '{"id":"evt_1","type":"contact.created","created_at":"2026-06-01T08:00:00Z","data":{}}';
const t = 1_780_000_000;
const nowMs = t * 1000;
const sign = (payload: string, key = secret, timestamp = t) =>
  createHmac('sha256', key).update(`${timestamp}.${payload}`).digest('hex');

describe('verifyVivreSignature', () => {
  it('accepts a correct signature', () => {
    expect(verifyVivreSignature(body, `t=${t},v1=${sign(body)}`, secret, 300, nowMs)).toBe(true);
  });

  it('accepts upper-case hex, spaces and a rotated second v1', () => {
    const header = `t=${t}, v1=${'0'.repeat(64)}, v1=${sign(body).toUpperCase()}`;
    expect(verifyVivreSignature(body, header, secret, 300, nowMs)).toBe(true);
  });

  it('rejects a body changed by one character', () => {
    const header = `t=${t},v1=${sign(body)}`;
    expect(verifyVivreSignature(body.replace('evt_1', 'evt_2'), header, secret, 300, nowMs)).toBe(
      false,
    );
  });

  it('rejects the wrong secret', () => {
    const header = `t=${t},v1=${sign(body, 'whsec_other')}`;
    expect(verifyVivreSignature(body, header, secret, 300, nowMs)).toBe(false);
  });

  it('rejects a signature over a different timestamp than the header claims', () => {
    const header = `t=${t},v1=${sign(body, secret, t - 1)}`;
    expect(verifyVivreSignature(body, header, secret, 300, nowMs)).toBe(false);
  });

  it('rejects stale and far-future timestamps, accepts the edge of the tolerance', () => {
    const header = `t=${t},v1=${sign(body)}`;
    expect(verifyVivreSignature(body, header, secret, 300, nowMs + 301_000)).toBe(false);
    expect(verifyVivreSignature(body, header, secret, 300, nowMs - 301_000)).toBe(false);
    expect(verifyVivreSignature(body, header, secret, 300, nowMs + 300_000)).toBe(true);
    expect(verifyVivreSignature(body, header, secret, 10, nowMs + 11_000)).toBe(false);
  });

  it('defaults to the real clock and a 5 minute tolerance', () => {
    const fresh = Math.floor(Date.now() / 1000);
    expect(verifyVivreSignature(body, `t=${fresh},v1=${sign(body, secret, fresh)}`, secret)).toBe(
      true,
    );
    const old = fresh - 301;
    expect(verifyVivreSignature(body, `t=${old},v1=${sign(body, secret, old)}`, secret)).toBe(
      false,
    );
  });

  it.each([
    ['empty header', ''],
    ['no timestamp', `v1=${sign(body)}`],
    ['no signature', `t=${t}`],
    ['short signature', `t=${t},v1=${sign(body).slice(0, 63)}`],
    ['non-hex signature', `t=${t},v1=${'z'.repeat(64)}`],
    ['non-numeric timestamp', `t=abc,v1=${sign(body)}`],
    ['other scheme only', `t=${t},v0=${sign(body)}`],
  ])('rejects a malformed header (%s) without throwing', (_name, header) => {
    expect(verifyVivreSignature(body, header, secret, 300, nowMs)).toBe(false);
  });

  it('rejects when the secret is empty', () => {
    const header = `t=${t},v1=${createHmac('sha256', '').update(`${t}.${body}`).digest('hex')}`;
    expect(verifyVivreSignature(body, header, '', 300, nowMs)).toBe(false);
  });
});

describe('verifyVivreSignature on whatever a server hands it', () => {
  it.each([
    ['a missing header', undefined],
    ['a repeated header (Node gives an array)', [`t=${t},v1=${sign(body)}`, 'x']],
    ['a number', 42],
    ['null', null],
    ['a huge timestamp', `t=999999999999,v1=${sign(body)}`],
    [
      'a thousand v1 values',
      `t=${t},${Array.from({ length: 1000 }, () => `v1=${'0'.repeat(64)}`).join(',')}`,
    ],
  ])('returns false, never throws, for %s', (_name, header) => {
    const call = () => verifyVivreSignature(body, header as string, secret, 300, nowMs);
    expect(call).not.toThrow();
    expect(call()).toBe(false);
  });

  it.each([
    ['a body that is not a string', { not: 'a string' }],
    ['a secret that is not a string', undefined],
  ])('returns false for %s', (what, value) => {
    const header = `t=${t},v1=${sign(body)}`;
    const result = what.startsWith('a body')
      ? verifyVivreSignature(value as unknown as string, header, secret, 300, nowMs)
      : verifyVivreSignature(body, header, value as unknown as string, 300, nowMs);
    expect(result).toBe(false);
  });

  it('returns false for a tolerance or clock that is not a number', () => {
    const header = `t=${t},v1=${sign(body)}`;
    expect(verifyVivreSignature(body, header, secret, Number.NaN, nowMs)).toBe(false);
    expect(verifyVivreSignature(body, header, secret, 300, Number.NaN)).toBe(false);
  });
});
