import { afterEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { VFileInput, VSelect } from 'vuetify/components'
import { setCsrfToken } from '@/api/client'
import type { Document } from '@/api/types'
import { flush, json, mockFetch, mountRoute, problem, signIn, until, type Recorded } from '../../../../tests/helpers'
import { action } from '../../../../tests/fixtures'

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
  setCsrfToken(null)
})

function doc(overrides: Partial<Document> = {}): Document {
  return {
    id: 31,
    action_id: 7,
    owner_kind: 'action',
    owner_id: 7,
    kind: 'programme',
    title: 'Programme de l’atelier',
    file_name: 'programme.pdf',
    media_type: 'application/pdf',
    size_bytes: 250_880,
    sha256: 'a'.repeat(64),
    audience: 'focal_points',
    uploaded_by: 2,
    uploaded_by_name: 'Chargée de programme',
    created_at: '2027-02-01T09:30:00Z',
    ...overrides,
  }
}
const programme = doc()
const invoice = doc({ id: 30, kind: 'invoice', title: 'Facture hôtel', file_name: 'facture.xlsx', size_bytes: 900, audience: 'staff' })

function routes(extra: Parameters<typeof mockFetch>[0] = {}) {
  return {
    'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }),
    'GET /api/v1/actions/7/documents': () => json(200, { items: [programme, invoice], total: 2 }),
    ...extra,
  }
}

async function openTab() {
  ;({ wrapper } = await mountRoute('/actions/7/documents', 8))
  await until(() => wrapper!.find('[data-testid="documents-table"]').exists() || wrapper!.find('[data-testid="empty"]').exists())
}

/** Opens the dialog and chooses a small PDF. */
async function chooseFile(bytes = '%PDF-1.4\n%âãÏÓ\n') {
  await wrapper!.find('[data-testid="document-add"]').trigger('click')
  await settle()
  const file = new File([bytes], 'rapport final.pdf', { type: 'application/pdf' })
  wrapper!.findComponent(VFileInput).vm.$emit('update:modelValue', file)
  await settle()
  return file
}

describe('Documents tab of an action', () => {
  it('lists the documents, newest first, with kind, size, uploader, the focal-points chip and a download link', async () => {
    signIn('officer', 2)
    mockFetch(routes())
    await openTab()
    expect(wrapper!.find('[data-testid="tab-action-documents"]').text()).toBe('Documents')
    const rows = wrapper!.findAll('[data-testid="documents-table"] tbody tr')
    expect(rows.map((row) => row.attributes('data-testid'))).toEqual(['document-31', 'document-30'])
    const first = rows[0].text()
    expect(first).toContain('Programme de l’atelier')
    expect(first).toContain('programme.pdf')
    expect(first).toContain('Programme')
    // Sizes in the language's units (Intl puts a no-break space before them).
    expect(first).toMatch(/245\sko/)
    expect(first).toContain('Chargée de programme')
    expect(wrapper!.find('[data-testid="document-shared-31"]').text()).toBe('Partagé avec les points focaux')
    expect(wrapper!.find('[data-testid="document-shared-30"]').exists()).toBe(false)
    expect(rows[1].text()).toContain('Facture')
    expect(rows[1].text()).toMatch(/900\so/)
    const download = wrapper!.find('[data-testid="document-download-31"]')
    expect(download.attributes('href')).toBe('/api/v1/documents/31')
    expect(download.attributes('download')).toBeDefined()
    expect(wrapper!.find('[data-testid="document-add"]').exists()).toBe(true)
    expect(wrapper!.find('[data-testid="document-delete-31"]').exists()).toBe(true)
  })

  it('says when there is no document', async () => {
    signIn('officer', 2)
    mockFetch(routes({ 'GET /api/v1/actions/7/documents': () => json(200, { items: [], total: 0 }) }))
    await openTab()
    expect(wrapper!.find('[data-testid="empty"]').text()).toContain('Aucun document pour cette action.')
  })

  it('tells a focal point that nothing is shared with them yet', async () => {
    signIn('host', 6)
    mockFetch(routes({ 'GET /api/v1/actions/7/documents': () => json(200, { items: [], total: 0 }) }))
    await openTab()
    expect(wrapper!.find('[data-testid="empty"]').text()).toContain('Aucun document de cette action n’est partagé avec les points focaux pour l’instant.')
    expect(wrapper!.find('[data-testid="document-add"]').exists()).toBe(false)
  })

  for (const role of ['viewer', 'partner'] as const) {
    it(`lets a ${role} read and download, without adding or removing`, async () => {
      signIn(role, 9)
      mockFetch(routes({ 'GET /api/v1/actions/7/documents': () => json(200, { items: [programme], total: 1 }) }))
      await openTab()
      expect(wrapper!.find('[data-testid="tab-action-documents"]').exists()).toBe(true)
      expect(wrapper!.find('[data-testid="document-31"]').exists()).toBe(true)
      expect(wrapper!.find('[data-testid="document-download-31"]').attributes('href')).toBe('/api/v1/documents/31')
      expect(wrapper!.find('[data-testid="document-add"]').exists()).toBe(false)
      expect(wrapper!.find('[data-testid="document-delete-31"]').exists()).toBe(false)
    })
  }

  it('adds a document: the file’s bytes are the body, its name, title, kind and audience the query', async () => {
    signIn('officer', 2)
    setCsrfToken('csrf-123')
    const created = doc({ id: 32, kind: 'report', title: 'Rapport final', file_name: 'rapport final.pdf', size_bytes: 16 })
    const { calls } = mockFetch(
      routes({
        'GET /api/v1/actions/7/documents': [() => json(200, { items: [programme, invoice], total: 2 }), () => json(200, { items: [created, programme, invoice], total: 3 })],
        'POST /api/v1/actions/7/documents': () => json(201, created),
      }),
    )
    await openTab()
    const file = await chooseFile()
    const title = document.querySelector('[data-testid="document-title"] input') as HTMLInputElement
    title.value = '  Rapport final  '
    title.dispatchEvent(new Event('input'))
    wrapper!.findComponent(VSelect).vm.$emit('update:modelValue', 'report')
    ;(document.querySelector('[data-testid="document-audience-focal_points"] input') as HTMLInputElement).click()
    await settle()
    byTestId('document-save')!.click()
    await settle()

    const post = calls.find((call) => call.method === 'POST')!
    expect(post.url.split('?')[0]).toBe('/api/v1/actions/7/documents')
    expect(Object.fromEntries(paramsOf(post))).toEqual({ file_name: 'rapport final.pdf', title: 'Rapport final', kind: 'report', audience: 'focal_points' })
    expect(post.headers['Content-Type']).toBe('application/octet-stream')
    expect(post.headers['X-CSRF-Token']).toBe('csrf-123')
    expect(post.body).toBe(file)
    expect(await (post.body as Blob).text()).toBe('%PDF-1.4\n%âãÏÓ\n')
    await until(() => wrapper!.find('[data-testid="document-32"]').exists())
    expect(calls.filter((call) => call.method === 'GET' && call.url === '/api/v1/actions/7/documents')).toHaveLength(2)
  })

  it('sends no title when none is typed, and the defaults (other, staff)', async () => {
    signIn('manager', 3)
    const { calls } = mockFetch(routes({ 'POST /api/v1/actions/7/documents': () => json(201, doc({ id: 33 })) }))
    await openTab()
    await chooseFile()
    byTestId('document-save')!.click()
    await settle()
    const post = calls.find((call) => call.method === 'POST')!
    expect(Object.fromEntries(paramsOf(post))).toEqual({ file_name: 'rapport final.pdf', kind: 'other', audience: 'staff' })
  })

  it('shows the server’s refusal of the file (content not as its extension says) at the file input', async () => {
    signIn('officer', 2)
    mockFetch(
      routes({
        'POST /api/v1/actions/7/documents': () =>
          problem(422, 'validation_failed', {
            errors: [{ field: 'file', code: 'file_content_mismatch', message: 'Le contenu du fichier ne correspond pas à un fichier pdf.' }],
          }),
      }),
    )
    await openTab()
    await chooseFile('MZ not a pdf')
    byTestId('document-save')!.click()
    await settle()
    expect(byTestId('document-file')!.textContent).toContain('Le contenu du fichier ne correspond pas à un fichier pdf.')
    expect(byTestId('document-dialog')).not.toBeNull()
    // Shown at its field only, not repeated above the form.
    expect(byTestId('document-dialog')!.querySelector('[data-testid="problem"]')).toBeNull()
  })

  it('shows a refused file type (on file_name) at the file input too, and other problems above the form', async () => {
    signIn('officer', 2)
    mockFetch(
      routes({
        'POST /api/v1/actions/7/documents': [
          () => problem(422, 'validation_failed', { errors: [{ field: 'file_name', code: 'file_type_not_allowed', message: 'Types acceptés : pdf, png.' }] }),
          () => problem(413, 'payload_too_large'),
        ],
      }),
    )
    await openTab()
    await chooseFile()
    byTestId('document-save')!.click()
    await settle()
    expect(byTestId('document-file')!.textContent).toContain('Types acceptés : pdf, png.')
    byTestId('document-save')!.click()
    await settle()
    expect(byTestId('document-dialog')!.querySelector('[data-testid="problem"]')!.textContent).toContain('detail payload_too_large')
  })

  it('removes a document only after confirmation', async () => {
    signIn('officer', 2)
    const { calls } = mockFetch(
      routes({
        'GET /api/v1/actions/7/documents': [() => json(200, { items: [programme, invoice], total: 2 }), () => json(200, { items: [programme], total: 1 })],
        'DELETE /api/v1/documents/30': () => new Response(null, { status: 204 }),
      }),
    )
    await openTab()
    await wrapper!.find('[data-testid="document-delete-30"]').trigger('click')
    await settle()
    expect(byTestId('confirm-dialog')!.textContent).toContain('Supprimer « Facture hôtel » (facture.xlsx) ?')
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false)
    byTestId('confirm')!.click()
    await settle()
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.url)).toEqual(['/api/v1/documents/30'])
    await until(() => !wrapper!.find('[data-testid="document-30"]').exists())
    expect(wrapper!.find('[data-testid="document-30"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="document-31"]').exists()).toBe(true)
  })

  it('cancelling the confirmation sends nothing', async () => {
    signIn('admin', 1)
    const { calls } = mockFetch(routes())
    await openTab()
    await wrapper!.find('[data-testid="document-delete-31"]').trigger('click')
    await settle()
    byTestId('confirm-cancel')!.click()
    await settle()
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false)
  })
})
