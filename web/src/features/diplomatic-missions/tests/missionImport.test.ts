// The import of diplomatic missions from the list: its templates, a dry run naming a known QID at
// its row and column, the write of all rows, then the list and the map read again; none for a
// manager (who reads the network but does not keep it).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { VFileInput } from 'vuetify/components'
import { clearCountryCache } from '@/composables/countries'
import { clearReferenceListCache } from '@/composables/referenceLists'
import { flush, json, mockFetch, mountRoute, signIn, until, type Recorded } from '../../../../tests/helpers'
import { page } from '../../../../tests/fixtures'

const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}
const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null
const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams
const routes = {
  'GET /api/v1/countries': () => json(200, page([])),
  'GET /api/v1/diplomatic-missions/map': () => json(200, { items: [] }),
  'GET /api/v1/diplomatic-missions': () => json(200, page([])),
}

let wrapper: VueWrapper | null = null
beforeEach(() => {
  clearReferenceListCache()
  clearCountryCache()
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('Diplomatic missions import', () => {
  it('checks the file, names a known QID at its row and column, and reads the list and the map again after the import', async () => {
    signIn('officer', 2)
    const known = { field: 'rows[2].wikidata_qid', code: 'already_taken', row: 2, column: 'wikidata_qid', message: 'Cette valeur est déjà utilisée.' }
    const { calls } = mockFetch({
      ...routes,
      'POST /api/v1/diplomatic-missions/import': [
        () => json(200, { written: false, rows: 2, created: 0, ready: 1, rejected_rows: 1, errors: [known] }),
        () => json(201, { written: true, rows: 2, created: 1, ready: 1, rejected_rows: 1, errors: [known] }),
      ],
    })
    ;({ wrapper } = await mountRoute('/diplomatic-missions', 8))
    await until(() => wrapper!.find('[data-testid="import"]').exists())
    await wrapper!.find('[data-testid="import"]').trigger('click')
    await settle()
    await until(() => !!byTestId('import-upload'))
    expect(byTestId('import-template-csv')!.getAttribute('href')).toBe('/api/v1/diplomatic-missions/import-template?format=csv')
    byTestId('import-upload')!.click()
    await settle()
    await until(() => wrapper!.findComponent(VFileInput).exists())
    wrapper!.findComponent(VFileInput).vm.$emit('update:modelValue', new File(['kind\n'], 'reseau.xlsx'))
    await settle()
    byTestId('import-check-button')!.click()
    await settle()
    await until(() => !!byTestId('import-problem-0'))
    const [dryRun] = calls.filter((call) => call.method === 'POST')
    expect(dryRun.headers['Content-Type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(byTestId('import-problem-0')!.textContent).toContain('wikidata_qid')
    byTestId('import-valid-only')!.click()
    await settle()
    expect(paramsOf(calls.filter((call) => call.method === 'POST')[1]).get('mode')).toBe('valid_only')
    await until(() => !!byTestId('import-result'))
    expect(byTestId('import-result')!.textContent).toContain('1 représentation(s) créée(s) sur 2 ligne(s).')
    await until(() => calls.filter((call) => call.url.startsWith('/api/v1/diplomatic-missions/map')).length === 2)
    expect(calls.filter((call) => call.url.startsWith('/api/v1/diplomatic-missions?')).length).toBe(2)
  })

  it('offers no import to a manager', async () => {
    signIn('manager', 3)
    mockFetch(routes)
    ;({ wrapper } = await mountRoute('/diplomatic-missions', 8))
    await until(() => wrapper!.find('[data-testid="empty"]').exists())
    expect(wrapper!.find('[data-testid="import"]').exists()).toBe(false)
  })
})
