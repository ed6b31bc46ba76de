/**
 * The popup loads its messaging and storage code only once its form is usable
 * (lib/pages/popup/services.ts). Its services must still keep their promises: `ask` and
 * `getPage` never throw, even when that code cannot be loaded (an update replaced the files
 * under an open popup), and calls made before it loads reach it, in order.
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import { RESTARTING } from '@/lib/shared/messaging/restarting';
import { NO_PAGE } from '@/components/popup/services-type';

const AFTER_OPEN = '@/lib/pages/popup/services-after-open';

async function freshServices() {
  vi.resetModules();
  return (await import('@/lib/pages/popup/services')).popupServices;
}

afterEach(() => {
  vi.doUnmock(AFTER_OPEN);
});

describe('popup services loaded after open', () => {
  test('ask answers "restarting" and getPage no page when their module cannot load', async () => {
    vi.doMock(AFTER_OPEN, () => {
      throw new Error('chunk gone after an update');
    });
    const services = await freshServices();
    expect(await services.ask('getStatus')).toEqual({ ok: false, error: RESTARTING });
    expect(await services.getPage()).toEqual(NO_PAGE);
  });

  test('calls made before the module loads reach it once loaded, in the order made', async () => {
    const saved: string[] = [];
    vi.doMock(AFTER_OPEN, () => ({
      ask: async (type: string) => ({ ok: true, value: type }),
      draft: {
        save: async (draft: { note: string }) => void saved.push(draft.note),
        clear: async () => void saved.push('(cleared)'),
      },
    }));
    const services = await freshServices();
    const draft = { contact: null, type: 'call' as const, note: '' };
    await Promise.all([
      services.draft.save({ ...draft, note: 'first' }),
      services.draft.clear(),
      services.draft.save({ ...draft, note: 'last' }),
    ]);
    expect(saved).toEqual(['first', '(cleared)', 'last']);
    expect(await services.ask('getStatus')).toEqual({ ok: true, value: 'getStatus' });
  });
});
