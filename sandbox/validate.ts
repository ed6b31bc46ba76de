/**
 * Runs a contract schema over untrusted input and turns the first zod issue into
 * a 400 that names the offending field, so a client can point at it.
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

function describe(issue: Issue, param: string, input: unknown): string {
  const field = param || 'body';
  if (issue.code === 'unrecognized_keys') return `Unknown field ${JSON.stringify(field)}.`;
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined)
    return `${field} is required.`;
  if (issue.code === 'invalid_type') return `${field} must be ${article(issue.expected)}.`;
  return `${field}: ${issue.message}`;
}

const article = (type: string) => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

export function parseWith<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const param = paramOf(issue);
  return throwValidation(param, describe(issue, param, input));
}

function throwValidation(param: string, message: string): never {
  throw new ApiError(400, 'validation_error', message, param ? { param } : {});
}
