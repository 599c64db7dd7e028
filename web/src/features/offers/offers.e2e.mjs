// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Offers: published and found in the catalogue.
import { choose, expect, login } from '../../../e2e/lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function offersFlows(e2e) {
  const { server, password, nonce, newPage, shot } = e2e
  return [
    {
      name: 'catalogue: an officer publishes an offer and finds it in the catalogue',
      async run() {
        const { context, page, consoleErrors } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: '/offers' })
          await page.locator('[data-testid="nav-offers"]').waitFor()
          await page.locator('[data-testid="new-offer"]').click()
          await page.waitForURL(/\/offers\/new/)
          const title = `Gestion des risques sanitaires ${nonce}`
          const host = page.locator('[data-testid="field-host_organisation_id"] input').first()
          await host.click()
          await page.getByRole('option').first().waitFor()
          await page.getByRole('option').first().click()
          await choose(page, 'field-action_type', 'courte', /courte durée/)
          await choose(page, 'field-domain', 'Santé', /Santé/)
          await page.locator('[data-testid="field-title_fr"] input').fill(title)
          await page.locator('[data-testid="field-duration_days"] input').fill('10')
          await page.locator('[data-testid="field-cost_per_participant"] input').fill('12000')
          await page.locator('[data-testid="save"]').click()
          // A cost without its currency is refused at the currency field before anything is sent.
          await page.locator('[data-testid="field-currency"] .v-messages__message').first().waitFor()
          await page.locator('[data-testid="field-currency"] input').fill('mad')
          await shot(page, 'fr-offer-form')
          await page.locator('[data-testid="save"]').click()
          await page.waitForURL(/\/offers\/\d+$/)
          const id = Number(/\/offers\/(\d+)$/.exec(page.url())[1])
          await page.getByRole('heading', { level: 1, name: title }).waitFor()
          await shot(page, 'fr-offer-detail')

          await page.locator('[data-testid="nav-offers"]').click()
          await page.waitForURL((url) => url.pathname === '/offers')
          await page.locator('[data-testid="search"] input').fill(`risques sanitaires ${nonce}`)
          await page.waitForURL((url) => url.searchParams.get('q') === `risques sanitaires ${nonce}`)
          const link = page.locator(`[data-testid="offer-table"] tbody tr a[href="/offers/${id}"]`)
          await link.waitFor()
          expect((await page.locator('[data-testid="offer-table"] tbody tr').count()) === 1, 'the search shows more than the new offer')
          expect((await link.innerText()).includes(title), 'the row does not show the title')
          await shot(page, 'fr-offers')
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
  ]
}
