/**
 * What any request to the worker answers when the extension cannot reach it: a worker asleep,
 * restarting or reloaded, or (in the popup) its messaging code not loadable after an update.
 * Its own module so that the popup's first script can say it without loading the messenger.
 */
import type { RepError } from './protocol';

export const RESTARTING: RepError = {
  kind: 'unknown',
  message: 'Vivre for Gmail is restarting — try again in a moment.',
};
