import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { h } from 'vue'
import { createMemoryHistory, RouterView, type Router } from 'vue-router'
import { VApp } from 'vuetify/components'
import { configureClient, getCsrfToken, setCsrfToken } from '@/api/client'
import { createAppRouter } from '@/router'
import { session } from '@/session'
import type { Me } from '@/api/types'
import { createTestPlugins, flush, json, mockFetch, permissionsOf, problem, signIn, until } from '../../../../tests/helpers'

const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}

function me(role: Me['role'], extra: Partial<Me> = {}): Me {
  return { id: 9, username: role, display_name: role, role, countries: [], organisations: [], language: 'fr', version: 1, permissions: permissionsOf(role), ...extra }
}

const sessionsPage = {
  items: [
    { id: 12, created_at: '2026-12-02T08:00:00Z', last_used_at: '2026-12-02T09:00:00Z', device: 'Firefox, Linux', current: true },
    { id: 7, created_at: '2026-12-01T08:00:00Z', last_used_at: '2026-12-01T18:30:00Z', device: 'Safari, iOS', current: false },
  ],
  total: 2,
}

let wrapper: VueWrapper | null = null
let router: Router

async function mountAt(path: string) {
  const { i18n, vuetify } = createTestPlugins('fr')
  router = createAppRouter(createMemoryHistory())
  await router.push(path)
  wrapper = mount({ render: () => h(VApp, () => h(RouterView)) }, { global: { plugins: [i18n, vuetify, router] }, attachTo: document.body })
  await settle()
}

afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('LoginView with a second factor', () => {
  beforeEach(() => {
    session.me = null
    session.checked = false
    setCsrfToken(null)
    configureClient({ language: () => 'fr', onUnauthenticated: () => {} })
  })

  async function submitPassword() {
    await wrapper!.find('input[name="username"]').setValue('finance')
    await wrapper!.find('input[autocomplete="current-password"]').setValue('Demo-password-1')
    await wrapper!.find('form').trigger('submit')
    await settle()
  }

  it('asks for the code when the server says so, then sends both', async () => {
    const { calls } = mockFetch({
      'POST /api/v1/session': [
        () => problem(401, 'totp_required'),
        () => problem(401, 'unauthenticated'),
        () => json(200, { csrf_token: 'token-2fa', user: me('finance', { totp_enabled: true }), totp_enrolment_required: false }),
      ],
      'GET /api/v1/me': () => json(200, me('finance', { totp_enabled: true })),
      'GET /api/v1/currencies': () => json(200, { items: [], total: 0 }),
    })
    await mountAt('/login?redirect=%2Freference%2Fcurrencies')
    await submitPassword()
    expect(wrapper!.find('[data-testid="login-code-form"]').exists()).toBe(true)
    expect(wrapper!.find('[data-testid="login-failed"]').exists()).toBe(false)
    expect(calls[0].body).toEqual({ username: 'finance', password: 'Demo-password-1' })

    // A wrong code: said so, and the code is asked again.
    await wrapper!.find('[data-testid="login-code"] input').setValue('000000')
    await wrapper!.find('[data-testid="login-code-form"]').trigger('submit')
    await settle()
    expect(wrapper!.find('[data-testid="login-code-failed"]').exists()).toBe(true)
    expect(calls[1].body).toEqual({ username: 'finance', password: 'Demo-password-1', totp: '000000' })

    await wrapper!.find('[data-testid="login-code"] input').setValue(' 123456 ')
    await wrapper!.find('[data-testid="login-code-form"]').trigger('submit')
    await until(() => router.currentRoute.value.name !== 'login')
    expect(calls[2].body).toEqual({ username: 'finance', password: 'Demo-password-1', totp: '123456' })
    expect(getCsrfToken()).toBe('token-2fa')
    expect(router.currentRoute.value.fullPath).toBe('/reference/currencies')
  })

  it('sends a role that must enrol to the enrolment screen', async () => {
    mockFetch({
      'POST /api/v1/session': () => json(200, { csrf_token: 't', user: me('admin'), totp_enrolment_required: true }),
      'GET /api/v1/me': () => json(200, me('admin', { totp_enrolment_required: true })),
      'GET /api/v1/me/sessions': () => json(200, sessionsPage),
    })
    await mountAt('/login?redirect=%2Forganisations')
    await submitPassword()
    await until(() => router.currentRoute.value.name !== 'login')
    expect(router.currentRoute.value.name).toBe('account')
    await settle()
    expect(session.me?.totp_enrolment_required).toBe(true)
    expect(wrapper!.find('[data-testid="totp-required"]').exists()).toBe(true)
  })
})

describe('AccountView: two-factor sign-in and sessions', () => {
  beforeEach(() => {
    signIn('officer')
    setCsrfToken('csrf-1')
  })

  it('enrols: QR code and key, confirmation with a code, recovery codes shown once', async () => {
    const codes = ['ABCDE-FGHJK', 'LMNPQ-RSTUV', '23456-789AB', 'CDEFG-HJKLM', 'NPQRS-TUVWX', 'YZ234-56789', 'ABCDE-23456', 'FGHJK-789AB', 'LMNPQ-CDEFG', 'RSTUV-HJKLM']
    const { calls } = mockFetch({
      'GET /api/v1/me/sessions': () => json(200, sessionsPage),
      'POST /api/v1/me/totp': () =>
        json(200, { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', uri: 'otpauth://totp/Taawun:officer?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', qr_svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }),
      'POST /api/v1/me/totp/confirm': [
        () => problem(422, 'validation_failed', { errors: [{ field: 'code', code: 'wrong_code', message: 'Code incorrect ou expiré.' }] }),
        () => json(200, { recovery_codes: codes }),
      ],
      'GET /api/v1/me': () => json(200, me('officer', { totp_enabled: true, version: 2 })),
    })
    await mountAt('/account')
    expect(wrapper!.find('[data-testid="totp-off-state"]').exists()).toBe(true)
    await wrapper!.find('[data-testid="totp-start"]').trigger('click')
    await settle()
    expect(wrapper!.find('[data-testid="totp-qr"]').attributes('src')).toMatch(/^data:image\/svg\+xml/)
    expect(wrapper!.find('[data-testid="totp-secret"]').text()).toBe('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP')

    await wrapper!.find('[data-testid="totp-code"] input').setValue('111111')
    await wrapper!.find('[data-testid="totp-confirm"]').trigger('submit')
    await settle()
    expect(wrapper!.text()).toContain('Code incorrect ou expiré.')
    expect(wrapper!.find('[data-testid="recovery-codes"]').exists()).toBe(false)

    await wrapper!.find('[data-testid="totp-code"] input').setValue('654321')
    await wrapper!.find('[data-testid="totp-confirm"]').trigger('submit')
    await settle()
    const confirm = calls.filter((call) => call.url === '/api/v1/me/totp/confirm')
    expect(confirm[1].body).toEqual({ code: '654321' })
    expect(confirm[1].headers['X-CSRF-Token']).toBe('csrf-1')
    const shown = wrapper!.findAll('[data-testid="recovery-codes"] li').map((item) => item.text())
    expect(shown).toEqual(codes)
    expect(session.me?.totp_enabled).toBe(true)
    expect(wrapper!.find('[data-testid="totp-on"]').exists()).toBe(true)
    // Once kept, they are gone from the screen for good.
    await wrapper!.find('[data-testid="recovery-done"]').trigger('click')
    await settle()
    expect(wrapper!.find('[data-testid="recovery-codes"]').exists()).toBe(false)
  })

  it('turns it off with the password', async () => {
    session.me = me('officer', { totp_enabled: true })
    const { calls } = mockFetch({
      'GET /api/v1/me/sessions': () => json(200, sessionsPage),
      'DELETE /api/v1/me/totp': () => new Response(null, { status: 204 }),
      'GET /api/v1/me': () => json(200, me('officer', { totp_enabled: false, version: 2 })),
    })
    await mountAt('/account')
    await wrapper!.find('[data-testid="two-factor"] input[autocomplete="current-password"]').setValue('my password here')
    await wrapper!.find('[data-testid="totp-off"]').trigger('submit')
    await settle()
    const off = calls.find((call) => call.method === 'DELETE')!
    expect(off.url).toBe('/api/v1/me/totp')
    expect(off.body).toEqual({ password: 'my password here' })
    expect(wrapper!.find('[data-testid="totp-off-state"]').exists()).toBe(true)
  })

  it('lists its sessions and ends another one', async () => {
    const { calls } = mockFetch({
      'GET /api/v1/me/sessions': () => json(200, sessionsPage),
      'DELETE /api/v1/me/sessions/7': () => new Response(null, { status: 204 }),
    })
    await mountAt('/account')
    await until(() => wrapper!.find('[data-testid="session-7"]').exists())
    expect(wrapper!.find('[data-testid="session-12"]').text()).toContain('Firefox, Linux')
    expect(wrapper!.find('[data-testid="session-12"]').text()).toContain('Celle-ci')
    expect(wrapper!.find('[data-testid="session-end-12"]').exists()).toBe(false)
    await wrapper!.find('[data-testid="session-end-7"]').trigger('click')
    await settle()
    expect(calls.some((call) => call.method === 'DELETE' && call.url === '/api/v1/me/sessions/7')).toBe(true)
    expect(wrapper!.find('[data-testid="session-7"]').exists()).toBe(false)
  })
})
