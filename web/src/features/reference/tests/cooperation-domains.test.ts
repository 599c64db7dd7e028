import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { CooperationDomain } from '@/api/types'
import { flush, json, mockFetch, mountRoute, signIn, type Recorded } from '../../../../tests/helpers'

function domain(code: string, name: string, sectors: CooperationDomain['sectors']): CooperationDomain {
  return { code, name, names: { fr: name, ar: name, en: name }, sectors }
}

const listCalls = (calls: Recorded[]) => calls.filter((call) => call.method === 'GET' && call.url.startsWith('/api/v1/cooperation-domains'))
const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams
const settle = async () => {
  for (let i = 0; i < 6; i++) await flush()
}

describe('CooperationDomainsView', () => {
  let wrapper: VueWrapper | null = null

  beforeEach(() => signIn('officer', 2))
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  it('shows every domain with its DAC sectors as chips and searches on the server', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/cooperation-domains': [
        () =>
          json(200, {
            items: [
              domain('health', 'Santé', [
                { code: '12110', name: 'Politique de la santé' },
                { code: '12220', name: 'Soins de santé de base' },
              ]),
              domain('meteorology', 'Météorologie', [{ code: '41010', name: 'Politique environnementale' }]),
            ],
            total: 2,
          }),
        () => json(200, { items: [domain('meteorology', 'Météorologie', [{ code: '41010', name: 'Politique environnementale' }])], total: 1 }),
      ],
    })
    ;({ wrapper } = await mountRoute('/reference/cooperation-domains', 6))

    const first = listCalls(calls)[0]
    expect(first).toBeDefined()
    expect(paramsOf(first).get('sort')).toBe('position')
    expect(paramsOf(first).has('q')).toBe(false)
    expect(paramsOf(first).has('limit')).toBe(false)

    const rows = wrapper!.findAll('[data-testid="cooperation-domain-table"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('Santé')
    const chips = rows[0].findAll('[data-testid="sector-chip"]')
    expect(chips).toHaveLength(2)
    expect(chips[0].text().replace(/\s+/g, ' ')).toBe('12110 Politique de la santé')
    expect(chips[1].text().replace(/\s+/g, ' ')).toBe('12220 Soins de santé de base')
    expect(rows[1].findAll('[data-testid="sector-chip"]')).toHaveLength(1)
    expect(wrapper!.find('[data-testid="cooperation-domain-table"] .v-data-table-footer').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="total"]').text()).toMatch(/2 résultats/)

    await wrapper!.find('[data-testid="cooperation-domain-search"] input').setValue('météo')
    await new Promise((resolve) => setTimeout(resolve, 400))
    await settle()
    expect(paramsOf(listCalls(calls).at(-1)!).get('q')).toBe('météo')
    const after = wrapper!.findAll('[data-testid="cooperation-domain-table"] tbody tr')
    expect(after).toHaveLength(1)
    expect(after[0].text()).toContain('Météorologie')
    expect(wrapper!.find('[data-testid="total"]').text()).toMatch(/1 résultat/)
  })
})
