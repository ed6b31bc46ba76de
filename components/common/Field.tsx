import type { ComponentChildren, VNode } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { Choices } from './Choices';

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

type ControlledField<T> = Omit<FieldProps, 'children'> & {
  value: T;
  onValue: (value: T) => void;
};

/** A Field holding one text control bound to a string: a textarea when it has rows, else an input. */
export function TextField({
  value,
  onValue,
  rows,
  type,
  inputMode,
  autoComplete,
  spellcheck,
  autoFocus,
  onBlur,
  placeholder,
  ...field
}: ControlledField<string> & {
  rows?: number;
  type?: 'password' | 'text' | 'url';
  inputMode?: 'decimal' | 'numeric';
  autoComplete?: string;
  spellcheck?: boolean;
  /** Focus it on first render, the caret after its text. */
  autoFocus?: boolean;
  onBlur?: () => void;
  placeholder?: string;
}) {
  const ref = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const control = ref.current;
    if (!autoFocus || !control) return;
    control.focus();
    control.setSelectionRange(control.value.length, control.value.length);
  }, []);
  return (
    <Field {...field}>
      {(control) => {
        const bound = {
          ...control,
          ref,
          spellcheck,
          placeholder,
          onBlur,
          value,
          onInput: (event: { currentTarget: { value: string } }) =>
            onValue(event.currentTarget.value),
        };
        return rows ? (
          <textarea {...bound} rows={rows} />
        ) : (
          <input {...bound} type={type} inputMode={inputMode} autoComplete={autoComplete} />
        );
      }}
    </Field>
  );
}

/**
 * A Field holding a select of `choices`, each shown as its word; with `empty`, a first option
 * of that text stands for "none" (the value '').
 */
export function SelectField<T extends string>({
  value,
  onValue,
  choices,
  words,
  empty,
  ...field
}: ControlledField<T> & {
  choices: readonly Exclude<T, ''>[];
  words: Record<Exclude<T, ''>, string>;
  empty?: string;
}) {
  return (
    <Field {...field}>
      {(control) => (
        <select {...control} value={value} onChange={(e) => onValue(e.currentTarget.value as T)}>
          {empty === undefined ? null : <option value="">{empty}</option>}
          <Choices choices={choices} words={words} />
        </select>
      )}
    </Field>
  );
}
