import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import type { Organisation } from '@/api/types'
import { flush, json, mockFetch, mountRoute, organisationReferenceRoutes, problem, signIn, type Recorded } from '../../../../tests/helpers'

function organisation(id: number, name: string, overrides: Partial<Organisation> = {}): Organisation {
  return {
    id,
    kind: '10',
    kind_name: 'Gouvernement',
    name,
    name_fr: name,
    name_ar: null,
    name_en: null,
    acronym: null,
    country: 'SN',
    country_name: 'Sénégal',
    iati_identifier: null,
    parent_id: null,
    parent_name: null,
    website: null,
    address: null,
    archived: false,
    version: 1,
    created_at: '2026-11-23T10:00:00Z',
    updated_at: '2026-11-23T10:00:00Z',
    ...overrides,
  }
}

const listCalls = (calls: Recorded[]) => calls.filter((call) => call.method === 'GET' && call.url.startsWith('/api/v1/organisations?'))
const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams
const settle = async () => {
  for (let i = 0; i < 6; i++) await flush()
}

describe('OrganisationListView', () => {
  let wrapper: VueWrapper | null = null
  let router: Router

  beforeEach(() => signIn('officer', 2))
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  const common = organisationReferenceRoutes

  async function mountList(path = '/organisations') {
    ;({ wrapper, router } = await mountRoute(path, 6))
    return wrapper
  }

  it('asks the server for the first page sorted by name and shows the rows with the total', async () => {
    const { calls } = mockFetch({
      ...common,
      'GET /api/v1/organisations': () =>
        json(200, { items: [organisation(1, 'Agence sénégalaise'), organisation(2, 'Université de Dakar', { acronym: 'UCAD' })], total: 1234 }),
    })
    await mountList()

    const first = listCalls(calls)[0]
    expect(first).toBeDefined()
    const params = paramsOf(first)
    expect(params.get('limit')).toBe('25')
    expect(params.get('offset')).toBe('0')
    expect(params.get('sort')).toBe('name')
    expect(params.get('archived')).toBe('false')
    expect(params.has('q')).toBe(false)

    const rows = wrapper!.findAll('[data-testid="organisation-table"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[1].text()).toContain('Université de Dakar')
    expect(rows[1].text()).toContain('UCAD')
    expect(wrapper!.find('a[href="/organisations/2"]').exists()).toBe(true)
    // The footer speaks our words (common.itemsPerPage), not Vuetify's.
    expect(wrapper!.find('[data-testid="organisation-table"] .v-data-table-footer').text()).toContain('Lignes par page')
    // French grouping of thousands (a narrow no-break space).
    expect(wrapper!.find('[data-testid="total"]').text().replace(/\s/g, ' ')).toMatch(/1 234 résultats/)
    // An officer may create organisations.
    expect(wrapper!.find('[data-testid="new-organisation"]').exists()).toBe(true)
  })

  it('restores filters, page and sort from the URL and sends them to the server', async () => {
    const { calls } = mockFetch({ ...common, 'GET /api/v1/organisations': () => json(200, { items: [organisation(1, 'A')], total: 300 }) })
    await mountList('/organisations?q=sant%C3%A9&kind=10&country=SN&page=3&size=50&sort=-updated_at')

    const params = paramsOf(listCalls(calls)[0])
    expect(params.get('q')).toBe('santé')
    expect(params.get('kind')).toBe('10')
    expect(params.get('country')).toBe('SN')
    expect(params.get('limit')).toBe('50')
    expect(params.get('offset')).toBe('100')
    expect(params.get('sort')).toBe('-updated_at')
  })

  it('searches after the user stops typing, from the first page, and keeps the search in the URL', async () => {
    const { calls } = mockFetch({ ...common, 'GET /api/v1/organisations': () => json(200, { items: [organisation(1, 'A')], total: 1 }) })
    await mountList('/organisations?page=2')
    const before = listCalls(calls).length

    await wrapper!.find('[data-testid="search"] input').setValue('meteo')
    await settle()
    expect(listCalls(calls).length).toBe(before) // debounced: nothing sent yet
    await new Promise((resolve) => setTimeout(resolve, 400))
    await settle()

    const last = listCalls(calls).at(-1)!
    expect(paramsOf(last).get('q')).toBe('meteo')
    expect(paramsOf(last).get('offset')).toBe('0')
    expect(router.currentRoute.value.query.q).toBe('meteo')
    expect(router.currentRoute.value.query.page).toBeUndefined()
  })

  it('shows an empty state with a way out when the filters match nothing', async () => {
    mockFetch({ ...common, 'GET /api/v1/organisations': () => json(200, { items: [], total: 0 }) })
    await mountList('/organisations?q=zzz')
    const empty = wrapper!.find('[data-testid="empty"]')
    expect(empty.exists()).toBe(true)
    expect(empty.text()).toContain('Aucun résultat')
    expect(empty.find('button').text()).toMatch(/filtres/i)
  })

  it('shows the problem, not raw JSON, when the server fails, and retries on request', async () => {
    const { calls } = mockFetch({
      ...common,
      'GET /api/v1/organisations': [
        () => problem(503, 'unavailable', { title: 'Service indisponible', detail: 'La base de données ne répond pas.' }),
        () => json(200, { items: [organisation(5, 'Retour à la normale')], total: 1 }),
      ],
    })
    await mountList()
    const alert = wrapper!.find('[data-testid="problem"]')
    expect(alert.exists()).toBe(true)
    expect(alert.text()).not.toContain('{')
    const retry = alert.findAll('button').find((button) => /essayer/i.test(button.text()))
    expect(retry).toBeDefined()
    await retry!.trigger('click')
    await settle()
    expect(listCalls(calls).length).toBe(2)
    expect(wrapper!.find('[data-testid="problem"]').exists()).toBe(false)
    expect(wrapper!.text()).toContain('Retour à la normale')
  })

  it('does not offer creation to a read-only viewer', async () => {
    signIn('viewer', 7)
    mockFetch({ ...common, 'GET /api/v1/organisations': () => json(200, { items: [], total: 0 }) })
    await mountList()
    expect(wrapper!.find('[data-testid="new-organisation"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="empty"]').text()).not.toMatch(/Nouvelle organisation/)
  })
})
