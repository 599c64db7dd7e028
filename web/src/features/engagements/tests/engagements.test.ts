// The engagements screens: the list's filters and export, partial dates shown as precisely as
// they are known, the form's body (amount as a string, notifications whole) with a server error at
// a notification's row, the detail with the countries covered, and a viewer without buttons.
// The first test of a file pays for compiling the lazy screens: on a busy machine that takes seconds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Engagement } from '@/api/types'
import { clearCountryCache } from '@/composables/countries'
import { clearReferenceListCache } from '@/composables/referenceLists'
import { engagementErrorKey } from '@/features/engagements/form'
import { endsBeforeStart, formatPartialDate, isPartialDate, period } from '@/features/engagements/dates'
import { flush, json, mockFetch, mountRoute, problem, signIn, until, type Recorded } from '../../../../tests/helpers'
import { page } from '../../../../tests/fixtures'

const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams
const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}
const listCalls = (calls: Recorded[]) => calls.filter((call) => call.method === 'GET' && call.url.startsWith('/api/v1/engagements?'))

function engagement(overrides: Partial<Engagement> = {}): Engagement {
  return {
    id: 7,
    kind: 'trade_measure',
    organisation_id: 12,
    organisation: 'Organisation mondiale du commerce',
    title: 'Accès en franchise de droits et hors contingent',
    title_fr: 'Accès en franchise de droits et hors contingent',
    title_ar: null,
    title_en: 'Duty-free and quota-free access',
    description_fr: 'Pour la plupart des produits.',
    description_ar: null,
    description_en: null,
    starts_on: '2000-04',
    ends_on: null,
    renewed_on: '2009',
    themes: ['trading_system'],
    sdgs: [17],
    beneficiary_groups: ['african_ldcs'],
    beneficiary_countries: [],
    amount: '1500000.50',
    currency: 'USD',
    covered_countries: ['ML', 'SN'],
    notifications: [{ organisation_id: 12, organisation: 'Organisation mondiale du commerce', notified_on: '2001-02-15', reference: 'WT/COMTD/N/1', note: null }],
    version: 2,
    created_at: '2026-11-30T10:00:00Z',
    updated_at: '2026-12-01T10:00:00Z',
    ...overrides,
  }
}

const reference = {
  'GET /api/v1/countries': () =>
    json(
      200,
      page([
        { code: 'ML', name: 'Mali', names: { fr: 'Mali', ar: '', en: '' } },
        { code: 'SN', name: 'Sénégal', names: { fr: 'Sénégal', ar: '', en: '' } },
      ]),
    ),
  'GET /api/v1/organisations': () => json(200, page([{ id: 12, name: 'Organisation mondiale du commerce', kind: '40' }])),
}

let wrapper: VueWrapper | null = null

async function choose(testId: string, component: 'VSelect' | 'VAutocomplete', value: unknown) {
  const input = wrapper!.findAllComponents({ name: component }).find((candidate) => candidate.attributes('data-testid') === testId)
  expect(input, testId).toBeDefined()
  await input!.setValue(value)
}

beforeEach(() => {
  signIn('officer', 2)
  clearReferenceListCache()
  clearCountryCache()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('partial dates', () => {
  it('are shown as precisely as they are known, and an end is the last day of its year or month', () => {
    expect(formatPartialDate('2003', 'fr')).toBe('2003')
    expect(formatPartialDate('2000-04', 'fr')).toBe('avril 2000')
    expect(formatPartialDate('2016-11-07', 'en')).toBe('7 November 2016')
    expect(period('2003', '2003', 'fr', 'depuis')).toBe('2003')
    expect(period('2000-04', null, 'fr', 'depuis')).toBe('depuis avril 2000')
    expect(['2003', '2003-06', '2024-02-29'].every(isPartialDate)).toBe(true)
    expect(['1899', '2003-13', '2023-02-29', '03', '2003-6'].some(isPartialDate)).toBe(false)
    expect(endsBeforeStart('2003', '2003')).toBe(false)
    expect(endsBeforeStart('2003-05', '2003-04')).toBe(true)
    expect(endsBeforeStart('2003-05-10', '2003-05')).toBe(false)
  })
})

describe('EngagementListView', () => {
  it('sends the URL filters, shows the period and beneficiaries, and exports with the same criteria', async () => {
    const { calls } = mockFetch({ ...reference, 'GET /api/v1/engagements': () => json(200, page([engagement(), engagement({ id: 8, kind: 'presidency', title: 'Présidence du Groupe des 77', starts_on: '2003', ends_on: '2003', beneficiary_groups: [] })], 2)) })
    ;({ wrapper } = await mountRoute('/engagements?kind=trade_measure&theme=trading_system&sdg=17&benefits=ML&year=2009&theme2=x&sort=title', 8))
    await until(() => wrapper!.find('[data-testid="engagement-table"] tbody tr a').exists())
    const params = paramsOf(listCalls(calls)[0])
    expect(Object.fromEntries(params)).toMatchObject({ kind: 'trade_measure', theme: 'trading_system', sdg: '17', benefits: 'ML', year: '2009', sort: 'title' })
    const rows = wrapper!.findAll('[data-testid="engagement-table"] tbody tr')
    expect(rows[0].text()).toContain('Mesure commerciale')
    expect(rows[0].text()).toContain('Pays les moins avancés d’Afrique')
    expect(rows[0].find('[data-testid="engagement-period"]').text()).toBe('depuis avril 2000')
    expect(rows[1].find('[data-testid="engagement-period"]').text()).toBe('2003')
    expect(wrapper!.find('[data-testid="new-engagement"]').exists()).toBe(true)

    await choose('filter-kind', 'VSelect', 'presidency')
    await settle()
    expect(paramsOf(listCalls(calls).at(-1)!).get('kind')).toBe('presidency')
    await wrapper!.find('[data-testid="export"]').trigger('click')
    await until(() => !!document.querySelector('[data-testid="export-csv"]'))
    const csv = new URL(document.querySelector('[data-testid="export-csv"]')!.getAttribute('href')!, 'http://localhost')
    expect(csv.pathname).toBe('/api/v1/engagements/export')
    expect(csv.searchParams.get('kind')).toBe('presidency')
    expect(csv.searchParams.get('benefits')).toBe('ML')
  })
})

describe('EngagementFormView', () => {
  it('checks before sending, sends the amount as a string and the notifications whole, and shows a server error at its row', async () => {
    const { calls } = mockFetch({
      ...reference,
      'POST /api/v1/engagements': () =>
        problem(422, 'validation_failed', {
          errors: [{ field: 'notifications[0].notified_on', code: 'before_engagement_start', message: 'Cette date précède le début de l’engagement.' }],
        }),
    })
    ;({ wrapper } = await mountRoute('/engagements/new', 8))
    await until(() => wrapper!.find('[data-testid="field-title_fr"] input').exists())
    await wrapper!.find('[data-testid="field-starts_on"] input').setValue('2003-13')
    await wrapper!.find('form').trigger('submit')
    await settle()
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
    expect(wrapper!.find('[data-testid="field-kind"]').text()).toContain('Ce champ est obligatoire.')
    expect(wrapper!.find('[data-testid="field-title_fr"]').text()).toContain('Donnez au moins un titre')
    expect(wrapper!.find('[data-testid="field-starts_on"]').text()).toContain('AAAA, AAAA-MM ou AAAA-MM-JJ')

    const picker = wrapper!.findAllComponents({ name: 'OrganisationPicker' })[0]
    await picker.vm.$emit('update:modelValue', 12)
    await choose('field-kind', 'VSelect', 'trade_measure')
    await wrapper!.find('[data-testid="field-title_fr"] input').setValue('Accès en franchise de droits')
    await wrapper!.find('[data-testid="field-starts_on"] input').setValue('2000-04')
    await wrapper!.find('[data-testid="field-renewed_on"] input').setValue('2009')
    await choose('field-beneficiary_groups', 'VAutocomplete', ['african_ldcs'])
    await choose('field-sdgs', 'VAutocomplete', [17])
    await wrapper!.find('[data-testid="field-amount"] input').setValue('1500000.50')
    await wrapper!.find('[data-testid="field-currency"] input').setValue('usd')
    await wrapper!.find('[data-testid="add-notification"]').trigger('click')
    await settle()
    await wrapper!.findAllComponents({ name: 'OrganisationPicker' })[1].vm.$emit('update:modelValue', 12)
    await wrapper!.find('[data-testid="notification-0"] input[maxlength="10"]').setValue('1999')
    await wrapper!.find('form').trigger('submit')
    await until(() => calls.some((call) => call.method === 'POST'))
    const body = calls.find((call) => call.method === 'POST')!.body as Record<string, unknown>
    expect(body).toMatchObject({
      organisation_id: 12,
      kind: 'trade_measure',
      title_fr: 'Accès en franchise de droits',
      starts_on: '2000-04',
      renewed_on: '2009',
      beneficiary_groups: ['african_ldcs'],
      sdgs: [17],
      amount: '1500000.50',
      currency: 'USD',
      notifications: [{ organisation_id: 12, notified_on: '1999', reference: null, note: null }],
    })
    await until(() => wrapper!.find('[data-testid="notification-0"]').text().includes('Cette date précède le début'))
  })

  it('maps server paths to the inputs that show them', () => {
    expect(engagementErrorKey('notifications.1.notified_on')).toBe('notifications.1.notified_on')
    expect(engagementErrorKey('notifications.1.organisation_id')).toBe('notifications.1')
    expect(engagementErrorKey('beneficiary_countries.3')).toBe('beneficiary_countries')
    expect(engagementErrorKey('sdgs.0')).toBe('sdgs')
    expect(engagementErrorKey('colour')).toBeNull()
  })
})

describe('EngagementDetailView', () => {
  it('shows the organisation, dates as known, goals, the countries covered and the notifications; no edit for a viewer', async () => {
    signIn('viewer', 3)
    mockFetch({ ...reference, 'GET /api/v1/engagements/7': () => json(200, engagement(), { etag: '"2"' }) })
    ;({ wrapper } = await mountRoute('/engagements/7', 8))
    await until(() => wrapper!.find('[data-testid="engagement-organisation"]').exists())
    expect(wrapper!.find('[data-testid="engagement-organisation"]').text()).toBe('Organisation mondiale du commerce')
    expect(wrapper!.find('[data-testid="engagement-starts_on"]').text()).toContain('avril 2000')
    expect(wrapper!.find('[data-testid="engagement-renewed_on"]').text()).toContain('2009')
    expect(wrapper!.find('[data-testid="engagement-sdgs"]').text()).toContain('ODD 17')
    expect(wrapper!.find('[data-testid="engagement-groups"]').text()).toContain('Pays les moins avancés d’Afrique')
    expect(wrapper!.find('[data-testid="engagement-covered"]').text()).toContain('2 pays')
    expect(wrapper!.find('[data-covered="ML"]').text()).toContain('Mali')
    expect(wrapper!.find('[data-testid="engagement-notifications"]').text()).toContain('WT/COMTD/N/1')
    expect(wrapper!.find('[data-testid="engagement-amount"]').text()).toMatch(/1\s?500\s?000,50\sUSD/)
    expect(wrapper!.find('[data-testid="edit"]').exists()).toBe(false)
  })
})
