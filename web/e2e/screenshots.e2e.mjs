// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Screenshots of the main screens in French and Arabic (run last: they visit every area).
import { expect, login, waitForRows } from './lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function screenshotFlows(e2e) {
  const { server, password, newPage, shot, ensureOrganisation, ensureBoardAction } = e2e
  return [
    ...['fr', 'ar'].map((language) => ({
      name: `screenshots of the main screens in ${language}`,
      async run() {
        const id = await ensureOrganisation()
        const { context, page, consoleErrors } = await newPage({ locale: language === 'ar' ? 'ar-MA' : 'fr-FR' })
        try {
          await context.addInitScript((lang) => window.localStorage.setItem('taawun.lang', lang), language)
          if (language === 'ar') {
            await page.goto(`${server.url}/login`)
            await page.waitForFunction(() => document.documentElement.dir === 'rtl')
            await shot(page, 'ar-login')
          }
          await login(page, server.url, 'admin', password, { path: '/organisations' })
          await waitForRows(page)
          expect((await page.locator('html').getAttribute('lang')) === language, `page language is not ${language}`)
          if (language === 'ar') await shot(page, 'ar-organisations')

          await page.goto(`${server.url}/organisations/${id}`)
          await page.locator('[data-testid="edit"]').waitFor()
          if (language === 'ar') await shot(page, 'ar-organisation-detail')
          await page.goto(`${server.url}/organisations/${id}/edit`)
          await page.locator('[data-testid="field-acronym"] input').waitFor()
          if (language === 'ar') await shot(page, 'ar-organisation-form')

          await page.goto(`${server.url}/reference/countries`)
          await page.locator('[data-testid="world-map"] canvas').first().waitFor()
          await page.locator('[data-testid="country-table"] tbody tr').first().waitFor()
          await shot(page, `${language}-countries-map`)

          await page.goto(`${server.url}/admin/users`)
          await page.locator('[data-testid="user-table"] tbody tr').first().waitFor()
          await shot(page, `${language}-admin-users`)

          await page.goto(`${server.url}/admin/audit`)
          await page.locator('[data-testid="audit-table"] tbody tr').first().waitFor()
          await shot(page, `${language}-audit`)

          await page.goto(`${server.url}/admin/tokens`)
          await page.locator('[data-testid="token-table"]').waitFor()
          await shot(page, `${language}-admin-tokens`)

          await page.goto(`${server.url}/reference/currencies`)
          await page.locator('[data-testid="currency-search"]').waitFor()
          await shot(page, `${language}-currencies`)

          await page.goto(`${server.url}/reference/codelists`)
          await page.waitForLoadState('networkidle')
          await shot(page, `${language}-codelists`)

          await page.goto(`${server.url}/account`)
          await page.locator('[data-testid="account-language"]').waitFor()
          await shot(page, `${language}-account`)

          const actionId = await ensureBoardAction()
          await page.goto(`${server.url}/actions`)
          await page.locator('[data-testid="action-table"] tbody tr a').first().waitFor()
          await shot(page, `${language}-actions`)
          await page.goto(`${server.url}/actions/${actionId}/participants`)
          await page.locator('[data-testid="board"]').waitFor()
          await shot(page, `${language}-action-board`)
          await page.goto(`${server.url}/actions/${actionId}/logistics`)
          await page.locator('[data-testid="logistics-table"]').waitFor()
          await shot(page, `${language}-action-logistics`)
          await page.goto(`${server.url}/actions/${actionId}/costs`)
          await page.locator('[data-testid="cost-table"]').waitFor()
          await shot(page, `${language}-action-costs`)
          await page.goto(`${server.url}/actions/${actionId}/documents`)
          await page.locator('[data-testid="documents-table"], [data-testid="empty"]').first().waitFor()
          await shot(page, `${language}-action-documents`)
          await page.goto(`${server.url}/people`)
          await page.locator('[data-testid="people-table"] tbody tr a').first().waitFor()
          await shot(page, `${language}-people`)

          // Usable at 360 px: the list renders without horizontal scrolling of the page itself.
          await page.setViewportSize({ width: 360, height: 740 })
          await page.goto(`${server.url}/organisations`)
          await waitForRows(page)
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
          expect(overflow <= 1, `the page scrolls sideways at 360 px (${overflow} px)`)
          await shot(page, `${language}-organisations-360px`)
          for (const [path, ready, name] of [
            ['/actions', '[data-testid="action-table"] tbody tr a', 'actions'],
            [`/actions/${actionId}/participants`, '[data-testid="board"]', 'action-board'],
            ['/people', '[data-testid="people-table"] tbody tr a', 'people'],
            ['/offers', '[data-testid="offer-table"] tbody tr a', 'offers'],
            ['/programmes', '[data-testid="programme-table"] tbody tr a', 'programmes'],
            ['/requests', '[data-testid="request-table"] tbody tr a', 'requests'],
          ]) {
            await page.goto(server.url + path)
            await page.locator(ready).first().waitFor()
            const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
            expect(sideways <= 1, `${path} scrolls sideways at 360 px (${sideways} px)`)
            await shot(page, `${language}-${name}-360px`)
          }
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    })),
  ]
}
