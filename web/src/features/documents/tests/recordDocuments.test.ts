// The documents component on records other than actions: the owner's own list and kinds, the
// download and removal paths of the second shelf (/record-documents), and who may write, from /me.
import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { VFileInput, VSelect } from 'vuetify/components'
import { setCsrfToken } from '@/api/client'
import type { Document } from '@/api/types'
import RecordDocuments from '../RecordDocuments.vue'
import type { DocumentOwner } from '../api'
import { createTestPlugins, flush, json, mockFetch, signIn, until } from '../../../../tests/helpers'

const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}
const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
  setCsrfToken(null)
})

function doc(overrides: Partial<Document> = {}): Document {
  return {
    id: 41,
    owner_kind: 'agreement',
    owner_id: 5,
    kind: 'signed_copy',
    title: 'Accord signé',
    file_name: 'accord-signe.pdf',
    media_type: 'application/pdf',
    size_bytes: 2048,
    sha256: 'b'.repeat(64),
    audience: 'focal_points',
    uploaded_by: 2,
    uploaded_by_name: 'officer',
    created_at: '2027-02-01T09:30:00Z',
    ...overrides,
  }
}

async function mountFor(owner: DocumentOwner) {
  const { i18n, vuetify } = createTestPlugins('fr')
  wrapper = mount(RecordDocuments, { props: { owner }, global: { plugins: [i18n, vuetify] }, attachTo: document.body })
  await until(() => wrapper!.find('[data-testid="documents-table"]').exists() || wrapper!.find('[data-testid="empty"]').exists())
}

describe('RecordDocuments', () => {
  it('lists an agreement’s documents with their own kinds and links them to the record-documents shelf', async () => {
    signIn('viewer', 3)
    mockFetch({ 'GET /api/v1/agreements/5/documents': () => json(200, { items: [doc(), doc({ id: 40, kind: 'annex', title: 'Annexe I' })], total: 2 }) })
    await mountFor({ kind: 'agreement', id: 5 })
    const rows = wrapper!.findAll('[data-testid="documents-table"] tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0].text()).toContain('Copie signée')
    expect(rows[1].text()).toContain('Annexe')
    expect(wrapper!.find('[data-testid="document-download-41"]').attributes('href')).toBe('/api/v1/record-documents/41')
    // A viewer reads and downloads, and neither adds nor removes.
    expect(wrapper!.find('[data-testid="document-add"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="document-delete-41"]').exists()).toBe(false)
  })

  it('offers a session’s kinds of document only, and uploads to the session', async () => {
    signIn('officer', 2)
    setCsrfToken('csrf-1')
    const created = doc({ id: 42, owner_kind: 'joint_commission', owner_id: 8, kind: 'minutes', title: 'PV' })
    const { calls } = mockFetch({
      'GET /api/v1/joint-commissions/8/documents': [() => json(200, { items: [], total: 0 }), () => json(200, { items: [created], total: 1 })],
      'POST /api/v1/joint-commissions/8/documents': () => json(201, created),
    })
    await mountFor({ kind: 'joint_commission', id: 8 })
    expect(wrapper!.find('[data-testid="empty"]').text()).toContain('Aucun document pour cette session.')
    await wrapper!.find('[data-testid="document-add"]').trigger('click')
    await settle()
    const select = wrapper!.findComponent(VSelect)
    expect((select.props('items') as { value: string }[]).map((item) => item.value)).toEqual(['minutes', 'agenda', 'annex', 'other'])
    // The audience for focal points names the partner countries' (no host institution here).
    expect(byTestId('document-audience-focal_points')!.textContent).toContain('points focaux des pays partenaires')
    wrapper!.findComponent(VFileInput).vm.$emit('update:modelValue', new File(['%PDF-1.4\n'], 'pv.pdf', { type: 'application/pdf' }))
    select.vm.$emit('update:modelValue', 'minutes')
    await settle()
    byTestId('document-save')!.click()
    await settle()
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.url.split('?')[0]).toBe('/api/v1/joint-commissions/8/documents')
    expect(new URL(post.url, 'http://localhost').searchParams.get('kind')).toBe('minutes')
    await until(() => wrapper!.find('[data-testid="document-42"]').exists())
  })

  it('removes an engagement’s document at /record-documents after confirmation', async () => {
    signIn('manager', 4)
    const note = doc({ id: 43, owner_kind: 'engagement', owner_id: 9, kind: 'notification', title: 'Notification' })
    const { calls } = mockFetch({
      'GET /api/v1/engagements/9/documents': [() => json(200, { items: [note], total: 1 }), () => json(200, { items: [], total: 0 })],
      'DELETE /api/v1/record-documents/43': () => new Response(null, { status: 204 }),
    })
    await mountFor({ kind: 'engagement', id: 9 })
    await wrapper!.find('[data-testid="document-delete-43"]').trigger('click')
    await settle()
    byTestId('confirm')!.click()
    await settle()
    expect(calls.filter((call) => call.method === 'DELETE').map((call) => call.url)).toEqual(['/api/v1/record-documents/43'])
    await until(() => wrapper!.find('[data-testid="empty"]').exists())
  })

  it('tells a partner focal point that nothing of the agreement is shared yet, without an add button', async () => {
    signIn('partner', 6)
    mockFetch({ 'GET /api/v1/agreements/5/documents': () => json(200, { items: [], total: 0 }) })
    await mountFor({ kind: 'agreement', id: 5 })
    expect(wrapper!.find('[data-testid="empty"]').text()).toContain('Aucun document de cet accord n’est partagé avec les points focaux')
    expect(wrapper!.find('[data-testid="document-add"]').exists()).toBe(false)
  })
})
