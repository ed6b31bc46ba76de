/**
 * Messages the popup (or worker) sends to the Gmail tab's content script, e.g.
 * `contentMessenger.sendMessage('getPageParticipants', undefined, tabId)`.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ContentProtocolMap } from './protocol';

export const contentMessenger = defineExtensionMessaging<ContentProtocolMap>();
