// The home screen: an officer sees the agreements to act on within 90 days (the notice date when
// it is still ahead, else the expiry), a viewer neither sees the card nor asks for it.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Agreement } from '@/api/types'
import { json, mockFetch, mountRoute, signIn, until } from '../../../../tests/helpers'

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)

function agreement(id: number, fields: Partial<Agreement>): Partial<Agreement> {
  return { id, title: `Accord ${id}`, reference: `ACC-${id}`, countries: ['MA', 'SN'], status: 'in_force', notice_on: null, expires_on: null, ...fields }
}

const counts = {
  'GET /api/v1/organisations': () => json(200, { items: [], total: 12 }),
  'GET /api/v1/countries': () => json(200, { items: [], total: 249 }),
}

describe('HomeView', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('lists the agreements an officer must act on, with the date to act by, and links to the filtered list', async () => {
    signIn('officer')
    const { calls } = mockFetch({
      ...counts,
      'GET /api/v1/agreements': () =>
        json(200, {
          items: [agreement(7, { expires_on: inDays(40) }), agreement(8, { expires_on: inDays(300), notice_on: inDays(20) })],
          total: 2,
        }),
    })
    const { wrapper } = await mountRoute('/', 3)
    await until(() => wrapper.find('[data-testid="expiring-8"]').exists())
    const asked = calls.find((call) => call.url.startsWith('/api/v1/agreements'))!
    expect(asked.url).toContain('expiring_within=90')
    expect(asked.url).toContain('sort=expires_on')
    expect(wrapper.find('[data-testid="expiring-7"]').text()).toContain('Échéance le')
    expect(wrapper.find('[data-testid="expiring-8"]').text()).toContain('Préavis avant le')
    expect(wrapper.find('[data-testid="card-expiring-agreements"]').text()).toContain('Voir les 2 accords concernés')
    wrapper.unmount()
  })

  it('says when nothing is due', async () => {
    signIn('manager')
    mockFetch({ ...counts, 'GET /api/v1/agreements': () => json(200, { items: [], total: 0 }) })
    const { wrapper } = await mountRoute('/', 3)
    await until(() => wrapper.text().includes('Aucun accord'))
    expect(wrapper.find('[data-testid="card-expiring-agreements"]').text()).toContain('Aucun accord n’arrive à échéance')
    wrapper.unmount()
  })

  it('shows a viewer no agreements card and asks nothing about agreements', async () => {
    signIn('viewer')
    const { calls } = mockFetch(counts)
    const { wrapper } = await mountRoute('/', 3)
    await until(() => wrapper.find('[data-testid="card-organisations"]').text().includes('12'))
    expect(wrapper.find('[data-testid="card-expiring-agreements"]').exists()).toBe(false)
    expect(calls.some((call) => call.url.startsWith('/api/v1/agreements'))).toBe(false)
    wrapper.unmount()
  })
})
