/**
 * Reading an organisation's policy: each wrong value is ignored on its own, with one sentence;
 * nothing a mistake touches becomes less strict. Firefox hands storage.managed the object under
 * policies.json's `policies` → `3rdparty` → `Extensions` → our add-on id, as Mozilla documents
 * it (Firefox's own test, toolkit/components/extensions/test/xpcshell/
 * test_ext_storage_managed_policy.js, reads `{ string: "value" }` back from that shape).
 */
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '@/wxt.config.ts';
import { parsePolicy } from '@/lib/worker/settings/managed-policy';

/** What Firefox's storage.managed.get() answers for a policies.json. */
const managedOf = (policiesJson: {
  policies: { '3rdparty': { Extensions: Record<string, unknown> } };
}) => policiesJson.policies['3rdparty'].Extensions[GECKO_ID];

describe('the organisation’s policy', () => {
  it('reads every key as Firefox hands it from policies.json', () => {
    const raw = managedOf({
      policies: {
        '3rdparty': {
          Extensions: {
            [GECKO_ID]: {
              apiBaseUrl: 'https://vivre.acme.example/v1/',
              workspaceId: 'ws_acme',
              appUrl: 'https://app.acme.example',
              autoLookup: false,
              neverLookup: ['@Acme.example', 'board@partner.example'],
              logEmailsByDefault: true,
              addUnknownRecipients: false,
              excerptLength: 200,
              showInboxScores: true,
              hotLeadThreshold: 80,
              locked: ['apiBaseUrl', 'workspaceId', 'neverLookup'],
            },
          },
        },
      },
    });
    const policy = parsePolicy(raw);
    expect(policy.problems).toEqual([]);
    expect(policy.values).toEqual({
      apiBaseUrl: 'https://vivre.acme.example/v1',
      workspaceId: 'ws_acme',
      appUrl: 'https://app.acme.example',
      autoLookup: false,
      neverLookup: ['acme.example', 'board@partner.example'],
      logEmailsByDefault: true,
      addUnknownRecipients: false,
      excerptLength: 200,
      showInboxScores: true,
      hotLeadThreshold: 80,
    });
    expect([...policy.locked]).toEqual(['apiBaseUrl', 'workspaceId', 'neverLookup']);
    expect(policy.broken.size).toBe(0);
  });

  it('is no policy at all when there is none (Chrome answers {}, Firefox nothing)', () => {
    for (const raw of [{}, undefined, null, 'text', []]) {
      const policy = parsePolicy(raw);
      expect(policy.values).toEqual({});
      expect(policy.locked.size).toBe(0);
      expect(policy.problems).toEqual([]);
    }
  });

  it('ignores each wrong value on its own, with one sentence each, and keeps the rest', () => {
    const policy = parsePolicy({
      apiBaseUrl: 'http://vivre.acme.example/v1',
      workspaceId: 'ws_acme',
      excerptLength: 9000,
      autoLookup: 'no',
      neverLookup: ['acme.example', 'not an address', 7],
      colour: 'blue',
    });
    expect(policy.values).toEqual({ workspaceId: 'ws_acme', neverLookup: ['acme.example'] });
    expect(policy.problems).toEqual([
      'Your organisation set “colour”, which isn’t a Vivre setting, so it was ignored.',
      'Your organisation’s API base URL isn’t valid (Use https:// — plain http is only allowed for localhost and 127.0.0.1), so it was ignored.',
      'Your organisation’s automatic lookups setting isn’t valid (it must be true or false), so it was ignored.',
      'Your organisation’s never-look-up entry “not an address” is neither an email address nor a domain, so it was ignored.',
      'Your organisation’s never-look-up entry “7” is neither an email address nor a domain, so it was ignored.',
      'Your organisation’s excerpt length isn’t valid (it must be a whole number from 0 to 5000), so it was ignored.',
    ]);
    // Each problem is one sentence.
    for (const problem of policy.problems) expect(problem.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });

  it('keeps a locked setting locked when its value is wrong or missing', () => {
    const policy = parsePolicy({
      apiBaseUrl: 'ftp://vivre.acme.example',
      autoLookup: 'sometimes',
      locked: ['apiBaseUrl', 'autoLookup', 'excerptLength', 'neverLookup', 'colour'],
    });
    expect([...policy.locked].sort()).toEqual(
      ['apiBaseUrl', 'autoLookup', 'excerptLength', 'neverLookup'].sort(),
    );
    // A locked never-look-up list with no entries only freezes the rep's own: nothing broken.
    expect([...policy.broken].sort()).toEqual(['apiBaseUrl', 'autoLookup', 'excerptLength']);
    expect(policy.problems).toEqual([
      'Your organisation locked “colour”, which isn’t a Vivre setting, so that lock was ignored.',
      'Your organisation’s API base URL isn’t valid (Use an https:// address), so Vivre stays disconnected until your admin fixes it.',
      'Your organisation locked the automatic lookups setting but it isn’t valid (it must be true or false), so it stays at its most private setting until your admin fixes it.',
      'Your organisation locked the excerpt length but it isn’t set, so it stays at its most private setting until your admin fixes it.',
    ]);
  });

  it('locks everything the policy sets when `locked` is not a list', () => {
    const policy = parsePolicy({ workspaceId: 'ws_acme', autoLookup: false, locked: 'all' });
    expect([...policy.locked].sort()).toEqual(['autoLookup', 'workspaceId']);
    expect(policy.problems).toEqual([
      'Your organisation’s list of locked settings isn’t a list, so every setting it sets is locked.',
    ]);
  });
});
