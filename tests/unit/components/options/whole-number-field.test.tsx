// @vitest-environment happy-dom
/**
 * What the rep types in a number setting stays until a new saved value replaces it. Drawn with
 * Preact's own `render`, not Testing Library's (whose `act` runs effects at once), so effects
 * wait for the next frame as they do on the options page: the field used to reset its text to the
 * saved value in an effect, whose first run threw away what was typed before that frame.
 */
import { describe, expect, it, vi } from 'vitest';
import { WholeNumberField } from '@/components/options/WholeNumberField';
import { nextFrames, useFrameTimedRoot } from '../frame-timed-root';

const drawn = useFrameTimedRoot();

const onSave = vi.fn();
function draw(saved: number) {
  drawn.draw(
    <WholeNumberField
      id="hot-lead"
      label="Hot lead from"
      hint="AI score from 0 to 100"
      saved={saved}
      max={100}
      unit="AI score"
      name="hot-lead score"
      onSave={onSave}
      onOutcome={() => {}}
    />,
  );
}

const field = () => drawn.element.querySelector('input')!;
function type(text: string) {
  field().value = text;
  field().dispatchEvent(new Event('input', { bubbles: true }));
}

describe('a whole-number setting', () => {
  it('keeps what the rep typed the moment the field shows, and saves it on leaving', async () => {
    draw(70);
    type('85');
    await nextFrames();
    expect(field().value).toBe('85');
    field().dispatchEvent(new Event('blur'));
    expect(onSave).toHaveBeenCalledWith(85);
  });

  it('shows a value saved elsewhere in place of what was typed', async () => {
    draw(70);
    await nextFrames();
    type('85');
    draw(60);
    await nextFrames();
    expect(field().value).toBe('60');
  });
});
