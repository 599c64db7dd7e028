// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// People: Arabic-script search of a Latin name, and the duplicate warning while typing.
import { expect, login } from '../../../e2e/lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function peopleFlows(e2e) {
  const { server, password, nonceWord, newPage, shot, apiAs } = e2e
  return [
    {
      name: 'Arabic-script search: "محمد …" finds a person registered as "Mohamed …"',
      async run() {
        const api = await apiAs('officer')
        let person
        try {
          ;({ body: { person } } = await api.call('POST', '/api/v1/people', { latin_name: `Mohamed ${nonceWord}`, nationality: 'MR', sex: 'male' }))
        } finally {
          await api.close()
        }
        const { context, page, consoleErrors } = await newPage({ locale: 'ar-MA' })
        try {
          await context.addInitScript(() => window.localStorage.setItem('taawun.lang', 'ar'))
          await login(page, server.url, 'officer', password, { path: '/people' })
          await page.waitForFunction(() => document.documentElement.dir === 'rtl')
          await page.getByRole('heading', { level: 1, name: 'الأشخاص' }).waitFor()
          const search = page.locator('[data-testid="search"] input')
          // The Arabic given name with the person's own family name: "محمد" alone finds the
          // demo registry's hundreds of Mohameds, and this one need not be on the first page.
          const query = `محمد ${nonceWord}`
          await search.fill(query)
          await page.waitForURL((url) => url.searchParams.get('q') === query)
          await page.locator(`[data-testid="person-link-${person.id}"]`).waitFor()
          const name = page.locator(`[data-testid="person-link-${person.id}"] [data-script="latin"]`)
          expect((await name.getAttribute('dir')) === 'ltr', 'the Latin name is not isolated left to right in the Arabic page')
          await shot(page, 'ar-people-search')
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
    {
      name: 'registering a near-duplicate person warns while typing, then offers to compare and merge',
      async run() {
        const api = await apiAs('officer')
        let existing
        try {
          ;({ body: { person: existing } } = await api.call('POST', '/api/v1/people', { latin_name: `Fatoumata Diallo ${nonceWord}`, nationality: 'GN', sex: 'female', birth_date: '1990-05-12' }))
        } finally {
          await api.close()
        }
        const { context, page, consoleErrors } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: '/people/new' })
          await page.locator('[data-testid="field-latin_name"] input').fill(`Fatoumata Dialo ${nonceWord}`)
          await page.locator('[data-testid="field-birth_date"] input').fill('1990-05-12')
          const warning = page.locator('[data-testid="duplicate-warning"]')
          await warning.waitFor()
          await warning.locator(`[data-testid="duplicate-${existing.id}"]`).waitFor()
          await shot(page, 'fr-person-duplicate-warning')
          await page.locator('[data-testid="save"]').click()
          const created = page.locator('[data-testid="created-duplicates"]')
          await created.waitFor()
          await created.locator(`[data-testid="open-duplicate-${existing.id}"]`).click()
          await page.waitForURL(new RegExp(`/people/${existing.id}\\?compare=\\d+$`))
          const newId = Number(new URL(page.url()).searchParams.get('compare'))
          await page.locator('[data-testid="merge-comparison"]').waitFor()
          expect((await page.locator('[data-testid="merge-explanation"]').innerText()).length > 0, 'the merge dialog does not explain the merge')
          await page.locator('[data-testid="confirm"]').click()
          await page.locator(`[data-testid="merged-${newId}"]`).waitFor()
          expect((await page.locator(`[data-testid="unmerge-${newId}"]`).count()) === 1, 'no Unmerge on the merged record')
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
  ]
}
