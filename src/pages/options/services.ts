import type { OptionsServices } from './services-type';
import { ask } from '../../shared/messaging/messenger';
import { requestBaseUrlPermission } from '../../shared/host-permission';

export const optionsServices: OptionsServices = {
  getSettings: () => ask('getSettings'),
  saveSettings: (input) => ask('saveSettings', input),
  testConnection: (input) => ask('testConnection', input),
  savePrivacy: (data) => ask('savePrivacy', data),
  saveEmailLogging: (data) => ask('saveEmailLogging', data),
  clearContactCache: () => ask('clearContactCache'),
  async requestHostAccess(baseUrl) {
    try {
      // Resolves true at once, without a prompt, when the host is already granted.
      return await requestBaseUrlPermission(baseUrl);
    } catch {
      return false;
    }
  },
};
