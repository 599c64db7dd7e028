// Browser flows run by web/e2e/run.mjs (`node e2e/run.mjs`, E2E_ONLY=<part of a name> for one).
// Certificates: issued, downloaded as PDF, verified on the public page.
import { expect, isoDate, login } from '../../../e2e/lib.mjs'

/** The scenarios, in the order they run; `e2e` is lib.mjs's createFlowContext. */
export default function certificatesFlows(e2e) {
  const { server, password, nonce, nonceWord, newPage, shot, apiAs } = e2e
  return [
    {
      name: 'certificate: a completed participant’s certificate is issued, its PDF downloads, and the public page shows it valid without signing in',
      async run() {
        const api = await apiAs('officer')
        let nominationId
        const latinName = `Aminata Diop ${nonceWord}`
        try {
          const { body: personCreated } = await api.call('POST', '/api/v1/people', { latin_name: latinName, arabic_name: 'أميناتا ديوب', nationality: 'SN', sex: 'female', birth_date: '1991-07-19' })
          let created = await api.call('POST', '/api/v1/actions', {
            action_type: 'short_training',
            domain: 'health',
            title_fr: `Atelier certifiant ${nonce}`,
            start_date: isoDate(1),
            end_date: isoDate(3),
            seats: 3,
            quotas: [{ country: 'SN', seats: 3 }],
          })
          const actionId = created.body.id
          let etag = created.etag
          const setStatus = async (status) => {
            ;({ etag } = await api.call('POST', `/api/v1/actions/${actionId}/status`, { status }, { 'If-Match': etag }))
          }
          await setStatus('open')
          let { body: nomination } = await api.call('POST', `/api/v1/actions/${actionId}/nominations`, { person_id: personCreated.person.id })
          const move = async (to) => {
            ;({ body: { nomination } } = await api.call('POST', `/api/v1/nominations/${nomination.id}/transitions`, { to }, { 'If-Match': `"${nomination.version}"` }))
          }
          for (const to of ['under_review', 'selected', 'confirmed']) await move(to)
          await setStatus('selection_closed')
          await setStatus('ongoing')
          await move('arrived')
          await api.call('PUT', `/api/v1/nominations/${nomination.id}/attendance/${isoDate(1)}`, { present: true }, { 'If-Match': `"${nomination.version}"` })
          ;({ body: nomination } = await api.call('GET', `/api/v1/nominations/${nomination.id}`))
          await move('completed')
          nominationId = nomination.id
        } finally {
          await api.close()
        }

        const { context, page, consoleErrors } = await newPage()
        const visitor = await newPage()
        try {
          await login(page, server.url, 'officer', password, { path: `/nominations/${nominationId}/certificate` })
          await page.locator('[data-testid="certificate-issue"]').click()
          const code = (await page.locator('[data-testid="certificate-code"]').innerText()).trim()
          expect(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/.test(code), `unexpected code ${code}`)
          await shot(page, 'fr-certificate')

          const link = page.locator('[data-testid="certificate-pdf-fr"]')
          const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
          expect(download.suggestedFilename() === `attestation-${code}-fr.pdf`, `downloaded ${download.suggestedFilename()}`)
          const pdf = await page.request.get(server.url + (await link.getAttribute('href')))
          expect(pdf.status() === 200, `the PDF answered ${pdf.status()}`)
          expect(pdf.headers()['content-type'] === 'application/pdf', `the PDF came as ${pdf.headers()['content-type']}`)
          expect((await pdf.body()).subarray(0, 5).toString() === '%PDF-', 'the file is not a PDF')

          // A visitor without an account opens the address printed on the certificate.
          await visitor.page.goto(`${server.url}/verify/${code}`)
          await visitor.page.locator('[data-testid="verify-valid"]').waitFor()
          expect(!visitor.page.url().includes('/login'), 'the public page asked to sign in')
          expect((await visitor.page.locator('[data-testid="verify-participant"]').innerText()).includes(latinName), 'the participant is not shown')
          expect((await visitor.page.locator('[data-testid="verify-action"]').innerText()).includes(`Atelier certifiant ${nonce}`), 'the action is not shown')
          await shot(visitor.page, 'fr-verify-valid')
          // A wrong code says so.
          await visitor.page.locator('[data-testid="verify-code"] input').fill('2222-2222-2222')
          await visitor.page.locator('[data-testid="verify-submit"]').click()
          await visitor.page.locator('[data-testid="verify-unknown"]').waitFor()
          expect(consoleErrors.length === 0 && visitor.consoleErrors.length === 0, `page errors: ${[...consoleErrors, ...visitor.consoleErrors].join(' | ')}`)
        } finally {
          await context.close()
          await visitor.context.close()
        }
      },
    },
  ]
}
