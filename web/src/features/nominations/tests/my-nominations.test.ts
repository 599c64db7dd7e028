import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { h } from 'vue'
import { createMemoryHistory } from 'vue-router'
import { VApp } from 'vuetify/components'
import { configureClient } from '@/api/client'
import { currentLanguage } from '@/i18n'
import { createAppRouter } from '@/router'
import { session } from '@/session'
import type { Me } from '@/api/types'
import AppShell from '@/layouts/AppShell.vue'
import { createTestPlugins, flush, json, mockFetch, mountRoute, permissionsOf, signIn, until, type Recorded } from '../../../../tests/helpers'
import { nomination, page } from '../../../../tests/fixtures'

const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams

function me(role: Me['role'], countries: string[] = []): Me {
  return { id: 9, username: role, display_name: role, role, countries, organisations: [], language: 'fr', version: 1, permissions: permissionsOf(role) }
}

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('MyNominationsView (partner focal point)', () => {
  beforeEach(() => {
    signIn('partner', 4)
    session.me = { ...session.me!, countries: ['SN'] }
  })

  it('lists the nominations with the filters of the URL and a badge on those promoted from the waiting list', async () => {
    const promoted = nomination({ id: 50, state: 'selected', waitlisted_at: '2026-11-20T10:00:00Z' })
    const waitedThenChosen = nomination({ id: 51, person_id: 6, person_latin_name: 'Awa Ndiaye', person_arabic_name: null, state: 'selected', waitlisted_at: '2026-11-20T10:00:00Z' })
    const { calls } = mockFetch({
      'GET /api/v1/nominations': () => json(200, page([promoted, waitedThenChosen])),
      'GET /api/v1/nominations/50': () =>
        json(200, { ...promoted, events: [{ from_state: 'waitlisted', to_state: 'selected', reason: 'promoted_from_waitlist', at: '2026-11-21T10:00:00Z', username: 'officer' }] }),
      // Selected by hand from the waiting list: not a promotion.
      'GET /api/v1/nominations/51': () => json(200, { ...waitedThenChosen, events: [{ from_state: 'waitlisted', to_state: 'selected', reason: null, at: '2026-11-21T10:00:00Z', username: 'officer' }] }),
    })
    ;({ wrapper } = await mountRoute('/nominations/mine?state=selected&year=2027', 8))
    const list = calls.find((call) => call.url.startsWith('/api/v1/nominations?'))!
    expect(paramsOf(list).get('state')).toBe('selected')
    expect(paramsOf(list).get('year')).toBe('2027')
    await until(() => wrapper!.find('[data-testid="promoted-badge"]').exists())
    const rows = wrapper!.findAll('[data-testid="nomination-table"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('Promu(e) de la liste d’attente')
    expect(rows[1].text()).not.toContain('Promu(e)')
    expect(rows[0].text()).toContain('Atelier de santé publique')
    expect(rows[0].text()).toContain('Sélectionné')
  })
})

describe('navigation by role', () => {
  beforeEach(() => {
    session.checked = true
    configureClient({ language: currentLanguage, onUnauthenticated: () => {} })
  })

  async function mountShell(path: string) {
    const { i18n, vuetify } = createTestPlugins('fr')
    const router = createAppRouter(createMemoryHistory())
    await router.push(path)
    wrapper = mount({ render: () => h(VApp, () => h(AppShell)) }, { global: { plugins: [i18n, vuetify, router] }, attachTo: document.body })
    for (let i = 0; i < 6; i++) await flush()
    return router
  }
  const entry = (name: string) => document.querySelector(`[data-testid="nav-${name}"]`)

  it('shows a viewer the actions but neither people nor nominations, and refuses /people', async () => {
    session.me = me('viewer')
    mockFetch({ 'GET /api/v1/currencies': () => json(200, page([])) })
    const router = await mountShell('/reference/currencies')
    expect(entry('actions')).not.toBeNull()
    expect(entry('people')).toBeNull()
    expect(entry('my-nominations')).toBeNull()
    await router.push('/people')
    expect(router.currentRoute.value.name).toBe('forbidden')
    await router.push('/actions/7/participants')
    expect(router.currentRoute.value.name).toBe('forbidden')
  })

  it('shows a partner their country’s nominations and people; an officer no partner screen', async () => {
    session.me = me('partner', ['SN'])
    mockFetch({ 'GET /api/v1/currencies': () => json(200, page([])) })
    await mountShell('/reference/currencies')
    expect(entry('my-nominations')).not.toBeNull()
    expect(entry('people')).not.toBeNull()
    wrapper!.unmount()
    wrapper = null
    document.body.innerHTML = ''
    session.me = me('officer')
    await mountShell('/reference/currencies')
    expect(entry('my-nominations')).toBeNull()
    expect(entry('people')).not.toBeNull()
  })
})
