import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { VFileInput, VRating } from 'vuetify/components'
import type { ImportReport, Nomination } from '@/api/types'
import { flush, json, mockFetch, mountRoute, problem, signIn, until, type Recorded } from '../../../../tests/helpers'
import { action, nomination, page } from '../../../../tests/fixtures'

const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}
const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null
const paramsOf = (call: Recorded) => new URL(call.url, 'http://localhost').searchParams

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return { written: false, rows: 3, nominations_created: 0, nominations_ready: 2, people_created: 0, people_matched: 0, rejected_rows: 1, errors: [], ...overrides }
}

describe('Bulk import on the participants tab', () => {
  const badRow = { field: 'rows[3].birth_date', code: 'invalid_date', row: 3, column: 'birth_date', message: 'Date invalide (AAAA-MM-JJ).' }

  async function openImport(routes: Parameters<typeof mockFetch>[0]) {
    signIn('officer', 2)
    const mocked = mockFetch({
      'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }),
      'GET /api/v1/nominations': () => json(200, page([])),
      ...routes,
    })
    ;({ wrapper } = await mountRoute('/actions/7/participants', 8))
    await until(() => wrapper!.find('[data-testid="import"]').exists())
    await wrapper!.find('[data-testid="import"]').trigger('click')
    await settle()
    const file = new File(['latin_name,birth_date\nAwa,1990-01-01\nMoussa,1990-02-02\nBad,31/02/1990\n'], 'candidats.csv', { type: 'application/vnd.ms-excel' })
    wrapper!.findComponent(VFileInput).vm.$emit('update:modelValue', file)
    await settle()
    byTestId('import-check-button')!.click()
    await settle()
    return mocked
  }

  it('checks first, lists each problem with row and column, and imports only the valid rows when asked', async () => {
    const { calls } = await openImport({
      'POST /api/v1/actions/7/nominations/import': [
        () => json(200, report({ errors: [badRow] })),
        () => json(201, report({ written: true, nominations_created: 2, people_created: 1, people_matched: 1, errors: [badRow] })),
      ],
    })
    const [dryRun] = calls.filter((call) => call.method === 'POST')
    expect(paramsOf(dryRun).get('dry_run')).toBe('true')
    expect(paramsOf(dryRun).get('mode')).toBeNull()
    // The file itself is the body, sent as CSV whatever type the browser guessed.
    expect(dryRun.headers['Content-Type']).toBe('text/csv')
    expect(dryRun.body).toBeInstanceOf(File)

    const row = byTestId('import-problem-0')!
    expect(row.textContent).toContain('3')
    expect(row.textContent).toContain('birth_date')
    expect(row.textContent).toContain('Date invalide (AAAA-MM-JJ).')
    // With an error, "import all" is refused; keeping the valid rows is an explicit, separate choice.
    expect(byTestId('import-all')!.hasAttribute('disabled')).toBe(true)
    expect(byTestId('import-valid-only')!.textContent).toContain('2')

    byTestId('import-valid-only')!.click()
    await settle()
    const write = calls.filter((call) => call.method === 'POST')[1]
    expect(paramsOf(write).get('mode')).toBe('valid_only')
    expect(paramsOf(write).get('dry_run')).toBeNull()
    await until(() => !!byTestId('import-result'))
    expect(byTestId('import-result')!.textContent).toContain('2 candidature(s) créée(s) sur 3 ligne(s).')
    expect(byTestId('import-result-counts')!.textContent).toContain('Lignes écartées : 1')
    // The board is read again to show the new participants.
    expect(calls.filter((call) => call.url.startsWith('/api/v1/nominations?')).length).toBe(2)
  })

  it('imports all when the check found nothing wrong', async () => {
    const { calls } = await openImport({
      'POST /api/v1/actions/7/nominations/import': [() => json(200, report({ rows: 2, rejected_rows: 0 })), () => json(201, report({ written: true, rows: 2, nominations_created: 2, rejected_rows: 0 }))],
    })
    expect(byTestId('import-valid-only')).toBeNull()
    byTestId('import-all')!.click()
    await settle()
    expect(paramsOf(calls.filter((call) => call.method === 'POST')[1]).get('mode')).toBe('all')
  })

  it('shows problems of the file as a whole (422) in the same table', async () => {
    await openImport({
      'POST /api/v1/actions/7/nominations/import': () =>
        problem(422, 'validation_failed', { errors: [{ field: 'rows[1].colour', code: 'unknown_column', message: 'Colonne inconnue.' }] }),
    })
    expect(byTestId('import-file-problems')).not.toBeNull()
    expect(byTestId('import-problem-0')!.textContent).toContain('colour')
    expect(byTestId('import-problem-0')!.textContent).toContain('Colonne inconnue.')
    expect(byTestId('import-all')).toBeNull()
  })

  it('offers the export and the template as downloads of the API', async () => {
    signIn('officer', 2)
    mockFetch({ 'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }), 'GET /api/v1/nominations': () => json(200, page([])) })
    ;({ wrapper } = await mountRoute('/actions/7/participants', 8))
    await until(() => wrapper!.find('[data-testid="sheets-menu"]').exists())
    await wrapper!.find('[data-testid="sheets-menu"]').trigger('click')
    await settle()
    expect(byTestId('export-csv')!.getAttribute('href')).toBe('/api/v1/nominations/export?action_id=7&format=csv')
    expect(byTestId('template-xlsx')!.getAttribute('href')).toBe('/api/v1/nominations/template?format=xlsx')
  })

  it('hides the import from a host focal point', async () => {
    signIn('host', 6)
    mockFetch({ 'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }), 'GET /api/v1/nominations': () => json(200, page([])) })
    ;({ wrapper } = await mountRoute('/actions/7/participants', 8))
    await until(() => wrapper!.find('[data-testid="sheets-menu"]').exists())
    expect(wrapper!.find('[data-testid="import"]').exists()).toBe(false)
  })
})

describe('AttendanceTab', () => {
  const arrived = nomination({ id: 50, state: 'arrived', version: 3 })
  const selected = nomination({ id: 51, person_id: 6, person_latin_name: 'Awa Ndiaye', state: 'selected' })
  const detail = (n: Nomination, attendance: { day: string; present: boolean }[]) => ({ ...n, attendance, days_present: attendance.filter((a) => a.present).length })
  const shortAction = action({ start_date: '2027-03-01', end_date: '2027-03-03', status: 'ongoing' })

  it('lists arrived participants only, day by day, and records a day with the nomination’s ETag', async () => {
    signIn('officer', 2)
    const { calls } = mockFetch({
      'GET /api/v1/actions/7': () => json(200, shortAction, { ETag: '"4"' }),
      'GET /api/v1/nominations': () => json(200, page([arrived, selected])),
      'GET /api/v1/nominations/50': () => json(200, detail(arrived, [{ day: '2027-03-01', present: true }]), { ETag: '"3"' }),
      'PUT /api/v1/nominations/50/attendance/2027-03-02': () => json(200, detail({ ...arrived, version: 4 }, [{ day: '2027-03-01', present: true }, { day: '2027-03-02', present: true }]), { ETag: '"4"' }),
    })
    ;({ wrapper } = await mountRoute('/actions/7/attendance', 8))
    await until(() => wrapper!.find('[data-testid="attendance-grid"]').exists())
    expect(wrapper!.findAll('[data-testid="attendance-grid"] tbody tr')).toHaveLength(1)
    expect(wrapper!.findAll('[data-testid="attendance-grid"] thead th[data-testid^="day-"]')).toHaveLength(3)
    expect(calls.some((call) => call.url === '/api/v1/nominations/51')).toBe(false)
    expect(wrapper!.find('[data-testid="days-present-50"]').text()).toBe('1')

    await wrapper!.find('[data-testid="cell-50-2027-03-02"] input').trigger('click')
    await settle()
    const put = calls.find((call) => call.method === 'PUT')!
    expect(put.headers['If-Match']).toBe('"3"')
    expect(put.body).toEqual({ present: true })
    expect(wrapper!.find('[data-testid="days-present-50"]').text()).toBe('2')
  })

  it('is read-only for finance, and the tab is offered only for actions of several days', async () => {
    signIn('finance', 4)
    mockFetch({
      'GET /api/v1/actions/7': () => json(200, shortAction, { ETag: '"4"' }),
      'GET /api/v1/nominations': () => json(200, page([arrived])),
      'GET /api/v1/nominations/50': () => json(200, detail(arrived, [{ day: '2027-03-01', present: false }]), { ETag: '"3"' }),
    })
    ;({ wrapper } = await mountRoute('/actions/7/attendance', 8))
    await until(() => wrapper!.find('[data-testid="attendance-grid"]').exists())
    expect(wrapper!.find('[data-testid="attendance-grid"] input').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="cell-50-2027-03-01"]').text()).toBe('✗')
    expect(wrapper!.find('[data-testid="tab-action-attendance"]').exists()).toBe(true)
    // Finance reads no evaluation summary.
    expect(wrapper!.find('[data-testid="tab-action-evaluations"]').exists()).toBe(false)
  })

  it('has no attendance tab for a one-day action', async () => {
    signIn('officer', 2)
    mockFetch({ 'GET /api/v1/actions/7': () => json(200, action({ start_date: '2027-03-01', end_date: '2027-03-01' }), { ETag: '"4"' }) })
    ;({ wrapper } = await mountRoute('/actions/7/quotas', 8))
    await until(() => wrapper!.find('[data-testid="action-tabs"]').exists())
    expect(wrapper!.find('[data-testid="tab-action-attendance"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="tab-action-evaluations"]').exists()).toBe(true)
  })
})

describe('Evaluations', () => {
  const completed = nomination({ id: 60, state: 'completed', action_status: 'completed', version: 7 })

  it('records a participant’s answers with the nomination’s ETag', async () => {
    signIn('officer', 2)
    const { calls } = mockFetch({
      'GET /api/v1/nominations/60': () => json(200, { ...completed, events: [], attendance: [], days_present: 0 }, { ETag: '"7"' }),
      'GET /api/v1/nominations/60/evaluation': () => problem(404, 'not_found'),
      'PUT /api/v1/nominations/60/evaluation': () =>
        json(201, { nomination_id: 60, overall: 4, content: null, organisation: null, usefulness: null, comment: 'Très utile', submitted_at: '2027-03-20T10:00:00Z' }, { ETag: '"8"' }),
    })
    ;({ wrapper } = await mountRoute('/nominations/60/evaluation', 8))
    await until(() => wrapper!.find('[data-testid="evaluation-save"]').exists())
    // Overall is required: nothing is sent without it.
    await wrapper!.find('form').trigger('submit')
    await settle()
    expect(calls.some((call) => call.method === 'PUT')).toBe(false)
    expect(wrapper!.find('[data-testid="score-overall"]').text()).toContain('Ce champ est obligatoire.')

    wrapper!.findAllComponents(VRating)[0].vm.$emit('update:modelValue', 4)
    await settle()
    await wrapper!.find('[data-testid="evaluation-comment"] textarea').setValue('Très utile')
    await wrapper!.find('form').trigger('submit')
    await settle()
    const put = calls.find((call) => call.method === 'PUT')!
    expect(put.headers['If-Match']).toBe('"7"')
    expect(put.body).toEqual({ overall: 4, content: null, organisation: null, usefulness: null, comment: 'Très utile' })
    expect(wrapper!.text()).toContain('Réponses enregistrées')
  })

  it('shows what someone else saved in between (412) in the conflict dialog', async () => {
    signIn('officer', 2)
    const theirs = { nomination_id: 60, overall: 2, content: null, organisation: null, usefulness: null, comment: null, submitted_at: '2027-03-20T10:00:00Z' }
    mockFetch({
      'GET /api/v1/nominations/60': () => json(200, { ...completed, events: [] }, { ETag: '"7"' }),
      'GET /api/v1/nominations/60/evaluation': [() => problem(404, 'not_found'), () => json(200, theirs, { ETag: '"8"' })],
      'PUT /api/v1/nominations/60/evaluation': () => problem(412, 'precondition_failed'),
    })
    ;({ wrapper } = await mountRoute('/nominations/60/evaluation', 8))
    await until(() => wrapper!.find('[data-testid="evaluation-save"]').exists())
    wrapper!.findAllComponents(VRating)[0].vm.$emit('update:modelValue', 5)
    await settle()
    await wrapper!.find('form').trigger('submit')
    await settle()
    await until(() => !!byTestId('conflict-dialog'))
    const row = byTestId('conflict-row-overall')!
    expect(row.querySelector('.mine')!.textContent).toBe('5')
    expect(row.querySelector('.theirs')!.textContent).toBe('2')
  })

  it('summarises an action’s evaluations for staff', async () => {
    signIn('manager', 3)
    const { calls } = mockFetch({
      'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }),
      'GET /api/v1/actions/7/evaluations': () =>
        json(200, {
          action_id: 7,
          count: 2,
          scores: {
            overall: { answers: 2, average: 4.5 },
            content: { answers: 1, average: 4 },
            organisation: { answers: 0, average: null },
            usefulness: { answers: 2, average: 3.5 },
          },
          comments: [{ comment: 'Excellent atelier', overall: 5, submitted_in: '2027-03' }],
        }),
    })
    ;({ wrapper } = await mountRoute('/actions/7/evaluations', 8))
    await until(() => wrapper!.find('[data-testid="evaluation-scores"]').exists())
    expect(calls.some((call) => call.url === '/api/v1/actions/7/evaluations')).toBe(true)
    expect(wrapper!.find('[data-testid="evaluation-count"]').text()).toBe('2 évaluations')
    expect(wrapper!.find('[data-testid="summary-overall"]').text()).toContain('4,50')
    expect(wrapper!.find('[data-testid="summary-organisation"]').text()).toContain('—')
    expect(wrapper!.find('[data-testid="comment-0"]').text()).toContain('Excellent atelier')
    // Only the month, never a time that could be matched with a participant's record.
    expect(wrapper!.find('[data-testid="comment-0"]').text()).toContain('mars 2027')
  })
})
