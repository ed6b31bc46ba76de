/**
 * The end of each of the card's forms: Save, off while a save is on its way (use-one-submit.ts),
 * and Cancel, which closes the form and keeps nothing.
 */
export function SaveCancelRow(props: { label: string; saving: boolean; onCancel: () => void }) {
  return (
    <div class="row">
      <button type="submit" class="primary" disabled={props.saving}>
        {props.label}
      </button>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </div>
  );
}
