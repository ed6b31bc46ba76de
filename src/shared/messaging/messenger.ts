/**
 * The one messenger between the worker and its pages and content script. No logger
 * is configured on purpose: message data can carry the API key (saveSettings), and
 * the key is never logged.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

export const messenger = defineExtensionMessaging<ProtocolMap>();

export type MessageType = keyof ProtocolMap;
