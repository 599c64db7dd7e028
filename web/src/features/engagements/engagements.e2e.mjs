// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Multilateral engagements: the demo's G77 presidency found by year, the debt measure found by a
// beneficiary country of its group, and a pledge recorded with its amount and a notification.
import { choose, expect, login } from '../../../e2e/lib.mjs'

/** Picks one entry of a Vuetify select (not searchable) by the option's text. */
async function pick(page, testId, optionText) {
  await page.locator(`[data-testid="${testId}"]`).first().click()
  await page.getByRole('option', { name: optionText, exact: true }).click()
}

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function engagementsFlows(e2e) {
  const { server, password, nonce, newPage, shot } = e2e
  const title = `Contribution au fonds Sud-Sud ${nonce}`
  return [
    {
      name: 'engagements: an officer finds the G77 presidency by year and the debt measure by a beneficiary country, then records a pledge',
      async run() {
        const { context, page, consoleErrors } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: '/engagements' })
          await page.locator('[data-testid="nav-engagements"]').waitFor()
          await page.locator('[data-testid="engagement-table"] tbody tr a').first().waitFor()

          // The demo's presidency of the Group of 77, under way in 2003 and dated to the year.
          await pick(page, 'filter-year', '2003')
          await page.waitForURL((url) => url.searchParams.get('year') === '2003')
          const presidency = page.locator('[data-testid="engagement-table"] tbody tr', { hasText: 'Présidence du Groupe des 77 et de la Chine' })
          await presidency.waitFor()
          expect((await presidency.locator('[data-testid="engagement-period"]').innerText()).trim() === '2003', 'the presidency is not dated 2003')

          // Mali benefits from the debt measure through Africa's least developed countries.
          await page.locator('[data-testid="filter-year"] .v-field__clearable').first().click()
          await page.waitForURL((url) => !url.searchParams.has('year'))
          await choose(page, 'filter-benefits', 'Mali', /Mali/)
          await page.waitForURL((url) => url.searchParams.get('benefits') === 'ML')
          const debt = page.locator('[data-testid="engagement-table"] tbody tr a', { hasText: "Annulation de la dette des pays les moins avancés d'Afrique" })
          await debt.waitFor()
          await shot(page, 'fr-engagements')
          await debt.click()
          await page.waitForURL(/\/engagements\/\d+$/)
          await page.locator('[data-testid="engagement-covered"]').waitFor()
          expect((await page.locator('[data-covered="ML"]').count()) === 1, 'Mali is not among the countries covered')
          expect((await page.locator('[data-covered="MA"]').count()) === 0, 'Morocco is among its own beneficiaries')

          // A new pledge to the United Nations, with its amount and a notification.
          await page.goto(`${server.url}/engagements/new`)
          await page.locator('[data-testid="field-title_fr"] input').waitFor()
          await choose(page, 'field-organisation_id', 'Organisation des Nations unies', /Organisation des Nations unies/)
          await pick(page, 'field-kind', 'Contribution annoncée')
          await page.locator('[data-testid="field-title_fr"] input').fill(title)
          await page.locator('[data-testid="field-starts_on"] input').fill('2025-09')
          await page.locator('[data-testid="field-amount"] input').fill('250000')
          await page.locator('[data-testid="field-currency"] input').fill('usd')
          await page.locator('[data-testid="add-notification"]').click()
          await page.locator('[data-testid="notification-0"] input[maxlength="10"]').fill('2025-10-01')
          await page.locator('[data-testid="notification-0"] input').nth(2).fill(`A/80/${nonce}`)
          await page.locator('[data-testid="notification-0"] input').nth(3).fill('Annoncée à l’Assemblée générale')
          await page.locator('[data-testid="save"]').click()
          await page.waitForURL(/\/engagements\/\d+$/)
          await page.getByRole('heading', { level: 1, name: title }).waitFor()
          const amount = (await page.locator('[data-testid="engagement-amount"]').innerText()).trim()
          expect(/250\s?000,00\sUSD/.test(amount), `the amount reads "${amount}"`)
          expect((await page.locator('[data-testid="engagement-starts_on"]').innerText()).includes('septembre 2025'), 'the start is not shown as September 2025')
          expect((await page.locator('[data-testid="engagement-notifications"]').innerText()).includes(`A/80/${nonce}`), 'the notification is not shown')
          await shot(page, 'fr-engagement-detail')
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
  ]
}
