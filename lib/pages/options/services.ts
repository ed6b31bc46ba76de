import { browser } from 'wxt/browser';
import type { OptionsServices } from '../../../components/options/services-type';
import { EMAIL_TEXT_CONSENT } from '../../shared/data-consent';
import { ask } from '../../shared/messaging/messenger';
import { requestBaseUrlPermission } from '../../shared/host-permission';

export const optionsServices: OptionsServices = {
  getSettings: () => ask('getSettings'),
  saveSettings: (input) => ask('saveSettings', input),
  testConnection: (input) => ask('testConnection', input),
  savePrivacy: (data) => ask('savePrivacy', data),
  saveEmailLogging: (data) => ask('saveEmailLogging', data),
  clearContactCache: () => ask('clearContactCache'),
  saveAppUrl: (appUrl) => ask('saveAppUrl', { appUrl }),
  saveInboxList: (prefs) => ask('saveInboxList', prefs),
  async allowEmailText() {
    try {
      const permissions = browser.permissions as unknown as {
        request(consent: typeof EMAIL_TEXT_CONSENT): Promise<boolean>;
      };
      return await permissions.request(EMAIL_TEXT_CONSENT);
    } catch {
      return false;
    }
  },
  async requestHostAccess(baseUrl) {
    try {
      // Resolves true at once, without a prompt, when the host is already granted.
      return await requestBaseUrlPermission(baseUrl);
    } catch {
      return false;
    }
  },
};
