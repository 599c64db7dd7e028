// The diplomatic network's screens: the list's filters sent to the server and applied to the map's
// points (the two filter together), the form's body (coordinates as numbers, the jurisdiction as
// codes) with the checks made before sending and a server error at the jurisdiction, and the
// detail page as an officer and as a viewer.
// The first test of a file pays for compiling the lazy screens: on a busy machine that takes seconds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { DiplomaticMission, DiplomaticMissionPoint } from '@/api/types'
import { clearCountryCache } from '@/composables/countries'
import { clearReferenceListCache } from '@/composables/referenceLists'
import { checkDiplomaticMission, decimal, diplomaticMissionErrorKey, emptyDiplomaticMissionForm, missionTitle } from '@/features/diplomatic-missions/form'
import { matchesFilters } from '@/features/diplomatic-missions/filters'
import { flush, json, mockFetch, mountRoute, problem, signIn, until, type Recorded } from '../../../../tests/helpers'
import { page } from '../../../../tests/fixtures'

const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams
const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}
const listCalls = (calls: Recorded[]) => calls.filter((call) => call.method === 'GET' && call.url.startsWith('/api/v1/diplomatic-missions?'))
const t = (key: string, params?: Record<string, unknown>) => (params ? `${key} ${JSON.stringify(params)}` : key)

function mission(overrides: Partial<DiplomaticMission> = {}): DiplomaticMission {
  return {
    id: 7,
    kind: 'embassy',
    status: 'active',
    sending_country: 'MA',
    sending_organisation_id: null,
    sending_name: 'Maroc',
    receiving_country: 'SN',
    receiving_organisation_id: null,
    receiving_name: 'Sénégal',
    name: null,
    city: 'Dakar',
    address: 'Avenue Cheikh Anta Diop',
    latitude: 14.69,
    longitude: -17.44,
    telephone: '+221 33 824 69 27',
    email: null,
    website: 'https://dakar.example.ma',
    head_name: 'Hassan Naciri',
    head_title: 'Ambassadeur',
    jurisdiction: ['CV', 'GM'],
    opened_on: '1961-05-02',
    closed_on: null,
    wikidata_qid: 'Q106450319',
    edited_fields: ['address'],
    version: 2,
    created_at: '2026-12-01T10:00:00Z',
    updated_at: '2026-12-02T10:00:00Z',
    ...overrides,
  }
}

const points: DiplomaticMissionPoint[] = [
  { id: 7, kind: 'embassy', status: 'active', sending: 'MA', receiving: 'SN', city: 'Dakar', lat: 14.69, lon: -17.44, jurisdiction: 'CV GM', wikidata: true },
  { id: 8, kind: 'consulate', status: 'active', sending: 'MA', receiving: 'ES', city: 'Algeciras', lat: 36.1, lon: -5.4, jurisdiction: '', wikidata: true },
  { id: 9, kind: 'embassy', status: 'active', sending: 'SN', receiving: 'MA', city: 'Rabat', lat: 34.0, lon: -6.8, jurisdiction: '', wikidata: false },
]

const reference = {
  'GET /api/v1/countries': () =>
    json(
      200,
      page([
        { code: 'MA', name: 'Maroc', numeric: '504', names: { fr: 'Maroc', ar: '', en: '' } },
        { code: 'SN', name: 'Sénégal', numeric: '686', names: { fr: 'Sénégal', ar: '', en: '' } },
        { code: 'GM', name: 'Gambie', numeric: '270', names: { fr: 'Gambie', ar: '', en: '' } },
      ]),
    ),
  'GET /api/v1/diplomatic-missions/map': () => json(200, { items: points }),
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

describe('the map filters as the list does', () => {
  const names = new Map([
    ['MA', 'Maroc'],
    ['SN', 'Sénégal'],
  ])
  it('covers a country where the mission sits or in its jurisdiction', () => {
    expect(points.filter((p) => matchesFilters(p, { covers: 'GM' }, names)).map((p) => p.id)).toEqual([7])
    expect(points.filter((p) => matchesFilters(p, { covers: 'SN' }, names)).map((p) => p.id)).toEqual([7])
    expect(points.filter((p) => matchesFilters(p, { sending_country: 'MA', kind: 'embassy' }, names)).map((p) => p.id)).toEqual([7])
    expect(points.filter((p) => matchesFilters(p, { wikidata: 'false' }, names)).map((p) => p.id)).toEqual([9])
  })
  it('searches the city and the states names without accents or case', () => {
    expect(points.filter((p) => matchesFilters(p, { q: 'senegal' }, names)).map((p) => p.id)).toEqual([7, 9])
    expect(points.filter((p) => matchesFilters(p, { q: 'RABAT' }, names)).map((p) => p.id)).toEqual([9])
  })
})

describe('the form rules', () => {
  it('refuses the sending state in the jurisdiction, coordinates out of range or alone, and a closing before the opening', () => {
    const form = { ...emptyDiplomaticMissionForm(), kind: 'embassy' as const, sending_country: 'MA', receiving_country: 'SN', jurisdiction: ['GM', 'MA'], latitude: '95', opened_on: '2020-01-01', closed_on: '2019-01-01' }
    const problems = checkDiplomaticMission(form, t)
    expect(Object.keys(problems).sort()).toEqual(['closed_on', 'jurisdiction', 'latitude', 'longitude'])
    expect(problems.jurisdiction[0]).toContain('"country":"MA"')
    expect(decimal('14,5')).toBe(14.5)
    expect(decimal('nord')).toBeNaN()
    expect(diplomaticMissionErrorKey('jurisdiction.1')).toBe('jurisdiction')
    expect(missionTitle(mission(), t)).toBe('diplomaticMissions.kind.embassy — Maroc, Dakar')
  })
})

describe('DiplomaticMissionListView', () => {
  it('sends the URL filters, shows the rows, and narrows the map with the same filters', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/diplomatic-missions': () => json(200, page([mission()], 1)),
    })
    ;({ wrapper } = await mountRoute('/diplomatic-missions?sending_country=MA&covers=GM&sort=-city&kind=palace', 8))
    await until(() => wrapper!.find('[data-testid="diplomatic-mission-table"] tbody tr a').exists())
    const params = paramsOf(listCalls(calls)[0])
    expect(params.get('sending_country')).toBe('MA')
    expect(params.get('covers')).toBe('GM')
    expect(params.get('sort')).toBe('-city')
    expect(params.has('kind')).toBe(false)
    const row = wrapper!.find('[data-testid="diplomatic-mission-table"] tbody tr').text()
    expect(row).toContain('Ambassade')
    expect(row).toContain('Maroc')
    expect(row).toContain('Sénégal')
    expect(row).toContain('Dakar')
    expect(row).toContain('GM')
    // The map holds what the list lists: Morocco's missions covering the Gambia, one.
    await until(() => wrapper!.text().includes('1 missions selon les filtres'))
    await choose('filter-covers', 'VAutocomplete', null)
    await settle()
    await until(() => wrapper!.text().includes('2 missions selon les filtres'))
    expect(paramsOf(listCalls(calls).at(-1)!).has('covers')).toBe(false)
    expect(wrapper!.find('[data-testid="new-diplomatic-mission"]').exists()).toBe(true)
  })

  it('shows no create button to a viewer', async () => {
    signIn('viewer', 3)
    mockFetch({ ...reference, 'GET /api/v1/diplomatic-missions': () => json(200, page([])) })
    ;({ wrapper } = await mountRoute('/diplomatic-missions', 8))
    await until(() => wrapper!.find('[data-testid="empty"]').exists())
    expect(wrapper!.find('[data-testid="new-diplomatic-mission"]').exists()).toBe(false)
  })
})

describe('DiplomaticMissionFormView', () => {
  it('creates a mission with its coordinates as numbers and its jurisdiction, and shows a server error at the jurisdiction', async () => {
    const { calls } = mockFetch({
      ...reference,
      'POST /api/v1/diplomatic-missions': () =>
        problem(422, 'validation_failed', {
          errors: [{ field: 'jurisdiction[0]', code: 'unknown_country', message: 'Pays inconnu.' }],
        }),
    })
    ;({ wrapper } = await mountRoute('/diplomatic-missions/new', 8))
    await until(() => wrapper!.find('[data-testid="field-city"] input').exists())
    await wrapper!.find('form').trigger('submit')
    await settle()
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
    expect(wrapper!.find('[data-testid="field-kind"]').text()).toContain('Ce champ est obligatoire.')

    await choose('field-kind', 'VSelect', 'embassy')
    await choose('field-sending_country', 'VAutocomplete', 'MA')
    await choose('field-receiving_country', 'VAutocomplete', 'SN')
    await choose('field-jurisdiction', 'VAutocomplete', ['GM'])
    await wrapper!.find('[data-testid="field-city"] input').setValue('Dakar')
    await wrapper!.find('[data-testid="field-latitude"] input').setValue('14,69')
    await wrapper!.find('[data-testid="field-longitude"] input').setValue('-17.44')
    await wrapper!.find('form').trigger('submit')
    await until(() => calls.some((call) => call.method === 'POST'))
    const body = calls.find((call) => call.method === 'POST')!.body as Record<string, unknown>
    expect(body).toMatchObject({ kind: 'embassy', sending_country: 'MA', receiving_country: 'SN', city: 'Dakar', latitude: 14.69, longitude: -17.44, jurisdiction: ['GM'], status: 'active' })
    await until(() => wrapper!.find('[data-testid="field-jurisdiction"]').text().includes('Pays inconnu.'))
  })
})

describe('DiplomaticMissionDetailView', () => {
  it('shows the mission, what it covers and what staff corrected; a viewer cannot edit', async () => {
    mockFetch({ ...reference, 'GET /api/v1/diplomatic-missions/7': () => json(200, mission(), { etag: '"2"' }) })
    ;({ wrapper } = await mountRoute('/diplomatic-missions/7', 8))
    await until(() => wrapper!.find('[data-testid="mission-jurisdiction"]').exists())
    expect(wrapper!.find('[data-testid="mission-head"]').text()).toContain('Ambassadeur Hassan Naciri')
    await until(() => wrapper!.find('[data-testid="mission-jurisdiction"]').text().includes('Gambie'))
    expect(wrapper!.find('[data-testid="mission-edited"]').text()).toContain('Adresse')
    expect(wrapper!.find('[data-testid="mission-source"]').text()).toContain('Q106450319')
    expect(wrapper!.find('[data-testid="edit"]').exists()).toBe(true)
    wrapper!.unmount()
    signIn('viewer', 3)
    ;({ wrapper } = await mountRoute('/diplomatic-missions/7', 8))
    await until(() => wrapper!.find('[data-testid="mission-jurisdiction"]').exists())
    expect(wrapper!.find('[data-testid="edit"]').exists()).toBe(false)
  })
})
