import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VueWrapper } from '@vue/test-utils'
import { flush, json, mockFetch, mountRoute, problem, signIn, until, type Handler, type Recorded } from '../../../../tests/helpers'
import { action, nomination, page } from '../../../../tests/fixtures'

const settle = async () => {
  for (let i = 0; i < 8; i++) await flush()
}

const underReview = nomination({ id: 31, state: 'under_review', version: 3, allowed_moves: ['selected', 'waitlisted', 'rejected', 'withdrawn'] })
const selectedElsewhere = nomination({
  id: 32,
  person_id: 6,
  person_latin_name: 'Aïcha Traoré',
  person_arabic_name: null,
  country: 'ML',
  country_name: 'Mali',
  state: 'selected',
  allowed_moves: [],
})
const promoted = nomination({ id: 33, person_id: 8, person_latin_name: 'Fatou Sow', person_arabic_name: 'فاتو سو', state: 'selected', waitlisted_at: '2026-11-20T10:00:00Z' })

describe('NominationBoardTab', () => {
  let wrapper: VueWrapper | null = null

  beforeEach(() => signIn('officer', 2))
  afterEach(() => {
    wrapper?.unmount()
    wrapper = null
    document.body.innerHTML = ''
  })

  const board = (moves: Record<string, Handler | Handler[]>) =>
    mockFetch({
      'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }),
      'GET /api/v1/nominations': () => json(200, page([underReview, selectedElsewhere])),
      'GET /api/v1/countries': () => json(200, page([])),
      ...moves,
    })

  async function mountBoard() {
    ;({ wrapper } = await mountRoute('/actions/7/participants', 8))
    await until(() => wrapper!.find('[data-testid="card-31"]').exists())
    return wrapper!
  }

  const transitions = (calls: Recorded[]) => calls.filter((call) => call.method === 'POST' && call.url.includes('/transitions'))

  it('puts each card in its state column and offers exactly the moves the server allows', async () => {
    const { calls } = board({})
    await mountBoard()
    const list = calls.find((call) => call.url.startsWith('/api/v1/nominations?'))!
    expect(new URL(list.url, 'http://localhost').searchParams.get('action_id')).toBe('7')

    expect(wrapper!.find('[data-testid="column-under_review"] [data-testid="card-31"]').exists()).toBe(true)
    expect(wrapper!.find('[data-testid="column-selected"] [data-testid="card-32"]').exists()).toBe(true)
    const card = wrapper!.find('[data-testid="card-31"]')
    expect(card.text()).toContain('Mohamed Diallo')
    expect(card.find('[lang="ar"]').text()).toBe('محمد ديالو')
    expect(card.text()).toContain('Sénégal')
    const buttons = card.findAll('[data-testid^="move-31-"]').map((button) => button.attributes('data-testid'))
    expect(buttons).toEqual(['move-31-selected', 'move-31-waitlisted'])
    // The ending moves (reject, withdraw) are behind a menu; nothing else is offered.
    expect(card.find('[data-testid="moves-menu-31"]').exists()).toBe(true)
    expect(card.find('[data-testid="move-31-confirmed"]').exists()).toBe(false)
    // No move allowed: no button at all.
    expect(wrapper!.find('[data-testid="card-32"]').findAll('button')).toHaveLength(0)
    // Closed states are folded away when empty; the nominate button is there (action open).
    expect(wrapper!.find('[data-testid="closed-panel"]').exists()).toBe(false)
    expect(wrapper!.find('[data-testid="nominate"]').exists()).toBe(true)
  })

  it('sends the move with the card version and announces the candidates promoted from the waiting list', async () => {
    const { calls } = board({
      'POST /api/v1/nominations/31/transitions': () =>
        json(200, { nomination: { ...underReview, state: 'withdrawn', allowed_moves: [], version: 4 }, promoted: [promoted] }),
    })
    await mountBoard()
    await wrapper!.find('[data-testid="move-31-selected"]').trigger('click')
    await settle()
    const [move] = transitions(calls)
    expect(move.url).toBe('/api/v1/nominations/31/transitions')
    expect(move.headers['If-Match']).toBe('"3"')
    expect(move.body).toEqual({ to: 'selected' })
    await until(() => !!document.querySelector('[data-testid="promotion-snackbar"]'))
    expect(document.querySelector('[data-testid="promotion-snackbar"]')!.textContent).toContain('Fatou Sow promu(e) depuis la liste d’attente.')
    // The board and the action (seats) are read again.
    expect(calls.filter((call) => call.url.startsWith('/api/v1/nominations?')).length).toBe(2)
    expect(calls.filter((call) => call.url === '/api/v1/actions/7').length).toBe(2)
  })

  it('asks for confirmation and an optional reason before a withdrawal', async () => {
    const { calls } = board({
      'POST /api/v1/nominations/31/transitions': () => json(200, { nomination: { ...underReview, state: 'withdrawn' }, promoted: [] }),
    })
    await mountBoard()
    await wrapper!.find('[data-testid="moves-menu-31"]').trigger('click')
    await settle()
    ;(document.querySelector('[data-testid="move-31-withdrawn"]') as HTMLElement).click()
    await settle()
    expect(transitions(calls)).toHaveLength(0)
    const reason = document.querySelector('[data-testid="ending-reason"] textarea') as HTMLTextAreaElement
    reason.value = 'Raisons de santé'
    reason.dispatchEvent(new Event('input'))
    ;(document.querySelector('[data-testid="ending-confirm"]') as HTMLElement).click()
    await settle()
    expect(transitions(calls)[0].body).toEqual({ to: 'withdrawn', reason: 'Raisons de santé' })
  })

  it('shows the server’s sentence when the quota is full, and a reload dialog on 412', async () => {
    board({
      'POST /api/v1/nominations/31/transitions': [
        () =>
          problem(422, 'validation_failed', {
            detail: 'Certains champs sont à corriger.',
            errors: [{ field: 'to', code: 'quota_full', message: 'Le quota de Sénégal est atteint (2 places).' }],
          }),
        () => problem(412, 'precondition_failed'),
      ],
    })
    await mountBoard()
    await wrapper!.find('[data-testid="move-31-selected"]').trigger('click')
    await settle()
    expect(wrapper!.text()).toContain('Le quota de Sénégal est atteint (2 places).')

    await wrapper!.find('[data-testid="move-31-waitlisted"]').trigger('click')
    await settle()
    await until(() => !!document.querySelector('[data-testid="stale-dialog"]'))
    expect(document.querySelector('[data-testid="stale-dialog"]')!.textContent).toContain('Recharger')
  })

  it('marks a candidate promoted from the waiting list (read from the nomination’s events)', async () => {
    mockFetch({
      'GET /api/v1/actions/7': () => json(200, action(), { ETag: '"4"' }),
      'GET /api/v1/nominations': () => json(200, page([underReview, promoted])),
      'GET /api/v1/nominations/33': () =>
        json(200, { ...promoted, events: [{ from_state: 'waitlisted', to_state: 'selected', reason: 'promoted_from_waitlist', at: '2026-11-21T10:00:00Z', username: 'officer' }] }),
    })
    await mountBoard()
    await until(() => wrapper!.find('[data-testid="card-33"] [data-testid="promoted-badge"]').exists())
    expect(wrapper!.find('[data-testid="card-33"] [data-testid="promoted-badge"]').text()).toBe('Promu(e) de la liste d’attente')
    expect(wrapper!.find('[data-testid="card-31"] [data-testid="promoted-badge"]').exists()).toBe(false)
  })
})
