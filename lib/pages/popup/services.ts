/**
 * The popup's services. Its script holds only what the first render needs (the storage read
 * started at open, ./local-at-open.ts); everything else is in ./services-after-open.ts, loaded
 * the first time the popup asks for any of it, which is once the form is usable.
 */
import { browser } from 'wxt/browser';
import { RESTARTING } from '../../shared/messaging/restarting';
import { NO_PAGE, type PopupServices } from '../../../components/popup/services-type';
import { loadLocal, localIfRead } from './local-at-open';
import { POPUP_MARKS } from './marks';
import { holdUntilReady, releaseHold } from './hold-until-ready';
import { panelOpener, type PanelApis } from '../open-panel';

const openPanelHere = panelOpener(browser as unknown as PanelApis);

type AfterOpen = typeof import('./services-after-open');
let afterOpen: Promise<AfterOpen> | undefined;
const loaded = () => (afterOpen ??= import('./services-after-open'));

/** `name` from services-after-open.ts, called once that module is loaded. */
function later<K extends keyof AfterOpen>(name: K): AfterOpen[K] {
  type Callable = (...args: unknown[]) => unknown;
  // Each of these returns a promise or nothing, and no caller waits on the nothing, so
  // "loaded, then called" keeps what callers see; the followers check their signal when called.
  const call = (...args: unknown[]) =>
    loaded().then((module) => (module[name] as Callable)(...args));
  return call as AfterOpen[K];
}

export const popupServices: PopupServices = {
  // Never throws, like the messenger's own `ask`, even when its module cannot load (an update
  // replaced the extension's files under an open popup).
  ask: ((...args: Parameters<AfterOpen['ask']>) =>
    loaded().then(
      (module) => module.ask(...args),
      () => ({ ok: false, error: RESTARTING }),
    )) as AfterOpen['ask'],
  getPage: () =>
    loaded().then(
      (module) => module.getPage(),
      () => NO_PAGE,
    ),
  // Asked for only when the read is not back by the first render: then the form is drawn after
  // this script has run, and without the hold the page could load, and Chrome show it, empty.
  // When the read is back first (usually), the form is drawn before the load anyway and the
  // hold would only cost time (./hold-until-ready.ts).
  loadLocal: () => {
    holdUntilReady();
    return loadLocal();
  },
  localIfRead,
  draft: {
    save: (draft) => loaded().then((module) => module.draft.save(draft)),
    clear: () => loaded().then((module) => module.draft.clear()),
  },
  rememberContact: later('rememberContact'),
  followOutbox: later('followOutbox'),
  followConnection: later('followConnection'),
  followWrite: later('followWrite'),
  onOnline(signal, callback) {
    addEventListener('online', callback, { signal });
  },
  openOptions: () => void browser.runtime.openOptionsPage(),
  // Called straight from the click (a gesture); the popup steps aside once the panel is open.
  openPanel:
    openPanelHere &&
    (async () => {
      const opened = await openPanelHere();
      if (opened) window.close();
      return opened;
    }),
  markInteractive: () => {
    performance.mark(POPUP_MARKS.interactive);
    releaseHold();
  },
};
