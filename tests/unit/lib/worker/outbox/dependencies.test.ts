import { describe, expect, it } from 'vitest';
import { advanceClock, useOutboxTestEnvironment } from './environment';
import { errors, onlyFirstCall, writes } from './fake-vivre';
import type { WriteRequest } from '@/lib/shared/messaging/protocol';

const env = useOutboxTestEnvironment();

const activityOnBoth: WriteRequest = {
  kind: 'logActivity',
  body: { contact_id: 'tmp_priya', deal_id: 'tmp_deal', type: 'meeting', note: 'Demo' },
};

describe('records created offline', () => {
  it('are referred to by their real ids once they exist', async () => {
    const { vivre, outbox } = env.withVivre();
    await outbox.enqueue(writes.contact('tmp_priya'));
    await outbox.enqueue(writes.deal('tmp_deal', 'tmp_priya'));
    await outbox.enqueue(activityOnBoth);
    await outbox.enqueue(writes.stage('tmp_deal', 'won'));
    await outbox.flushOutbox();

    expect(vivre.calls.map((call) => call.write)).toEqual([
      writes.contact('tmp_priya'),
      writes.deal('tmp_deal', 'cnt_1'),
      {
        kind: 'logActivity',
        body: { ...activityOnBoth.body, contact_id: 'cnt_1', deal_id: 'dl_2' },
      },
      writes.stage('dl_2', 'won'),
    ]);
    // The stored writes keep the rep's temporary ids (they are what the UI knows).
    expect((await outbox.list()).synced.map((view) => view.write).at(-1)).toEqual(
      writes.contact('tmp_priya'),
    );
  });

  it('hold their dependants back while the create is backing off', async () => {
    let contactTries = 0;
    const { vivre, outbox } = env.withVivre(({ write }) =>
      write.kind === 'createContact' && ++contactTries <= 2 ? errors.server() : 'ok',
    );
    await outbox.enqueue(writes.contact('tmp_priya'));
    await outbox.enqueue(writes.deal('tmp_deal', 'tmp_priya'));
    await outbox.enqueue(writes.activity('cnt_other'));
    await outbox.flushOutbox();

    // The unrelated activity went; the deal did not overtake its contact.
    expect(vivre.calls.map((call) => call.write.kind)).toEqual(['createContact', 'logActivity']);

    for (let n = 0; n < 3 && (await outbox.counts()).waiting > 0; n++) {
      advanceClock((await outbox.counts()).nextWakeAt! - Date.now());
      await outbox.flushOutbox();
    }
    expect(vivre.calls.map((call) => call.write.kind)).toEqual([
      'createContact',
      'logActivity',
      'createContact',
      'createContact',
      'createDeal',
    ]);
    const contacts = vivre.records.filter((r) => r.write.kind === 'createContact');
    expect(contacts).toHaveLength(1);
    expect(vivre.calls.at(-1)?.write).toEqual(writes.deal('tmp_deal', contacts[0]!.id));
  });

  it('leave dependants waiting, saying why, when the create needs attention', async () => {
    const { vivre, outbox } = env.withVivre(({ write }) =>
      write.kind === 'createContact' ? errors.validation('Email is not valid.') : 'ok',
    );
    await outbox.enqueue(writes.contact('tmp_priya'), { summary: 'New contact: Priya Kapoor' });
    await outbox.enqueue(writes.deal('tmp_deal', 'tmp_priya'));
    await outbox.enqueue(activityOnBoth);
    await outbox.flushOutbox();

    const listing = await outbox.list();
    expect(listing.attention.map((v) => v.write.kind)).toEqual(['createContact']);
    expect(listing.waiting.map((v) => [v.write.kind, v.lastError?.message])).toEqual([
      ['createDeal', 'Waiting for “New contact: Priya Kapoor”, which needs your attention first.'],
      ['logActivity', 'Waiting for “New contact: Priya Kapoor”, which needs your attention first.'],
    ]);
    expect(vivre.calls).toHaveLength(1);
    // Blocked items do not ask for a wake-up: they go when their create does.
    expect((await outbox.counts()).nextWakeAt).toBeNull();
  });

  it('map to the existing contact when Vivre already has that email', async () => {
    const synced: string[] = [];
    const { vivre, outbox } = env.withVivre(
      ({ write }) => (write.kind === 'createContact' ? errors.conflict('cnt_8821') : 'ok'),
      { onSynced: (item) => synced.push(`${item.write.kind}:${item.result?.id}`) },
    );
    await outbox.enqueue(writes.contact('tmp_priya'));
    await outbox.enqueue(writes.activity('tmp_priya'));
    await outbox.flushOutbox();

    expect(vivre.calls.at(-1)?.write).toEqual(writes.activity('cnt_8821'));
    expect(synced).toEqual(['createContact:cnt_8821', 'logActivity:act_1']);
    expect(await outbox.counts()).toMatchObject({ waiting: 0, attention: 0 });
  });

  it('do not map a conflict without an existing id: that needs the rep', async () => {
    const { outbox } = env.withVivre(() => errors.conflict());
    await outbox.enqueue(writes.contact('tmp_priya'));
    await outbox.flushOutbox();
    expect((await outbox.list()).attention[0]?.lastError?.kind).toBe('conflict');
  });
});

describe('changes to one record', () => {
  it('never overtake an earlier waiting change to the same record', async () => {
    const { vivre, outbox } = env.withVivre(onlyFirstCall(errors.server));
    await outbox.enqueue(writes.stage('dl_4420', 'proposal'));
    await outbox.enqueue(writes.stage('dl_4420', 'won'));
    await outbox.enqueue(writes.activity('cnt_8821'));
    await outbox.flushOutbox();
    expect(vivre.calls.map((c) => c.write)).toEqual([
      writes.stage('dl_4420', 'proposal'),
      writes.activity('cnt_8821'),
    ]);

    advanceClock((await outbox.counts()).nextWakeAt! - Date.now());
    await outbox.flushOutbox();
    expect(vivre.calls.slice(2).map((c) => c.write)).toEqual([
      writes.stage('dl_4420', 'proposal'),
      writes.stage('dl_4420', 'won'),
    ]);
  });

  it('are not held by an earlier change that needs attention', async () => {
    const { vivre, outbox } = env.withVivre(onlyFirstCall(errors.validation));
    await outbox.enqueue(writes.stage('dl_4420', 'proposal'));
    await outbox.enqueue(writes.stage('dl_4420', 'won'));
    await outbox.flushOutbox();
    expect(vivre.calls.at(-1)?.write).toEqual(writes.stage('dl_4420', 'won'));
    expect(await outbox.counts()).toMatchObject({ attention: 1, waiting: 0 });
  });
});
