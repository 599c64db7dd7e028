// The export menu of the lists: the file asked for carries the list's search, filters and order,
// never its paging, in the format chosen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { clearCountryCache } from '@/composables/countries'
import { clearReferenceListCache } from '@/composables/referenceLists'
import ExportMenu from '@/components/ExportMenu.vue'
import { createTestPlugins, json, mockFetch, mountRoute, signIn, until } from './helpers'
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
