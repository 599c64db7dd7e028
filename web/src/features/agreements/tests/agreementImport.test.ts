// The import of the agreements register from the list (components/ImportMenu and
// SheetImportDialog): the templates as downloads, a dry run listing each problem with its row and
// column, then only the valid rows on an explicit choice; a refused file's problems in the same
// table; no import for a viewer.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { VFileInput } from 'vuetify/components'
import type { RecordImportReport } from '@/api/types'
import { clearCountryCache } from '@/composables/countries'
import { clearReferenceListCache } from '@/composables/referenceLists'
import { flush, json, mockFetch, mountRoute, problem, signIn, until, type Recorded } from '../../../../tests/helpers'
import { page } from '../../../../tests/fixtures'

const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}
const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null
const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams
const reference = {
  'GET /api/v1/action-types': () => json(200, page([])),
  'GET /api/v1/cooperation-domains': () => json(200, page([])),
  'GET /api/v1/countries': () => json(200, page([])),
}

function report(overrides: Partial<RecordImportReport> = {}): RecordImportReport {
  return { written: false, rows: 3, created: 0, ready: 2, rejected_rows: 1, errors: [], ...overrides }
}
const badParty = {
  field: 'rows[3].parties[1].country',
  code: 'unknown_country',
  row: 3,
  column: 'parties',
  message: 'Pays inconnu (code ISO 3166 à deux lettres attendu).',
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

async function openImport(routes: Parameters<typeof mockFetch>[0]) {
  signIn('officer', 2)
  const mocked = mockFetch({ ...reference, 'GET /api/v1/agreements': () => json(200, page([])), ...routes })
  ;({ wrapper } = await mountRoute('/agreements', 8))
  await until(() => wrapper!.find('[data-testid="import"]').exists())
  await wrapper!.find('[data-testid="import"]').trigger('click')
  await settle()
  await until(() => !!byTestId('import-upload'))
  expect(byTestId('import-template-xlsx')!.getAttribute('href')).toBe('/api/v1/agreements/import-template?format=xlsx')
  expect(byTestId('import-template-csv')!.getAttribute('href')).toBe('/api/v1/agreements/import-template?format=csv')
  byTestId('import-upload')!.click()
  await settle()
  await until(() => wrapper!.findComponent(VFileInput).exists())
  const file = new File(['kind,modality,title_fr,parties\n'], 'registre.csv', { type: 'application/vnd.ms-excel' })
  wrapper!.findComponent(VFileInput).vm.$emit('update:modelValue', file)
  await settle()
  byTestId('import-check-button')!.click()
  await settle()
  return mocked
}

describe('Agreements import', () => {
  it('checks first, shows each problem at its row and column, and writes only the valid rows when asked', async () => {
    const { calls } = await openImport({
      'POST /api/v1/agreements/import': [
        () => json(200, report({ errors: [badParty] })),
        () => json(201, report({ written: true, created: 2, errors: [badParty] })),
      ],
    })
    const [dryRun] = calls.filter((call) => call.method === 'POST')
    expect(paramsOf(dryRun).get('dry_run')).toBe('true')
    expect(dryRun.headers['Content-Type']).toBe('text/csv')
    await until(() => !!byTestId('import-problem-0'))
    const row = byTestId('import-problem-0')!
    expect(row.textContent).toContain('3')
    expect(row.textContent).toContain('parties')
    expect(row.textContent).toContain('Pays inconnu')
    expect(byTestId('import-all')!.hasAttribute('disabled')).toBe(true)

    byTestId('import-valid-only')!.click()
    await settle()
    const write = calls.filter((call) => call.method === 'POST')[1]
    expect(paramsOf(write).get('mode')).toBe('valid_only')
    await until(() => !!byTestId('import-result'))
    expect(byTestId('import-result')!.textContent).toContain('2 accord(s) créé(s) sur 3 ligne(s).')
    expect(byTestId('import-result-counts')!.textContent).toContain('Lignes écartées : 1')
    // The list is read again.
    expect(calls.filter((call) => call.url.startsWith('/api/v1/agreements?')).length).toBe(2)
  })

  it('shows the problems of a refused file (422) in the same table', async () => {
    await openImport({
      'POST /api/v1/agreements/import': () =>
        problem(422, 'validation_failed', {
          errors: [
            { field: 'rows[1].shoe_size', code: 'unknown_column', message: 'Colonne inconnue : le modèle de fichier ne la prévoit pas.' },
            { field: 'file', code: 'missing_column', message: 'Il manque au fichier la colonne kind.' },
          ],
        }),
    })
    await until(() => !!byTestId('import-file-problems'))
    expect(byTestId('import-problem-0')!.textContent).toContain('shoe_size')
    expect(byTestId('import-problem-1')!.textContent).toContain('Il manque au fichier la colonne kind.')
    expect(byTestId('import-all')).toBeNull()
  })

  it('offers no import to a viewer', async () => {
    signIn('viewer', 3)
    mockFetch({ ...reference, 'GET /api/v1/agreements': () => json(200, page([])) })
    ;({ wrapper } = await mountRoute('/agreements', 8))
    await until(() => wrapper!.find('[data-testid="empty"]').exists())
    expect(wrapper!.find('[data-testid="import"]').exists()).toBe(false)
  })
})
