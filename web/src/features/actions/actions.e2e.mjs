// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Actions: an officer creates one with a quota and fills its board. The action made here is e2e.boardActionId for the nominations flows.
import { cardOf, choose, expect, isoDate, login } from '../../../e2e/lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function actionsFlows(e2e) {
  const { server, password, nonce, nonceWord, newPage, shot, ensureBoardPeople } = e2e
  return [
    {
      name: 'officer creates an action with a quota, opens it, nominates two people, selects one and waitlists the other on the board',
      async run() {
        const [first, second] = await ensureBoardPeople()
        const { context, page, consoleErrors } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: '/actions' })
          await page.locator('[data-testid="new-action"]').click()
          await page.waitForURL(/\/actions\/new$/)
          await choose(page, 'field-action_type', 'courte', /Formation de courte durée/)
          await choose(page, 'field-domain', 'Santé', /Santé/)
          await page.locator('[data-testid="field-title_fr"] input').fill(`Atelier de santé publique ${nonce}`)
          await page.locator('[data-testid="field-start_date"] input').fill(isoDate(30))
          await page.locator('[data-testid="field-end_date"] input').fill(isoDate(40))
          await page.locator('[data-testid="field-seats"] input').fill('2')
          await page.locator('[data-testid="add-quota"]').click()
          await choose(page, 'field-quotas.0.country', 'Sénégal', /Sénégal/)
          await page.locator('[data-testid="field-quotas.0.seats"] input').fill('1')
          await page.keyboard.press('Escape').catch(() => {})
          await shot(page, 'fr-action-form')
          await page.locator('[data-testid="save"]').click()
          await page.waitForURL(/\/actions\/\d+$/)
          const id = Number(/\/actions\/(\d+)$/.exec(page.url())[1])
          await page.getByRole('heading', { level: 1, name: `Atelier de santé publique ${nonce}` }).waitFor()

          // Open the action for nominations (confirmed in a dialog).
          await page.locator('[data-testid="status-open"]').click()
          await page.locator('[data-testid="confirm"]').click()
          await page.locator('[data-testid="action-status"][data-status="open"]').first().waitFor()
          await shot(page, 'fr-action-overview')

          await page.locator('[data-testid="tab-action-participants"]').click()
          await page.waitForURL(new RegExp(`/actions/${id}/participants$`))
          for (const person of [first, second]) {
            await page.locator('[data-testid="nominate"]').click()
            const dialog = page.locator('[data-testid="nominate-dialog"]')
            await dialog.waitFor()
            await dialog.locator('[data-testid="nominate-person"] input').fill(person.latin_name.split(' ')[0] + ' ' + nonceWord)
            await page.locator(`[data-testid="person-option-${person.id}"]`).click()
            await dialog.locator('[data-testid="nominate-submit"]').click()
            await dialog.waitFor({ state: 'hidden' })
            await cardOf(page, person.id).waitFor()
          }
          const column = (state) => page.locator(`[data-testid="column-${state}"]`)
          expect((await column('nominated').locator('[data-testid^="card-"]').count()) === 2, 'the two nominations are not in the "nominated" column')

          for (const person of [first, second]) {
            await cardOf(page, person.id).locator('[data-testid$="-under_review"]').click()
            await column('under_review').locator(`[data-person="${person.id}"]`).waitFor()
          }
          // Only the moves the server allows are offered: a nomination under review cannot be confirmed.
          expect((await cardOf(page, first.id).locator('[data-testid$="-confirmed"]').count()) === 0, 'a "confirm" move is offered under review')
          await cardOf(page, first.id).locator('[data-testid$="-selected"]').click()
          await column('selected').locator(`[data-person="${first.id}"]`).waitFor()
          await cardOf(page, second.id).locator('[data-testid$="-waitlisted"]').click()
          await column('waitlisted').locator(`[data-person="${second.id}"]`).waitFor()
          await page.locator('[data-testid="board-seats"]', { hasText: 'Places attribuées : 1 sur 2' }).waitFor()
          await shot(page, 'fr-action-board')

          await page.locator('[data-testid="tab-action-quotas"]').click()
          const quota = page.locator('[data-testid="quota-SN"]')
          await quota.waitFor()
          expect((await quota.innerText()).replace(/\s+/g, ' ').includes('1 1'), `the Senegal quota row does not show 1 seat, 1 taken: ${await quota.innerText()}`)
          e2e.boardActionId = id
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
  ]
}
