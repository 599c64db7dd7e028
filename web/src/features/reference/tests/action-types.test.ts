import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { ActionType } from '@/api/types'
import { flush, json, mockFetch, mountRoute, problem, signIn, type Recorded } from '../../../../tests/helpers'

function actionType(code: string, name: string, aidType: string, aidTypeName: string, place: ActionType['place']): ActionType {
  return { code, name, names: { fr: name, ar: name, en: name }, aid_type: aidType, aid_type_name: aidTypeName, place }
}

const listCalls = (calls: Recorded[]) => calls.filter((call) => call.method === 'GET' && call.url.startsWith('/api/v1/action-types'))
const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams
const settle = async () => {
  for (let i = 0; i < 6; i++) await flush()
}

describe('ActionTypesView', () => {
  let wrapper: VueWrapper | null = null

  beforeEach(() => signIn('officer', 2))
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  it('shows every action type with its aid type and translated place, searches on the server, and reports failures', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/action-types': [
        () =>
          json(200, {
            items: [
              actionType('long_training', 'Formation de longue durée', 'E01', 'Bourses et formations dans le pays donneur', 'morocco'),
              actionType('expert_mission', 'Mission d’expertise', 'D02', 'Autres assistance technique', 'partner_country'),
            ],
            total: 2,
          }),
        () => json(200, { items: [], total: 0 }),
        () => problem(503, 'unavailable'),
      ],
    })
    ;({ wrapper } = await mountRoute('/reference/action-types', 6))

    // The whole list, not paged: no limit/offset, no q when the search is empty.
    const first = listCalls(calls)[0]
    expect(first).toBeDefined()
    expect(paramsOf(first).has('q')).toBe(false)
    expect(paramsOf(first).has('limit')).toBe(false)

    const rows = wrapper!.findAll('[data-testid="action-type-table"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('Formation de longue durée')
    expect(rows[0].text().replace(/\s+/g, ' ')).toContain('E01 Bourses et formations dans le pays donneur')
    expect(rows[0].text()).toContain('Au Maroc')
    expect(rows[1].text()).toContain('D02')
    expect(rows[1].text()).toContain('Dans le pays partenaire')
    expect(rows[1].text()).not.toContain('partner_country')
    // No pagination footer.
    expect(wrapper!.find('[data-testid="action-type-table"] .v-data-table-footer').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="total"]').text()).toMatch(/2 résultats/)

    // A search goes to the server (debounced) and an empty answer shows the "no results" state.
    await wrapper!.find('[data-testid="action-type-search"] input').setValue('zzz')
    await new Promise((resolve) => setTimeout(resolve, 400))
    await settle()
    const searched = listCalls(calls).at(-1)!
    expect(paramsOf(searched).get('q')).toBe('zzz')
    expect(wrapper!.findAll('[data-testid="action-type-table"] tbody tr [data-testid="empty"]')).toHaveLength(1)
    expect(wrapper!.find('[data-testid="empty"]').text()).toContain('Aucun')

    // A failure shows the problem, not an empty list.
    await wrapper!.find('[data-testid="action-type-search"] input').setValue('formation')
    await new Promise((resolve) => setTimeout(resolve, 400))
    await settle()
    expect(wrapper!.find('[data-testid="problem"]').exists()).toBe(true)
    expect(wrapper!.find('[data-testid="empty"]').exists()).toBe(false)
  })
})
