import type { ComponentChildren, VNode } from 'preact';

export interface FieldControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: ComponentChildren;
  error?: string;
  /** Renders the control with the id and ARIA attributes that tie it to its label and messages. */
  children: (control: FieldControlProps) => VNode;
}

/**
 * A labelled control with its hint and its error beside it. The error is linked
 * with aria-describedby so a screen reader says why the field was refused.
 */
export function Field({ id, label, hint, error, children }: FieldProps) {
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children({
        id,
        'aria-invalid': Boolean(error),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {hint ? (
        <p id={hintId} class="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} class="error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
