// The one door to the Taawun HTTP API (see the contract: api/openapi.root.yaml and src/areas/*/openapi.yaml).
//
// Every call goes through `request()`, which:
//  - sends the user's language (Accept-Language) so names, titles and problem details come back translated;
//  - sends the CSRF token on every non-GET request, as the session cookie requires;
//  - turns every 4xx/5xx into an `ApiError` carrying the RFC 9457 problem (never raw JSON for the UI);
//  - on 401 (session expired or missing) calls the registered handler, which sends the user to the
//    login page and back to where they were;
//  - reads the ETag so that edits can send it back in If-Match (optimistic concurrency, 412 on conflict).
import type { paths } from './schema'

export interface FieldProblem {
  field: string
  code: string
  message?: string
}

/** application/problem+json as the server writes it. */
export interface Problem {
  type?: string
  status: number
  code: string
  title: string
  detail?: string
  errors?: FieldProblem[]
}

export class ApiError extends Error {
  readonly status: number
  readonly problem: Problem
  /** Seconds, from Retry-After on 429. */
  readonly retryAfter: number | null

  constructor(problem: Problem, retryAfter: number | null = null) {
    super(problem.detail || problem.title || problem.code)
    this.name = 'ApiError'
    this.status = problem.status
    this.problem = problem
    this.retryAfter = retryAfter
  }

  get code(): string {
    return this.problem.code
  }
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[]
export type Query = Record<string, QueryValue>

export interface RequestOptions {
  query?: Query
  body?: unknown
  /** The ETag read with the record; required by the server on PATCH, archive and restore. */
  ifMatch?: string | null
  /** A file sent as the body itself (an upload), with its media type; instead of a JSON body. */
  file?: { data: Blob; type: string }
  signal?: AbortSignal
  /**
   * Do not run the 401 handler: for the login call itself (401 means bad credentials there)
   * and for the first "who am I" probe made by the router guard.
   */
  skipAuthRedirect?: boolean
}

export interface ApiResponse<T> {
  data: T
  status: number
  etag: string | null
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

/** Every path the contract declares; a renamed path in openapi.yaml fails the build here. */
export type ApiPath = keyof paths
type Verb = 'get' | 'post' | 'patch' | 'put' | 'delete'

// Types of one operation, read from the generated contract.
type OperationOf<P extends ApiPath, M extends Verb> = NonNullable<paths[P][M]>
type JsonOf<R> = R extends { content: { 'application/json': infer J } } ? J : void
export type QueryOf<P extends ApiPath, M extends Verb> =
  OperationOf<P, M> extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never
export type BodyOf<P extends ApiPath, M extends Verb> =
  OperationOf<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never
export type ResponseOf<P extends ApiPath, M extends Verb> =
  OperationOf<P, M> extends { responses: infer R }
    ? 200 extends keyof R
      ? JsonOf<R[200]>
      : 201 extends keyof R
        ? JsonOf<R[201]>
        : void
    : never
export type PathParamsOf<P extends ApiPath> = paths[P] extends { parameters: { path: infer A } } ? { [K in keyof A]: string | number } : undefined

const kCsrfStorageKey = 'taawun.csrf'

interface ClientHooks {
  language: () => string
  onUnauthenticated: () => void
}

const hooks: ClientHooks = {
  language: () => 'fr',
  onUnauthenticated: () => {},
}

let csrfToken: string | null = readStoredCsrf()

function readStoredCsrf(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(kCsrfStorageKey) ?? null
  } catch {
    return null
  }
}

export function configureClient(partial: Partial<ClientHooks>): void {
  Object.assign(hooks, partial)
}

/** Kept in memory and in sessionStorage (per tab, gone when the tab closes), never in localStorage. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
  try {
    if (token) globalThis.sessionStorage?.setItem(kCsrfStorageKey, token)
    else globalThis.sessionStorage?.removeItem(kCsrfStorageKey)
  } catch {
    // Storage refused (private mode): memory is enough for this page's life.
  }
}

export function getCsrfToken(): string | null {
  return csrfToken
}

/** Fills `{id}`-style placeholders of a contract path, escaping each value. */
export function fillPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name]
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`)
    return encodeURIComponent(String(value))
  })
}

export function buildQuery(query: Query | undefined): string {
  if (!query) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value)) {
      for (const item of value) search.append(key, String(item))
    } else {
      search.append(key, String(value))
    }
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

function localProblem(status: number, code: string): Problem {
  // Title and detail are filled by the UI from its own translations (see problemMessage).
  return { status, code, title: '' }
}

async function readProblem(response: Response): Promise<Problem> {
  const type = response.headers.get('Content-Type') ?? ''
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>
      if (body && typeof body === 'object') {
        return {
          type: body.type,
          status: typeof body.status === 'number' ? body.status : response.status,
          code: typeof body.code === 'string' ? body.code : `http_${response.status}`,
          title: typeof body.title === 'string' ? body.title : '',
          detail: typeof body.detail === 'string' ? body.detail : undefined,
          errors: Array.isArray(body.errors) ? body.errors : undefined,
        }
      }
    } catch {
      // Not the JSON it claimed to be: fall through to a generic problem.
    }
  }
  return localProblem(response.status, `http_${response.status}`)
}

export async function request<T = unknown>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': hooks.language(),
  }
  let body: string | Blob | undefined
  if (options.file) {
    headers['Content-Type'] = options.file.type
    body = options.file.data
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken
  if (options.ifMatch) headers['If-Match'] = options.ifMatch

  let response: Response
  try {
    response = await fetch(path + buildQuery(options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    })
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error
    throw new ApiError(localProblem(0, 'network_error'))
  }

  if (!response.ok) {
    const problem = await readProblem(response)
    if (response.status === 401 && !options.skipAuthRedirect) {
      setCsrfToken(null)
      hooks.onUnauthenticated()
    }
    const retry = Number(response.headers.get('Retry-After'))
    throw new ApiError(problem, Number.isFinite(retry) && retry > 0 ? retry : null)
  }

  let data: unknown = undefined
  if (response.status !== 204) {
    const type = response.headers.get('Content-Type') ?? ''
    data = type.includes('json') ? await response.json() : await response.text()
  }
  return { data: data as T, status: response.status, etag: response.headers.get('ETag') }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => request<T>('PATCH', path, { ...options, body }),
  delete: <T = void>(path: string, options?: RequestOptions) => request<T>('DELETE', path, options),
}

export interface CallOptions<P extends ApiPath, M extends Verb> {
  params?: PathParamsOf<P>
  query?: QueryOf<P, M>
  body?: BodyOf<P, M>
  file?: { data: Blob; type: string }
  ifMatch?: string | null
  signal?: AbortSignal
  skipAuthRedirect?: boolean
}

/**
 * A call checked against the contract: the path must exist with that method, and the query, the
 * body and the answer have the types generated from the contract.
 */
export function call<P extends ApiPath, M extends Verb>(
  method: M,
  path: P,
  options: CallOptions<P, M> = {},
): Promise<ApiResponse<ResponseOf<P, M>>> {
  const url = fillPath(path, (options.params ?? {}) as Record<string, string | number>)
  return request<ResponseOf<P, M>>(method.toUpperCase() as Method, url, {
    query: options.query as Query | undefined,
    body: options.body,
    file: options.file,
    ifMatch: options.ifMatch,
    signal: options.signal,
    skipAuthRedirect: options.skipAuthRedirect,
  })
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError
}

/** Anything thrown by a call, as a problem the UI can show. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return error.problem
  return localProblem(0, 'unexpected')
}
