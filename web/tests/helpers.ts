import { vi } from 'vitest'
import { createVuetify } from 'vuetify'
import { createVueI18nAdapter } from 'vuetify/locale/adapters/vue-i18n'
import { useI18n } from 'vue-i18n'
import { createAppI18n, setActiveI18n, type Language } from '@/i18n'

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
    const recorded: Recorded = { method, url, headers, body: init.body ? JSON.parse(String(init.body)) : undefined }
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
