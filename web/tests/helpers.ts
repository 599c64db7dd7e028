import { vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { h } from 'vue'
import { createMemoryHistory, RouterView } from 'vue-router'
import { createVuetify } from 'vuetify'
import { createVueI18nAdapter } from 'vuetify/locale/adapters/vue-i18n'
import { useI18n } from 'vue-i18n'
import { configureClient } from '@/api/client'
import type { Me } from '@/api/types'
import { createAppI18n, setActiveI18n, type Language } from '@/i18n'
import { createAppRouter } from '@/router'
import { session } from '@/session'
import rolePermissions from './permissions.json'

/**
 * What GET /api/v1/me answers as `permissions` for each role: tests/permissions.json, which a
 * C++ test (tests/api/permissions_test.cpp) checks against the server's registry, so that these
 * fixtures cannot drift from the server's rules.
 */
export function permissionsOf(role: Me['role']): Me['permissions'] {
  return structuredClone((rolePermissions as Record<string, Me['permissions']>)[role])
}

export interface Recorded {
  method: string
  url: string
  headers: Record<string, string>
  body: unknown
}

export type Handler = (request: Recorded) => Response | Promise<Response>

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const problem = status >= 400
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': problem ? 'application/problem+json' : 'application/json', ...headers },
  })
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}): Response {
  return json(status, { type: 'about:blank', status, code, title: `title ${code}`, detail: `detail ${code}`, ...extra })
}

/** Replaces fetch: each call is recorded and answered by the first handler whose key matches "METHOD path". */
export function mockFetch(routes: Record<string, Handler | Handler[]>) {
  const calls: Recorded[] = []
  const queues = new Map<string, Handler[]>()
  for (const [key, value] of Object.entries(routes)) queues.set(key, Array.isArray(value) ? [...value] : [value])
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input)
    const method = (init.method ?? 'GET').toUpperCase()
    const headers = { ...(init.headers as Record<string, string>) }
    const recorded: Recorded = { method, url, headers, body: typeof init.body === 'string' ? JSON.parse(init.body) : (init.body ?? undefined) }
    calls.push(recorded)
    const path = url.split('?')[0]
    const queue = queues.get(`${method} ${path}`)
    if (!queue || queue.length === 0) throw new Error(`unexpected request ${method} ${url}`)
    const handler = queue.length > 1 ? queue.shift()! : queue[0]
    return handler(recorded)
  })
  vi.stubGlobal('fetch', fetchMock)
  return { calls, fetchMock }
}

export function createTestPlugins(language: Language = 'fr') {
  const i18n = createAppI18n(language)
  setActiveI18n(i18n)
  const vuetify = createVuetify({
    locale: {
      adapter: createVueI18nAdapter({ i18n: i18n as unknown as Parameters<typeof createVueI18nAdapter>[0]['i18n'], useI18n }),
      rtl: { ar: true, fr: false, en: false },
    },
  })
  return { i18n, vuetify }
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Signs in with `role` (French, no country or organisation scope) and talks French to the server. */
export function signIn(role: Me['role'], id = 1) {
  session.me = { id, username: role, display_name: role, role, countries: [], organisations: [], language: 'fr', version: 1, permissions: permissionsOf(role) }
  session.checked = true
  configureClient({ language: () => 'fr', onUnauthenticated: () => {} })
}

/** The reference lists the organisation screens read: organisation kinds and countries. */
export const organisationReferenceRoutes = {
  'GET /api/v1/codelists/OrganisationType': () => json(200, { items: [{ code: '10', name: 'Gouvernement', category: null, withdrawn: false }], total: 1 }),
  'GET /api/v1/countries': () => json(200, { items: [], total: 0 }),
}

/** Mounts the app at `path` through <router-view>, as in the app (so that route guards apply), and lets it settle. */
export async function mountRoute(path: string, ticks: number, language: Language = 'fr') {
  const { i18n, vuetify } = createTestPlugins(language)
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const wrapper: VueWrapper = mount({ render: () => h(RouterView) }, { global: { plugins: [i18n, vuetify, router] }, attachTo: document.body })
  for (let i = 0; i < ticks; i++) await flush()
  return { wrapper, router }
}

/**
 * Waits for a condition that depends on lazy chunks, debounces or chained requests. It returns as
 * soon as the condition holds; the bound is only there so that a test that will fail does so with
 * its own assertion rather than on the test timeout (vite.config.ts), and is far above what a busy
 * machine needs (a lazy screen's first import takes seconds there, not 3 s as once assumed here).
 */
export async function until(condition: () => boolean, ms = 30_000) {
  for (let waited = 0; waited < ms && !condition(); waited += 20) await new Promise((resolve) => setTimeout(resolve, 20))
}
