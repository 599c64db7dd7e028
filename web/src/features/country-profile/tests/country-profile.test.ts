// The country profile page: the server's figures as given (nothing counted in the browser), an
// expiring agreement flagged, links to the records, and Arabic laid out right to left.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import type { CountryProfile } from '@/api/types'
import { json, mockFetch, mountRoute, signIn, until } from '../../../../tests/helpers'

function profile(): CountryProfile {
  return {
    country: { code: 'SN', name: 'Sénégal', region: 'Afrique', subregion: 'Afrique subsaharienne', ldc: true, lldc: false, sids: false, african_union: true },
    agreements: [
      { id: 5, reference: 'ACC-SN-2019', title: 'Accord-cadre Maroc–Sénégal', kind: 'framework', status: 'in_force', signed_on: '2019-01-10', expires_on: '2027-01-20', notice_on: '2026-12-20', expiring: true },
      { id: 6, reference: null, title: 'Mémorandum santé', kind: 'memorandum', status: 'negotiated', signed_on: null, expires_on: null, notice_on: null, expiring: false },
    ],
    agreements_by_status: { in_force: 1, negotiated: 1, expired: 3 },
    totals: { actions: 120, participants: 2450, completed: 2100, people_trained: 1890, certificates: 2050 },
    by_year: [
      { year: 2024, actions: 40, participants: 800, completed: 700 },
      { year: 2025, actions: 80, participants: 1650, completed: 1400 },
    ],
    by_domain: [{ domain: 'health', name: 'Santé', actions: 50, participants: 1200, completed: 1000 }],
    open_requests: [{ id: 9, title: 'Formation de sages-femmes', domain: 'health', priority: 'high', status: 'received', received_on: '2026-10-02' }],
    joint_commissions: [{ id: 4, number: 7, city: 'Dakar', start_on: '2025-05-12', end_on: '2025-05-14', decisions: 8, done: 2, dropped: 0, overdue: 3 }],
    moroccan_missions: [{ id: 11, kind: 'embassy', status: 'active', city: 'Dakar', sending_country: 'MA', receiving_country: 'SN', receiving: 'Sénégal', head_name: null, head_title: null, resident: true }],
    missions_in_morocco: [],
    engagements: [{ id: 3, title: 'Annulation de la dette des PMA d’Afrique', organisation: 'Union européenne', kind: 'debt_measure', starts_on: '2000-04', ends_on: null }],
  }
}

let wrapper: VueWrapper | null = null
beforeEach(() => signIn('officer', 2))
afterEach(() => {
  wrapper?.unmount()
  wrapper = null
  document.body.innerHTML = ''
})

describe('CountryProfileView', () => {
  it('shows the server’s figures, flags the expiring agreement and links to each record', async () => {
    mockFetch({ 'GET /api/v1/countries/SN/profile': () => json(200, profile()) })
    ;({ wrapper } = await mountRoute('/countries/SN', 8))
    await until(() => wrapper!.find('[data-testid="profile-agreements"]').exists())
    expect(wrapper!.find('h1').text()).toContain('Sénégal')
    expect(wrapper!.findAll('[data-testid="country-flag"]').map((chip) => chip.text())).toEqual(['Pays moins avancé', 'Union africaine'])
    expect(wrapper!.find('[data-testid="total-people_trained"]').text()).toMatch(/1\s?890/)
    expect(wrapper!.find('[data-testid="total-certificates"]').text()).toMatch(/2\s?050/)
    expect(wrapper!.find('[data-agreement="5"] [data-testid="expiring"]').exists()).toBe(true)
    expect(wrapper!.find('[data-agreement="6"] [data-testid="expiring"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="agreements-by-status"]').text()).toContain('Expiré : 3')
    // Newest year first.
    const years = wrapper!.findAll('[data-testid="profile-by-year"] tbody tr').map((row) => row.attributes('data-row'))
    expect(years).toEqual(['2025', '2024'])
    expect(wrapper!.find('[data-agreement="5"] a').attributes('href')).toBe('/agreements/5')
    expect(wrapper!.find('[data-testid="profile-requests"] a').attributes('href')).toBe('/requests/9')
    expect(wrapper!.find('[data-testid="profile-engagements"] a').attributes('href')).toBe('/engagements/3')
    // The session's implementation rate as the server's counts give it (2 of 8).
    expect(wrapper!.find('[data-session="4"] [data-testid="session-rate"]').text()).toMatch(/^25\s?%$/)
    expect(wrapper!.find('[data-testid="profile-moroccan-missions"] a').attributes('href')).toBe('/diplomatic-missions/11')
  })

  it('is laid out right to left in Arabic', async () => {
    mockFetch({ 'GET /api/v1/countries/SN/profile': () => json(200, { ...profile(), country: { ...profile().country, name: 'السنغال' } }) })
    ;({ wrapper } = await mountRoute('/countries/SN', 8, 'ar'))
    await until(() => wrapper!.find('[data-testid="profile-agreements"]').exists())
    expect(wrapper!.find('.v-locale--is-rtl').exists()).toBe(true)
    expect(wrapper!.find('[data-testid="total-people_trained"]').text()).toContain('الأشخاص المكوَّنون')
  })
})
