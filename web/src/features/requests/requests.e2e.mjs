// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Requests: suggested offers, and linking one.
import { expect, login } from '../../../e2e/lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function requestsFlows(e2e) {
  const { server, password, nonce, newPage, shot, apiAs } = e2e
  return [
    {
      name: 'matching: a request shows its suggested offers; linking one shows it as linked',
      async run() {
        // Seeded through the API: an offer of a domain and type of its own run, and a request for them.
        const api = await apiAs('officer')
        let offerId
        let requestId
        try {
          const organisations = await api.call('GET', '/api/v1/organisations?limit=1')
          const hostId = organisations.body.items[0].id
          const offer = await api.call('POST', '/api/v1/offers', {
            host_organisation_id: hostId,
            action_type: 'study_visit',
            domain: 'agriculture',
            // Ties rank by title: "Am…" comes before the demo's agriculture offers ("Irrigation…").
            title_fr: `Aménagement hydro-agricole ${nonce}`,
          })
          offerId = offer.body.id
          const request = await api.call('POST', '/api/v1/requests', {
            country: 'SN',
            domain: 'agriculture',
            action_type: 'study_visit',
            title: `Visite sur l’irrigation ${nonce}`,
            channel: 'embassy',
          })
          requestId = request.body.id
        } finally {
          await api.close()
        }
        const { context, page, consoleErrors } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: `/requests/${requestId}` })
          await page.getByRole('heading', { level: 1, name: `Visite sur l’irrigation ${nonce}` }).waitFor()
          await page.locator('[data-testid="no-linked"]').waitFor()
          const link = page.locator(`[data-testid="link-${offerId}"]`)
          await link.waitFor()
          await shot(page, 'fr-request-matching')
          await link.click()
          await page.locator(`[data-testid="linked-${offerId}"]`).waitFor()
          await page.locator(`[data-testid="suggested-linked-${offerId}"]`).waitFor()
          expect((await page.locator(`[data-testid="linked-${offerId}"]`).innerText()).includes(`Aménagement hydro-agricole ${nonce}`), 'the linked offer is not named')
          expect((await page.locator('[data-testid="request-status"]').first().getAttribute('data-status')) === 'matched', 'a new link did not move the request to matched')
          // Still linked after a reload: the link is stored, not only shown.
          await page.reload()
          await page.locator(`[data-testid="linked-${offerId}"]`).waitFor()
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
  ]
}
