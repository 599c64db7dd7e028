// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Documents: an action's PDF added, shared, downloaded and removed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, isoDate, login } from '../../../e2e/lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function documentsFlows(e2e) {
  const { server, password, nonce, newPage, shot, apiAs } = e2e
  return [
    {
      name: 'documents: an officer adds a PDF to an action, shares it with focal points, downloads it and removes it',
      async run() {
        const api = await apiAs('officer')
        let actionId
        try {
          const created = await api.call('POST', '/api/v1/actions', {
            action_type: 'short_training',
            domain: 'health',
            title_fr: `Atelier documenté ${nonce}`,
            start_date: isoDate(70),
            end_date: isoDate(72),
            seats: 5,
          })
          actionId = created.body.id
        } finally {
          await api.close()
        }
        // A small file that begins as a PDF does (the server checks the signature against the extension).
        const folder = mkdtempSync(join(tmpdir(), 'taawun-e2e-'))
        const pdfPath = join(folder, `programme-${nonce}.pdf`)
        const bytes = Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`)
        writeFileSync(pdfPath, bytes)
        const { context, page, consoleErrors } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: `/actions/${actionId}` })
          await page.locator('[data-testid="tab-action-documents"]').click()
          await page.waitForURL(new RegExp(`/actions/${actionId}/documents$`))
          await page.locator('[data-testid="empty"]').waitFor()

          await page.locator('[data-testid="document-add"]').click()
          const dialog = page.locator('[data-testid="document-dialog"]')
          await dialog.waitFor()
          await dialog.locator('[data-testid="document-file"] input[type="file"]').setInputFiles(pdfPath)
          await dialog.locator('[data-testid="document-title"] input').fill(`Programme de l’atelier ${nonce}`)
          await dialog.locator('[data-testid="document-kind"]').click()
          await page.getByRole('option', { name: 'Programme', exact: true }).click()
          await dialog.locator('[data-testid="document-audience-focal_points"] input').check()
          await shot(page, 'fr-action-document-dialog')
          await dialog.locator('[data-testid="document-save"]').click()
          await dialog.waitFor({ state: 'hidden' })

          const row = page.locator('[data-testid="documents-table"] tbody tr', { hasText: `Programme de l’atelier ${nonce}` })
          await row.waitFor()
          const id = Number((await row.getAttribute('data-testid')).replace('document-', ''))
          const text = await row.innerText()
          expect(text.includes(`programme-${nonce}.pdf`) && text.includes('Programme'), `the row does not show the file and its kind: ${text}`)
          await row.locator(`[data-testid="document-shared-${id}"]`).waitFor()
          await shot(page, 'fr-action-documents')

          // The link downloads the bytes as sent, under the file's name.
          const link = row.locator(`[data-testid="document-download-${id}"]`)
          const href = await link.getAttribute('href')
          expect(href === `/api/v1/documents/${id}`, `the download link is ${href}`)
          const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
          expect(download.suggestedFilename() === `programme-${nonce}.pdf`, `downloaded ${download.suggestedFilename()}`)
          const file = await page.request.get(server.url + href)
          expect(file.status() === 200, `the download answered ${file.status()}`)
          expect(file.headers()['content-type'] === 'application/pdf', `the document came as ${file.headers()['content-type']}`)
          expect(Buffer.compare(await file.body(), bytes) === 0, 'the downloaded bytes differ from the uploaded ones')

          await row.locator(`[data-testid="document-delete-${id}"]`).click()
          await page.locator('[data-testid="confirm-dialog"]').waitFor()
          await page.locator('[data-testid="confirm"]').click()
          await row.waitFor({ state: 'detached' })
          await page.locator('[data-testid="empty"]').waitFor()
          const gone = await page.request.get(server.url + href)
          expect(gone.status() === 404, `a removed document answered ${gone.status()}`)
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
          rmSync(folder, { recursive: true, force: true })
        }
      },
    },
  ]
}
