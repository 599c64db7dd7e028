import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { nextTick } from 'vue'
import { clearCountryCache } from '@/composables/countries'
import { duplicateQuery, emptyPersonForm } from '@/features/people/form'
import PersonName from '@/components/PersonName.vue'
import { createTestPlugins, flush, json, mockFetch, mountRoute, signIn, until, type Recorded } from '../../../../tests/helpers'
import { candidate, nomination, page, person } from '../../../../tests/fixtures'

const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}
const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams
const duplicateCalls = (calls: Recorded[]) => calls.filter((call) => call.url.startsWith('/api/v1/people/duplicates'))

const reference = {
  'GET /api/v1/countries': () => json(200, page([])),
  'GET /api/v1/organisations': () => json(200, page([])),
}

let wrapper: VueWrapper | null = null

beforeEach(() => {
  signIn('officer', 2)
  clearCountryCache()
})
afterEach(() => {
  vi.useRealTimers()
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('PersonFormView (registration)', () => {
  const existing = person({ id: 12, name: 'Mohamed Diallo', latin_name: 'Mohamed Diallo', arabic_name: null })

  it('warns about possible duplicates while the names are typed (debounced), before anything is saved', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/people/duplicates': () => json(200, page([candidate(existing, { score: 0.91 })])),
    })
    ;({ wrapper } = await mountRoute('/people/new', 6))
    // The screen's clock stands still while typing, so that a busy machine pausing the test for
    // longer than the debounce does not count as the typist pausing.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    await wrapper!.find('[data-testid="field-latin_name"] input').setValue('Mo')
    await wrapper!.find('[data-testid="field-latin_name"] input').setValue('Mohamed Dialo')
    await nextTick()
    // Nothing is asked on each keystroke...
    expect(duplicateCalls(calls)).toHaveLength(0)
    expect(wrapper!.find('[data-testid="duplicate-warning"]').exists()).toBe(false)
    // ...but once the typing pauses.
    vi.advanceTimersByTime(1000)
    vi.useRealTimers()
    await until(() => wrapper!.find('[data-testid="duplicate-warning"]').exists())
    expect(duplicateCalls(calls)).toHaveLength(1)
    expect(paramsOf(duplicateCalls(calls)[0]).get('latin_name')).toBe('Mohamed Dialo')
    expect(calls.some((call) => call.method === 'POST')).toBe(false)
    const warning = wrapper!.find('[data-testid="duplicate-warning"]')
    expect(warning.text()).toContain('Cette personne est peut-être déjà enregistrée : 1 fiche proche.')
    expect(warning.text()).toContain('Mohamed Diallo')
    expect(warning.text()).toContain('Probablement la même personne · 91 %')
    expect(warning.find('[data-testid="open-duplicate-12"]').attributes('target')).toBe('_blank')

    // The birth date joins the query when it is complete.
    await wrapper!.find('[data-testid="field-birth_date"] input').setValue('1985-04-02')
    await until(() => duplicateCalls(calls).length === 2)
    expect(paramsOf(duplicateCalls(calls)[1]).get('birth_date')).toBe('1985-04-02')
  })

  it('asks nothing for names shorter than three letters', () => {
    expect(duplicateQuery({ ...emptyPersonForm(), latin_name: 'Mo' })).toBeNull()
    expect(duplicateQuery({ ...emptyPersonForm(), arabic_name: 'محمد', nationality: 'SN', birth_date: '1985-0' })).toEqual({ arabic_name: 'محمد', nationality: 'SN' })
  })

  it('after creation, shows the possible duplicates returned, each with a link to compare and merge', async () => {
    const { calls } = mockFetch({
      ...reference,
      'GET /api/v1/people/duplicates': () => json(200, page([])),
      'POST /api/v1/people': () =>
        json(201, { person: person({ id: 40, name: 'Mohamed Dialo', latin_name: 'Mohamed Dialo', arabic_name: null }), possible_duplicates: [candidate(existing)] }, { ETag: '"1"' }),
    })
    ;({ wrapper } = await mountRoute('/people/new', 6))
    await wrapper!.find('[data-testid="field-latin_name"] input').setValue('Mohamed Dialo')
    await wrapper!.find('form').trigger('submit')
    await settle()
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.body).toEqual({ latin_name: 'Mohamed Dialo', category: 'other', expert: false })
    await until(() => !!document.querySelector('[data-testid="created-duplicates"]'))
    const dialog = document.querySelector('[data-testid="created-duplicates"]')!
    expect(dialog.textContent).toContain('Mohamed Diallo')
    expect(dialog.querySelector('[data-testid="open-duplicate-12"]')!.getAttribute('href')).toBe('/people/12?compare=40')
    expect(dialog.querySelector('[data-testid="open-created"]')!.getAttribute('href')).toBe('/people/40')
  })

  it('offers the passport fields on creation only to the roles that may see them', async () => {
    mockFetch(reference)
    signIn('manager', 3)
    ;({ wrapper } = await mountRoute('/people/new', 6))
    expect(wrapper!.find('[data-testid="field-passport_number"]').exists()).toBe(false)
    wrapper!.unmount()
    signIn('officer', 2)
    ;({ wrapper } = await mountRoute('/people/new', 6))
    expect(wrapper!.find('[data-testid="field-passport_number"]').exists()).toBe(true)
  })
})

describe('PersonDetailView', () => {
  const profileRoutes = (record: ReturnType<typeof person>, extra = {}) => ({
    'GET /api/v1/people/5': () => json(200, record, { ETag: `"${record.version}"` }),
    'GET /api/v1/nominations': () => json(200, page([nomination({ state: 'completed' })])),
    'GET /api/v1/people/5/duplicates': () => json(200, page([])),
    ...extra,
  })

  it('shows no passport field when the API answer has none', async () => {
    mockFetch(profileRoutes(person()))
    ;({ wrapper } = await mountRoute('/people/5', 8))
    await until(() => wrapper!.find('[data-testid="person-fields"]').exists())
    expect(wrapper!.find('[data-testid="passport-number"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="person-fields"]').text()).not.toContain('passeport')
  })

  it('shows the passport fields when present, even empty', async () => {
    mockFetch(profileRoutes(person({ passport_number: 'AB1234567', passport_expiry: null })))
    ;({ wrapper } = await mountRoute('/people/5', 8))
    await until(() => wrapper!.find('[data-testid="passport-number"]').exists())
    expect(wrapper!.find('[data-testid="passport-number"]').text()).toBe('AB1234567')
    expect(wrapper!.find('[data-testid="passport-expiry"]').text()).toBe('—')
  })

  it('hides the passport inputs of the edit form when the API answer has none', async () => {
    mockFetch({ ...reference, 'GET /api/v1/people/5': () => json(200, person(), { ETag: '"2"' }) })
    ;({ wrapper } = await mountRoute('/people/5/edit', 8))
    await until(() => wrapper!.find('[data-testid="field-latin_name"]').exists())
    expect(wrapper!.find('[data-testid="passport-fields"]').exists()).toBe(false)
  })

  it('lists the whole history and merges a possible duplicate after a confirmation that says it is reversible', async () => {
    const duplicate = person({ id: 12, name: 'Mouhamed Diallo', latin_name: 'Mouhamed Diallo', arabic_name: null, version: 1 })
    const { calls } = mockFetch(
      profileRoutes(person(), {
        'GET /api/v1/people/5/duplicates': () => json(200, page([candidate(duplicate)])),
        'POST /api/v1/people/5/merge': () =>
          json(200, person({ version: 3, merged_records: [{ id: 12, latin_name: 'Mouhamed Diallo', arabic_name: null, merged_at: '2026-11-23T11:00:00Z', merged_by: 'officer' }] })),
      }),
    )
    ;({ wrapper } = await mountRoute('/people/5', 8))
    await until(() => wrapper!.find('[data-testid="merge-12"]').exists())
    const history = calls.find((call) => call.url.startsWith('/api/v1/nominations?'))!
    expect(paramsOf(history).get('person_id')).toBe('5')
    expect(wrapper!.find('[data-testid="history-table"]').text()).toContain('Atelier de santé publique')
    expect(wrapper!.find('[data-testid="history-table"]').text()).toContain('Formation achevée')

    await wrapper!.find('[data-testid="merge-12"]').trigger('click')
    await settle()
    const dialog = document.querySelector('[data-testid="confirm-dialog"]')!
    expect(dialog.textContent).toContain('La fusion est réversible')
    expect(dialog.querySelector('[data-testid="merge-comparison"]')!.textContent).toContain('Mouhamed Diallo')
    ;(dialog.querySelector('[data-testid="confirm"]') as HTMLElement).click()
    await settle()
    const merge = calls.find((call) => call.url === '/api/v1/people/5/merge')!
    expect(merge.body).toEqual({ duplicate_id: 12, duplicate_version: 1 })
    expect(merge.headers['If-Match']).toBe('"2"')
    await until(() => wrapper!.find('[data-testid="merged-12"]').exists())
    expect(wrapper!.find('[data-testid="unmerge-12"]').exists()).toBe(true)
  })

  it('on a merged record, offers to undo the merge with that record’s own ETag', async () => {
    const merged = person({ merged_into_id: 9, version: 6 })
    const { calls } = mockFetch({
      'GET /api/v1/people/5': () => json(200, merged, { ETag: '"6"' }),
      'GET /api/v1/nominations': () => json(200, page([])),
      'POST /api/v1/people/5/unmerge': () => json(200, person({ version: 7 })),
    })
    ;({ wrapper } = await mountRoute('/people/5', 8))
    await until(() => wrapper!.find('[data-testid="merged-banner"]').exists())
    expect(wrapper!.find('[data-testid="merged-into-link"]').attributes('href')).toBe('/people/9')
    expect(wrapper!.find('[data-testid="duplicates-panel"]').exists()).toBe(false)
    await wrapper!.find('[data-testid="unmerge-self"]').trigger('click')
    await settle()
    ;(document.querySelector('[data-testid="confirm"]') as HTMLElement).click()
    await settle()
    expect(calls.find((call) => call.url === '/api/v1/people/5/unmerge')!.headers['If-Match']).toBe('"6"')
  })

  it('renders in Arabic right to left, the Arabic name in its script and direction, the Latin one isolated left to right', async () => {
    mockFetch(profileRoutes(person()))
    ;({ wrapper } = await mountRoute('/people/5', 8, 'ar'))
    await until(() => wrapper!.find('[data-testid="arabic-name"]').exists())
    expect(wrapper!.text()).toContain('الهوية')
    const arabic = wrapper!.find('[data-testid="arabic-name"]')
    expect(arabic.attributes('dir')).toBe('rtl')
    expect(arabic.attributes('lang')).toBe('ar')
    expect(arabic.text()).toBe('محمد ديالو')
    // Both scripts in the header, the interface's script first.
    const parts = wrapper!.findAll('[data-testid="profile-name"] bdi')
    expect(parts.map((part) => part.attributes('data-script'))).toEqual(['arabic', 'latin'])
    expect(parts[0].attributes('dir')).toBe('rtl')
    expect(parts[1].attributes('dir')).toBe('ltr')
  })
})

describe('PersonName', () => {
  it('puts the name in the interface’s script first, each part with its own language and direction', async () => {
    for (const [language, first] of [
      ['fr', 'latin'],
      ['ar', 'arabic'],
    ] as const) {
      const { i18n, vuetify } = createTestPlugins(language)
      const name = mount(PersonName, { props: { latin: 'Mohamed Diallo', arabic: 'محمد ديالو' }, global: { plugins: [i18n, vuetify] } })
      const parts = name.findAll('bdi')
      expect(parts[0].attributes('data-script')).toBe(first)
      const arabic = name.find('[data-script="arabic"]')
      expect(arabic.attributes('lang')).toBe('ar')
      expect(arabic.attributes('dir')).toBe('rtl')
      name.unmount()
    }
  })
})

describe('PeopleListView', () => {
  it('searches in either script, says so, and keeps the search in the URL', async () => {
    const { calls } = mockFetch({ ...reference, 'GET /api/v1/people': () => json(200, page([person()])) })
    const mounted = await mountRoute('/people', 8)
    wrapper = mounted.wrapper
    const router = mounted.router
    expect(wrapper!.text()).toContain('« mohammed » ou « محمد » trouvent « Mohamed »')
    await wrapper!.find('[data-testid="search"] input').setValue('محمد')
    await until(() => calls.some((call) => paramsOf(call).get('q') === 'محمد'))
    await until(() => router.currentRoute.value.query.q === 'محمد')
    expect(router.currentRoute.value.query.q).toBe('محمد')
    expect(wrapper!.find('[data-testid="person-link-5"]').text()).toContain('Mohamed Diallo')
  })
})
