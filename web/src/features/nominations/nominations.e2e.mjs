// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Nominations: waiting-list promotion, what viewers and partners see, and the bulk import.
import { cardOf, expect, isoDate, login } from '../../../e2e/lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function nominationsFlows(e2e) {
  const { server, password, nonce, nonceWord, newPage, shot, apiAs, ensureBoardPeople, ensureBoardAction } = e2e
  return [
    {
      name: 'the selected candidate withdraws: the waitlisted one is promoted, visibly on the board',
      async run() {
        const id = await ensureBoardAction()
        const [first, second] = await ensureBoardPeople()
        const { context, page, consoleErrors } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: `/actions/${id}/participants` })
          await page.locator(`[data-testid="column-selected"] [data-person="${first.id}"]`).waitFor()
          await page.locator(`[data-testid="column-waitlisted"] [data-person="${second.id}"]`).waitFor()
          await cardOf(page, first.id).locator('[data-testid^="moves-menu-"]').click()
          await page.locator('[role="menu"] [data-testid$="-withdrawn"], .v-overlay--active [data-testid$="-withdrawn"]').first().click()
          const dialog = page.locator('[data-testid="ending-dialog"]')
          await dialog.waitFor()
          await dialog.locator('[data-testid="ending-reason"] textarea').first().fill('Empêchement familial')
          await dialog.locator('[data-testid="ending-confirm"]').click()
          const snackbar = page.locator('[data-testid="promotion-snackbar"]')
          await snackbar.waitFor()
          expect((await snackbar.innerText()).includes(`Moussa Fall ${nonceWord}`), `the snackbar does not name the promoted candidate: ${await snackbar.innerText()}`)
          await page.locator(`[data-testid="column-selected"] [data-person="${second.id}"]`).waitFor()
          await page.locator(`[data-testid="column-selected"] [data-person="${second.id}"] [data-testid="promoted-badge"]`).waitFor()
          expect((await page.locator(`[data-testid="column-selected"] [data-person="${first.id}"]`).count()) === 0, 'the withdrawn candidate is still selected')
          await shot(page, 'fr-action-board-promoted')
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
    {
      name: 'roles: a viewer has no People entry nor board; a partner sees their country’s nominations with the promotion badge',
      async run() {
        const id = await ensureBoardAction()
        const viewer = await newPage()
        const partner = await newPage()
        try {
          await login(viewer.page, server.url, 'viewer', password, { path: `/actions/${id}` })
          await viewer.page.locator('[data-testid="tab-action-quotas"]').waitFor()
          expect((await viewer.page.locator('[data-testid="nav-people"]').count()) === 0, 'the People entry is shown to a viewer')
          expect((await viewer.page.locator('[data-testid="tab-action-participants"]').count()) === 0, 'the Participants tab is shown to a viewer')
          expect((await viewer.page.locator('[data-testid="nav-my-nominations"]').count()) === 0, 'the partner screen is shown to a viewer')
          await viewer.page.goto(`${server.url}/people`)
          await viewer.page.locator('[data-testid="forbidden"]').waitFor()

          await login(partner.page, server.url, 'partner', password, { path: '/' })
          await partner.page.locator('[data-testid="nav-my-nominations"]').click()
          await partner.page.waitForURL(/\/nominations\/mine/)
          await partner.page.locator('[data-testid="nomination-table"] tbody tr').first().waitFor()
          // Scenario (b), or its API equivalent, promoted a Senegalese candidate on this action.
          if (!(await partner.page.locator('[data-testid="promoted-badge"]').count())) {
            const [first] = await ensureBoardPeople()
            const api = await apiAs('officer')
            try {
              const { body } = await api.call('GET', `/api/v1/nominations?action_id=${id}&person_id=${first.id}`)
              const nomination = body.items[0]
              if (nomination.state === 'selected') await api.call('POST', `/api/v1/nominations/${nomination.id}/transitions`, { to: 'withdrawn' }, { 'If-Match': `"${nomination.version}"` })
            } finally {
              await api.close()
            }
            await partner.page.reload()
          }
          await partner.page.locator('[data-testid="promoted-badge"]').first().waitFor()
          await shot(partner.page, 'fr-partner-nominations')
        } finally {
          await viewer.context.close()
          await partner.context.close()
        }
      },
    },
    {
      name: 'import: an officer uploads a CSV with one bad row, sees its row and column, keeps only the valid rows, and the participants appear',
      async run() {
        const api = await apiAs('officer')
        let actionId
        try {
          const created = await api.call('POST', '/api/v1/actions', {
            action_type: 'short_training',
            domain: 'health',
            title_fr: `Atelier importé ${nonce}`,
            start_date: isoDate(60),
            end_date: isoDate(64),
            seats: 10,
            quotas: [{ country: 'SN', seats: 5 }],
          })
          actionId = created.body.id
          await api.call('POST', `/api/v1/actions/${actionId}/status`, { status: 'open' }, { 'If-Match': created.etag })
        } finally {
          await api.close()
        }
        const csv = [
          'latin_name,sex,birth_date,nationality',
          `Fatou Sarr ${nonceWord},female,1987-05-04,SN`,
          `Ibrahima Gueye ${nonceWord},male,1983-09-21,SN`,
          `Cheikh Ba ${nonceWord},male,1990-13-45,SN`,
        ].join('\r\n')
        const { context, page, consoleErrors } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: `/actions/${actionId}/participants` })
          await page.locator('[data-testid="import"]').click()
          await page.locator('[data-testid="import-file"] input[type="file"]').setInputFiles({ name: 'candidats.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
          await page.locator('[data-testid="import-check-button"]').click()
          const problemRow = page.locator('[data-testid="import-problems"] tbody tr')
          await problemRow.first().waitFor()
          expect((await problemRow.count()) === 1, `expected one problem, got ${await problemRow.count()}`)
          const cells = await problemRow.first().locator('td').allInnerTexts()
          // The header is row 1: the third data row is row 4.
          expect(cells[0].trim() === '4' && cells[1].trim() === 'birth_date', `problem shown at ${JSON.stringify(cells)}`)
          expect(await page.locator('[data-testid="import-all"]').isDisabled(), 'import all is possible despite an error')
          await shot(page, 'fr-import-check')
          await page.locator('[data-testid="import-valid-only"]').click()
          await page.locator('[data-testid="import-result"]').waitFor()
          expect((await page.locator('[data-testid="import-result"]').innerText()).includes('2 candidature(s) créée(s) sur 3 ligne(s)'), 'the result counts are wrong')
          await page.locator('[data-testid="import-close"]').click()
          await page.locator('[data-testid="column-nominated"]').getByText(`Fatou Sarr ${nonceWord}`).waitFor()
          await page.locator('[data-testid="column-nominated"]').getByText(`Ibrahima Gueye ${nonceWord}`).waitFor()
          expect((await page.getByText(`Cheikh Ba ${nonceWord}`).count()) === 0, 'the bad row was imported')
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
  ]
}
