import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { h } from 'vue'
import { createMemoryHistory, RouterView, type Router } from 'vue-router'
import { VApp } from 'vuetify/components'
import { configureClient, getCsrfToken, setCsrfToken } from '@/api/client'
import { applyDocumentLanguage, currentLanguage } from '@/i18n'
import { createAppRouter } from '@/router'
import { session } from '@/session'
import type { Me } from '@/api/types'
import AppShell from '@/layouts/AppShell.vue'
import { createTestPlugins, flush, json, mockFetch, permissionsOf, problem, until } from './helpers'

const settle = async () => {
  for (let i = 0; i < 6; i++) await flush()
}

function me(role: Me['role'], countries: string[] = []): Me {
  return { id: 9, username: role, display_name: `Demo ${role}`, role, countries, organisations: [], language: 'fr', version: 1, permissions: permissionsOf(role) }
}

describe('AppShell', () => {
  let wrapper: VueWrapper | null = null

  beforeEach(() => {
    session.checked = true
    configureClient({ language: currentLanguage, onUnauthenticated: () => {} })
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
    applyDocumentLanguage('fr')
  })

  async function mountShell(path: string) {
    const { i18n, vuetify } = createTestPlugins('fr')
    const router = createAppRouter(createMemoryHistory())
    await router.push(path)
    wrapper = mount({ render: () => h(VApp, () => h(AppShell)) }, { global: { plugins: [i18n, vuetify, router] }, attachTo: document.body })
    await settle()
    return { wrapper, router }
  }

  it('shows the administration entries to an administrator', async () => {
    session.me = me('admin')
    mockFetch({ 'GET /api/v1/currencies': () => json(200, { items: [], total: 0 }) })
    await mountShell('/reference/currencies')
    for (const entry of ['organisations', 'countries', 'currencies', 'codelists', 'users', 'tokens', 'audit']) {
      expect(document.querySelector(`[data-testid="nav-${entry}"]`), entry).not.toBeNull()
    }
  })

  it('hides the administration entries from a partner focal point', async () => {
    session.me = me('partner', ['SN'])
    mockFetch({ 'GET /api/v1/currencies': () => json(200, { items: [], total: 0 }) })
    await mountShell('/reference/currencies')
    expect(document.querySelector('[data-testid="nav-organisations"]')).not.toBeNull()
    for (const entry of ['users', 'tokens', 'audit']) {
      expect(document.querySelector(`[data-testid="nav-${entry}"]`), entry).toBeNull()
    }
    expect(document.body.textContent).not.toContain('Administration')
  })

  it('shows breadcrumbs ending with the current page', async () => {
    session.me = me('manager')
    mockFetch({ 'GET /api/v1/currencies': () => json(200, { items: [], total: 0 }) })
    await mountShell('/reference/currencies')
    const crumbs = wrapper!.find('.v-breadcrumbs').text()
    expect(crumbs).toContain('Accueil')
    expect(crumbs).toContain('Référentiels')
    expect(crumbs).toContain('Devises')
  })
})

describe('LoginView', () => {
  let wrapper: VueWrapper | null = null
  let router: Router

  beforeEach(() => {
    session.me = null
    session.checked = false
    setCsrfToken(null)
    configureClient({ language: () => 'fr', onUnauthenticated: () => {} })
  })
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  async function mountLogin(path: string) {
    const { i18n, vuetify } = createTestPlugins('fr')
    router = createAppRouter(createMemoryHistory())
    await router.push(path)
    wrapper = mount({ render: () => h(VApp, () => h(RouterView)) }, { global: { plugins: [i18n, vuetify, router] }, attachTo: document.body })
    await settle()
  }

  async function submit(username: string, password: string) {
    await wrapper!.find('input[name="username"]').setValue(username)
    await wrapper!.find('input[autocomplete="current-password"]').setValue(password)
    await wrapper!.find('form').trigger('submit')
    await settle()
  }

  it('says so when the credentials are wrong, and stays on the page', async () => {
    mockFetch({ 'POST /api/v1/session': () => problem(401, 'invalid_credentials') })
    await mountLogin('/login?redirect=/organisations')
    await submit('admin', 'wrong')
    expect(wrapper!.find('[data-testid="login-failed"]').exists()).toBe(true)
    expect(router.currentRoute.value.name).toBe('login')
    expect(session.me).toBeNull()
  })

  it('explains an expired session, then returns to the page the user was on', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/session': () => json(200, { csrf_token: 'token-123', user: me('officer') }),
      'GET /api/v1/me': () => json(200, me('officer')),
      'GET /api/v1/currencies': () => json(200, { items: [], total: 0 }),
    })
    await mountLogin('/login?redirect=%2Freference%2Fcurrencies%3Fq%3Deuro&expired=1')
    expect(wrapper!.text()).toMatch(/session a expiré/i)
    await submit(' officer ', 'Demo-password-1')

    expect(calls[0].body).toEqual({ username: 'officer', password: 'Demo-password-1' })
    await until(() => router.currentRoute.value.name !== 'login')
    expect(getCsrfToken()).toBe('token-123')
    expect(session.me?.role).toBe('officer')
    expect(router.currentRoute.value.fullPath).toBe('/reference/currencies?q=euro')
  })

  it('does not follow a redirect to another site', async () => {
    mockFetch({
      'POST /api/v1/session': () => json(200, { csrf_token: 't', user: me('viewer') }),
      'GET /api/v1/me': () => json(200, me('viewer')),
      'GET /api/v1/organisations': () => json(200, { items: [], total: 0 }),
      'GET /api/v1/countries': () => json(200, { items: [], total: 0 }),
    })
    await mountLogin('/login?redirect=//evil.example.org/x')
    await submit('viewer', 'Demo-password-1')
    await until(() => router.currentRoute.value.name !== 'login')
    expect(router.currentRoute.value.fullPath).toBe('/')
  })
})
