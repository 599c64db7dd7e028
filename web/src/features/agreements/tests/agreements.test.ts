// The agreements screens: the list and its filters (and export), the form's body (parties whole,
// amounts as strings) and a party's server error at its row, the life cycle in the status select,
// and the detail page as an officer and as a viewer.
// The first test of a file pays for compiling the lazy screens: on a busy machine that takes seconds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import type { Agreement, Document } from '@/api/types'
import { clearCountryCache } from '@/composables/countries'
import { clearReferenceListCache } from '@/composables/referenceLists'
import { agreementErrorKey, statusChoices } from '@/features/agreements/form'
import { addDays, expiresSoon, todayIso } from '@/features/agreements/dates'
import { formatAmount } from '@/composables/amounts'
import { flush, json, mockFetch, mountRoute, problem, signIn, until, type Recorded } from '../../../../tests/helpers'
import { page } from '../../../../tests/fixtures'

const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams
const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}
const listCalls = (calls: Recorded[]) => calls.filter((call) => call.method === 'GET' && call.url.startsWith('/api/v1/agreements?'))

function agreement(overrides: Partial<Agreement> = {}): Agreement {
  return {
    id: 31,
    kind: 'triangular',
    modality: 'triangular',
    status: 'in_force',
    next_statuses: ['suspended', 'expired', 'terminated'],
    title: 'Accord triangulaire Maroc–Sénégal–JICA',
    title_fr: 'Accord triangulaire Maroc–Sénégal–JICA',
    title_ar: 'اتفاقية ثلاثية المغرب–السنغال–جايكا',
    title_en: null,
    summary_fr: 'Formation de sages-femmes sénégalaises au Maroc.',
    summary_ar: null,
    summary_en: null,
    reference: 'AMCI-2024-017',
    signature_place: 'Dakar',
    signed_on: '2024-03-12',
    in_force_on: '2024-04-01',
    expires_on: '2029-03-31',
    renewal: 'none',
    renewal_months: null,
    notice_days: null,
    notice_on: null,
    parent_agreement_id: 12,
    parent_relation: 'amends',
    domains: ['health'],
    sectors: ['12220'],
    countries: ['MA', 'SN'],
    parties: [
      { country: 'MA', organisation_id: null, name: 'Maroc', roles: ['signatory', 'implementer'], amount: '500000.00', currency: 'MAD', in_kind: 'Vingt places de formation', in_kind_value: '300000.00', funding_share: 25 },
      { country: 'SN', organisation_id: null, name: 'Sénégal', roles: ['signatory', 'beneficiary'], amount: null, currency: null, in_kind: null, in_kind_value: null, funding_share: null },
      { country: null, organisation_id: 40, name: 'Agence japonaise de coopération internationale', roles: ['funder'], amount: '1500000.00', currency: 'MAD', in_kind: null, in_kind_value: null, funding_share: 75 },
    ],
    parent: { id: 12, relation: 'amends', reference: 'AMCI-2019-004', title: 'Accord-cadre Maroc–Sénégal', status: 'in_force' },
    amended_or_replaced_by: [{ id: 40, relation: 'replaces', reference: null, title: 'Avenant 2026', status: 'draft' }],
    version: 3,
    created_at: '2024-03-12T10:00:00Z',
    updated_at: '2026-11-30T10:00:00Z',
    ...overrides,
  }
}

const reference = {
  'GET /api/v1/action-types': () => json(200, page([])),
  'GET /api/v1/cooperation-domains': () => json(200, page([{ code: 'health', name: 'Santé', names: { fr: '', ar: '', en: '' }, sectors: [] }])),
  'GET /api/v1/countries': () =>
    json(
      200,
      page([
        { code: 'MA', name: 'Maroc', names: { fr: 'Maroc', ar: '', en: '' } },
        { code: 'SN', name: 'Sénégal', names: { fr: 'Sénégal', ar: '', en: '' } },
      ]),
    ),
  'GET /api/v1/organisations': () => json(200, page([])),
  'GET /api/v1/organisations/40': () => json(200, { id: 40, name: 'Agence japonaise de coopération internationale' }),
}

let wrapper: VueWrapper | null = null
let router: Router

/** Sets the value of the select or autocomplete carrying this test id, as picking an option does. */
async function choose(testId: string, component: 'VSelect' | 'VAutocomplete', value: unknown) {
  const input = wrapper!.findAllComponents({ name: component }).find((candidate) => candidate.attributes('data-testid') === testId)
  expect(input, testId).toBeDefined()
  await input!.setValue(value)
}

/** The titles a select offers, read from the component's items. */
function offered(testId: string): string[] {
  const select = wrapper!.findAllComponents({ name: 'VSelect' }).find((candidate) => candidate.attributes('data-testid') === testId)
  expect(select, testId).toBeDefined()
  return (select!.props('items') as { value: string }[]).map((item) => item.value)
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

describe('AgreementListView', () => {
  it('sends the URL filters and sort, shows the columns, highlights a near expiry, and sends a new filter from page 1', async () => {
    const soon = addDays(todayIso(), 30)
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/agreements': () => json(200, page([agreement({ expires_on: soon }), agreement({ id: 32, title: 'Mémorandum santé', reference: null, status: 'draft', kind: 'memorandum' })], 27)),
    })
    ;({ wrapper, router } = await mountRoute('/agreements?country=SN&kind=triangular&status=in_force&domain=health&signed_year=2024&expiring_within=90&sort=-expires_on&page=2&modality=bogus', 8))
    await until(() => wrapper!.find('[data-testid="agreement-table"] tbody tr a').exists())
    const params = paramsOf(listCalls(calls)[0])
    expect(params.get('country')).toBe('SN')
    expect(params.get('kind')).toBe('triangular')
    expect(params.get('status')).toBe('in_force')
    expect(params.get('domain')).toBe('health')
    expect(params.get('signed_year')).toBe('2024')
    expect(params.get('expiring_within')).toBe('90')
    expect(params.get('sort')).toBe('-expires_on')
    expect(params.get('offset')).toBe('25')
    // A value the API would refuse is dropped.
    expect(params.has('modality')).toBe(false)

    const rows = wrapper!.findAll('[data-testid="agreement-table"] tbody tr')
    const first = rows[0].text()
    expect(first).toContain('AMCI-2024-017')
    expect(first).toContain('Accord triangulaire Maroc–Sénégal–JICA')
    expect(first).toContain('Accord triangulaire')
    expect(first).toContain('Maroc')
    expect(first).toContain('Sénégal')
    expect(rows[0].find('[data-testid="agreement-status"]').text()).toBe('En vigueur')
    expect(rows[0].find('[data-testid="expires-soon"]').exists()).toBe(true)
    expect(rows[1].find('[data-testid="agreement-status"]').text()).toBe('Projet')
    expect(rows[1].find('[data-testid="expires-soon"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="total"]').text()).toContain('27')
    expect(wrapper!.find('[data-testid="new-agreement"]').exists()).toBe(true)

    await choose('filter-expiring_within', 'VSelect', '30')
    await settle()
    const latest = paramsOf(listCalls(calls).at(-1)!)
    expect(latest.get('expiring_within')).toBe('30')
    expect(latest.get('offset')).toBe('0')
    expect(router.currentRoute.value.query).toMatchObject({ country: 'SN', expiring_within: '30', sort: '-expires_on' })

    // The export takes the same criteria, without paging.
    await wrapper!.find('[data-testid="export"]').trigger('click')
    await until(() => !!document.querySelector('[data-testid="export-csv"]'))
    const csv = new URL(document.querySelector('[data-testid="export-csv"]')!.getAttribute('href')!, 'http://localhost')
    expect(csv.pathname).toBe('/api/v1/agreements/export')
    expect(Object.fromEntries(csv.searchParams)).toEqual({
      country: 'SN',
      kind: 'triangular',
      status: 'in_force',
      domain: 'health',
      signed_year: '2024',
      expiring_within: '30',
      sort: '-expires_on',
      format: 'csv',
    })
  })

  it('shows no create button to a viewer', async () => {
    signIn('viewer', 3)
    mockFetch({ ...reference, 'GET /api/v1/agreements': () => json(200, page([])) })
    ;({ wrapper } = await mountRoute('/agreements', 8))
    await until(() => wrapper!.find('[data-testid="empty"]').exists())
    expect(wrapper!.find('[data-testid="empty"]').text()).toContain('Aucun accord enregistré.')
    expect(wrapper!.find('[data-testid="new-agreement"]').exists()).toBe(false)
  })
})

describe('AgreementFormView', () => {
  it('creates an agreement with three parties (amounts as strings), then shows a server error at the party row it names', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/agreements': () => json(200, page([])),
      'POST /api/v1/agreements': () =>
        problem(422, 'validation_failed', {
          errors: [{ field: 'parties[2].amount', code: 'too_many_decimals', message: 'Trop de décimales pour cette devise (au plus 2).' }],
        }),
    })
    ;({ wrapper } = await mountRoute('/agreements/new', 8))
    await until(() => wrapper!.find('[data-testid="field-title_fr"] input').exists())
    // Required before anything is sent.
    await wrapper!.find('form').trigger('submit')
    await settle()
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
    expect(wrapper!.find('[data-testid="field-kind"]').text()).toContain('Ce champ est obligatoire.')
    expect(wrapper!.find('[data-testid="field-title_fr"]').text()).toContain('Donnez au moins un titre')

    await choose('field-kind', 'VSelect', 'triangular')
    await choose('field-modality', 'VSelect', 'triangular')
    await choose('field-status', 'VSelect', 'signed')
    await wrapper!.find('[data-testid="field-title_fr"] input').setValue('Accord triangulaire Maroc–Sénégal–JICA')
    await wrapper!.find('[data-testid="field-reference"] input').setValue('AMCI-2024-017')
    await wrapper!.find('[data-testid="field-signed_on"] input').setValue('2024-03-12')
    // The tacit renewal's fields show only for a tacit renewal.
    expect(wrapper!.find('[data-testid="field-renewal_months"]').exists()).toBe(false)
    await choose('field-renewal', 'VSelect', 'tacit')
    await settle()
    expect(wrapper!.find('[data-testid="field-renewal_months"]').exists()).toBe(true)
    await choose('field-renewal', 'VSelect', 'none')
    await settle()
    expect(wrapper!.find('[data-testid="field-renewal_months"]').exists()).toBe(false)

    for (let i = 0; i < 3; i++) await wrapper!.find('[data-testid="add-party"]').trigger('click')
    await settle()
    await choose('field-parties.0.country', 'VAutocomplete', 'MA')
    await choose('field-parties.0.roles', 'VSelect', ['signatory', 'implementer'])
    await wrapper!.find('[data-testid="field-parties.0.in_kind"] input').setValue('Vingt places de formation')
    await wrapper!.find('[data-testid="field-parties.0.in_kind_value"] input').setValue('300000')
    await wrapper!.find('[data-testid="field-parties.0.currency"] input').setValue('mad')
    await choose('field-parties.1.country', 'VAutocomplete', 'SN')
    await choose('field-parties.1.roles', 'VSelect', ['beneficiary'])
    await choose('field-parties.2.type', 'VSelect', 'organisation')
    await settle()
    await choose('field-parties.2.organisation_id', 'VAutocomplete', 40)
    await choose('field-parties.2.roles', 'VSelect', ['funder'])
    await wrapper!.find('[data-testid="field-parties.2.amount"] input').setValue('1500000.505')
    await wrapper!.find('[data-testid="field-parties.2.currency"] input').setValue('eur')
    await choose('field-domains', 'VAutocomplete', ['health'])
    await wrapper!.find('form').trigger('submit')
    await settle()

    const post = calls.find((call) => call.method === 'POST')!
    expect(post.body).toEqual({
      kind: 'triangular',
      modality: 'triangular',
      status: 'signed',
      title_fr: 'Accord triangulaire Maroc–Sénégal–JICA',
      reference: 'AMCI-2024-017',
      signed_on: '2024-03-12',
      renewal: 'none',
      domains: ['health'],
      parties: [
        { country: 'MA', roles: ['signatory', 'implementer'], currency: 'MAD', in_kind: 'Vingt places de formation', in_kind_value: '300000' },
        { country: 'SN', roles: ['beneficiary'] },
        { organisation_id: 40, roles: ['funder'], amount: '1500000.505', currency: 'EUR' },
      ],
    })
    await until(() => wrapper!.find('[data-testid="field-parties.2.amount"]').text().includes('Trop de décimales'))
    expect(wrapper!.find('[data-testid="field-parties.2.amount"]').text()).toContain('Trop de décimales pour cette devise (au plus 2).')
    expect(wrapper!.find('[data-testid="field-parties.0.amount"]').text()).not.toContain('Trop de décimales')
    expect(wrapper!.find('[data-testid="other-errors"]').exists()).toBe(false)

    // Typing in the row settles its error.
    await wrapper!.find('[data-testid="field-parties.2.amount"] input').setValue('1500000.50')
    await flush()
    expect(wrapper!.find('[data-testid="field-parties.2.amount"]').text()).not.toContain('Trop de décimales')
  })

  it('offers only the moves of the life cycle, sends the parties whole with If-Match, and opens the conflict dialog on 412', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/agreements': () => json(200, page([])),
      'GET /api/v1/agreements/31': [() => json(200, agreement(), { ETag: '"3"' }), () => json(200, agreement({ status: 'suspended', version: 4 }), { ETag: '"4"' })],
      'PATCH /api/v1/agreements/31': () => problem(412, 'precondition_failed'),
    })
    ;({ wrapper } = await mountRoute('/agreements/31/edit', 8))
    await until(() => (wrapper!.find('[data-testid="field-title_fr"] input').element as HTMLInputElement | undefined)?.value === 'Accord triangulaire Maroc–Sénégal–JICA')
    expect(offered('field-status')).toEqual(['in_force', 'suspended', 'expired', 'terminated'])
    expect((wrapper!.find('[data-testid="field-parties.0.amount"] input').element as HTMLInputElement).value).toBe('500000.00')

    await choose('field-status', 'VSelect', 'terminated')
    await wrapper!.find('[data-testid="field-parties.1.amount"] input').setValue('20000')
    await wrapper!.find('[data-testid="field-parties.1.currency"] input').setValue('xof')
    await wrapper!.find('form').trigger('submit')
    await settle()
    const patch = calls.find((call) => call.method === 'PATCH')!
    expect(patch.headers['If-Match']).toBe('"3"')
    expect(patch.body).toEqual({
      status: 'terminated',
      parties: [
        { country: 'MA', roles: ['signatory', 'implementer'], amount: '500000.00', currency: 'MAD', in_kind: 'Vingt places de formation', in_kind_value: '300000.00' },
        { country: 'SN', roles: ['signatory', 'beneficiary'], amount: '20000', currency: 'XOF' },
        { organisation_id: 40, roles: ['funder'], amount: '1500000.00', currency: 'MAD' },
      ],
    })
    await until(() => !!document.querySelector('[data-testid="conflict-row-status"]'))
    const row = document.querySelector('[data-testid="conflict-row-status"]')!.textContent!
    expect(row).toContain('Résilié')
    expect(row).toContain('Suspendu')
  })

  it('knows the life cycle, where a server path is shown, what expires soon and how an amount reads', () => {
    expect(statusChoices(null)).toHaveLength(7)
    expect(statusChoices({ status: 'draft', next_statuses: ['negotiated'] })).toEqual(['draft', 'negotiated'])
    expect(statusChoices({ status: 'suspended', next_statuses: ['in_force', 'terminated'] })).toEqual(['suspended', 'in_force', 'terminated'])
    expect(statusChoices({ status: 'expired', next_statuses: [] })).toEqual(['expired'])
    expect(agreementErrorKey('parties.2.amount')).toBe('parties.2.amount')
    expect(agreementErrorKey('parties.1')).toBe('parties.1')
    expect(agreementErrorKey('parties.1.country')).toBe('parties.1')
    expect(agreementErrorKey('parties.0.roles.1')).toBe('parties.0.roles')
    expect(agreementErrorKey('parties')).toBe('parties')
    expect(agreementErrorKey('domains.3')).toBe('domains')
    expect(agreementErrorKey('nonsense')).toBeNull()
    expect(expiresSoon({ status: 'in_force', expires_on: '2027-01-15', notice_on: null }, '2026-12-02')).toBe(true)
    expect(expiresSoon({ status: 'in_force', expires_on: '2027-06-15', notice_on: '2027-01-10' }, '2026-12-02')).toBe(true)
    expect(expiresSoon({ status: 'expired', expires_on: '2026-12-20', notice_on: null }, '2026-12-02')).toBe(false)
    // Beyond a double's 15 digits, every digit is kept.
    expect(formatAmount('12345678901234567.25', 'MAD', 'en')).toBe('12,345,678,901,234,567.25 MAD')
    expect(formatAmount('1500', 'XOF', 'en')).toBe('1,500 XOF')
    expect(formatAmount(null, 'MAD', 'en')).toBe('')
  })
})

const signedCopy: Document = {
  id: 77,
  owner_kind: 'agreement',
  owner_id: 31,
  kind: 'signed_copy',
  title: 'Accord signé',
  file_name: 'accord.pdf',
  media_type: 'application/pdf',
  size_bytes: 1024,
  sha256: 'c'.repeat(64),
  audience: 'staff',
  uploaded_by: 2,
  uploaded_by_name: 'officer',
  created_at: '2027-01-10T10:00:00Z',
}

describe('AgreementDetailView', () => {
  it('shows the parties with the funder’s share, the chain both ways, and the edit button to an officer', async () => {
    mockFetch({
      ...reference,
      'GET /api/v1/agreements/31': () => json(200, agreement(), { ETag: '"3"' }),
      'GET /api/v1/agreements/31/documents': () => json(200, { items: [signedCopy], total: 1 }),
    })
    ;({ wrapper } = await mountRoute('/agreements/31', 8))
    await until(() => wrapper!.find('[data-testid="agreement-parties"]').exists())
    expect(wrapper!.find('h1').text()).toBe('Accord triangulaire Maroc–Sénégal–JICA')
    expect(wrapper!.find('[data-testid="agreement-reference"]').text()).toBe('AMCI-2024-017')
    // Its documents, from the documents area's component.
    await until(() => wrapper!.find('[data-testid="document-77"]').exists())
    expect(wrapper!.find('[data-testid="document-77"]').text()).toContain('Copie signée')
    expect(wrapper!.find('[data-testid="document-download-77"]').attributes('href')).toBe('/api/v1/record-documents/77')
    expect(wrapper!.find('[data-testid="document-add"]').exists()).toBe(true)
    const funder = wrapper!.find('[data-testid="party-2"]').text()
    expect(funder).toContain('Agence japonaise de coopération internationale')
    expect(funder).toContain('Bailleur')
    // Grouped in the interface language, every digit kept (no double on the way).
    expect(wrapper!.find('[data-testid="party-2"] [data-testid="party-amount"]').text().replace(/\s/g, ' ')).toBe('1 500 000,00 MAD')
    expect(wrapper!.find('[data-testid="party-2"] [data-testid="party-share"]').text()).toBe('75 %')
    expect(wrapper!.find('[data-testid="party-0"]').text()).toContain('Vingt places de formation')
    expect(wrapper!.find('[data-testid="agreement-parent"]').text()).toContain('Modifie')
    expect(wrapper!.find('[data-testid="agreement-parent"] a').attributes('href')).toBe('/agreements/12')
    expect(wrapper!.find('[data-testid="agreement-children"]').text()).toContain('Remplacé par')
    expect(wrapper!.find('[data-testid="agreement-children"] a').attributes('href')).toBe('/agreements/40')
    expect(wrapper!.find('[data-testid="agreement-status"]').text()).toBe('En vigueur')
    expect(wrapper!.find('[data-testid="edit"]').exists()).toBe(true)
  })

  it('hides the edit button from a viewer, who reads the agreement', async () => {
    signIn('viewer', 3)
    mockFetch({ ...reference, 'GET /api/v1/agreements/31': () => json(200, agreement(), { ETag: '"3"' }) })
    ;({ wrapper } = await mountRoute('/agreements/31', 8))
    await until(() => wrapper!.find('[data-testid="agreement-parties"]').exists())
    expect(wrapper!.find('h1').text()).toBe('Accord triangulaire Maroc–Sénégal–JICA')
    expect(wrapper!.find('[data-testid="edit"]').exists()).toBe(false)
  })

  it('lets finance enter the parties’ contributions only: one row per party, the server’s error at its row, then the saved figures', async () => {
    signIn('finance', 4)
    const saved = agreement({
      version: 4,
      parties: agreement().parties!.map((party, index) => (index === 1 ? { ...party, amount: '20000', currency: 'XOF' } : party)),
    })
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/agreements/31': () => json(200, agreement(), { ETag: '"3"' }),
      'PUT /api/v1/agreements/31/contributions': [
        () => problem(422, 'validation_failed', { errors: [{ field: 'parties[1].amount', code: 'too_many_decimals' }] }),
        () => json(200, saved, { ETag: '"4"' }),
      ],
    })
    ;({ wrapper } = await mountRoute('/agreements/31', 8))
    await until(() => wrapper!.find('[data-testid="edit-contributions"]').exists())
    expect(wrapper!.find('[data-testid="edit"]').exists()).toBe(false)
    await wrapper!.find('[data-testid="edit-contributions"]').trigger('click')
    await until(() => document.querySelectorAll('[data-testid^="contribution-"] [data-testid="contribution-amount"] input').length === 3)
    const amounts = () => document.querySelectorAll<HTMLInputElement>('[data-testid="contribution-amount"] input')
    expect(amounts()[0].value).toBe('500000.00')
    const second = amounts()[1]
    second.value = '20000,555'
    second.dispatchEvent(new Event('input'))
    const currency = document.querySelectorAll<HTMLInputElement>('[data-testid="contribution-currency"] input')[1]
    currency.value = 'xof'
    currency.dispatchEvent(new Event('input'))
    await settle()
    ;(document.querySelector('[data-testid="save-contributions"]') as HTMLElement).click()
    await settle()
    const first = calls.filter((call) => call.method === 'PUT')[0]
    expect(first.headers['If-Match']).toBe('"3"')
    expect(first.body).toEqual({
      parties: [
        { amount: '500000.00', currency: 'MAD', in_kind_value: '300000.00' },
        { amount: '20000.555', currency: 'XOF', in_kind_value: null },
        { amount: '1500000.00', currency: 'MAD', in_kind_value: null },
      ],
    })
    await until(() => !!document.querySelector('[data-testid="contribution-1"] .v-messages__message'))
    expect(document.querySelector('[data-testid="contribution-0"] .v-messages__message')).toBeNull()

    second.value = '20000'
    second.dispatchEvent(new Event('input'))
    await settle()
    ;(document.querySelector('[data-testid="save-contributions"]') as HTMLElement).click()
    await until(() => wrapper!.find('[data-testid="party-1"] [data-testid="party-amount"]').text().includes('XOF'))
    expect((calls.filter((call) => call.method === 'PUT')[1].body as { parties: unknown[] }).parties[1]).toEqual({ amount: '20000', currency: 'XOF', in_kind_value: null })
  })

  it('sends a host focal point, who reads no agreements, to the forbidden page', async () => {
    signIn('host', 9)
    mockFetch({ ...reference })
    ;({ wrapper, router } = await mountRoute('/agreements/31', 8))
    expect(router.currentRoute.value.name).toBe('forbidden')
  })
})
