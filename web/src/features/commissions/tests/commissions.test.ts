// The joint commissions screens: the sessions list and its filters (and export), the session page
// (rate overall and by domain, overdue decisions highlighted, linked records), the status change
// with its comment and If-Match, and the small rules of form.ts.
// The first test of a file pays for compiling the lazy screens: on a busy machine that takes seconds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { CommissionDecision, JointCommission } from '@/api/types'
import { clearCountryCache } from '@/composables/countries'
import { clearReferenceListCache } from '@/composables/referenceLists'
import { checkDecision, checkSession, decisionErrorKey, emptyDecisionForm, emptySessionForm, rateText, sessionErrorKey, sessionLabel } from '@/features/commissions/form'
import { flush, json, mockFetch, mountRoute, signIn, until, type Recorded } from '../../../../tests/helpers'
import { page } from '../../../../tests/fixtures'

const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams
const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}
const t = (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key)

function decision(overrides: Partial<CommissionDecision> = {}): CommissionDecision {
  return {
    id: 71,
    session_id: 9,
    country: 'SN',
    session_number: 7,
    session_start_on: '2024-05-13',
    text: 'Former vingt sages-femmes sénégalaises',
    text_fr: 'Former vingt sages-femmes sénégalaises',
    text_ar: null,
    text_en: null,
    domain: 'health',
    responsible_organisation_id: 40,
    responsible_organisation_name: 'Ministère de la Santé',
    partner_organisation_id: null,
    partner_organisation_name: null,
    partner_institution: 'Ministère de la Santé du Sénégal',
    due_on: '2024-12-31',
    status: 'in_progress',
    overdue: true,
    programme_ids: [],
    action_ids: [501],
    request_ids: [],
    programmes: [],
    actions: [{ id: 501, title: 'Formation des sages-femmes 2025', reference: '2025-02-03', status: 'planned' }],
    requests: [],
    history: [{ from_status: null, to_status: 'planned', changed_on: '2024-05-15', changed_at: '2024-05-15T10:00:00Z', username: 'officer', comment: null }],
    version: 2,
    created_at: '2024-05-15T10:00:00Z',
    updated_at: '2024-06-15T10:00:00Z',
    ...overrides,
  }
}

function session(overrides: Partial<JointCommission> = {}): JointCommission {
  return {
    id: 9,
    country: 'SN',
    country_name: 'Sénégal',
    partner_organisation_id: null,
    partner_organisation_name: null,
    number: 7,
    city: 'Dakar',
    host_country: 'SN',
    start_on: '2024-05-13',
    end_on: '2024-05-15',
    moroccan_chair_name: 'Nasser Bourita',
    moroccan_chair_title: 'Ministre des Affaires étrangères',
    partner_chair_name: 'Yassine Fall',
    partner_chair_title: 'Ministre',
    summary_fr: 'Revue de la coopération.',
    summary_ar: null,
    summary_en: null,
    agreement_ids: [12],
    decision_count: 2,
    done_count: 1,
    dropped_count: 0,
    overdue_count: 1,
    implementation_rate: 50,
    agreements: [{ id: 12, title: 'Accord-cadre Maroc–Sénégal', reference: 'AC-SN-1', status: 'in_force' }],
    decisions: [decision(), decision({ id: 72, text: 'Échanger des enseignants', text_fr: 'Échanger des enseignants', status: 'done', overdue: false, domain: 'education', actions: [], action_ids: [] })],
    by_domain: [
      { domain: 'education', name: 'Enseignement', decisions: 1, done: 1, implementation_rate: 100 },
      { domain: 'health', name: 'Santé', decisions: 1, done: 0, implementation_rate: 0 },
    ],
    version: 1,
    created_at: '2024-05-15T10:00:00Z',
    updated_at: '2024-05-15T10:00:00Z',
    ...overrides,
  }
}

const reference = {
  'GET /api/v1/action-types': () => json(200, page([])),
  'GET /api/v1/cooperation-domains': () => json(200, page([{ code: 'health', name: 'Santé', names: { fr: '', ar: '', en: '' }, sectors: [] }])),
  'GET /api/v1/countries': () => json(200, page([{ code: 'SN', name: 'Sénégal', names: { fr: 'Sénégal', ar: '', en: '' } }])),
}

let wrapper: VueWrapper | null = null

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

describe('commissions form rules', () => {
  it('words the session ordinal and the rate per language', () => {
    expect(sessionLabel(1, 'fr', (_key, params) => `${params?.ordinal} session`)).toBe('1re session')
    expect(sessionLabel(7, 'fr', (_key, params) => `${params?.ordinal} session`)).toBe('7e session')
    expect(sessionLabel(2, 'en', (_key, params) => `${params?.ordinal} session`)).toBe('2nd session')
    expect(sessionLabel(12, 'en', (_key, params) => `${params?.ordinal} session`)).toBe('12th session')
    expect(rateText(50, 'fr')).toBe('50 %')
    expect(rateText(12.5, 'en')).toBe('12.5%')
    expect(rateText(null, 'fr')).toBe('—')
  })
  it('checks what the server would refuse and places link errors at their pickers', () => {
    expect(Object.keys(checkSession(emptySessionForm(), t))).toEqual(['country', 'number', 'start_on'])
    expect(checkSession({ ...emptySessionForm(), country: 'SN', number: '0', start_on: '2024-05-13', end_on: '2024-05-12' }, t)).toMatchObject({
      number: ['commissions.numberRange'],
      end_on: ['commissions.endBeforeStart'],
    })
    expect(Object.keys(checkDecision({ ...emptyDecisionForm(), due_on: '2024-01-01' }, '2024-05-13', t))).toEqual(['text_fr', 'domain', 'responsible_organisation_id', 'due_on'])
    expect(decisionErrorKey('action_ids.1')).toBe('action_ids')
    expect(decisionErrorKey('due_on')).toBe('due_on')
    expect(sessionErrorKey('agreement_ids.0')).toBe('agreement_ids')
    expect(sessionErrorKey('colour')).toBeNull()
  })
})

describe('CommissionListView', () => {
  it('sends the URL filters, shows the rate and the overdue count, and exports with the same criteria', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/joint-commissions': () => json(200, page([session(), session({ id: 10, number: 1, overdue_count: 0, implementation_rate: null, decision_count: 0 })], 2)),
    })
    ;({ wrapper } = await mountRoute('/joint-commissions?country=SN&year=2024&overdue=true', 8))
    await until(() => wrapper!.find('[data-testid="joint-commission-table"] tbody tr a').exists())
    const params = paramsOf(calls.filter((call) => call.url.startsWith('/api/v1/joint-commissions?'))[0])
    expect(params.get('country')).toBe('SN')
    expect(params.get('year')).toBe('2024')
    expect(params.get('overdue')).toBe('true')
    expect(params.get('sort')).toBe('-start_on')
    const rows = wrapper!.findAll('[data-testid="joint-commission-table"] tbody tr')
    expect(rows[0].text()).toContain('Sénégal')
    expect(rows[0].text()).toContain('7e session')
    expect(rows[0].text()).toContain('50 %')
    expect(rows[0].find('[data-testid="overdue-count"]').text()).toContain('1')
    expect(rows[1].text()).toContain('1re session')
    expect(rows[1].find('[data-testid="overdue-count"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="new-joint-commission"]').exists()).toBe(true)
    await wrapper!.find('[data-testid="export"]').trigger('click')
    await until(() => !!document.querySelector('[data-testid="export-csv"]'))
    const csv = new URL(document.querySelector('[data-testid="export-csv"]')!.getAttribute('href')!, 'http://localhost')
    expect(csv.pathname).toBe('/api/v1/joint-commissions/export')
    expect(Object.fromEntries(csv.searchParams)).toMatchObject({ country: 'SN', year: '2024', overdue: 'true', format: 'csv' })
  })

  it('shows no create button to a viewer', async () => {
    signIn('viewer', 3)
    mockFetch({ ...reference, 'GET /api/v1/joint-commissions': () => json(200, page([])) })
    ;({ wrapper } = await mountRoute('/joint-commissions', 8))
    await until(() => wrapper!.find('[data-testid="empty"]').exists())
    expect(wrapper!.find('[data-testid="new-joint-commission"]').exists()).toBe(false)
  })
})

describe('CommissionDetailView', () => {
  it('shows the rate by domain, the overdue decision, what implements it, and moves a status with a comment and If-Match', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/joint-commissions/9': [() => json(200, session(), { ETag: '"1"' }), () => json(200, session({ done_count: 2, implementation_rate: 100, overdue_count: 0 }), { ETag: '"1"' })],
      'GET /api/v1/commission-decisions/71': () => json(200, decision(), { ETag: '"2"' }),
      'POST /api/v1/commission-decisions/71/status': () => json(200, decision({ status: 'done', overdue: false, version: 3 }), { ETag: '"3"' }),
    })
    ;({ wrapper } = await mountRoute('/joint-commissions/9', 8))
    await until(() => wrapper!.find('[data-testid="implementation-rate"]').exists())
    expect(wrapper!.find('[data-testid="implementation-rate"]').text()).toBe('50 %')
    expect(wrapper!.find('[data-testid="session-number"]').text()).toContain('7e session')
    expect(wrapper!.find('[data-testid="moroccan-chair"]').text()).toContain('Nasser Bourita')
    expect(wrapper!.find('[data-testid="overdue-alert"]').text()).toContain('1')
    expect(wrapper!.find('[data-testid="rate-by-domain"]').text()).toContain('100 %')
    expect(wrapper!.find('[data-testid="agreements-reviewed"]').text()).toContain('Accord-cadre Maroc–Sénégal')
    const late = wrapper!.find('[data-testid="decision-71"]')
    expect(late.find('[data-testid="decision-overdue"]').exists()).toBe(true)
    expect(late.find('[data-testid="decision-status"]').text()).toBe('En cours')
    expect(late.find('[data-testid="decision-links"] a').attributes('href')).toBe('/actions/501')
    expect(wrapper!.find('[data-testid="decision-72"] [data-testid="decision-overdue"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="add-decision"]').exists()).toBe(true)

    await late.find('[data-testid="move-71"]').trigger('click')
    await until(() => !!document.querySelector('[data-testid="status-history"] tr'))
    const dialog = wrapper!.findAllComponents({ name: 'VSelect' }).find((select) => select.attributes('data-testid') === 'field-new-status')!
    expect((dialog.props('items') as { value: string }[]).map((item) => item.value)).toEqual(['planned', 'done', 'dropped'])
    await dialog.setValue('done')
    const comment = wrapper!.findAllComponents({ name: 'VTextarea' }).find((area) => area.attributes('data-testid') === 'field-comment')!
    await comment.setValue('Première promotion diplômée')
    ;(document.querySelector('[data-testid="save-status"]') as HTMLElement).click()
    await until(() => calls.some((call) => call.method === 'POST'))
    await settle()
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.headers['If-Match']).toBe('"2"')
    expect(post.body).toEqual({ status: 'done', comment: 'Première promotion diplômée', changed_on: null })
    await until(() => wrapper!.find('[data-testid="implementation-rate"]').text() === '100 %')
    expect(wrapper!.find('[data-testid="implementation-rate"]').text()).toBe('100 %')
  })

  it('offers a viewer neither decisions to add nor statuses to move', async () => {
    signIn('viewer', 3)
    mockFetch({ ...reference, 'GET /api/v1/joint-commissions/9': () => json(200, session(), { ETag: '"1"' }) })
    ;({ wrapper } = await mountRoute('/joint-commissions/9', 8))
    await until(() => wrapper!.find('[data-testid="decision-table"]').exists())
    expect(wrapper!.find('[data-testid="add-decision"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="move-71"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="edit"]').exists()).toBe(false)
  })
})
