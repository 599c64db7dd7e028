// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// A country's whole picture, read in Arabic, right to left.
import { expect, login } from '../../../e2e/lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function countryProfileFlows(e2e) {
  const { server, password, newPage, shot } = e2e
  return [
    {
      name: 'country profile: an officer opens Côte d’Ivoire’s page in Arabic and reads its agreements, figures and missions right to left',
      async run() {
        const { context, page, consoleErrors } = await newPage({ locale: 'ar-MA' })
        try {
          await context.addInitScript(() => window.localStorage.setItem('taawun.lang', 'ar'))
          await login(page, server.url, 'officer', password, { path: '/countries/CI' })
          await page.waitForFunction(() => document.documentElement.dir === 'rtl')
          await page.getByRole('heading', { level: 1, name: 'ساحل العاج' }).waitFor()
          // The demo's framework agreement with Côte d'Ivoire, and the country's participants.
          await page.locator('[data-testid="profile-agreements"]').waitFor()
          const direction = await page.locator('[data-testid="profile-agreements"]').evaluate((element) => getComputedStyle(element).direction)
          expect(direction === 'rtl', `the agreements table is laid out ${direction}`)
          const trained = (await page.locator('[data-testid="total-people_trained"]').innerText()).trim()
          expect(trained.includes('الأشخاص المكوَّنون'), `the people trained read "${trained}"`)
          expect(!/^0\s/.test(trained), 'no person trained from Côte d’Ivoire in the demo data')
          await page.locator('[data-testid="profile-by-year"]').waitFor()
          // Morocco's embassy in Abidjan, from the Wikidata extract the demo loads.
          const missions = await page.locator('[data-testid="profile-moroccan-missions"]').innerText()
          expect(missions.includes('Abidjan') || missions.includes('أبيدجان'), `Morocco's missions covering Côte d'Ivoire: ${missions}`)
          await shot(page, 'ar-country-profile')
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
  ]
}
