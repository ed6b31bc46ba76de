// @vitest-environment happy-dom
/**
 * A stage picked in a deal's row stays picked until the rep moves it or Vivre's stage changes.
 * Drawn with Preact's own `render`, not Testing Library's (whose `act` runs effects at once), so
 * effects wait for the next frame as they do in the card: the E2E picked a stage in a deal
 * just made before that frame, and the row's first effect put the stage back (no Move button).
 */
import { describe, expect, it, vi } from 'vitest';
import { DealRow } from '@/components/card/DealRow';
import { DealsSection } from '@/components/card/DealsSection';
import type { Deal, Stage } from '@/lib/shared/vivre/contract-types';
import { deal } from '../../../factories';
import { nextFrames, useFrameTimedRoot } from '../frame-timed-root';

const NEW_DEAL: Deal = deal({ id: 'tmp_1', title: 'Renewal 2027', stage: 'new' });

const drawn = useFrameTimedRoot();
const { draw } = drawn;

function section(deals: Deal[]) {
  return (
    <DealsSection
      idPrefix="card-deal"
      contactName="Rahul Sharma"
      deals={deals}
      blocked={null}
      progress={null}
      onCreate={async () => true}
      onMove={async () => true}
    />
  );
}

/** The rep picks a stage, as a browser reports it. */
function pick(title: string, stage: Stage) {
  const select = drawn.element.querySelector<HTMLSelectElement>(
    `select[aria-label="Stage of ${title}"]`,
  )!;
  select.value = stage;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const moveButton = (title: string) =>
  [...drawn.element.querySelectorAll('button')].find((b) =>
    b.getAttribute('aria-label')?.startsWith(`Move ${title} to `),
  );
const stageShown = (title: string) =>
  drawn.element.querySelector<HTMLSelectElement>(`select[aria-label="Stage of ${title}"]`)!.value;

describe('a deal row’s stage', () => {
  it('keeps a stage picked the moment a new deal shows, before the row’s first frame', async () => {
    draw(section([]));
    await nextFrames();
    // "Save deal": the deal shows at once, and the rep (or a test) picks its stage right away.
    draw(section([NEW_DEAL]));
    pick('Renewal 2027', 'qualified');
    await nextFrames();
    expect(stageShown('Renewal 2027')).toBe('qualified');
    expect(moveButton('Renewal 2027')?.getAttribute('aria-label')).toBe(
      'Move Renewal 2027 to Qualified',
    );
  });

  it('gives the pick up for the stage Vivre says the deal moved to', async () => {
    draw(section([NEW_DEAL]));
    await nextFrames();
    pick('Renewal 2027', 'qualified');
    await nextFrames();
    expect(moveButton('Renewal 2027')).toBeDefined();
    draw(section([{ ...NEW_DEAL, stage: 'proposal' }]));
    await nextFrames();
    expect(stageShown('Renewal 2027')).toBe('proposal');
    expect(moveButton('Renewal 2027')).toBeUndefined();
  });

  it('keeps the pick when the outbox did not take the move, and leaves none once it did', async () => {
    const onMove = vi.fn<(dealId: string, stage: Stage) => Promise<boolean>>(async () => false);
    const row = (shown: Deal) => <DealRow deal={shown} canMove onMove={onMove} />;
    draw(row(NEW_DEAL));
    await nextFrames();
    pick('Renewal 2027', 'won');
    await nextFrames();
    moveButton('Renewal 2027')!.click();
    await nextFrames();
    expect(onMove).toHaveBeenCalledExactlyOnceWith('tmp_1', 'won');
    expect(moveButton('Renewal 2027')?.getAttribute('aria-label')).toBe('Move Renewal 2027 to Won');

    onMove.mockResolvedValue(true);
    moveButton('Renewal 2027')!.click();
    await nextFrames();
    // The card shows the deal at its new stage from the write it keeps; nothing is left to move.
    draw(row({ ...NEW_DEAL, stage: 'won' }));
    await nextFrames();
    expect(stageShown('Renewal 2027')).toBe('won');
    expect(moveButton('Renewal 2027')).toBeUndefined();
    // Were it back at New (Vivre moved it back), the old pick is not offered again.
    draw(row(NEW_DEAL));
    await nextFrames();
    expect(moveButton('Renewal 2027')).toBeUndefined();
  });
});
