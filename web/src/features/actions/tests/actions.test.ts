import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { reactive } from 'vue'
import type { Router } from 'vue-router'
import { clearCountryCache } from '@/composables/countries'
import { clearActionReferenceCache } from '@/features/actions/api'
import { actionErrorKey, percentTotal, type SectorRow } from '@/features/actions/form'
import SectorsEditor from '@/features/actions/components/SectorsEditor.vue'
import { createTestPlugins, flush, json, mockFetch, mountRoute, problem, signIn, until, type Recorded } from '../../../../tests/helpers'
import { action, page } from '../../../../tests/fixtures'

const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams
const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}

const reference = {
  'GET /api/v1/action-types': () =>
    json(200, page([{ code: 'short_training', name: 'Formation de courte durée au Maroc', names: { fr: '', ar: '', en: '' }, aid_type: 'E01', aid_type_name: 'Bourses', place: 'morocco' }])),
  'GET /api/v1/cooperation-domains': () => json(200, page([{ code: 'health', name: 'Santé', names: { fr: '', ar: '', en: '' }, sectors: [] }])),
  'GET /api/v1/codelists/SDGTarget': () => json(200, page([{ code: '3.8', name: 'Couverture sanitaire universelle', category: '3', withdrawn: false }])),
  'GET /api/v1/countries': () => json(200, page([])),
  'GET /api/v1/organisations': () => json(200, page([])),
}

let wrapper: VueWrapper | null = null
let router: Router

beforeEach(() => {
  signIn('officer', 2)
  clearActionReferenceCache()
  clearCountryCache()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('ActionListView', () => {
  it('sends the filters of the URL to the server and shows type, domain, place, dates, status and seats', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/actions': () => json(200, page([action()], 41)),
    })
    ;({ wrapper, router } = await mountRoute('/actions?year=2027&status=open&country=SN&action_type=short_training&domain=health', 8))

    const list = calls.filter((call) => call.url.startsWith('/api/v1/actions?'))
    const params = paramsOf(list[0])
    expect(params.get('year')).toBe('2027')
    expect(params.get('status')).toBe('open')
    expect(params.get('country')).toBe('SN')
    expect(params.get('action_type')).toBe('short_training')
    expect(params.get('domain')).toBe('health')
    expect(params.get('sort')).toBe('-start_date')

    const row = wrapper!.find('[data-testid="action-table"] tbody tr')
    const text = row.text()
    expect(text).toContain('Atelier de santé publique')
    expect(text).toContain('Formation de courte durée au Maroc')
    expect(text).toContain('Santé')
    expect(text).toContain('Rabat, Maroc')
    expect(text).toContain('2027')
    expect(row.find('[data-testid="action-status"]').text()).toBe('Ouverte aux candidatures')
    expect(row.find('[data-testid="seats"]').text().replace(/\s/g, '')).toBe('3/10')
    expect(wrapper!.find('[data-testid="total"]').text()).toContain('41')

    // A search is debounced, goes to the server from page 1, and joins the filters in the URL.
    await wrapper!.find('[data-testid="search"] input').setValue('santé')
    await new Promise((resolve) => setTimeout(resolve, 450))
    await settle()
    expect(paramsOf(calls.filter((call) => call.url.startsWith('/api/v1/actions?')).at(-1)!).get('q')).toBe('santé')
    expect(router.currentRoute.value.query).toMatchObject({ q: 'santé', year: '2027', status: 'open' })
  })

  it('shows the empty state with a create button, and the problem when the server fails', async () => {
    mockFetch({ ...reference, 'GET /api/v1/actions': [() => json(200, page([])), () => problem(503, 'unavailable')] })
    ;({ wrapper } = await mountRoute('/actions', 8))
    expect(wrapper!.find('[data-testid="empty"]').text()).toContain('Aucune action enregistrée')
    expect(wrapper!.find('[data-testid="new-action"]').exists()).toBe(true)
  })
})

describe('sectors editor', () => {
  it('keeps a running total that must reach 100, and a new row takes what is left', async () => {
    expect(percentTotal(['60', '30', '', 'x'])).toBe(90)
    const { i18n, vuetify } = createTestPlugins('fr')
    const rows = reactive<SectorRow[]>([
      { code: '12110', name: 'Politique de la santé', percentage: '60' },
      { code: '12220', name: 'Soins de santé de base', percentage: '30' },
    ])
    wrapper = mount(SectorsEditor, { props: { modelValue: rows, errors: {} }, global: { plugins: [i18n, vuetify] }, attachTo: document.body })
    await flush()
    const total = () => wrapper!.find('[data-testid="sector-total"]')
    expect(total().text()).toBe('Total : 90 % — doit atteindre 100 %')
    expect(total().attributes('data-complete')).toBe('false')

    await wrapper.find('[data-testid="field-sectors.1.percentage"] input').setValue('40')
    await flush()
    expect(total().text()).toBe('Total : 100 %')
    expect(total().attributes('data-complete')).toBe('true')

    await wrapper.find('[data-testid="field-sectors.1.percentage"] input').setValue('25')
    await wrapper.find('[data-testid="add-sector"]').trigger('click')
    await flush()
    expect(rows).toHaveLength(3)
    expect(rows[2].percentage).toBe('15')
    expect(total().text()).toBe('Total : 100 %')
  })

  it('maps nested server paths to the editor rows', () => {
    expect(actionErrorKey('sectors.1.code')).toBe('sectors.1.code')
    expect(actionErrorKey('quotas.0.seats')).toBe('quotas.0.seats')
    expect(actionErrorKey('funders.2.share')).toBe('funders.2.share')
    expect(actionErrorKey('sdg_targets.3')).toBe('sdg_targets')
    expect(actionErrorKey('request_ids.0')).toBeNull()
  })
})

describe('ActionFormView', () => {
  it('sends only the changed field with If-Match and shows nested API errors at their fields', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }),
      'PATCH /api/v1/actions/7': () =>
        problem(422, 'validation_failed', {
          detail: 'Certains champs sont à corriger.',
          errors: [
            { field: 'sectors[1].code', code: 'unknown_code', message: 'Code inconnu de la liste Sector.' },
            { field: 'quotas[0].seats', code: 'below_filled', message: 'Inférieur aux places déjà attribuées (2).' },
            { field: 'sectors', code: 'percentages_not_100', message: 'Les pourcentages doivent totaliser 100.' },
            { field: 'request_ids[0]', code: 'unknown_record', message: 'Enregistrement introuvable.' },
          ],
        }),
    })
    ;({ wrapper } = await mountRoute('/actions/7/edit', 8))
    await until(() => (wrapper!.find('[data-testid="field-title_fr"] input').element as HTMLInputElement | undefined)?.value === 'Atelier de santé publique')
    await wrapper!.find('[data-testid="field-title_fr"] input').setValue('Atelier régional de santé publique')
    await wrapper!.find('form').trigger('submit')
    await settle()

    const patch = calls.find((call) => call.method === 'PATCH')!
    expect(patch.headers['If-Match']).toBe('"4"')
    expect(patch.body).toEqual({ title_fr: 'Atelier régional de santé publique' })
    expect(wrapper!.find('[data-testid="field-sectors.1.code"]').text()).toContain('Code inconnu de la liste Sector.')
    expect(wrapper!.find('[data-testid="field-sectors.0.code"]').text()).not.toContain('Code inconnu')
    expect(wrapper!.find('[data-testid="field-quotas.0.seats"]').text()).toContain('Inférieur aux places déjà attribuées (2).')
    expect(wrapper!.find('[data-testid="field-sectors"]').text()).toContain('Les pourcentages doivent totaliser 100.')
    // A field the form does not show is not lost.
    expect(wrapper!.find('[data-testid="other-errors"]').text()).toContain('Enregistrement introuvable.')
  })

  it('does not send sectors that do not add up to 100', async () => {
    const { calls } = mockFetch({ ...reference, 'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }) })
    ;({ wrapper } = await mountRoute('/actions/7/edit', 8))
    await until(() => wrapper!.find('[data-testid="field-sectors.1.percentage"] input').exists())
    await wrapper!.find('[data-testid="field-sectors.1.percentage"] input').setValue('30')
    await flush()
    expect(wrapper!.find('[data-testid="sector-total"]').text()).toContain('90 %')
    await wrapper!.find('form').trigger('submit')
    await settle()
    expect(calls.some((call) => call.method === 'PATCH')).toBe(false)
    expect(wrapper!.find('[data-testid="field-sectors"]').text()).toContain('Le total doit être de 100 % (actuellement 90 %).')
  })
})

describe('ActionOverviewTab', () => {
  it('offers exactly the next statuses, confirms, and sends the move with If-Match', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }),
      'POST /api/v1/actions/7/status': () => json(200, action({ status: 'selection_closed', next_statuses: ['ongoing', 'open', 'cancelled'], version: 5 })),
    })
    ;({ wrapper } = await mountRoute('/actions/7', 8))
    await until(() => wrapper!.find('[data-testid="status-selection_closed"]').exists())
    const offered = wrapper!.findAll('[data-testid^="status-"]').map((button) => button.attributes('data-testid'))
    expect(offered).toEqual(['status-selection_closed', 'status-cancelled'])
    expect(wrapper!.find('[data-testid="overview-sectors"]').text()).toContain('60 %')
    expect(wrapper!.find('[data-testid="overview-sdg"]').text()).toContain('3.8')

    await wrapper!.find('[data-testid="status-selection_closed"]').trigger('click')
    await settle()
    const confirm = document.querySelector('[data-testid="confirm"]') as HTMLElement
    expect(document.querySelector('[data-testid="confirm-dialog"]')!.textContent).toContain('Sélection close')
    confirm.click()
    await settle()
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.body).toEqual({ status: 'selection_closed' })
    expect(post.headers['If-Match']).toBe('"4"')
    await until(() => wrapper!.find('[data-testid="status-ongoing"]').exists())
    expect(wrapper!.find('[data-testid="action-status"]').attributes('data-status')).toBe('selection_closed')
  })
})
