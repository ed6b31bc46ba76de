import { describe, expect, it } from 'vitest';
import { isCheckedThirdParty, type Finding } from '@/scripts/lint-packages-allowed';

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
