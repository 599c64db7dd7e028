// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Administration: what a partner may not see, and a user's life (created, signs in, disabled, audited).
import { choose, expect, login, waitForRows } from '../../../e2e/lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function adminFlows(e2e) {
  const { server, password, nonce, newPage, shot } = e2e
  return [
    {
      name: 'a partner-scoped user cannot see the admin screens (menu hidden, URL refused)',
      async run() {
        const { context, page } = await newPage()
        try {
          await login(page, server.url, 'partner', password, { path: '/organisations' })
          await waitForRows(page)
          await page.locator('[data-testid="nav-organisations"]').waitFor()
          for (const entry of ['users', 'tokens', 'audit']) {
            expect((await page.locator(`[data-testid="nav-${entry}"]`).count()) === 0, `nav entry ${entry} is shown to a partner`)
          }
          expect((await page.locator('[data-testid="new-organisation"]').count()) === 0, 'a partner is offered to create organisations')
          for (const path of ['/admin/users', '/admin/tokens', '/admin/audit']) {
            await page.goto(server.url + path)
            await page.locator('[data-testid="forbidden"]').waitFor()
            expect((await page.locator('[data-testid="user-table"], [data-testid="audit-table"], [data-testid="token-table"]').count()) === 0, `${path} shows admin data`)
          }
          const response = await page.request.get(`${server.url}/api/v1/users`)
          expect(response.status() === 403, `GET /api/v1/users answered ${response.status()} to a partner`)
        } finally {
          await context.close()
        }
      },
    },
    {
      name: 'administration: create a partner user, who signs in; disable them; the audit shows before/after',
      async run() {
        const admin = await newPage()
        const other = await newPage()
        const username = `e2e-partner-${nonce}`
        const userPassword = `Partner-${nonce}-pass`
        try {
          await login(admin.page, server.url, 'admin', password, { path: '/admin/users' })
          await admin.page.locator('[data-testid="user-table"] tbody tr').first().waitFor()
          await admin.page.locator('[data-testid="new-user"]').click()
          const dialog = admin.page.locator('[data-testid="user-dialog"]')
          await dialog.waitFor()
          await dialog.locator('[data-testid="user-username"] input').fill(username)
          await dialog.locator('[data-testid="user-display-name"] input').fill('Point focal Sénégal (e2e)')
          await dialog.locator('[data-testid="user-role"]').click()
          await admin.page.getByRole('option', { name: 'Partenaire (pays)' }).click()
          await choose(admin.page, 'user-countries', 'Sénégal', /Sénégal/)
          await admin.page.keyboard.press('Escape').catch(() => {})
          await dialog.locator('[data-testid="user-password"] input').fill(userPassword)
          await dialog.locator('[data-testid="user-save"]').click()
          await dialog.waitFor({ state: 'hidden' })
          const row = admin.page.locator('[data-testid="user-table"] tbody tr', { hasText: username })
          await row.waitFor()
          expect((await row.innerText()).includes('SN'), 'the new user row does not show the scope SN')

          await login(other.page, server.url, username, userPassword, { path: '/organisations' })
          await waitForRows(other.page)
          expect((await other.page.locator('[data-testid="nav-users"]').count()) === 0, 'the new partner sees the users screen')
          await other.context.clearCookies()

          await row.getByRole('button', { name: `Désactiver ${username}` }).click()
          await admin.page.getByRole('button', { name: 'Désactiver', exact: true }).last().click()
          await row.getByText('Désactivé').waitFor()
          await other.page.goto(`${server.url}/login`)
          await other.page.locator('input[name="username"]').fill(username)
          await other.page.locator('input[autocomplete="current-password"]').fill(userPassword)
          await other.page.locator('[data-testid="login-submit"]').click()
          await other.page.locator('[data-testid="login-failed"], [data-testid="problem"]').first().waitFor()
          expect(other.page.url().includes('/login'), 'a disabled account could sign in')

          await admin.page.locator('[data-testid="nav-audit"]').click()
          // The newest change to a user: the account just disabled.
          const first = admin.page.locator('[data-testid="audit-table"] tbody tr', { hasText: 'Modification' }).filter({ hasText: 'Utilisateur' }).first()
          await first.waitFor()
          await first.locator('[data-testid="audit-view"]').click()
          const diff = admin.page.locator('[data-testid="audit-diff"]')
          await diff.waitFor()
          expect((await diff.innerText()).includes('disabled'), 'the before/after view does not show the disabled field')
          await shot(admin.page, 'fr-audit-diff')
        } finally {
          await admin.context.close()
          await other.context.close()
        }
      },
    },
  ]
}
