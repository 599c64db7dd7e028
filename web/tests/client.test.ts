import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, call, configureClient, getCsrfToken, setCsrfToken, toProblem } from '@/api/client'
import { json, mockFetch, problem } from './helpers'

describe('API client', () => {
  const onUnauthenticated = vi.fn()

  beforeEach(() => {
    onUnauthenticated.mockReset()
    configureClient({ language: () => 'ar', onUnauthenticated })
    setCsrfToken(null)
  })

  it('turns a problem response into an ApiError carrying code, detail and field errors', async () => {
    mockFetch({
      'POST /api/v1/organisations': () =>
        problem(422, 'validation_failed', { errors: [{ field: 'name_fr', code: 'too_long', message: 'trop long' }] }),
    })
    const error = await api.post('/api/v1/organisations', { kind: '10' }).catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.status).toBe(422)
    expect(error.code).toBe('validation_failed')
    expect(error.problem.detail).toBe('detail validation_failed')
    expect(error.problem.errors).toEqual([{ field: 'name_fr', code: 'too_long', message: 'trop long' }])
  })

  it('never exposes a raw body: a non-JSON error becomes a generic problem with its status', async () => {
    mockFetch({ 'GET /api/v1/countries': () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }) })
    const error = await api.get('/api/v1/countries').catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error.problem).toEqual({ status: 502, code: 'http_502', title: '' })
  })

  it('reports an unreachable server as network_error', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    const error = await api.get('/api/v1/me').catch((e) => e)
    expect(toProblem(error).code).toBe('network_error')
  })

  it('runs the 401 handler on any 401, and forgets the CSRF token', async () => {
    setCsrfToken('token-1')
    mockFetch({ 'GET /api/v1/organisations': () => problem(401, 'unauthenticated') })
    await expect(api.get('/api/v1/organisations')).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthenticated).toHaveBeenCalledTimes(1)
    expect(getCsrfToken()).toBeNull()
  })

  it('does not run the 401 handler for the login call itself', async () => {
    mockFetch({ 'POST /api/v1/session': () => problem(401, 'unauthenticated') })
    await expect(call('post', '/api/v1/session', { body: { username: 'a', password: 'b' }, skipAuthRedirect: true })).rejects.toMatchObject({ status: 401 })
    expect(onUnauthenticated).not.toHaveBeenCalled()
  })

  it('sends X-CSRF-Token on writes only, and the language on every call', async () => {
    setCsrfToken('csrf-123')
    const { calls } = mockFetch({
      'GET /api/v1/organisations': () => json(200, { items: [], total: 0 }),
      'DELETE /api/v1/session': () => new Response(null, { status: 204 }),
    })
    await api.get('/api/v1/organisations')
    await api.delete('/api/v1/session')
    expect(calls[0].headers['X-CSRF-Token']).toBeUndefined()
    expect(calls[1].headers['X-CSRF-Token']).toBe('csrf-123')
    expect(calls[0].headers['Accept-Language']).toBe('ar')
    expect(sessionStorage.getItem('taawun.csrf')).toBe('csrf-123')
  })

  it('reads the ETag and sends it back as If-Match; a stale one surfaces as 412', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/organisations/7': () => json(200, { id: 7, version: 3 }, { ETag: '"3"' }),
      'PATCH /api/v1/organisations/7': () => problem(412, 'precondition_failed'),
    })
    const read = await call('get', '/api/v1/organisations/{id}', { params: { id: 7 } })
    expect(read.etag).toBe('"3"')
    const error = await call('patch', '/api/v1/organisations/{id}', { params: { id: 7 }, body: { acronym: 'X' }, ifMatch: read.etag }).catch((e) => e)
    expect(calls[1].headers['If-Match']).toBe('"3"')
    expect(error).toMatchObject({ status: 412, code: 'precondition_failed' })
  })

  it('builds query strings without empty values and escapes path parameters', async () => {
    const { calls } = mockFetch({ 'GET /api/v1/codelists/A%2FB': () => json(200, { items: [], total: 0 }) })
    await call('get', '/api/v1/codelists/{name}', { params: { name: 'A/B' }, query: { q: 'é è', category: undefined, limit: 5 } })
    expect(calls[0].url).toBe('/api/v1/codelists/A%2FB?q=%C3%A9+%C3%A8&limit=5')
  })

  it('keeps Retry-After of a 429', async () => {
    mockFetch({
      'POST /api/v1/session': () => json(429, { status: 429, code: 'rate_limited', title: 't', detail: 'd' }, { 'Retry-After': '30' }),
    })
    const error = await api.post('/api/v1/session', {}, { skipAuthRedirect: true }).catch((e) => e)
    expect(error.code).toBe('rate_limited')
    expect(error.retryAfter).toBe(30)
  })
})
