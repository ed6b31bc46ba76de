/**
 * The popup and the options page as a screen reader and a low-vision rep meet them, in light
 * and in dark (pages follow the system): axe finds nothing serious or critical, empty and in
 * use, and each check proves it looked at the controls it was meant to.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from './fixtures';
import { axeFindings, openExtensionPage } from './harness';

const SCHEMES = ['light', 'dark'] as const;

async function opened(
  extension: Parameters<typeof openExtensionPage>[0],
  file: string,
  colorScheme: (typeof SCHEMES)[number],
): Promise<Page> {
  const page = await openExtensionPage(extension, file);
  await page.emulateMedia({ colorScheme });
  // The page really is in that scheme (else the dark run would only repeat the light one).
  // The first painted background from <body> out (a transparent body shows <html>'s).
  const background = await page.evaluate(
    () =>
      [document.body, document.documentElement]
        .map((element) => getComputedStyle(element).backgroundColor)
        .find((colour) => colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') ??
      'rgb(255, 255, 255)',
  );
  const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
  expect((r + g + b) / 3 < 128 ? 'dark' : 'light').toBe(colorScheme);
  return page;
}

describe('popup and options, for every rep', () => {
  for (const scheme of SCHEMES) {
    test(`the popup, empty and mid-use, has no serious axe violations (${scheme})`, async ({
      extension,
    }) => {
      const popup = await opened(extension, 'popup.html', scheme);
      const contact = popup.getByRole('combobox', { name: 'Contact' });
      await contact.waitFor();
      const empty = await axeFindings(popup);
      expect(empty.serious).toEqual([]);
      // It looked at the form: names on controls and the contrast of their text.
      expect(empty.passed).toEqual(expect.arrayContaining(['label', 'color-contrast']));

      await contact.fill('Rahul');
      await popup.getByRole('option', { name: /Rahul Sharma/ }).waitFor();
      const listOpen = await axeFindings(popup);
      expect(listOpen.serious).toEqual([]);
      await popup.getByRole('option', { name: /Rahul Sharma/ }).click();
      await popup.getByRole('textbox', { name: /note/i }).fill('Called about the annual plan.');
      const filled = await axeFindings(popup);
      expect(filled.serious).toEqual([]);
      await popup.close();
    });

    test(`the options page has no serious axe violations (${scheme})`, async ({ extension }) => {
      const options = await opened(extension, 'options.html', scheme);
      await options.getByRole('heading').first().waitFor();
      const { serious, passed } = await axeFindings(options);
      expect(serious).toEqual([]);
      expect(passed).toEqual(expect.arrayContaining(['label', 'color-contrast']));
      await options.close();
    });
  }
});
