import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { h } from 'vue'
import { createMemoryHistory, RouterView } from 'vue-router'
import { VApp } from 'vuetify/components'
import { createAppRouter } from '@/router'
import type { Language } from '@/i18n'
import type { Certificate } from '@/api/types'
import { session } from '@/session'
import { createTestPlugins, flush, json, mockFetch, mountRoute, problem, signIn, until } from '../../../../tests/helpers'
import { nomination, page, person } from '../../../../tests/fixtures'

const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}
const byTestId = (id: string) => document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null

let wrapper: VueWrapper | null = null
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

const completed = nomination({ id: 60, state: 'completed', action_status: 'completed', version: 7 })
const certificate: Certificate = {
  code: '7K3M-X9QP-4TRW',
  nomination_id: 60,
  participant_name: 'Mohamed Diallo',
  action_title: 'Atelier de santé publique',
  start_date: '2027-03-01',
  end_date: '2027-03-12',
  days_present: 10,
  issued_at: '2027-03-13T09:00:00Z',
  issued_by: 'officer',
  verification_path: '/verify/7K3M-X9QP-4TRW',
}

describe('CertificateTab', () => {
  it('lets staff issue the certificate of a completed participant, then offers the PDFs and the code', async () => {
    signIn('officer', 2)
    const { calls } = mockFetch({
      'GET /api/v1/nominations/60': () => json(200, { ...completed, events: [] }, { ETag: '"7"' }),
      'GET /api/v1/nominations/60/certificate': () => problem(404, 'not_found'),
      'POST /api/v1/nominations/60/certificate': () => json(201, certificate),
    })
    ;({ wrapper } = await mountRoute('/nominations/60/certificate', 8))
    await until(() => wrapper!.find('[data-testid="certificate-issue"]').exists())
    expect(wrapper!.find('[data-testid="certificate-none"]').text()).toBe('Attestation pas encore délivrée.')
    await wrapper!.find('[data-testid="certificate-issue"]').trigger('click')
    await settle()
    expect(calls.filter((call) => call.method === 'POST').map((call) => call.url)).toEqual(['/api/v1/nominations/60/certificate'])
    expect(wrapper!.find('[data-testid="certificate-code"]').text()).toBe('7K3M-X9QP-4TRW')
    expect(wrapper!.find('[data-testid="certificate-pdf-fr"]').attributes('href')).toBe('/api/v1/nominations/60/certificate.pdf?lang=fr')
    expect(wrapper!.find('[data-testid="certificate-pdf-ar"]').attributes('href')).toBe('/api/v1/nominations/60/certificate.pdf?lang=ar')
    expect(wrapper!.find('[data-testid="certificate-verify-link"]').attributes('href')).toBe('/verify/7K3M-X9QP-4TRW')
  })

  it('gives a partner focal point no issue button while no certificate exists', async () => {
    signIn('partner', 8)
    mockFetch({
      'GET /api/v1/nominations/60': () => json(200, { ...completed, events: [] }, { ETag: '"7"' }),
      'GET /api/v1/nominations/60/certificate': () => problem(404, 'not_found'),
    })
    ;({ wrapper } = await mountRoute('/nominations/60/certificate', 8))
    await until(() => wrapper!.find('[data-testid="certificate-none"]').exists())
    expect(wrapper!.find('[data-testid="certificate-none"]').exists()).toBe(true)
    expect(wrapper!.find('[data-testid="certificate-issue"]').exists()).toBe(false)
  })
})

/** A page of the blank layout (no shell) needs the <v-app> that App.vue gives it. */
async function mountPublic(path: string, language: Language = 'fr') {
  const { i18n, vuetify } = createTestPlugins(language)
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  wrapper = mount({ render: () => h(VApp, () => h(RouterView)) }, { global: { plugins: [i18n, vuetify, router] }, attachTo: document.body })
  await settle()
}

describe('VerifyCertificateView (public)', () => {
  const routes = (answer: () => Response) => mockFetch({ 'GET /api/v1/certificates/7K3M-X9QP-4TRW': answer })

  it('shows a valid certificate to a visitor who is not signed in, without asking who they are', async () => {
    session.me = null
    const { calls } = routes(() =>
      json(200, { valid: true, code: '7K3M-X9QP-4TRW', participant_name: 'Mohamed Diallo', action_title: 'Atelier de santé publique', start_date: '2027-03-01', end_date: '2027-03-12', issued_at: '2027-03-13T09:00:00Z' }),
    )
    await mountPublic('/verify/7k3m x9qp 4trw')
    await until(() => wrapper!.find('[data-testid="verify-valid"]').exists())
    expect(calls.map((call) => call.url)).toEqual(['/api/v1/certificates/7K3M-X9QP-4TRW'])
    expect(wrapper!.find('[data-testid="verify-valid"]').text()).toContain('Attestation authentique')
    expect(wrapper!.find('[data-testid="verify-participant"]').text()).toBe('Mohamed Diallo')
    expect(wrapper!.find('[data-testid="verify-action"]').text()).toBe('Atelier de santé publique')
  })

  it('says plainly when no certificate has the code (404)', async () => {
    session.me = null
    routes(() => problem(404, 'not_found'))
    await mountPublic('/verify/7K3M-X9QP-4TRW')
    await until(() => wrapper!.find('[data-testid="verify-unknown"]').exists())
    expect(wrapper!.find('[data-testid="verify-unknown"]').text()).toContain('Aucune attestation ne porte ce code.')
    expect(wrapper!.find('[data-testid="verify-valid"]').exists()).toBe(false)
  })

  it('asks to wait after too many unknown codes (429 with Retry-After), in Arabic too', async () => {
    session.me = null
    routes(() => new Response(JSON.stringify({ status: 429, code: 'rate_limited', title: 'x' }), { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '600' } }))
    await mountPublic('/verify/7K3M-X9QP-4TRW', 'ar')
    await until(() => wrapper!.find('[data-testid="verify-wait"]').exists())
    expect(wrapper!.find('[data-testid="verify-wait"]').text()).toContain('10 دقيقة')
  })
})

describe('Person profile: alumni follow-up and certificates', () => {
  const followUp = { id: 3, person_id: 5, recorded_on: '2027-06-01', position: 'Directeur régional', organisation_name: 'Ministère de la Santé', contact_consent: true, note: null, created_at: '2027-06-01T10:00:00Z' }
  const profileRoutes = (extra = {}) => ({
    'GET /api/v1/people/5': () => json(200, person(), { ETag: '"2"' }),
    'GET /api/v1/people/5/duplicates': () => json(200, { items: [], total: 0 }),
    'GET /api/v1/nominations': () => json(200, page([completed])),
    'GET /api/v1/nominations/60/certificate': () => json(200, certificate),
    'GET /api/v1/people/5/follow-ups': () => json(200, { items: [followUp], total: 1 }),
    ...extra,
  })

  it('lists follow-ups and certificates, and adds a follow-up', async () => {
    signIn('officer', 2)
    const { calls } = mockFetch(
      profileRoutes({ 'POST /api/v1/people/5/follow-ups': () => json(201, { ...followUp, id: 4, position: 'Consultant', contact_consent: false }) }),
    )
    ;({ wrapper } = await mountRoute('/people/5', 12))
    await until(() => wrapper!.find('[data-testid="follow-up-3"]').exists() && wrapper!.find('[data-testid="person-certificate-60"]').exists())
    expect(wrapper!.find('[data-testid="follow-up-3"]').text()).toContain('Directeur régional · Ministère de la Santé')
    expect(wrapper!.find('[data-testid="follow-up-consent-3"]').text()).toBe('Accepte d’être recontacté(e)')
    expect(wrapper!.find('[data-testid="person-certificate-60"]').text()).toContain('7K3M-X9QP-4TRW')
    const certificateList = calls.find((call) => call.url.startsWith('/api/v1/nominations?') && call.url.includes('state=completed'))!
    expect(new URL(certificateList.url, 'http://localhost').searchParams.get('person_id')).toBe('5')

    await wrapper!.find('[data-testid="follow-up-add"]').trigger('click')
    await settle()
    const position = document.querySelector('[data-testid="follow-up-position"] input') as HTMLInputElement
    position.value = 'Consultant'
    position.dispatchEvent(new Event('input'))
    await settle()
    byTestId('follow-up-save')!.click()
    await settle()
    const post = calls.find((call) => call.method === 'POST')!
    expect(post.url).toBe('/api/v1/people/5/follow-ups')
    expect(post.body).toEqual({ recorded_on: null, position: 'Consultant', organisation_name: null, contact_consent: false, note: null })
    expect(calls.filter((call) => call.url === '/api/v1/people/5/follow-ups' && call.method === 'GET')).toHaveLength(2)
  })

  it('shows the server’s field error (a date in the future) at its input', async () => {
    signIn('officer', 2)
    mockFetch(
      profileRoutes({
        'POST /api/v1/people/5/follow-ups': () =>
          problem(422, 'validation_failed', { errors: [{ field: 'recorded_on', code: 'future_date', message: 'La date ne peut pas être dans le futur.' }] }),
      }),
    )
    ;({ wrapper } = await mountRoute('/people/5', 12))
    await until(() => wrapper!.find('[data-testid="follow-up-add"]').exists())
    await wrapper!.find('[data-testid="follow-up-add"]').trigger('click')
    await settle()
    byTestId('follow-up-save')!.click()
    await settle()
    expect(byTestId('follow-up-date')!.textContent).toContain('La date ne peut pas être dans le futur.')
  })

  it('hides the follow-up from a partner focal point of another country', async () => {
    signIn('partner', 8)
    session.me = { ...session.me!, countries: ['ML'] }
    const { calls } = mockFetch(profileRoutes())
    ;({ wrapper } = await mountRoute('/people/5', 12))
    await until(() => wrapper!.find('[data-testid="person-fields"]').exists())
    await settle()
    expect(wrapper!.find('[data-testid="person-fields"]').exists()).toBe(true)
    expect(wrapper!.find('[data-testid="follow-ups"]').exists()).toBe(false)
    expect(calls.some((call) => call.url.includes('follow-ups'))).toBe(false)
  })
})
