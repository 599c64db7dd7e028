// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Signing in and out, and an expired session.
import { expect, login, waitForRows } from '../../../e2e/lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function authFlows(e2e) {
  const { server, password, newPage, shot } = e2e
  return [
    {
      name: 'log in (and come back to the page asked for)',
      async run() {
        const { context, page, consoleErrors } = await newPage()
        try {
          await page.goto(`${server.url}/organisations`)
          await page.waitForURL(/\/login\?redirect=/)
          expect((await page.locator('html').getAttribute('lang')) === 'fr', 'French is not the default language')
          await shot(page, 'fr-login')
          await page.locator('input[name="username"]').fill('admin')
          await page.locator('input[autocomplete="current-password"]').fill('not the password')
          await page.locator('[data-testid="login-submit"]').click()
          await page.locator('[data-testid="login-failed"]').waitFor()
          await page.locator('input[autocomplete="current-password"]').fill(password)
          await page.locator('[data-testid="login-submit"]').click()
          await page.waitForURL((url) => url.pathname === '/organisations')
          await waitForRows(page)
          const total = await page.locator('[data-testid="total"]').innerText()
          expect(/\d/.test(total), `no total shown under the table: "${total}"`)
          await shot(page, 'fr-organisations')
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
    {
      name: 'session expiry sends to login and back',
      async run() {
        const { context, page } = await newPage()
        try {
          await login(page, server.url, 'manager', password)
          await page.goto(`${server.url}/reference/currencies`)
          await page.locator('[data-testid="currency-search"]').waitFor()
          // The session disappears (expired, or signed out elsewhere): the next API call gets 401.
          await context.clearCookies()
          await page.locator('[data-testid="nav-organisations"]').click()
          await page.waitForURL(/\/login\?.*expired=1/)
          await page.locator('input[name="username"]').fill('manager')
          await page.locator('input[autocomplete="current-password"]').fill(password)
          await page.locator('[data-testid="login-submit"]').click()
          await page.waitForURL((url) => url.pathname === '/organisations')
          await waitForRows(page)
        } finally {
          await context.close()
        }
      },
    },
    {
      name: 'log out',
      async run() {
        const { context, page } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: '/organisations' })
          await waitForRows(page)
          await page.locator('[data-testid="user-menu"]').click()
          await page.locator('[data-testid="logout"]').click()
          await page.waitForURL(/\/login\?bye=1/)
          const me = await page.request.get(`${server.url}/api/v1/me`)
          expect(me.status() === 401, `GET /me after logout answered ${me.status()}`)
          await page.goto(`${server.url}/organisations`)
          await page.waitForURL(/\/login\?redirect=/)
        } finally {
          await context.close()
        }
      },
    },
  ]
}
