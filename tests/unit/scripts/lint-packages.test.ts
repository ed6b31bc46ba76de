import { describe, expect, it } from 'vitest';
import {
  isAcceptedChromeManifest,
  isCheckedThirdParty,
  type Finding,
} from '@/scripts/lint-packages-allowed';

const unsafe: Finding = {
  _type: 'warning',
  code: 'UNSAFE_VAR_ASSIGNMENT',
  message: 'Unsafe assignment to innerHTML',
  file: 'content-scripts/gmail.js',
  line: 7,
  column: 10120,
};

// Minified Preact 10 diff, as it appears in the built bundles.
const PREACT =
  'if(d)l||h&&(d.__html==h.__html||d.__html==e.innerHTML)||(e.innerHTML=d.__html),t.__k=[];';

describe('the web-ext lint exceptions', () => {
  it("accepts the innerHTML warning only where it is Preact's dangerouslySetInnerHTML branch", () => {
    expect(isCheckedThirdParty(unsafe, PREACT)).toBe(true);
    expect(isCheckedThirdParty(unsafe, 'chip.innerHTML=contact.name;')).toBe(false);
    expect(isCheckedThirdParty(unsafe, null)).toBe(false);
  });

  it('never accepts an error or another warning code', () => {
    expect(isCheckedThirdParty({ ...unsafe, _type: 'error' }, PREACT)).toBe(false);
    expect(isCheckedThirdParty({ ...unsafe, code: 'MISSING_ADDON_ID' }, PREACT)).toBe(false);
  });
});

describe("the Chrome package's side panel permission", () => {
  const sidePanel: Finding = {
    _type: 'warning',
    code: 'MANIFEST_PERMISSIONS',
    message: '/permissions: Invalid permissions "sidePanel" at 3.',
    file: 'manifest.json',
  };

  it('is accepted in the Chrome package, where Chrome needs it to open the panel', () => {
    expect(isAcceptedChromeManifest('out/vivre-0.1.0-chrome.zip', sidePanel)).toBe(true);
  });

  it('is not accepted in the Firefox package, nor any other permission, nor as an error', () => {
    expect(isAcceptedChromeManifest('out/vivre-0.1.0-firefox.zip', sidePanel)).toBe(false);
    const tabs = { ...sidePanel, message: '/permissions: Invalid permissions "tabs" at 3.' };
    expect(isAcceptedChromeManifest('out/vivre-0.1.0-chrome.zip', tabs)).toBe(false);
    const both = {
      ...sidePanel,
      message: '/permissions: Invalid permissions "sidePanel, debugger" at 3.',
    };
    expect(isAcceptedChromeManifest('out/vivre-0.1.0-chrome.zip', both)).toBe(false);
    expect(
      isAcceptedChromeManifest('out/vivre-0.1.0-chrome.zip', { ...sidePanel, _type: 'error' }),
    ).toBe(false);
  });
});
