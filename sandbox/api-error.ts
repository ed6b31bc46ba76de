/**
 * Every failure the sandbox answers is an `ApiError`, turned into the one error
 * envelope `{error: {type, message, param?, request_id}}` at the edge, so no
 * handler can leak a stack trace or invent its own shape.
 */
import type { ERROR_TYPES } from '../lib/shared/vivre/contract';

export type ErrorType = (typeof ERROR_TYPES)[number];

export interface ApiErrorExtra {
  param?: string;
  /** On 409 for a duplicate email: the contact that already has it. */
  existingId?: string;
  headers?: Record<string, string>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ErrorType,
    message: string,
    readonly extra: ApiErrorExtra = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const notFound = (what: string, id: string, param?: string) =>
  new ApiError(404, 'not_found', `No ${what} with id ${JSON.stringify(id)}.`, { param });

export const invalid = (param: string, message: string) =>
  new ApiError(400, 'validation_error', message, { param });

export function errorBody(error: ApiError, requestId: string) {
  return {
    error: {
      type: error.type,
      message: error.message,
      ...(error.extra.param ? { param: error.extra.param } : {}),
      ...(error.extra.existingId ? { existing_id: error.extra.existingId } : {}),
      request_id: requestId,
    },
  };
}
