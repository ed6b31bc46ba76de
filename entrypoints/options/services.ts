import { browser } from 'wxt/browser';
import type { OptionsServices } from '../../components/options/services';
import { originPattern } from '../../lib/forms/settings';
import { ask } from '../../lib/messaging/client';

export const optionsServices: OptionsServices = {
  getSettings: () => ask('getSettings'),
  saveSettings: (input) => ask('saveSettings', input),
  testConnection: (input) => ask('testConnection', input),
  savePrivacy: (data) => ask('savePrivacy', data),
  clearContactCache: () => ask('clearContactCache'),
  async requestHostAccess(baseUrl) {
    try {
      // Resolves true at once, without a prompt, when the host is already granted.
      return await browser.permissions.request({ origins: [originPattern(baseUrl)] });
    } catch {
      return false;
    }
  },
};
