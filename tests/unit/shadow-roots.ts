import { afterEach, beforeEach, vi } from 'vitest';

/**
 * The closed shadow roots the content script attaches, by host, for tests to look inside.
 * Only a test can do this: it runs in the same world as the code under test, where a spy on
 * `attachShadow` sees each root. Page script in a real browser runs in another world, whose
 * prototypes the content script never uses (tests/e2e/card-isolation.e2e.test.ts).
 */
export function useShadowRoots() {
  const roots = new WeakMap<Element, ShadowRoot>();
  beforeEach(() => {
    const attach = Element.prototype.attachShadow;
    vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (
      this: Element,
      init: ShadowRootInit,
    ) {
      const root = attach.call(this, init);
      roots.set(this, root);
      return root;
    });
  });
  afterEach(() => vi.restoreAllMocks());
  return (host: Element): ShadowRoot => {
    const root = roots.get(host);
    if (!root) throw new Error(`no shadow root was attached to <${host.localName}>`);
    return root;
  };
}
