// The export menu of the lists: the file asked for carries the list's search, filters and order,
// never its paging, in the format chosen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { clearCountryCache } from '@/composables/countries'
import { clearReferenceListCache } from '@/composables/referenceLists'
import ExportMenu from '@/components/ExportMenu.vue'
import type { AuditEntry, User } from '@/api/types'
import { createTestPlugins, json, mockFetch, mountRoute, signIn, until, type Recorded } from './helpers'
import { offer, page, person } from './fixtures'

let wrapper: VueWrapper | null = null

beforeEach(() => {
  signIn('officer', 2)
  clearCountryCache()
  clearReferenceListCache()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

/** Opens the export menu and gives the address of each format's link. */
async function exportLinks(root: VueWrapper): Promise<Record<string, URL>> {
  await root.find('[data-testid="export"]').trigger('click')
  await until(() => !!document.querySelector('[data-testid="export-csv"]'))
  const links: Record<string, URL> = {}
  for (const format of ['xlsx', 'csv']) {
    const link = document.querySelector(`[data-testid="export-${format}"]`)!
    expect(link.hasAttribute('download')).toBe(true)
    links[format] = new URL(link.getAttribute('href')!, 'http://localhost')
  }
  return links
}

/** Sets the value of the select or autocomplete carrying this test id, as picking an option does. */
async function choose(root: VueWrapper, testId: string, component: 'VSelect' | 'VAutocomplete', value: unknown) {
  const input = root.findAllComponents({ name: component }).find((candidate) => candidate.attributes('data-testid') === testId)
  expect(input, testId).toBeDefined()
  await input!.setValue(value)
}

/** Clicks the header of a sortable column (a must-sort table turns its order around). */
async function toggleSort(root: VueWrapper, title: string) {
  const header = root.findAll('th.v-data-table__th--sortable').find((th) => th.text().includes(title))
  expect(header, title).toBeDefined()
  await header!.trigger('click')
}

/** The query of the latest list request to `path`, without its paging. */
function listCriteria(calls: Recorded[], path: string): Record<string, string> {
  const last = calls.filter((call) => call.method === 'GET' && call.url.split('?')[0] === path).at(-1)
  expect(last, path).toBeDefined()
  const params = new URL(last!.url, 'http://localhost').searchParams
  expect(params.has('limit')).toBe(true)
  params.delete('limit')
  params.delete('offset')
  return Object.fromEntries(params)
}

function user(overrides: Partial<User> = {}): User {
  return {
    id: 7,
    username: 'adiallo',
    display_name: 'Awa Diallo',
    role: 'partner',
    countries: ['SN'],
    organisations: [],
    language: 'fr',
    disabled: true,
    version: 1,
    created_at: '2024-01-02T10:00:00Z',
    last_login_at: null,
    ...overrides,
  }
}

function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return { id: 3, at: '2024-05-06T07:08:09Z', user_id: 7, username: 'adiallo', action: 'update', record_kind: 'organisation', record_id: '42', before: { name: 'A' }, after: { name: 'B' }, ...overrides }
}

describe('ExportMenu', () => {
  it('links each format to the export with the criteria given, leaving out the empty ones', async () => {
    const { i18n, vuetify } = createTestPlugins('fr')
    wrapper = mount(ExportMenu, {
      props: { path: '/api/v1/people/export', query: { q: 'Diallo', nationality: 'SN', category: undefined, sort: '-name', kind: null } },
      global: { plugins: [i18n, vuetify] },
      attachTo: document.body,
    })
    expect(wrapper.text()).toContain('Exporter')
    const links = await exportLinks(wrapper)
    expect(links.xlsx.pathname).toBe('/api/v1/people/export')
    expect(Object.fromEntries(links.csv.searchParams)).toEqual({ q: 'Diallo', nationality: 'SN', sort: '-name', format: 'csv' })
    expect(links.xlsx.searchParams.get('format')).toBe('xlsx')
    expect(document.body.textContent).toContain('Texte CSV')
  })
})

describe('list screens', () => {
  it('the people list exports what it shows: search, nationality and order, without the page', async () => {
    mockFetch({
      'GET /api/v1/countries': () => json(200, page([])),
      'GET /api/v1/organisations': () => json(200, page([])),
      'GET /api/v1/people': () => json(200, page([person({ id: 5, name: 'Awa Diallo', latin_name: 'Awa Diallo' })], 60)),
    })
    ;({ wrapper } = await mountRoute('/people?q=Diallo&nationality=SN&page=2&sort=-name', 8))
    const links = await exportLinks(wrapper!)
    const params = links.csv.searchParams
    expect(links.csv.pathname).toBe('/api/v1/people/export')
    expect(params.get('q')).toBe('Diallo')
    expect(params.get('nationality')).toBe('SN')
    expect(params.get('sort')).toBe('-name')
    expect(params.get('format')).toBe('csv')
    expect(params.has('offset')).toBe(false)
    expect(params.has('limit')).toBe(false)
  })

  it('the offers catalogue exports with its filters', async () => {
    mockFetch({
      'GET /api/v1/action-types': () => json(200, page([])),
      'GET /api/v1/cooperation-domains': () => json(200, page([])),
      'GET /api/v1/countries': () => json(200, page([])),
      'GET /api/v1/organisations': () => json(200, page([])),
      'GET /api/v1/offers': () => json(200, page([offer()])),
    })
    ;({ wrapper } = await mountRoute('/offers?domain=health&active=all&sort=-duration', 8))
    const links = await exportLinks(wrapper!)
    expect(links.xlsx.pathname).toBe('/api/v1/offers/export')
    expect(Object.fromEntries(links.xlsx.searchParams)).toEqual({ domain: 'health', active: 'all', sort: '-duration', format: 'xlsx' })
  })
})

describe('administration screens', () => {
  it('the users list exports its default order alone when nothing is filtered', async () => {
    signIn('admin', 1)
    const { calls } = mockFetch({ 'GET /api/v1/users': () => json(200, page([user()])) })
    ;({ wrapper } = await mountRoute('/admin/users', 8))
    const links = await exportLinks(wrapper!)
    expect(links.xlsx.pathname).toBe('/api/v1/users/export')
    expect(Object.fromEntries(links.xlsx.searchParams)).toEqual({ sort: 'username', format: 'xlsx' })
    expect(listCriteria(calls, '/api/v1/users')).toEqual({ sort: 'username' })
  })

  it('the users list exports its search, role, status and order, as it asks for its page, without the page', async () => {
    signIn('admin', 1)
    const { calls } = mockFetch({ 'GET /api/v1/users': () => json(200, page([user()], 60)) })
    ;({ wrapper } = await mountRoute('/admin/users', 8))
    await wrapper!.find('[data-testid="search"] input').setValue('  diallo ')
    await choose(wrapper!, 'filter-role', 'VSelect', 'partner')
    await choose(wrapper!, 'filter-status', 'VSelect', 'true')
    await toggleSort(wrapper!, 'Identifiant')
    await until(() => calls.some((call) => call.url.includes('q=diallo')))

    const expected = { q: 'diallo', role: 'partner', disabled: 'true', sort: '-username' }
    expect(listCriteria(calls, '/api/v1/users')).toEqual(expected)
    const links = await exportLinks(wrapper!)
    for (const format of ['xlsx', 'csv']) {
      expect(links[format].pathname).toBe('/api/v1/users/export')
      expect(Object.fromEntries(links[format].searchParams)).toEqual({ ...expected, format })
      expect(links[format].searchParams.has('limit')).toBe(false)
      expect(links[format].searchParams.has('offset')).toBe(false)
    }
  })

  it('the audit trail exports its filters and order, as it asks for its page, without the page', async () => {
    signIn('admin', 1)
    const { calls } = mockFetch({
      'GET /api/v1/users': () => json(200, page([user()])),
      'GET /api/v1/audit': () => json(200, page([auditEntry()], 80)),
    })
    ;({ wrapper } = await mountRoute('/admin/audit', 8))
    await until(() => !!wrapper!.find('[data-testid="filter-user"]').exists())
    await choose(wrapper!, 'filter-record-kind', 'VSelect', 'organisation')
    await wrapper!.find('[data-testid="filter-record-id"] input').setValue(' 42 ')
    await choose(wrapper!, 'filter-user', 'VAutocomplete', 7)
    await choose(wrapper!, 'filter-action', 'VSelect', 'update')
    await wrapper!.find('[data-testid="filter-from"] input').setValue('2024-01-01')
    await wrapper!.find('[data-testid="filter-to"] input').setValue('2024-12-31')
    await toggleSort(wrapper!, 'Date')
    await until(() => calls.some((call) => call.url.includes('record_id=42')))

    const expected = { record_kind: 'organisation', record_id: '42', user_id: '7', action: 'update', from: '2024-01-01', to: '2024-12-31', sort: 'at' }
    expect(listCriteria(calls, '/api/v1/audit')).toEqual(expected)
    const links = await exportLinks(wrapper!)
    for (const format of ['xlsx', 'csv']) {
      expect(links[format].pathname).toBe('/api/v1/audit/export')
      expect(Object.fromEntries(links[format].searchParams)).toEqual({ ...expected, format })
      expect(links[format].searchParams.has('limit')).toBe(false)
      expect(links[format].searchParams.has('offset')).toBe(false)
    }
  })

  it('a manager exports the audit trail too, newest first by default', async () => {
    signIn('manager', 4)
    const { calls } = mockFetch({ 'GET /api/v1/audit': () => json(200, page([auditEntry()])) })
    ;({ wrapper } = await mountRoute('/admin/audit', 8))
    const links = await exportLinks(wrapper!)
    expect(links.csv.href).toBe('http://localhost/api/v1/audit/export?sort=-at&format=csv')
    expect(links.xlsx.href).toBe('http://localhost/api/v1/audit/export?sort=-at&format=xlsx')
    expect(listCriteria(calls, '/api/v1/audit')).toEqual({ sort: '-at' })
  })
})
