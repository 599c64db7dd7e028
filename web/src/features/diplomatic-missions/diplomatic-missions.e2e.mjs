// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// The diplomatic network: find an embassy on the map — Morocco's embassy in Vienna, which also
// covers Slovenia — by filtering the list and the map together, see it on both, open it; and the
// screen right to left in Arabic.
import { choose, expect, login } from '../../../e2e/lib.mjs'

/** Picks one entry of a Vuetify select (not searchable) by the option's text. */
async function pick(page, testId, optionText) {
  await page.locator(`[data-testid="${testId}"]`).first().click()
  await page.getByRole('option', { name: optionText, exact: true }).click()
}

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function diplomaticMissionsFlows(e2e) {
  const { server, password, newPage, shot } = e2e
  return [
    {
      name: 'diplomatic missions: a viewer finds Morocco’s embassy covering Slovenia on the map and in the list, and opens it',
      async run() {
        const { context, page, consoleErrors } = await newPage()
        try {
          await login(page, server.url, 'viewer', password, { path: '/diplomatic-missions' })
          await page.locator('[data-testid="nav-diplomatic-missions"]').waitFor()
          // The demo loaded the extract: the map draws its points.
          await page.locator('[data-testid="missions-map"]').waitFor()
          await page.waitForFunction(() => Number(document.querySelector('[data-testid="missions-map"]')?.getAttribute('data-points')) > 100)
          expect((await page.locator('[data-testid="new-diplomatic-mission"]').count()) === 0, 'a viewer is offered to add a mission')

          // Morocco's embassies covering Slovenia: the list and the map narrow together.
          await choose(page, 'filter-sending_country', 'Maroc', /Maroc/)
          await page.waitForURL((url) => url.searchParams.get('sending_country') === 'MA')
          await choose(page, 'filter-covers', 'Slovénie', /Slovénie/)
          await page.waitForURL((url) => url.searchParams.get('covers') === 'SI')
          await pick(page, 'filter-kind', 'Ambassade')
          await page.waitForURL((url) => url.searchParams.get('kind') === 'embassy')
          await page.waitForFunction(() => document.querySelector('[data-testid="missions-map"]')?.getAttribute('data-points') === '1')
          const rows = page.locator('[data-testid="diplomatic-mission-table"] tbody tr')
          await rows.filter({ hasText: 'Autriche' }).first().waitFor()
          expect((await rows.count()) === 1, `the list shows ${await rows.count()} rows, not Morocco's one embassy covering Slovenia`)
          const text = await rows.first().innerText()
          expect(text.includes('Maroc') && text.includes('Vienna') && text.includes('SI'), `the row does not read Morocco's embassy in Vienna: ${text}`)

          // Picked on the map (through its row's city): the countries it covers are named.
          await rows.first().locator('[data-testid="show-on-map"]').click()
          const covers = page.locator('[data-testid="map-covers"]')
          await covers.waitFor()
          const covered = await covers.innerText()
          expect(covered.includes('Slovénie') && covered.includes('Slovaquie'), `the map's caption does not name Slovenia and Slovakia: ${covered}`)
          await shot(page, 'fr-diplomatic-missions')

          // Opened from the map: its page, with the jurisdiction.
          await page.locator('[data-testid="map-open-mission"]').click()
          await page.waitForURL(/\/diplomatic-missions\/\d+$/)
          await page.locator('[data-testid="mission-jurisdiction"]').waitFor()
          expect((await page.locator('[data-testid="mission-receiving"]').innerText()).includes('Autriche'), 'the page does not name Austria')
          await page.locator('[data-testid="mission-jurisdiction"]', { hasText: 'Slovénie' }).waitFor()
          expect((await page.locator('[data-testid="mission-source"]').innerText()).includes('Q'), 'the page does not give the Wikidata item')
          expect((await page.locator('[data-testid="edit"]').count()) === 0, 'a viewer is offered to edit')
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
    {
      name: 'diplomatic missions: the network in Arabic renders right to left',
      async run() {
        const { context, page, consoleErrors } = await newPage({ locale: 'ar-MA' })
        try {
          await context.addInitScript(() => window.localStorage.setItem('taawun.lang', 'ar'))
          await login(page, server.url, 'officer', password, { path: '/diplomatic-missions?sending_country=MA' })
          await page.waitForFunction(() => document.documentElement.dir === 'rtl')
          await page.locator('[data-testid="diplomatic-mission-table"] tbody tr a').first().waitFor()
          expect((await page.locator('[data-testid="nav-diplomatic-missions"]').innerText()).includes('الشبكة الدبلوماسية'), 'the menu entry is not in Arabic')
          expect((await page.locator('[data-testid="diplomatic-mission-table"] tbody tr').first().innerText()).includes('المغرب'), 'the sending state is not named in Arabic')
          await shot(page, 'ar-diplomatic-missions')
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
  ]
}
