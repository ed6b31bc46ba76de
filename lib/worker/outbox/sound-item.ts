/**
 * Whether a record read from disk is an item the outbox can act on. Records are written by
 * this code only, but a disk, an old version or a bug can leave one damaged; planning or
 * listing it would throw and stall every other write, so a damaged one is set aside
 * (store.ts readState) and shown for the rep to discard.
 */
import { changedIds, createdTempId, referencedIds, routeWrite } from '../vivre/write-kinds';
import type { OutboxItem } from './types';

const STATES = new Set(['waiting', 'attention', 'synced']);

const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isTime = (value: unknown) => typeof value === 'number' && Number.isFinite(value);

export function isSoundItem(record: unknown): record is OutboxItem {
  if (typeof record !== 'object' || record === null) return false;
  const item = record as Partial<Record<keyof OutboxItem, unknown>>;
  if (!isText(item.id) || !isText(item.idempotencyKey) || typeof item.summary !== 'string') {
    return false;
  }
  if (!isTime(item.seq) || !isTime(item.nextAttemptAt) || !isTime(item.createdAt)) return false;
  if (typeof item.attempts !== 'number' || !STATES.has(item.state as string)) return false;
  if (typeof item.write !== 'object' || item.write === null) return false;
  try {
    // What planning and sending will ask of the write: any of these throwing means damage.
    const write = item.write as OutboxItem['write'];
    const ids = [...referencedIds(write), ...changedIds(write), createdTempId(write) ?? ''];
    routeWrite(write);
    return ids.every((id) => typeof id === 'string');
  } catch {
    return false;
  }
}
