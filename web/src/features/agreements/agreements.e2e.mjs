// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Agreements: a triangular agreement recorded with its three parties, found by country, its
// funders' shares on its page with its signed copy filed, and that page right to left in Arabic.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { choose, expect, login } from '../../../e2e/lib.mjs'

/** Picks one entry of a Vuetify select (not searchable) by the option's text. */
async function pick(page, testId, optionText) {
  await page.locator(`[data-testid="${testId}"]`).first().click()
  await page.getByRole('option', { name: optionText, exact: true }).click()
}

/** Picks roles in a multiple select, then closes its menu. */
async function pickRoles(page, index, roles) {
  await page.locator(`[data-testid="field-parties.${index}.roles"]`).click()
  for (const role of roles) await page.getByRole('option', { name: role, exact: true }).click()
  await page.keyboard.press('Escape')
  await page.getByRole('listbox').waitFor({ state: 'hidden' })
}

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function agreementsFlows(e2e) {
  const { server, password, nonce, newPage, shot, ensureOrganisation } = e2e
  const title = `Accord triangulaire santé maternelle ${nonce}`
  const reference = `E2E-AGR-${nonce}`
  return [
    {
      name: 'agreements: an officer records a triangular agreement with three parties, finds it by country, and sees the funders’ shares',
      async run() {
        // The funder: the run's organisation (created through the API when its flow did not run).
        await ensureOrganisation()
        const { context, page, consoleErrors } = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: '/agreements' })
          await page.locator('[data-testid="nav-agreements"]').waitFor()
          await page.locator('[data-testid="new-agreement"]').click()
          await page.waitForURL(/\/agreements\/new/)

          await pick(page, 'field-kind', 'Accord triangulaire')
          await pick(page, 'field-modality', 'Triangulaire')
          await page.locator('[data-testid="field-title_fr"] input').fill(title)
          await page.locator('[data-testid="field-reference"] input').fill(reference)
          // The tacit renewal's fields appear only for a tacit renewal.
          expect((await page.locator('[data-testid="field-renewal_months"]').count()) === 0, 'renewal months shown without a tacit renewal')

          for (let i = 0; i < 3; i++) await page.locator('[data-testid="add-party"]').click()
          // Morocco: signatory and funder, 500,000 MAD.
          await choose(page, 'field-parties.0.country', 'Maroc', /Maroc/)
          await pickRoles(page, 0, ['Signataire', 'Bailleur'])
          await page.locator('[data-testid="field-parties.0.amount"] input').fill('500000')
          await page.locator('[data-testid="field-parties.0.currency"] input').fill('mad')
          // Senegal: signatory and beneficiary, with no money.
          await choose(page, 'field-parties.1.country', 'Sénégal', /Sénégal/)
          await pickRoles(page, 1, ['Signataire', 'Bénéficiaire'])
          // The funder organisation: 1,500,000 MAD.
          await pick(page, 'field-parties.2.type', 'Organisation')
          await choose(page, 'field-parties.2.organisation_id', `Kélébé ${nonce}`, new RegExp(`Kélébé ${nonce}`))
          await pickRoles(page, 2, ['Bailleur'])
          await page.locator('[data-testid="field-parties.2.amount"] input').fill('1500000')
          await page.locator('[data-testid="field-parties.2.currency"] input').fill('MAD')
          await shot(page, 'fr-agreement-form')
          await page.locator('[data-testid="save"]').click()
          await page.waitForURL(/\/agreements\/\d+$/)
          const id = Number(/\/agreements\/(\d+)$/.exec(page.url())[1])
          e2e.agreementId = id
          await page.getByRole('heading', { level: 1, name: title }).waitFor()

          // The list, filtered by a party's country (and the run's reference, among the other agreements).
          await page.locator('[data-testid="nav-agreements"]').click()
          await page.waitForURL((url) => url.pathname === '/agreements')
          await choose(page, 'filter-country', 'Sénégal', /Sénégal/)
          await page.waitForURL((url) => url.searchParams.get('country') === 'SN')
          await page.locator('[data-testid="search"] input').fill(reference)
          await page.waitForURL((url) => url.searchParams.get('q') === reference)
          const link = page.locator(`[data-testid="agreement-table"] tbody tr a[href="/agreements/${id}"]`)
          await link.waitFor()
          const row = page.locator('[data-testid="agreement-table"] tbody tr', { has: page.locator(`a[href="/agreements/${id}"]`) })
          const text = await row.innerText()
          expect(text.includes(reference), 'the row does not show the reference')
          expect(text.includes('Sénégal') && text.includes('Maroc'), `the row does not name the parties' countries: ${text}`)
          expect((await row.locator('[data-testid="agreement-status"]').innerText()).trim() === 'Projet', 'a new agreement is not a draft')
          await shot(page, 'fr-agreements')

          // Its page: the funder's share of the funders' money (1,500,000 of 2,000,000 MAD).
          await link.click()
          await page.waitForURL(new RegExp(`/agreements/${id}$`))
          await page.locator('[data-testid="agreement-parties"]').waitFor()
          const funder = page.locator('[data-testid="party-2"]')
          expect((await funder.innerText()).includes(`Kélébé ${nonce}`), 'the third party is not the funder organisation')
          const share = (await funder.locator('[data-testid="party-share"]').innerText()).trim()
          expect(/^75\s?%$/.test(share), `the funder's share reads "${share}", not 75 %`)
          const moroccoShare = (await page.locator('[data-testid="party-0"] [data-testid="party-share"]').innerText()).trim()
          expect(/^25\s?%$/.test(moroccoShare), `Morocco's share reads "${moroccoShare}", not 25 %`)
          await page.locator('[data-testid="edit"]').waitFor()
          await shot(page, 'fr-agreement-detail')

          // Its signed copy, filed on its page and served from the record documents' shelf.
          const folder = mkdtempSync(join(tmpdir(), 'taawun-e2e-'))
          try {
            const pdfPath = join(folder, `accord-signe-${nonce}.pdf`)
            writeFileSync(pdfPath, Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'))
            await page.locator('[data-testid="document-add"]').click()
            const dialog = page.locator('[data-testid="document-dialog"]')
            await dialog.waitFor()
            await dialog.locator('[data-testid="document-file"] input[type="file"]').setInputFiles(pdfPath)
            await dialog.locator('[data-testid="document-kind"]').click()
            await page.getByRole('option', { name: 'Copie signée', exact: true }).click()
            await dialog.locator('[data-testid="document-save"]').click()
            await dialog.waitFor({ state: 'hidden' })
            const documentRow = page.locator('[data-testid="documents-table"] tbody tr', { hasText: `accord-signe-${nonce}.pdf` })
            await documentRow.waitFor()
            expect((await documentRow.innerText()).includes('Copie signée'), 'the document row does not show its kind')
            const href = await documentRow.locator('a[data-testid^="document-download-"]').getAttribute('href')
            expect(/^\/api\/v1\/record-documents\/\d+$/.test(href), `the download link is ${href}`)
            const file = await page.request.get(server.url + href)
            expect(file.status() === 200 && file.headers()['content-type'] === 'application/pdf', `the download answered ${file.status()}`)
          } finally {
            rmSync(folder, { recursive: true, force: true })
          }
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
    {
      name: 'agreements: the Arabic page of an agreement renders right to left',
      async run() {
        let id = e2e.agreementId
        if (!id) {
          // Seeded through the API when the first scenario did not run.
          const organisationId = await ensureOrganisation()
          const api = await e2e.apiAs('officer')
          try {
            const created = await api.call('POST', '/api/v1/agreements', {
              kind: 'triangular',
              modality: 'triangular',
              title_fr: title,
              reference,
              parties: [
                { country: 'MA', roles: ['signatory', 'funder'], amount: '500000', currency: 'MAD' },
                { country: 'SN', roles: ['signatory', 'beneficiary'] },
                { organisation_id: organisationId, roles: ['funder'], amount: '1500000', currency: 'MAD' },
              ],
            })
            id = created.body.id
            e2e.agreementId = id
          } finally {
            await api.close()
          }
        }
        const { context, page, consoleErrors } = await newPage({ locale: 'ar-MA' })
        try {
          await context.addInitScript(() => window.localStorage.setItem('taawun.lang', 'ar'))
          await login(page, server.url, 'officer', password, { path: `/agreements/${id}` })
          await page.waitForFunction(() => document.documentElement.dir === 'rtl')
          await page.locator('.v-application.v-locale--is-rtl').waitFor()
          await page.locator('[data-testid="agreement-parties"]').waitFor()
          await page.getByText('الأطراف', { exact: true }).first().waitFor()
          const direction = await page.locator('[data-testid="agreement-parties"]').evaluate((element) => getComputedStyle(element).direction)
          expect(direction === 'rtl', `the parties table is laid out ${direction}`)
          // The reference stays left to right inside the right-to-left page.
          const referenceDirection = await page.locator('[data-testid="agreement-reference"]').evaluate((element) => getComputedStyle(element).direction)
          expect(referenceDirection === 'ltr', `the reference is laid out ${referenceDirection}`)
          expect((await page.locator('[data-testid="agreement-status"]').first().innerText()).trim() === 'مشروع', 'the status is not in Arabic')
          expect((await page.locator('[data-testid="nav-agreements"]').innerText()).includes('الاتفاقيات'), 'the menu entry is not in Arabic')
          await shot(page, 'ar-agreement-detail')
          expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
        } finally {
          await context.close()
        }
      },
    },
  ]
}
