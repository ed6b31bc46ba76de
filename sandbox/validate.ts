/**
 * Runs a contract schema over untrusted input and turns the first zod issue into
 * a 400 that names the offending field in `param` and says what is wrong in
 * words a developer (and, through the extension, a rep) can act on.
 */
import type { z } from 'zod';
import { ApiError } from './api-error';

type Issue = z.core.$ZodIssue;

function paramOf(issue: Issue): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0]) path.push(issue.keys[0]);
  return path.join('.');
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
const TYPE_NAMES: Record<string, string> = { int: 'whole number', array: 'list' };
const FORMAT_NAMES: Record<string, string> = {
  email: 'a valid email address',
  url: 'a valid URL',
  datetime: 'an ISO 8601 date-time such as 2026-06-13T14:00:00Z',
};

function bound(issue: Issue & { origin?: string }, limit: unknown, word: string): string {
  const amount = String(limit);
  if (issue.origin === 'string') return `${word} ${amount} character${amount === '1' ? '' : 's'}`;
  if (issue.origin === 'array') return `${word} ${amount} item${amount === '1' ? '' : 's'}`;
  return `${word} ${amount}`;
}

function describe(issue: Issue, field: string, input: unknown): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Unknown field ${JSON.stringify(field)}.`;
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return `${field} is required.`;
      return `${field} must be ${article(TYPE_NAMES[issue.expected] ?? issue.expected)}.`;
    case 'too_small':
      if (issue.origin === 'string' && issue.minimum === 1) return `${field} must not be empty.`;
      return `${field} must be ${bound(issue, issue.minimum, 'at least')}.`;
    case 'too_big':
      return `${field} must be ${bound(issue, issue.maximum, 'at most')}.`;
    case 'invalid_value':
      return `${field} must be one of: ${issue.values.map(String).join(', ')}.`;
    case 'invalid_format':
      return `${field} must be ${FORMAT_NAMES[issue.format] ?? `in ${issue.format} format`}.`;
    default:
      return `${field}: ${issue.message}`;
  }
}

export function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const param = paramOf(issue);
  const message = describe(issue, param || 'body', input);
  throw new ApiError(400, 'validation_error', message, param ? { param } : {});
}
