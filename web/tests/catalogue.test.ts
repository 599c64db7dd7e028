// The catalogue and demand screens: programmes, offers, requests (lists, details, forms, matching).
// The first test of a file pays for compiling the lazy screens: on a busy machine that takes seconds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Router } from 'vue-router'
import { clearCountryCache } from '@/composables/countries'
import { clearReferenceListCache } from '@/composables/referenceLists'
import { session } from '@/session'
import { flush, json, mockFetch, mountRoute, problem, signIn, until, type Recorded } from './helpers'
import { action, cooperationRequest, offer, page, programme } from './fixtures'

const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams
const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}
const listCalls = (calls: Recorded[], path: string) => calls.filter((call) => call.method === 'GET' && call.url.startsWith(`${path}?`))

const reference = {
  'GET /api/v1/action-types': () =>
    json(200, page([{ code: 'short_training', name: 'Formation de courte durée au Maroc', names: { fr: '', ar: '', en: '' }, aid_type: 'E01', aid_type_name: 'Bourses', place: 'morocco' }])),
  'GET /api/v1/cooperation-domains': () => json(200, page([{ code: 'health', name: 'Santé', names: { fr: '', ar: '', en: '' }, sectors: [] }])),
  'GET /api/v1/countries': () => json(200, page([{ code: 'SN', name: 'Sénégal', names: { fr: 'Sénégal', ar: '', en: '' } }])),
  'GET /api/v1/organisations': () => json(200, page([])),
}

let wrapper: VueWrapper | null = null
let router: Router

/** Sets the value of the select or autocomplete carrying this test id, as picking an option does. */
async function choose(testId: string, component: 'VSelect' | 'VAutocomplete', value: string) {
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

describe('ProgrammeListView', () => {
  it('sends the URL filters and sort to the server, shows the rows, and keeps a search in the URL', async () => {
    const { calls } = mockFetch({ ...reference, 'GET /api/v1/programmes': () => json(200, page([programme()], 12)) })
    ;({ wrapper, router } = await mountRoute('/programmes?kind=country_programme&country=SN&year=2027&sort=-start_year&kind2=x', 8))
    const params = paramsOf(listCalls(calls, '/api/v1/programmes')[0])
    expect(params.get('kind')).toBe('country_programme')
    expect(params.get('country')).toBe('SN')
    expect(params.get('year')).toBe('2027')
    expect(params.get('sort')).toBe('-start_year')
    expect(params.get('offset')).toBe('0')
    const row = wrapper!.find('[data-testid="programme-table"] tbody tr').text()
    expect(row).toContain('Programme Maroc–Sénégal 2026')
    expect(row).toContain('Programme pays')
    expect(row).toContain('Sénégal')
    expect(row).toContain('2026 – 2028')
    expect(wrapper!.find('[data-testid="total"]').text()).toContain('12')

    await wrapper!.find('[data-testid="search"] input').setValue('sénégal')
    await new Promise((resolve) => setTimeout(resolve, 450))
    await settle()
    expect(paramsOf(listCalls(calls, '/api/v1/programmes').at(-1)!).get('q')).toBe('sénégal')
    expect(router.currentRoute.value.query).toMatchObject({ q: 'sénégal', kind: 'country_programme', sort: '-start_year' })
  })

  it('shows the empty state with a create button for officers, none for viewers, and the problem on failure', async () => {
    mockFetch({ ...reference, 'GET /api/v1/programmes': () => json(200, page([])) })
    ;({ wrapper } = await mountRoute('/programmes', 8))
    expect(wrapper!.find('[data-testid="empty"]').text()).toContain('Aucun programme enregistré')
    expect(wrapper!.find('[data-testid="new-programme"]').exists()).toBe(true)
    wrapper!.unmount()

    signIn('viewer', 3)
    mockFetch({ ...reference, 'GET /api/v1/programmes': () => problem(503, 'unavailable') })
    ;({ wrapper } = await mountRoute('/programmes', 8))
    expect(wrapper!.find('[data-testid="new-programme"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="problem"]').text()).toContain('detail unavailable')
  })
})

describe('ProgrammeDetailView', () => {
  it('shows the programme and the actions carried out under it', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/programmes/3': () => json(200, programme(), { ETag: '"2"' }),
      'GET /api/v1/actions': () => json(200, page([action({ programme_id: 3 })])),
    })
    ;({ wrapper } = await mountRoute('/programmes/3', 8))
    await until(() => wrapper!.find('[data-testid="programme-actions"] tbody tr a').exists())
    expect(paramsOf(listCalls(calls, '/api/v1/actions')[0]).get('programme_id')).toBe('3')
    expect(wrapper!.find('h1').text()).toBe('Programme Maroc–Sénégal 2026')
    expect(wrapper!.find('[data-testid="programme-country"]').text()).toBe('Sénégal (SN)')
    expect(wrapper!.find('[data-testid="programme-actions"] tbody tr').text()).toContain('Atelier de santé publique')
  })
})

describe('ProgrammeFormView', () => {
  it('says what a country programme lacks before sending, then shows the server field errors at their inputs', async () => {
    const { calls } = mockFetch({
      ...reference,
      'POST /api/v1/programmes': () =>
        problem(422, 'validation_failed', { errors: [{ field: 'agreement_number', code: 'too_long', message: 'Au plus 100 caractères.' }] }),
    })
    ;({ wrapper } = await mountRoute('/programmes/new', 8))
    await wrapper!.find('[data-testid="field-title_fr"] input').setValue('Programme Maroc–Sénégal')
    await wrapper!.find('form').trigger('submit')
    await settle()
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
    expect(wrapper!.find('[data-testid="field-country"]').text()).toContain('Un programme pays a un pays partenaire.')

    await choose('field-kind', 'VSelect', 'joint')
    await wrapper!.find('[data-testid="field-agreement_number"] input').setValue('x'.repeat(101))
    await wrapper!.find('form').trigger('submit')
    await settle()
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.body).toMatchObject({ kind: 'joint', title_fr: 'Programme Maroc–Sénégal', start_year: new Date().getFullYear() })
    expect(post.body).not.toHaveProperty('country')
    expect(wrapper!.find('[data-testid="field-agreement_number"]').text()).toContain('Au plus 100 caractères.')
  })

  it('sends only the changed field with If-Match, and on 412 opens the conflict dialog with both values', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/programmes/3': [
        () => json(200, programme(), { ETag: '"2"' }),
        () => json(200, programme({ end_year: 2030, version: 3 }), { ETag: '"3"' }),
      ],
      'PATCH /api/v1/programmes/3': () => problem(412, 'precondition_failed'),
    })
    ;({ wrapper } = await mountRoute('/programmes/3/edit', 8))
    await until(() => (wrapper!.find('[data-testid="field-end_year"] input').element as HTMLInputElement | undefined)?.value === '2028')
    await wrapper!.find('[data-testid="field-end_year"] input').setValue('2029')
    await wrapper!.find('form').trigger('submit')
    await settle()
    const patch = calls.find((call) => call.method === 'PATCH')!
    expect(patch.headers['If-Match']).toBe('"2"')
    expect(patch.body).toEqual({ end_year: 2029 })
    await until(() => !!document.querySelector('[data-testid="conflict-row-end_year"]'))
    const row = document.querySelector('[data-testid="conflict-row-end_year"]')!.textContent!
    expect(row).toContain('2029')
    expect(row).toContain('2030')
  })
})

describe('OfferListView', () => {
  it('sends host, type, domain and language filters and shows the offers with host and duration', async () => {
    const { calls } = mockFetch({ ...reference, 'GET /api/v1/offers': () => json(200, page([offer(), offer({ id: 12, title: 'Vieille offre', active: false })])) })
    ;({ wrapper } = await mountRoute('/offers?host=40&action_type=short_training&domain=health&language=fr&active=all&sort=-duration', 8))
    const params = paramsOf(listCalls(calls, '/api/v1/offers')[0])
    expect(params.get('host')).toBe('40')
    expect(params.get('action_type')).toBe('short_training')
    expect(params.get('domain')).toBe('health')
    expect(params.get('language')).toBe('fr')
    expect(params.get('active')).toBe('all')
    expect(params.get('sort')).toBe('-duration')
    const rows = wrapper!.findAll('[data-testid="offer-table"] tbody tr')
    expect(rows[0].text()).toContain('Surveillance épidémiologique')
    expect(rows[0].text()).toContain('Institut national d’hygiène')
    expect(rows[0].text()).toContain('14 jours')
    expect(rows[0].find('[data-testid="archived"]').exists()).toBe(false)
    expect(rows[1].find('[data-testid="archived"]').text()).toBe('Archivée')
  })

  it('drops a filter value the API would refuse', async () => {
    const { calls } = mockFetch({ ...reference, 'GET /api/v1/offers': () => json(200, page([])) })
    ;({ wrapper } = await mountRoute('/offers?language=xx&active=maybe', 8))
    const params = paramsOf(listCalls(calls, '/api/v1/offers')[0])
    expect(params.has('language')).toBe(false)
    expect(params.has('active')).toBe(false)
    expect(wrapper!.find('[data-testid="empty"]').text()).toContain('Aucune offre au catalogue.')
  })
})

describe('OfferDetailView', () => {
  it('lets a host focal point manage the offers of their own institution only', async () => {
    signIn('host', 9)
    session.me = { ...session.me!, organisations: [40] }
    mockFetch({ ...reference, 'GET /api/v1/offers/11': () => json(200, offer(), { ETag: '"5"' }), 'GET /api/v1/offers/12': () => json(200, offer({ id: 12, host_organisation_id: 41 })) })
    ;({ wrapper } = await mountRoute('/offers/11', 8))
    expect(wrapper!.find('[data-testid="offer-host"]').text()).toBe('Institut national d’hygiène')
    expect(wrapper!.find('[data-testid="edit"]').exists()).toBe(true)
    expect(wrapper!.find('[data-testid="archive"]').exists()).toBe(true)
    wrapper!.unmount()
    ;({ wrapper } = await mountRoute('/offers/12', 8))
    expect(wrapper!.find('h1').text()).toBe('Surveillance épidémiologique')
    expect(wrapper!.find('[data-testid="edit"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="archive"]').exists()).toBe(false)
  })

  it('archives with If-Match and shows the archived offer', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/offers/11': () => json(200, offer(), { ETag: '"5"' }),
      'PATCH /api/v1/offers/11': () => json(200, offer({ active: false, version: 6 }), { ETag: '"6"' }),
    })
    ;({ wrapper } = await mountRoute('/offers/11', 8))
    await wrapper!.find('[data-testid="archive"]').trigger('click')
    await settle()
    const patch = calls.find((call) => call.method === 'PATCH')!
    expect(patch.body).toEqual({ active: false })
    expect(patch.headers['If-Match']).toBe('"5"')
    expect(wrapper!.find('[data-testid="reactivate"]').exists()).toBe(true)
    expect(wrapper!.find('[data-testid="archived"]').text()).toBe('Archivée')
  })
})

describe('OfferFormView', () => {
  it('asks for the currency of a cost, then creates the offer with its host and goes to it', async () => {
    signIn('host', 9)
    session.me = { ...session.me!, organisations: [40] }
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/organisations/40': () => json(200, { id: 40, name: 'Institut national d’hygiène' }),
      'POST /api/v1/offers': () => json(201, offer({ id: 15 }), { ETag: '"1"' }),
      'GET /api/v1/offers/15': () => json(200, offer({ id: 15 }), { ETag: '"1"' }),
    })
    ;({ wrapper, router } = await mountRoute('/offers/new', 8))
    await choose('field-action_type', 'VAutocomplete', 'short_training')
    await choose('field-domain', 'VAutocomplete', 'health')
    await wrapper!.find('[data-testid="field-title_fr"] input').setValue('Surveillance épidémiologique')
    await wrapper!.find('[data-testid="field-duration_days"] input').setValue('14')
    await wrapper!.find('[data-testid="field-cost_per_participant"] input').setValue('18000')
    await wrapper!.find('form').trigger('submit')
    await settle()
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
    expect(wrapper!.find('[data-testid="field-currency"]').text()).toContain('Indiquez la devise du coût.')

    await wrapper!.find('[data-testid="field-currency"] input').setValue('mad')
    await wrapper!.find('form').trigger('submit')
    await settle()
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.body).toEqual({
      host_organisation_id: 40,
      action_type: 'short_training',
      domain: 'health',
      title_fr: 'Surveillance épidémiologique',
      duration_days: 14,
      cost_per_participant: 18000,
      currency: 'MAD',
    })
    await until(() => router.currentRoute.value.name === 'offer')
    expect(router.currentRoute.value.params.id).toBe('15')
  })
})

describe('RequestListView', () => {
  it('sends country, status, priority and domain filters, sorted latest received first by default', async () => {
    const { calls } = mockFetch({ ...reference, 'GET /api/v1/requests': () => json(200, page([cooperationRequest()])) })
    ;({ wrapper } = await mountRoute('/requests?country=SN&status=received&priority=high&domain=health&status2=1', 8))
    const params = paramsOf(listCalls(calls, '/api/v1/requests')[0])
    expect(params.get('country')).toBe('SN')
    expect(params.get('status')).toBe('received')
    expect(params.get('priority')).toBe('high')
    expect(params.get('domain')).toBe('health')
    expect(params.get('sort')).toBe('-received_on')
    const row = wrapper!.find('[data-testid="request-table"] tbody tr')
    expect(row.text()).toContain('Former des épidémiologistes')
    expect(row.text()).toContain('Haute')
    expect(row.find('[data-testid="request-status"]').text()).toBe('Reçue')
  })
})

describe('RequestDetailView', () => {
  it('shows the suggested offers, links one, and then shows it as linked', async () => {
    const linked = cooperationRequest({
      status: 'matched',
      next_statuses: ['served', 'declined'],
      version: 2,
      matched_offers: [{ id: 11, title: 'Surveillance épidémiologique', host_organisation_id: 40, host_name: 'Institut national d’hygiène', active: true, matched_at: '2026-02-03T09:00:00Z' }],
    })
    const suggestion = { ...offer(), same_domain: true, same_action_type: true, linked: false }
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/requests/21': () => json(200, cooperationRequest(), { ETag: '"1"' }),
      'GET /api/v1/requests/21/suggested-offers': [() => json(200, page([suggestion])), () => json(200, page([{ ...suggestion, linked: true }]))],
      'POST /api/v1/requests/21/offers': () => json(200, linked, { ETag: '"2"' }),
    })
    ;({ wrapper } = await mountRoute('/requests/21', 8))
    await until(() => wrapper!.find('[data-testid="link-11"]').exists())
    expect(wrapper!.find('[data-testid="no-linked"]').exists()).toBe(true)
    const suggested = wrapper!.find('[data-testid="suggested-offers"] tbody tr').text()
    expect(suggested).toContain('Surveillance épidémiologique')
    expect(suggested).toContain('Même domaine')
    expect(suggested).toContain('Même type')

    await wrapper!.find('[data-testid="link-11"]').trigger('click')
    await settle()
    expect(calls.find((call) => call.method === 'POST')!.body).toEqual({ offer_id: 11 })
    // The version read goes along: a request changed meanwhile is a 412, not a silent overwrite.
    expect(calls.find((call) => call.method === 'POST')!.headers['If-Match']).toBe('"1"')
    await until(() => wrapper!.find('[data-testid="linked-11"]').exists())
    expect(wrapper!.find('[data-testid="linked-11"]').text()).toContain('Institut national d’hygiène')
    expect(wrapper!.find('[data-testid="suggested-linked-11"]').text()).toBe('Retenue')
    expect(wrapper!.find('[data-testid="link-11"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="request-status"]').attributes('data-status')).toBe('matched')
  })

  it('moves the status after confirmation with If-Match, and unlinks an offer', async () => {
    const withOffer = cooperationRequest({
      status: 'matched',
      next_statuses: ['served', 'declined'],
      matched_offers: [{ id: 11, title: 'Surveillance épidémiologique', host_organisation_id: 40, host_name: 'INH', active: true, matched_at: '2026-02-03T09:00:00Z' }],
      version: 4,
    })
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/requests/21': () => json(200, withOffer, { ETag: '"4"' }),
      'GET /api/v1/requests/21/suggested-offers': () => json(200, page([])),
      'PATCH /api/v1/requests/21': () => json(200, { ...withOffer, status: 'declined', next_statuses: [], version: 5 }, { ETag: '"5"' }),
      'DELETE /api/v1/requests/21/offers/11': () => json(200, { ...withOffer, matched_offers: [], version: 5 }, { ETag: '"5"' }),
    })
    ;({ wrapper } = await mountRoute('/requests/21', 8))
    await until(() => wrapper!.find('[data-testid="unlink-11"]').exists())
    expect(wrapper!.find('[data-testid="no-suggestions"]').exists()).toBe(true)
    expect(wrapper!.findAll('[data-testid^="status-"]').map((button) => button.attributes('data-testid'))).toEqual(['status-served', 'status-declined'])

    await wrapper!.find('[data-testid="unlink-11"]').trigger('click')
    await settle()
    expect(calls.some((call) => call.method === 'DELETE' && call.url === '/api/v1/requests/21/offers/11')).toBe(true)
    expect(wrapper!.find('[data-testid="no-linked"]').exists()).toBe(true)

    await wrapper!.find('[data-testid="status-declined"]').trigger('click')
    await settle()
    ;(document.querySelector('[data-testid="confirm"]') as HTMLElement).click()
    await settle()
    const patch = calls.find((call) => call.method === 'PATCH')!
    expect(patch.body).toEqual({ status: 'declined' })
    expect(patch.headers['If-Match']).toBe('"5"')
    expect(wrapper!.find('[data-testid="request-status"]').attributes('data-status')).toBe('declined')
    expect(wrapper!.findAll('[data-testid^="status-"]')).toHaveLength(0)
  })

  it('hides matching and status buttons from a partner, who follows the request only', async () => {
    signIn('partner', 8)
    mockFetch({
      ...reference,
      'GET /api/v1/requests/21': () => json(200, cooperationRequest(), { ETag: '"1"' }),
      'GET /api/v1/requests/21/suggested-offers': () => json(200, page([{ ...offer(), same_domain: true, same_action_type: false, linked: false }])),
    })
    ;({ wrapper } = await mountRoute('/requests/21', 8))
    await until(() => wrapper!.find('[data-testid="suggested-offers"] tbody tr a').exists())
    // The page and its suggestions are there: what is missing is missing for the partner.
    expect(wrapper!.find('[data-testid="suggested-offers"] tbody tr a').exists()).toBe(true)
    expect(wrapper!.find('[data-testid="link-11"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="edit"]').exists()).toBe(false)
    expect(wrapper!.findAll('[data-testid^="status-"]')).toHaveLength(0)
  })
})

describe('RequestFormView', () => {
  it('records a request: required fields said first, then the body and the page of the new request', async () => {
    const { calls } = mockFetch({
      ...reference,
      'POST /api/v1/requests': () => json(201, cooperationRequest({ id: 30 }), { ETag: '"1"' }),
      'GET /api/v1/requests/30': () => json(200, cooperationRequest({ id: 30 }), { ETag: '"1"' }),
      'GET /api/v1/requests/30/suggested-offers': () => json(200, page([])),
    })
    ;({ wrapper, router } = await mountRoute('/requests/new', 8))
    await wrapper!.find('form').trigger('submit')
    await settle()
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
    expect(wrapper!.find('[data-testid="field-title"]').text()).toContain('Ce champ est obligatoire.')

    await wrapper!.find('[data-testid="field-title"] input').setValue('Former des épidémiologistes')
    await choose('field-country', 'VAutocomplete', 'SN')
    await choose('field-domain', 'VAutocomplete', 'health')
    await wrapper!.find('[data-testid="field-people_count"] input').setValue('10')
    await wrapper!.find('form').trigger('submit')
    await settle()
    expect(calls.find((call) => call.method === 'POST')!.body).toEqual({
      country: 'SN',
      domain: 'health',
      title: 'Former des épidémiologistes',
      people_count: 10,
      priority: 'medium',
      channel: 'embassy',
    })
    await until(() => router.currentRoute.value.name === 'request')
    expect(router.currentRoute.value.params.id).toBe('30')
  })
})
