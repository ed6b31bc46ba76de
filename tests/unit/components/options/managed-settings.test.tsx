// @vitest-environment happy-dom
/**
 * What the organisation sets, on the options page: each locked setting shown, not changeable,
 * with "Set by your organisation"; what it does not lock stays the rep's to edit; each value of
 * the policy that was ignored is said in one sentence; and the page reads the settings again
 * when the policy changes.
 */
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Options } from '@/components/options/Options';
import type { OptionsServices } from '@/components/options/services-type';
import { SET_BY_ORGANISATION } from '@/lib/shared/managed';
import type { SettingsView } from '@/lib/shared/messaging/protocol';
import { settingsView } from '../../../factories';

const PROBLEM =
  'Your organisation’s hot-lead score isn’t valid (it must be a whole number from 0 to 100), so it was ignored.';

const managedView = (): SettingsView =>
  settingsView({
    workspaceId: 'ws_acme',
    emailLogging: { logEmailsByDefault: true, excerptLength: 200, addUnknownRecipients: false },
    inboxList: { showScores: true, hotLeadThreshold: 70 },
    managed: {
      locked: ['workspaceId', 'autoLookup', 'excerptLength', 'showInboxScores'],
      problems: [PROBLEM],
      neverLookup: ['acme.example'],
    },
  });

function services(views: SettingsView[]) {
  let policyChanged = () => {};
  const unused = vi.fn(async () => {
    throw new Error('not expected in this test');
  });
  const getSettings = vi.fn(async () => ({ ok: true as const, value: views.shift()! }));
  const all: OptionsServices = {
    getSettings,
    saveSettings: unused,
    testConnection: unused,
    savePrivacy: unused,
    saveEmailLogging: unused,
    clearContactCache: unused,
    saveAppUrl: unused,
    allowEmailText: vi.fn(async () => false),
    requestHostAccess: vi.fn(async () => false),
    saveInboxList: unused,
    followPolicy: (changed) => {
      policyChanged = changed;
      return () => {};
    },
  };
  return { all, getSettings, changePolicy: () => policyChanged() };
}

const input = (label: string | RegExp) => screen.getByLabelText(label) as HTMLInputElement;
const hintOf = (id: string) => document.getElementById(`${id}-hint`)?.textContent;

afterEach(cleanup);

describe('options under an organisation’s policy', () => {
  it('shows each locked setting set by the organisation, not changeable, and the rest editable', async () => {
    render(<Options services={services([managedView()]).all} />);
    await screen.findByText(PROBLEM);

    expect(input('Workspace ID')).toMatchObject({ value: 'ws_acme', readOnly: true });
    expect(hintOf('workspace-id')).toBe(SET_BY_ORGANISATION);
    expect(input('API base URL').readOnly).toBe(false);
    expect(input(/^Look people up in Vivre automatically/).disabled).toBe(true);
    expect(input('Characters of the email kept in the note')).toMatchObject({
      value: '200',
      readOnly: true,
    });
    expect(input(/^Show AI scores beside senders/).disabled).toBe(true);
    // Not locked: the rep's own.
    expect(input(/^Turn “Log to Vivre” on/).disabled).toBe(false);
    expect(input('Mark a row as a hot lead from this AI score').readOnly).toBe(false);
    expect(input('Never look up').readOnly).toBe(false);
    expect(document.getElementById('organisation-never-lookup')?.textContent).toContain(
      'acme.example',
    );
  });

  it('shows nothing of a policy when there is none', async () => {
    render(<Options services={services([settingsView()]).all} />);
    await screen.findByLabelText('Workspace ID');
    expect(document.getElementById('policy-problems')).toBeNull();
    expect(screen.queryByText(SET_BY_ORGANISATION)).toBeNull();
    expect(input('Workspace ID').readOnly).toBe(false);
  });

  it('reads the settings again when the policy changes, and shows the new locks', async () => {
    const { all, getSettings, changePolicy } = services([settingsView(), managedView()]);
    render(<Options services={all} />);
    await screen.findByLabelText('Workspace ID');
    expect(input('Workspace ID').readOnly).toBe(false);
    changePolicy();
    await waitFor(() => expect(input('Workspace ID').readOnly).toBe(true));
    expect(input('Workspace ID').value).toBe('ws_acme');
    expect(getSettings).toHaveBeenCalledTimes(2);
  });
});
