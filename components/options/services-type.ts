import type {
  Answer,
  EmailLoggingSettings,
  SettingsInput,
  SettingsView,
  TestConnectionResult,
} from '../../lib/shared/messaging/protocol';
import type { InboxListPrefs } from '../../lib/shared/inbox-list';

/** Everything the options page does outside itself, passed in so the components stay pure. */
export interface OptionsServices {
  getSettings(): Promise<Answer<SettingsView>>;
  saveSettings(input: SettingsInput): Promise<Answer<SettingsView>>;
  testConnection(input: SettingsInput): Promise<Answer<TestConnectionResult>>;
  savePrivacy(data: { autoLookup: boolean; neverLookup: string[] }): Promise<Answer<SettingsView>>;
  saveEmailLogging(data: EmailLoggingSettings): Promise<Answer<SettingsView>>;
  clearContactCache(): Promise<Answer<null>>;
  /**
   * The Vivre web app's address (null: derived from the API's) and score chips in Gmail's list
   * views. Like every preference they are read with getSettings and saved through the worker.
   */
  saveAppUrl(appUrl: string | null): Promise<Answer<string | null>>;
  saveInboxList(prefs: InboxListPrefs): Promise<Answer<InboxListPrefs>>;
  /**
   * Asks Chrome for access to the API's host. Chrome only shows the prompt during a
   * user gesture, so callers must call this before their first `await`.
   * Answers false when refused.
   */
  requestHostAccess(baseUrl: string): Promise<boolean>;
  /**
   * Firefox: asks the rep, through Firefox's own prompt, to let email text leave the browser
   * (data-collection consent). Like host access, only during a user gesture. Answers whether
   * it is allowed now.
   */
  allowEmailText(): Promise<boolean>;
}
