// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Organisations: create (a server field error at its field), search with and without accents, edit, and an edit conflict. The organisation made here is e2e.organisationId for later flows.
import { choose, expect, login, rowsSelector, waitForRows } from '../../../e2e/lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function organisationsFlows(e2e) {
  const { server, password, nonce, organisationName, newPage, shot, ensureOrganisation } = e2e
  return [
    {
      name: 'create an organisation (server field error shown at its field)',
      async run() {
        const { context, page, consoleErrors } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: '/organisations' })
          await page.locator('[data-testid="new-organisation"]').click()
          await page.waitForURL(/\/organisations\/new/)
          await choose(page, 'field-kind', 'Gouvernement', /Gouvernement/)
          await choose(page, 'field-country', 'Sénégal', /Sénégal/)
          await page.locator('[data-testid="field-name_fr"] input').fill(organisationName)
          await page.locator('[data-testid="field-name_ar"] input').fill(`مؤسسة كيليبي التعليمية ${nonce}`)
          // Already used by a demo organisation: the server answers 422 already_taken for this field.
          await page.locator('[data-testid="field-iati_identifier"] input').fill('XI-giz')
          await shot(page, 'fr-organisation-form')
          await page.locator('[data-testid="save"]').click()
          const fieldMessage = page.locator('[data-testid="field-iati_identifier"] .v-messages__message')
          await fieldMessage.first().waitFor()
          expect((await fieldMessage.first().innerText()).trim().length > 0, 'no message at the IATI identifier field')
          expect(page.url().endsWith('/organisations/new'), 'left the form despite the error')
          await page.locator('[data-testid="field-iati_identifier"] input').fill(`XM-DAC-E2E${nonce}`)
          await page.locator('[data-testid="save"]').click()
          await page.waitForURL(/\/organisations\/\d+$/)
          e2e.organisationId = Number(/\/organisations\/(\d+)$/.exec(page.url())[1])
          await page.getByRole('heading', { level: 1, name: organisationName }).waitFor()
          await shot(page, 'fr-organisation-detail')
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
    {
      name: 'find it by search, with and without accents',
      async run() {
        const id = await ensureOrganisation()
        const { context, page } = await newPage()
        try {
          await login(page, server.url, 'viewer', password, { path: '/organisations' })
          await waitForRows(page)
          const search = page.locator('[data-testid="search"] input')
          for (const text of [`Kélébé ${nonce}`, `kelebe ${nonce}`, `EDUCATIVE KELEBE ${nonce}`]) {
            await search.fill(text)
            await page.waitForURL((url) => url.searchParams.get('q') === text)
            await page.locator(`${rowsSelector}[href="/organisations/${id}"]`).waitFor()
            const rows = await page.locator(rowsSelector).count()
            expect(rows === 1, `search "${text}" shows ${rows} rows, expected 1`)
          }
          await search.fill(`zzz-nothing-${nonce}`)
          await page.locator('[data-testid="empty"]').waitFor()
        } finally {
          await context.close()
        }
      },
    },
    {
      name: 'edit it',
      async run() {
        const id = await ensureOrganisation()
        const { context, page } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: `/organisations/${id}` })
          await page.locator('[data-testid="edit"]').click()
          await page.waitForURL(new RegExp(`/organisations/${id}/edit$`))
          const acronym = page.locator('[data-testid="field-acronym"] input')
          await acronym.waitFor()
          await acronym.fill('SEK')
          await page.locator('[data-testid="field-website"] input').fill('https://kelebe.example.org')
          await page.locator('[data-testid="save"]').click()
          await page.waitForURL(new RegExp(`/organisations/${id}$`))
          await page.locator('header.page-header p', { hasText: 'SEK' }).waitFor()
          await page.getByText('https://kelebe.example.org').first().waitFor()
        } finally {
          await context.close()
        }
      },
    },
    {
      name: 'two people edit the same record: the second sees the conflict and keeps what they typed',
      async run() {
        const id = await ensureOrganisation()
        const first = await newPage()
        const second = await newPage()
        try {
          await login(first.page, server.url, 'officer', password, { path: `/organisations/${id}/edit` })
          await login(second.page, server.url, 'manager', password, { path: `/organisations/${id}/edit` })
          const firstAcronym = first.page.locator('[data-testid="field-acronym"] input')
          const secondAcronym = second.page.locator('[data-testid="field-acronym"] input')
          await firstAcronym.waitFor()
          await secondAcronym.waitFor()
          await firstAcronym.fill('FIRST')
          await first.page.locator('[data-testid="save"]').click()
          await first.page.waitForURL(new RegExp(`/organisations/${id}$`))

          await secondAcronym.fill('SECOND')
          await second.page.locator('[data-testid="field-address"] textarea, [data-testid="field-address"] input').first().fill('Avenue Mohammed V, Rabat')
          await second.page.locator('[data-testid="save"]').click()
          const dialog = second.page.locator('[data-testid="conflict-dialog"]')
          await dialog.waitFor()
          const row = second.page.locator('[data-testid="conflict-row-acronym"]')
          await row.waitFor()
          expect((await row.locator('td.mine').innerText()).includes('SECOND'), 'the conflict does not show what I typed')
          expect((await row.locator('td.theirs').innerText()).includes('FIRST'), 'the conflict does not show the other change')
          await shot(second.page, 'fr-organisation-conflict')
          await second.page.locator('[data-testid="conflict-keep-mine"]').click()
          await dialog.waitFor({ state: 'hidden' })
          expect((await secondAcronym.inputValue()) === 'SECOND', 'my input was lost after reloading')
          await second.page.locator('[data-testid="save"]').click()
          await second.page.waitForURL(new RegExp(`/organisations/${id}$`))
          await second.page.locator('header.page-header p', { hasText: 'SECOND' }).waitFor()
          await second.page.getByText('Avenue Mohammed V, Rabat').first().waitFor()
        } finally {
          await first.context.close()
          await second.context.close()
        }
      },
    },
  ]
}
