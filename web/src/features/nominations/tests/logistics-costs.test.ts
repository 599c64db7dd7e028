import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { Nomination } from '@/api/types'
import { kLogisticsItems } from '@/api/types'
import { flush, json, mockFetch, mountRoute, signIn, until, type Recorded } from '../../../../tests/helpers'
import { action, nomination, page, person } from '../../../../tests/fixtures'

const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}
const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams

function checklist(costs: Partial<Record<(typeof kLogisticsItems)[number], [number, string]>> = {}): NonNullable<Nomination['logistics']> {
  return kLogisticsItems.map((item) => ({
    item,
    status: costs[item] ? 'done' : 'to_do',
    cost: costs[item]?.[0] ?? null,
    currency: costs[item]?.[1] ?? null,
    note: null,
    updated_at: null,
  }))
}

const first = nomination({ id: 40, state: 'selected', version: 5 })
const second = nomination({ id: 41, person_id: 6, person_latin_name: 'Awa Ndiaye', person_arabic_name: null, state: 'confirmed', version: 2 })
const waiting = nomination({ id: 42, person_id: 7, state: 'waitlisted' })

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('LogisticsTab', () => {
  const routes = (extra = {}) => ({
    'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }),
    'GET /api/v1/nominations': () => json(200, page([first, second, waiting])),
    'GET /api/v1/nominations/40': () => json(200, { ...first, logistics: checklist({ ticket: [3200, 'MAD'] }), attendance: [], days_present: 0 }, { ETag: '"5"' }),
    ...extra,
  })

  it('lets finance set an item of a participant’s checklist with the nomination’s ETag', async () => {
    signIn('finance', 5)
    const { calls } = mockFetch(
      routes({
        'PUT /api/v1/nominations/40/logistics/visa': () =>
          json(200, { ...first, version: 6, logistics: checklist({ ticket: [3200, 'MAD'], visa: [850, 'MAD'] }), attendance: [], days_present: 0 }, { ETag: '"6"' }),
      }),
    )
    ;({ wrapper } = await mountRoute('/actions/7/logistics', 8))
    await until(() => wrapper!.find('[data-testid="logistics-visa"]').exists())
    expect(wrapper!.findAll('[data-testid="logistics-table"] tbody tr')).toHaveLength(6)
    await wrapper!.find('[data-testid="logistics-visa"] input[type="number"]').setValue('850')
    await wrapper!.find('[data-testid="logistics-save-visa"]').trigger('click')
    await settle()
    const put = calls.find((call) => call.method === 'PUT')!
    expect(put.url).toBe('/api/v1/nominations/40/logistics/visa')
    expect(put.headers['If-Match']).toBe('"5"')
    expect(put.body).toEqual({ status: 'to_do', cost: 850, currency: null, note: null })
  })

  it('is read-only for a host focal point', async () => {
    signIn('host', 6)
    mockFetch(routes())
    ;({ wrapper } = await mountRoute('/actions/7/logistics', 8))
    await until(() => wrapper!.find('[data-testid="logistics-ticket"]').exists())
    expect(wrapper!.find('[data-testid="logistics-ticket"]').text()).toContain('3')
    expect(wrapper!.find('[data-testid="logistics-table"] input').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="logistics-save-ticket"]').exists()).toBe(false)
  })
})

describe('CostsTab', () => {
  it('shows the action’s costs and sums the participants’ logistics per item and currency', async () => {
    signIn('officer', 2)
    mockFetch({
      'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }),
      'GET /api/v1/nominations': () => json(200, page([first, second, waiting])),
      'GET /api/v1/nominations/40': () => json(200, { ...first, logistics: checklist({ ticket: [3000, 'MAD'], per_diem: [100, 'EUR'] }) }),
      'GET /api/v1/nominations/41': () => json(200, { ...second, logistics: checklist({ ticket: [2500, 'MAD'] }) }),
    })
    ;({ wrapper } = await mountRoute('/actions/7/costs', 8))
    await until(() => wrapper!.find('[data-testid="cost-ticket"]').exists())
    const text = (testid: string) => wrapper!.find(`[data-testid="${testid}"]`).text().replace(/\s/g, ' ').replace(/ +/g, ' ')
    expect(text('estimated-cost')).toBe('150 000 MAD'.replace(/\s/g, ' '))
    expect(text('cost-ticket')).toContain('5 500 MAD')
    expect(text('cost-per_diem')).toContain('100 EUR')
    expect(text('cost-visa')).toContain('—')
    expect(text('cost-total')).toContain('5 500 MAD')
    expect(text('cost-total')).toContain('100 EUR')
  })

  it('shows only the action’s own costs to a viewer', async () => {
    signIn('viewer', 7)
    const { calls } = mockFetch({ 'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }) })
    ;({ wrapper } = await mountRoute('/actions/7/costs', 8))
    await until(() => wrapper!.find('[data-testid="estimated-cost"]').exists())
    expect(wrapper!.text()).toContain('ne sont pas visibles pour votre rôle')
    expect(calls.some((call) => call.url.startsWith('/api/v1/nominations'))).toBe(false)
    // No participants or logistics tab for a viewer.
    expect(wrapper!.find('[data-testid="tab-action-participants"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="tab-action-logistics"]').exists()).toBe(false)
  })
})

describe('NominateDialog', () => {
  beforeEach(() => signIn('officer', 2))

  it('searches people fuzzily and nominates the one chosen', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }),
      'GET /api/v1/nominations': () => json(200, page([])),
      'GET /api/v1/countries': () => json(200, page([])),
      'GET /api/v1/people': () => json(200, page([person()])),
      'POST /api/v1/actions/7/nominations': () => json(201, nomination({ id: 60 })),
    })
    ;({ wrapper } = await mountRoute('/actions/7/participants', 8))
    await until(() => wrapper!.find('[data-testid="nominate"]').exists())
    await wrapper!.find('[data-testid="nominate"]').trigger('click')
    await settle()
    const input = document.querySelector('[data-testid="nominate-person"] input') as HTMLInputElement
    input.focus()
    document.querySelector('[data-testid="nominate-person"] .v-field')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))
    // The autocomplete resets its text when it takes the focus: type after that.
    await settle()
    input.value = 'محمد'
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await until(() => calls.some((call) => call.url.startsWith('/api/v1/people?') && paramsOf(call).get('q') === 'محمد'))
    expect(calls.some((call) => call.url.startsWith('/api/v1/people?') && paramsOf(call).get('q') === 'محمد')).toBe(true)
    await until(() => !!document.querySelector('[data-testid="person-option-5"]'))
    ;(document.querySelector('[data-testid="person-option-5"]') as HTMLElement).click()
    await settle()
    ;(document.querySelector('[data-testid="nominate-submit"]') as HTMLElement).click()
    await settle()
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.body).toEqual({ person_id: 5, country: null, note: null })
  })
})
