import { beforeEach, describe, expect, it } from 'vitest'
import { createMemoryHistory } from 'vue-router'
import { call, configureClient } from '@/api/client'
import { createAppRouter, redirectToLogin, safeRedirect } from '@/router'
import { session } from '@/session'
import { json, mockFetch, permissionsOf, problem } from './helpers'

const admin = { id: 1, username: 'admin', display_name: 'Admin', role: 'admin', countries: [], organisations: [], language: 'fr', csrf_token: 'c1', version: 1, permissions: permissionsOf('admin') }
const partner = { ...admin, id: 2, username: 'sn', role: 'partner', countries: ['SN'], permissions: permissionsOf('partner') }

describe('router guards and session expiry', () => {
  beforeEach(() => {
    session.me = null
    session.checked = false
  })

  it('sends a visitor who is not signed in to the login page, remembering where they were going', async () => {
    mockFetch({ 'GET /api/v1/me': () => problem(401, 'unauthenticated') })
    const router = createAppRouter(createMemoryHistory())
    await router.push('/organisations?q=dakar')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/organisations?q=dakar')
  })

  it('on a 401 from any call, goes to login with the current page as redirect', async () => {
    mockFetch({
      'GET /api/v1/me': () => json(200, admin),
      'GET /api/v1/organisations': () => problem(401, 'unauthenticated'),
    })
    const router = createAppRouter(createMemoryHistory())
    configureClient({ onUnauthenticated: () => redirectToLogin(router) })
    await router.push('/organisations/12')
    expect(router.currentRoute.value.name).toBe('organisation')
    await call('get', '/api/v1/organisations').catch(() => undefined)
    await router.isReady()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query).toMatchObject({ redirect: '/organisations/12', expired: '1' })
    expect(session.me).toBeNull()
  })

  it('refuses the administration screens to a partner, by direct URL too', async () => {
    mockFetch({ 'GET /api/v1/me': () => json(200, partner) })
    const router = createAppRouter(createMemoryHistory())
    await router.push('/admin/users')
    expect(router.currentRoute.value.name).toBe('forbidden')
    await router.push('/admin/audit')
    expect(router.currentRoute.value.name).toBe('forbidden')
    await router.push('/reference/countries')
    expect(router.currentRoute.value.name).toBe('countries')
  })

  it('lets an administrator in', async () => {
    mockFetch({ 'GET /api/v1/me': () => json(200, admin) })
    const router = createAppRouter(createMemoryHistory())
    await router.push('/admin/users')
    expect(router.currentRoute.value.name).toBe('users')
  })

  it('follows only same-site paths after login', () => {
    expect(safeRedirect('/organisations/3')).toBe('/organisations/3')
    expect(safeRedirect('//evil.example/x')).toBe('/')
    expect(safeRedirect('https://evil.example')).toBe('/')
    expect(safeRedirect('/login?redirect=/x')).toBe('/')
    expect(safeRedirect(undefined)).toBe('/')
  })
})
