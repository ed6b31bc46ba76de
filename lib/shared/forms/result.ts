/**
 * What every form validator answers: the cleaned value, or a message written for a
 * rep to read next to the field. Validators never throw, so a form can show every
 * problem at once.
 */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; message: string };

export const valid = <T>(value: T): FieldResult<T> => ({ ok: true, value });
export const invalid = (message: string): FieldResult<never> => ({ ok: false, message });

/** Field errors keyed by field name; an empty object means the form is valid. */
export type FormErrors<F extends string> = Partial<Record<F, string>>;
