// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Joint commissions: an officer records a session with two decisions, links an action to one,
// marks it done and sees the implementation rate move from 0 % to 50 %.
import { choose, expect, login } from '../../../e2e/lib.mjs'

/** Picks one entry of a Vuetify select (not searchable) by the option's text. */
async function pick(page, testId, optionText) {
  await page.locator(`[data-testid="${testId}"]`).first().click()
  await page.getByRole('option', { name: optionText, exact: true }).click()
}

/** Waits until the page's implementation rate reads `text`. */
async function rateIs(page, text) {
  await page.locator('[data-testid="implementation-rate"]', { hasText: text }).waitFor()
}

export default function commissionsFlows(e2e) {
  const { server, password, nonce, newPage, shot, ensureOrganisation } = e2e
  // Numbers are unique per country: the demo's sessions are numbered from 1, the run's far above.
  const number = 100 + (Number(nonce) % 800)
  const city = `Dakar ${nonce}`
  return [
    {
      name: 'commissions: an officer records a joint commission with two decisions, links an action, marks one done and the rate moves from 0 % to 50 %',
      async run() {
        await ensureOrganisation()
        const { context, page, consoleErrors } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: '/joint-commissions' })
          await page.locator('[data-testid="nav-joint-commissions"]').waitFor()
          await page.locator('[data-testid="new-joint-commission"]').click()
          await page.waitForURL(/\/joint-commissions\/new/)

          await choose(page, 'field-country', 'Sénégal', /Sénégal/)
          await page.locator('[data-testid="field-number"] input').fill(String(number))
          await page.locator('[data-testid="field-city"] input').fill(city)
          await page.locator('[data-testid="field-start_on"] input').fill('2025-03-10')
          await page.locator('[data-testid="field-end_on"] input').fill('2025-03-12')
          await page.locator('[data-testid="field-moroccan_chair_name"] input').fill('Nasser Bourita')
          await page.locator('[data-testid="field-partner_chair_name"] input').fill('Yassine Fall')
          await page.locator('[data-testid="save"]').click()
          await page.waitForURL(/\/joint-commissions\/\d+$/)
          const id = Number(/\/joint-commissions\/(\d+)$/.exec(page.url())[1])
          await page.locator('[data-testid="session-number"]').waitFor()
          expect((await page.locator('[data-testid="moroccan-chair"]').innerText()).includes('Nasser Bourita'), 'the co-chair is not shown')
          await page.locator('[data-testid="no-decisions"]').waitFor()

          // Two decisions: the first implemented by an action.
          for (const [index, text] of [`Former des sages-femmes ${nonce}`, `Échanger des enseignants ${nonce}`].entries()) {
            await page.locator('[data-testid="add-decision"]').click()
            const dialog = page.locator('[data-testid="decision-dialog"]')
            await dialog.waitFor()
            await dialog.locator('[data-testid="field-text_fr"] textarea').first().fill(text)
            await choose(page, 'field-domain', index === 0 ? 'Santé' : 'Enseignement', index === 0 ? 'Santé' : /Enseignement/)
            await choose(page, 'field-responsible_organisation_id', e2e.organisationName, new RegExp(e2e.organisationName))
            await dialog.locator('[data-testid="field-due_on"] input').fill('2099-06-30')
            if (index === 0) {
              await dialog.locator('[data-testid="field-action_ids"] input').click()
              const option = page.getByRole('option').first()
              await option.waitFor()
              e2e.commissionActionTitle = (await option.innerText()).trim()
              await option.click()
              await page.keyboard.press('Escape')
            }
            await dialog.locator('[data-testid="save-decision"]').click()
            await dialog.waitFor({ state: 'hidden' })
            await page.locator('[data-testid="decision-table"] tbody tr', { hasText: text }).waitFor()
          }
          await rateIs(page, '0 %')
          const first = page.locator('[data-testid="decision-table"] tbody tr', { hasText: `Former des sages-femmes ${nonce}` })
          const links = await first.locator('[data-testid="decision-links"] a').count()
          expect(links === 1, `the decision shows ${links} linked records instead of its action`)
          await shot(page, 'fr-joint-commission')

          // Mark the first done, with a comment: the rate moves to 50 % and the history keeps it.
          await first.locator('[data-testid^="move-"]').click()
          const status = page.locator('[data-testid="status-dialog"]')
          await status.waitFor()
          await status.locator('[data-testid="status-history"] tr').first().waitFor()
          await pick(page, 'field-new-status', 'Réalisée')
          await status.locator('[data-testid="field-comment"] textarea').first().fill('Première promotion diplômée')
          await status.locator('[data-testid="save-status"]').click()
          await status.waitFor({ state: 'hidden' })
          await rateIs(page, '50 %')
          expect((await first.locator('[data-testid="decision-status"]').innerText()).trim() === 'Réalisée', 'the decision is not shown done')

          // The list finds the session by country and search, with its rate.
          await page.locator('[data-testid="nav-joint-commissions"]').click()
          await page.waitForURL((url) => url.pathname === '/joint-commissions')
          await page.locator('[data-testid="search"] input').fill(city)
          await page.waitForURL((url) => url.searchParams.get('q') === city)
          const row = page.locator('[data-testid="joint-commission-table"] tbody tr', { has: page.locator(`a[href="/joint-commissions/${id}"]`) })
          await row.waitFor()
          expect((await row.innerText()).includes('50 %'), `the row does not show the rate: ${await row.innerText()}`)
          expect(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
  ]
}
