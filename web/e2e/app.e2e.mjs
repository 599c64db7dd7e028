// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// The app as a whole, not one area's: how the server sends it, the switch to Arabic, keyboard use.
import { expect, headersOf, login, waitForRows } from './lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function appFlows(e2e) {
  const { server, password, newPage } = e2e
  return [
    {
      name: 'the server sends the app compressed, hashed assets cached long, any path falls back to the app',
      async run() {
        const html = await headersOf(`${server.url}/organisations/123?x=1`, { 'Accept-Encoding': 'gzip' })
        expect(html.status === 200 && String(html.headers['content-type']).startsWith('text/html'), `history fallback answered ${html.status} ${html.headers['content-type']}`)
        expect(html.headers['content-encoding'] === 'gzip', 'index.html is not sent gzip-compressed')
        const { context, page } = await newPage()
        try {
          const scripts = []
          page.on('response', (response) => {
            if (/\/assets\/.+\.js$/.test(response.url())) scripts.push(response.url())
          })
          await page.goto(`${server.url}/login`)
          await page.locator('[data-testid="login-submit"]').waitFor()
          expect(scripts.length > 0, 'no script loaded from /assets/')
          const asset = await headersOf(scripts[0], { 'Accept-Encoding': 'gzip, br' })
          expect(asset.headers['content-encoding'] === 'gzip', `${scripts[0]} is not sent gzip-compressed`)
          expect(/max-age=\d{6,}/.test(String(asset.headers['cache-control'])), `hashed asset cache-control: ${asset.headers['cache-control']}`)
          const plain = await headersOf(scripts[0])
          expect(!plain.headers['content-encoding'], 'compressed answer to a client that did not ask for it')
        } finally {
          await context.close()
        }
      },
    },
    {
      name: 'switch to Arabic: dir="rtl", Arabic labels, remembered',
      async run() {
        const { context, page } = await newPage()
        try {
          await login(page, server.url, 'admin', password, { path: '/organisations' })
          await waitForRows(page)
          expect((await page.locator('html').getAttribute('dir')) === 'ltr', 'French page is not ltr')
          await page.locator('[data-testid="language-menu"]').click()
          await page.locator('[data-testid="language-ar"]').click()
          await page.waitForFunction(() => document.documentElement.dir === 'rtl')
          expect((await page.locator('html').getAttribute('lang')) === 'ar', 'lang is not ar')
          await page.locator('.v-application.v-locale--is-rtl').waitFor()
          await page.locator('[data-testid="nav-organisations"]', { hasText: 'المنظمات' }).waitFor()
          await page.getByRole('heading', { level: 1, name: 'المنظمات' }).waitFor()
          // Names come back from the API in Arabic too (Accept-Language).
          await page.locator('[data-testid="organisation-table"] thead', { hasText: 'الاسم' }).waitFor()
          await page.reload()
          await page.waitForFunction(() => document.documentElement.dir === 'rtl')
          await page.locator('[data-testid="nav-organisations"]', { hasText: 'المنظمات' }).waitFor()
          // Back to French for whoever uses this browser next.
          await page.locator('[data-testid="language-menu"]').click()
          await page.locator('[data-testid="language-fr"]').click()
          await page.waitForFunction(() => document.documentElement.dir === 'ltr')
        } finally {
          await context.close()
        }
      },
    },
    {
      name: 'keyboard only: sign in, skip link, reach a screen from the menu, visible focus',
      async run() {
        const { context, page } = await newPage()
        try {
          await page.goto(`${server.url}/login`)
          const username = page.locator('input[name="username"]')
          await username.waitFor()
          // The username field has the focus on arrival.
          await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'username')
          await page.keyboard.type('viewer')
          await page.keyboard.press('Tab')
          await page.keyboard.type(password)
          await page.keyboard.press('Enter')
          await page.waitForURL((url) => url.pathname === '/')

          await page.keyboard.press('Tab')
          // The skip link slides into view when focused (0.1 s transition).
          const skipShown = await page
            .waitForFunction(() => {
              const element = document.activeElement
              return !!element?.classList.contains('skip-link') && element.getBoundingClientRect().top >= 0
            }, null, { timeout: 2000 })
            .then(() => true)
            .catch(() => false)
          expect(skipShown, `the first Tab does not show the skip link (focus on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))})`)
          let reached = false
          for (let i = 0; i < 40 && !reached; i += 1) {
            await page.keyboard.press('Tab')
            reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'nav-organisations')
          }
          expect(reached, `Tab never reaches the Organisations menu entry (stopped on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 160))})`)
          const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle)
          expect(outline !== 'none', 'the focused menu entry has no visible focus outline')
          await page.keyboard.press('Enter')
          await page.waitForURL((url) => url.pathname === '/organisations')
          await waitForRows(page)

          // On a fresh page, Tab then Enter on the skip link puts the focus on the content.
          await page.reload()
          await waitForRows(page)
          await page.keyboard.press('Tab')
          await page.waitForFunction(() => !!document.activeElement?.classList.contains('skip-link'))
          await page.keyboard.press('Enter')
          await page.waitForFunction(() => document.activeElement?.id === 'main-content')
        } finally {
          await context.close()
        }
      },
    },
  ]
}
