/**
 * LOCAL STACK ONLY: Supabase Auth's error answers (internal/api/errors.go). A request that
 * sends `X-Supabase-Api-Version: 2024-01-01` or later (supabase-js always does) gets
 * {"code": "<error_code>", "message": ...} and the version echoed; any other request gets the
 * legacy {"code": <status>, "error_code": ..., "msg": ...}. Both carry x-sb-error-code.
 */
import type http from 'node:http'

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    msg: string,
  ) {
    super(msg)
  }
}

/** 422 weak_password with the reasons supabase-js exposes as AuthWeakPasswordError.reasons. */
export class WeakPasswordError extends AuthError {
  constructor(
    msg: string,
    readonly reasons: string[],
  ) {
    super(422, 'weak_password', msg)
  }
}

export const API_VERSION_HEADER = 'x-supabase-api-version'
const API_VERSION_2024 = '2024-01-01'

/** True when the request asks for the 2024-01-01 error shape (a YYYY-MM-DD date on or after it). */
export function wants2024Errors(req: http.IncomingMessage): boolean {
  const raw = req.headers[API_VERSION_HEADER]
  const v = Array.isArray(raw) ? raw[0] : raw
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) return false
  return v >= API_VERSION_2024
}

export interface ErrorAnswer {
  status: number
  headers: Record<string, string>
  body: Record<string, unknown>
}

export function errorAnswer(err: AuthError, modern: boolean): ErrorAnswer {
  const headers: Record<string, string> = modern ? { [API_VERSION_HEADER]: API_VERSION_2024 } : {}
  const weak = err instanceof WeakPasswordError ? { weak_password: { reasons: err.reasons } } : {}
  // Upstream leaves x-sb-error-code off the 2024 weak-password answer only.
  if (!(modern && err instanceof WeakPasswordError)) headers['x-sb-error-code'] = err.errorCode
  const body = modern
    ? { code: err.errorCode, message: err.message, ...weak }
    : { code: err.status, error_code: err.errorCode, msg: err.message, ...weak }
  return { status: err.status, headers, body }
}

export const unexpectedFailure = () =>
  new AuthError(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information')
