#!/usr/bin/env node
// End-to-end tests of the Taawun web application in a real browser (Debian's chromium, headless,
// driven by playwright-core), against `taawun serve` on a throwaway SQLite database.
//
//   cd web && node e2e/run.mjs
//
// Environment:
//   TAAWUN_BINARY     the taawun executable (default ../build/debug/taawun)
//   TAAWUN_ARTEFACTS  folder for the database, the server log and screenshots/ (default ../build/debug/e2e)
//   TAAWUN_CHROMIUM   the browser (default /usr/bin/chromium)
//   E2E_ONLY          run only the scenarios whose name contains this text
//
// Prints one line per scenario and finally `e2e: N passed, N failed`; exits 1 if any failed.
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomInt } from 'node:crypto'
import { get as httpGet } from 'node:http'
import {
  artefacts,
  checkPrerequisites,
  createDemoDatabase,
  launchChromium,
  login,
  newPassword,
  rowsSelector,
  startServer,
  withTimeout,
} from './lib.mjs'

// The screenshot scenarios visit every main screen in one go: they need more than a minute on 2 shared cores.
const kScenarioTimeoutMs = 90_000
const kActionTimeoutMs = 15_000
const screenshots = join(artefacts, 'screenshots')

class Failure extends Error {}
function expect(condition, message) {
  if (!condition) throw new Failure(message)
}

const started = Date.now()
const missing = checkPrerequisites()
if (missing.length) {
  for (const line of missing) console.error(`e2e: ${line}`)
  console.log('e2e: 0 passed, 1 failed')
  process.exit(1)
}

mkdirSync(artefacts, { recursive: true })
// A partial run (E2E_ONLY) keeps the screenshots of the last full run.
if (!process.env.E2E_ONLY) rmSync(screenshots, { recursive: true, force: true })
mkdirSync(screenshots, { recursive: true })

const password = newPassword()
let server = null
let browser = null
const results = []

// Shared between scenarios; a later scenario that needs the record creates it itself if needed.
const nonce = String(randomInt(100_000, 999_999))
const organisationName = `Société Éducative Kélébé ${nonce}`
let organisationId = null

async function newPage(options = {}) {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 }, ...options })
  const page = await context.newPage()
  page.setDefaultTimeout(kActionTimeoutMs)
  page.setDefaultNavigationTimeout(kActionTimeoutMs)
  const consoleErrors = []
  // With the page's address and the first frames of the stack, so that a rare error can be traced.
  page.on('pageerror', (error) =>
    consoleErrors.push(`${page.url()}: ${String(error)} ${(error.stack ?? '').split('\n').slice(1, 4).join(' | ')}`),
  )
  return { context, page, consoleErrors }
}

async function shot(page, name) {
  // Let transitions and lazy chunks settle so that the picture shows the finished screen.
  await page.waitForLoadState('networkidle').catch(() => {})
  await page.waitForTimeout(250)
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true })
}

async function waitForRows(page) {
  await page.locator(rowsSelector).first().waitFor({ state: 'visible' })
}

/** Picks an entry of a Vuetify autocomplete by typing and clicking the option. */
async function choose(page, testId, typed, optionText) {
  const input = page.locator(`[data-testid="${testId}"] input`).first()
  await input.click()
  await input.fill(typed)
  await page.getByRole('option', { name: optionText }).first().click()
}

/** Creates the shared organisation through the API when the UI scenario did not. */
async function ensureOrganisation() {
  if (organisationId) return organisationId
  const { context, page } = await newPage()
  try {
    const response = await page.request.post(`${server.url}/api/v1/session`, { data: { username: 'officer', password } })
    expect(response.ok(), `API login failed: ${response.status()}`)
    const { csrf_token: csrf } = await response.json()
    const created = await page.request.post(`${server.url}/api/v1/organisations`, {
      data: { kind: '10', name_fr: organisationName, country: 'SN' },
      headers: { 'X-CSRF-Token': csrf },
    })
    expect(created.ok(), `API create failed: ${created.status()}`)
    organisationId = (await created.json()).id
    return organisationId
  } finally {
    await context.close()
  }
}

// Technical cooperation scenarios: people are seeded through the API; their names carry a word
// made from the run's nonce (letters only, so that the phonetic name search keeps it whole).
const nonceWord = 'K' + [...nonce].map((digit) => 'bdfgklmnrt'[Number(digit)]).join('')
let boardActionId = null
let boardPeople = null

/** A signed-in API client in its own browser context (cookie + CSRF), for seeding. */
async function apiAs(username) {
  const context = await browser.newContext()
  const login = await context.request.post(`${server.url}/api/v1/session`, { data: { username, password } })
  expect(login.ok(), `API login of ${username} failed: ${login.status()}`)
  const { csrf_token: csrf } = await login.json()
  async function call(method, path, data, headers = {}) {
    const response = await context.request.fetch(server.url + path, { method, data, headers: { 'X-CSRF-Token': csrf, ...headers } })
    const body = await response.json().catch(() => null)
    expect(response.ok(), `${method} ${path} answered ${response.status()}: ${JSON.stringify(body)?.slice(0, 400)}`)
    return { body, etag: response.headers()['etag'] ?? (body?.version !== undefined ? `"${body.version}"` : null) }
  }
  return { call, close: () => context.close() }
}

function isoDate(daysFromNow) {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10)
}

/** Two Senegalese candidates for the board scenarios (seeded once per run). */
async function ensureBoardPeople() {
  if (boardPeople) return boardPeople
  const api = await apiAs('officer')
  try {
    const first = await api.call('POST', '/api/v1/people', { latin_name: `Awa Ndiaye ${nonceWord}`, arabic_name: 'عوا نجاي', nationality: 'SN', sex: 'female', birth_date: '1988-03-14' })
    const second = await api.call('POST', '/api/v1/people', { latin_name: `Moussa Fall ${nonceWord}`, nationality: 'SN', sex: 'male', birth_date: '1985-11-02' })
    boardPeople = [first.body.person, second.body.person]
    return boardPeople
  } finally {
    await api.close()
  }
}

/** The board of scenario (a) through the API when that scenario did not run: one selected, one waitlisted. */
async function ensureBoardAction() {
  if (boardActionId) return boardActionId
  const [first, second] = await ensureBoardPeople()
  const api = await apiAs('officer')
  try {
    const created = await api.call('POST', '/api/v1/actions', {
      action_type: 'short_training',
      domain: 'health',
      title_fr: `Atelier de santé publique ${nonce}`,
      start_date: isoDate(30),
      end_date: isoDate(40),
      seats: 2,
      quotas: [{ country: 'SN', seats: 1 }],
    })
    const id = created.body.id
    await api.call('POST', `/api/v1/actions/${id}/status`, { status: 'open' }, { 'If-Match': created.etag })
    for (const [person, last] of [[first, 'selected'], [second, 'waitlisted']]) {
      let { body: nomination } = await api.call('POST', `/api/v1/actions/${id}/nominations`, { person_id: person.id })
      for (const to of ['under_review', last]) {
        ;({ body: { nomination } } = await api.call('POST', `/api/v1/nominations/${nomination.id}/transitions`, { to }, { 'If-Match': `"${nomination.version}"` }))
      }
    }
    boardActionId = id
    return id
  } finally {
    await api.close()
  }
}

/** The card of a person on the board. */
function cardOf(page, personId) {
  return page.locator(`[data-testid^="card-"][data-person="${personId}"]`)
}

/** Headers of a GET with the given request headers (node:http, so nothing is decoded for us). */
function headersOf(url, headers = {}) {
  return new Promise((resolvePromise, reject) => {
    const request = httpGet(url, { headers }, (response) => {
      response.resume()
      resolvePromise({ status: response.statusCode, headers: response.headers })
    })
    request.on('error', reject)
  })
}

const scenarios = [
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
    name: 'log in (and come back to the page asked for)',
    async run() {
      const { context, page, consoleErrors } = await newPage()
      try {
        await page.goto(`${server.url}/organisations`)
        await page.waitForURL(/\/login\?redirect=/)
        expect((await page.locator('html').getAttribute('lang')) === 'fr', 'French is not the default language')
        await shot(page, 'fr-login')
        await page.locator('input[name="username"]').fill('admin')
        await page.locator('input[autocomplete="current-password"]').fill('not the password')
        await page.locator('[data-testid="login-submit"]').click()
        await page.locator('[data-testid="login-failed"]').waitFor()
        await page.locator('input[autocomplete="current-password"]').fill(password)
        await page.locator('[data-testid="login-submit"]').click()
        await page.waitForURL((url) => url.pathname === '/organisations')
        await waitForRows(page)
        const total = await page.locator('[data-testid="total"]').innerText()
        expect(/\d/.test(total), `no total shown under the table: "${total}"`)
        await shot(page, 'fr-organisations')
        expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
      } finally {
        await context.close()
      }
    },
  },
  {
    name: 'session expiry sends to login and back',
    async run() {
      const { context, page } = await newPage()
      try {
        await login(page, server.url, 'manager', password)
        await page.goto(`${server.url}/reference/currencies`)
        await page.locator('[data-testid="currency-search"]').waitFor()
        // The session disappears (expired, or signed out elsewhere): the next API call gets 401.
        await context.clearCookies()
        await page.locator('[data-testid="nav-organisations"]').click()
        await page.waitForURL(/\/login\?.*expired=1/)
        await page.locator('input[name="username"]').fill('manager')
        await page.locator('input[autocomplete="current-password"]').fill(password)
        await page.locator('[data-testid="login-submit"]').click()
        await page.waitForURL((url) => url.pathname === '/organisations')
        await waitForRows(page)
      } finally {
        await context.close()
      }
    },
  },
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
        organisationId = Number(/\/organisations\/(\d+)$/.exec(page.url())[1])
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
  {
    name: 'log out',
    async run() {
      const { context, page } = await newPage()
      try {
        await login(page, server.url, 'officer', password, { path: '/organisations' })
        await waitForRows(page)
        await page.locator('[data-testid="user-menu"]').click()
        await page.locator('[data-testid="logout"]').click()
        await page.waitForURL(/\/login\?bye=1/)
        const me = await page.request.get(`${server.url}/api/v1/me`)
        expect(me.status() === 401, `GET /me after logout answered ${me.status()}`)
        await page.goto(`${server.url}/organisations`)
        await page.waitForURL(/\/login\?redirect=/)
      } finally {
        await context.close()
      }
    },
  },
  {
    name: 'officer creates an action with a quota, opens it, nominates two people, selects one and waitlists the other on the board',
    async run() {
      const [first, second] = await ensureBoardPeople()
      const { context, page, consoleErrors } = await newPage()
      try {
        await login(page, server.url, 'officer', password, { path: '/actions' })
        await page.locator('[data-testid="new-action"]').click()
        await page.waitForURL(/\/actions\/new$/)
        await choose(page, 'field-action_type', 'courte', /Formation de courte durée/)
        await choose(page, 'field-domain', 'Santé', /Santé/)
        await page.locator('[data-testid="field-title_fr"] input').fill(`Atelier de santé publique ${nonce}`)
        await page.locator('[data-testid="field-start_date"] input').fill(isoDate(30))
        await page.locator('[data-testid="field-end_date"] input').fill(isoDate(40))
        await page.locator('[data-testid="field-seats"] input').fill('2')
        await page.locator('[data-testid="add-quota"]').click()
        await choose(page, 'field-quotas.0.country', 'Sénégal', /Sénégal/)
        await page.locator('[data-testid="field-quotas.0.seats"] input').fill('1')
        await page.keyboard.press('Escape').catch(() => {})
        await shot(page, 'fr-action-form')
        await page.locator('[data-testid="save"]').click()
        await page.waitForURL(/\/actions\/\d+$/)
        const id = Number(/\/actions\/(\d+)$/.exec(page.url())[1])
        await page.getByRole('heading', { level: 1, name: `Atelier de santé publique ${nonce}` }).waitFor()

        // Open the action for nominations (confirmed in a dialog).
        await page.locator('[data-testid="status-open"]').click()
        await page.locator('[data-testid="confirm"]').click()
        await page.locator('[data-testid="action-status"][data-status="open"]').first().waitFor()
        await shot(page, 'fr-action-overview')

        await page.locator('[data-testid="tab-action-participants"]').click()
        await page.waitForURL(new RegExp(`/actions/${id}/participants$`))
        for (const person of [first, second]) {
          await page.locator('[data-testid="nominate"]').click()
          const dialog = page.locator('[data-testid="nominate-dialog"]')
          await dialog.waitFor()
          await dialog.locator('[data-testid="nominate-person"] input').fill(person.latin_name.split(' ')[0] + ' ' + nonceWord)
          await page.locator(`[data-testid="person-option-${person.id}"]`).click()
          await dialog.locator('[data-testid="nominate-submit"]').click()
          await dialog.waitFor({ state: 'hidden' })
          await cardOf(page, person.id).waitFor()
        }
        const column = (state) => page.locator(`[data-testid="column-${state}"]`)
        expect((await column('nominated').locator('[data-testid^="card-"]').count()) === 2, 'the two nominations are not in the "nominated" column')

        for (const person of [first, second]) {
          await cardOf(page, person.id).locator('[data-testid$="-under_review"]').click()
          await column('under_review').locator(`[data-person="${person.id}"]`).waitFor()
        }
        // Only the moves the server allows are offered: a nomination under review cannot be confirmed.
        expect((await cardOf(page, first.id).locator('[data-testid$="-confirmed"]').count()) === 0, 'a "confirm" move is offered under review')
        await cardOf(page, first.id).locator('[data-testid$="-selected"]').click()
        await column('selected').locator(`[data-person="${first.id}"]`).waitFor()
        await cardOf(page, second.id).locator('[data-testid$="-waitlisted"]').click()
        await column('waitlisted').locator(`[data-person="${second.id}"]`).waitFor()
        await page.locator('[data-testid="board-seats"]', { hasText: 'Places attribuées : 1 sur 2' }).waitFor()
        await shot(page, 'fr-action-board')

        await page.locator('[data-testid="tab-action-quotas"]').click()
        const quota = page.locator('[data-testid="quota-SN"]')
        await quota.waitFor()
        expect((await quota.innerText()).replace(/\s+/g, ' ').includes('1 1'), `the Senegal quota row does not show 1 seat, 1 taken: ${await quota.innerText()}`)
        boardActionId = id
        expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
      } finally {
        await context.close()
      }
    },
  },
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
  {
    name: 'catalogue: an officer publishes an offer and finds it in the catalogue',
    async run() {
      const { context, page, consoleErrors } = await newPage()
      try {
        await login(page, server.url, 'officer', password, { path: '/offers' })
        await page.locator('[data-testid="nav-offers"]').waitFor()
        await page.locator('[data-testid="new-offer"]').click()
        await page.waitForURL(/\/offers\/new/)
        const title = `Gestion des risques sanitaires ${nonce}`
        const host = page.locator('[data-testid="field-host_organisation_id"] input').first()
        await host.click()
        await page.getByRole('option').first().waitFor()
        await page.getByRole('option').first().click()
        await choose(page, 'field-action_type', 'courte', /courte durée/)
        await choose(page, 'field-domain', 'Santé', /Santé/)
        await page.locator('[data-testid="field-title_fr"] input').fill(title)
        await page.locator('[data-testid="field-duration_days"] input').fill('10')
        await page.locator('[data-testid="field-cost_per_participant"] input').fill('12000')
        await page.locator('[data-testid="save"]').click()
        // A cost without its currency is refused at the currency field before anything is sent.
        await page.locator('[data-testid="field-currency"] .v-messages__message').first().waitFor()
        await page.locator('[data-testid="field-currency"] input').fill('mad')
        await shot(page, 'fr-offer-form')
        await page.locator('[data-testid="save"]').click()
        await page.waitForURL(/\/offers\/\d+$/)
        const id = Number(/\/offers\/(\d+)$/.exec(page.url())[1])
        await page.getByRole('heading', { level: 1, name: title }).waitFor()
        await shot(page, 'fr-offer-detail')

        await page.locator('[data-testid="nav-offers"]').click()
        await page.waitForURL((url) => url.pathname === '/offers')
        await page.locator('[data-testid="search"] input').fill(`risques sanitaires ${nonce}`)
        await page.waitForURL((url) => url.searchParams.get('q') === `risques sanitaires ${nonce}`)
        const link = page.locator(`[data-testid="offer-table"] tbody tr a[href="/offers/${id}"]`)
        await link.waitFor()
        expect((await page.locator('[data-testid="offer-table"] tbody tr').count()) === 1, 'the search shows more than the new offer')
        expect((await link.innerText()).includes(title), 'the row does not show the title')
        await shot(page, 'fr-offers')
        expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
      } finally {
        await context.close()
      }
    },
  },
  {
    name: 'matching: a request shows its suggested offers; linking one shows it as linked',
    async run() {
      // Seeded through the API: an offer of a domain and type of its own run, and a request for them.
      const api = await apiAs('officer')
      let offerId
      let requestId
      try {
        const organisations = await api.call('GET', '/api/v1/organisations?limit=1')
        const hostId = organisations.body.items[0].id
        const offer = await api.call('POST', '/api/v1/offers', {
          host_organisation_id: hostId,
          action_type: 'study_visit',
          domain: 'agriculture',
          // Ties rank by title: "Am…" comes before the demo's agriculture offers ("Irrigation…").
          title_fr: `Aménagement hydro-agricole ${nonce}`,
        })
        offerId = offer.body.id
        const request = await api.call('POST', '/api/v1/requests', {
          country: 'SN',
          domain: 'agriculture',
          action_type: 'study_visit',
          title: `Visite sur l’irrigation ${nonce}`,
          channel: 'embassy',
        })
        requestId = request.body.id
      } finally {
        await api.close()
      }
      const { context, page, consoleErrors } = await newPage()
      try {
        await login(page, server.url, 'officer', password, { path: `/requests/${requestId}` })
        await page.getByRole('heading', { level: 1, name: `Visite sur l’irrigation ${nonce}` }).waitFor()
        await page.locator('[data-testid="no-linked"]').waitFor()
        const link = page.locator(`[data-testid="link-${offerId}"]`)
        await link.waitFor()
        await shot(page, 'fr-request-matching')
        await link.click()
        await page.locator(`[data-testid="linked-${offerId}"]`).waitFor()
        await page.locator(`[data-testid="suggested-linked-${offerId}"]`).waitFor()
        expect((await page.locator(`[data-testid="linked-${offerId}"]`).innerText()).includes(`Aménagement hydro-agricole ${nonce}`), 'the linked offer is not named')
        expect((await page.locator('[data-testid="request-status"]').first().getAttribute('data-status')) === 'matched', 'a new link did not move the request to matched')
        // Still linked after a reload: the link is stored, not only shown.
        await page.reload()
        await page.locator(`[data-testid="linked-${offerId}"]`).waitFor()
        expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
      } finally {
        await context.close()
      }
    },
  },
  ...['fr', 'ar'].map((language) => ({
    name: `screenshots of the main screens in ${language}`,
    async run() {
      const id = await ensureOrganisation()
      const { context, page, consoleErrors } = await newPage({ locale: language === 'ar' ? 'ar-MA' : 'fr-FR' })
      try {
        await context.addInitScript((lang) => window.localStorage.setItem('taawun.lang', lang), language)
        if (language === 'ar') {
          await page.goto(`${server.url}/login`)
          await page.waitForFunction(() => document.documentElement.dir === 'rtl')
          await shot(page, 'ar-login')
        }
        await login(page, server.url, 'admin', password, { path: '/organisations' })
        await waitForRows(page)
        expect((await page.locator('html').getAttribute('lang')) === language, `page language is not ${language}`)
        if (language === 'ar') await shot(page, 'ar-organisations')

        await page.goto(`${server.url}/organisations/${id}`)
        await page.locator('[data-testid="edit"]').waitFor()
        if (language === 'ar') await shot(page, 'ar-organisation-detail')
        await page.goto(`${server.url}/organisations/${id}/edit`)
        await page.locator('[data-testid="field-acronym"] input').waitFor()
        if (language === 'ar') await shot(page, 'ar-organisation-form')

        await page.goto(`${server.url}/reference/countries`)
        await page.locator('[data-testid="world-map"] canvas').first().waitFor()
        await page.locator('[data-testid="country-table"] tbody tr').first().waitFor()
        await shot(page, `${language}-countries-map`)

        await page.goto(`${server.url}/admin/users`)
        await page.locator('[data-testid="user-table"] tbody tr').first().waitFor()
        await shot(page, `${language}-admin-users`)

        await page.goto(`${server.url}/admin/audit`)
        await page.locator('[data-testid="audit-table"] tbody tr').first().waitFor()
        await shot(page, `${language}-audit`)

        await page.goto(`${server.url}/admin/tokens`)
        await page.locator('[data-testid="token-table"]').waitFor()
        await shot(page, `${language}-admin-tokens`)

        await page.goto(`${server.url}/reference/currencies`)
        await page.locator('[data-testid="currency-search"]').waitFor()
        await shot(page, `${language}-currencies`)

        await page.goto(`${server.url}/reference/codelists`)
        await page.waitForLoadState('networkidle')
        await shot(page, `${language}-codelists`)

        await page.goto(`${server.url}/account`)
        await page.locator('[data-testid="account-language"]').waitFor()
        await shot(page, `${language}-account`)

        const actionId = await ensureBoardAction()
        await page.goto(`${server.url}/actions`)
        await page.locator('[data-testid="action-table"] tbody tr a').first().waitFor()
        await shot(page, `${language}-actions`)
        await page.goto(`${server.url}/actions/${actionId}/participants`)
        await page.locator('[data-testid="board"]').waitFor()
        await shot(page, `${language}-action-board`)
        await page.goto(`${server.url}/actions/${actionId}/logistics`)
        await page.locator('[data-testid="logistics-table"]').waitFor()
        await shot(page, `${language}-action-logistics`)
        await page.goto(`${server.url}/actions/${actionId}/costs`)
        await page.locator('[data-testid="cost-table"]').waitFor()
        await shot(page, `${language}-action-costs`)
        await page.goto(`${server.url}/actions/${actionId}/documents`)
        await page.locator('[data-testid="documents-table"], [data-testid="empty"]').first().waitFor()
        await shot(page, `${language}-action-documents`)
        await page.goto(`${server.url}/people`)
        await page.locator('[data-testid="people-table"] tbody tr a').first().waitFor()
        await shot(page, `${language}-people`)

        // Usable at 360 px: the list renders without horizontal scrolling of the page itself.
        await page.setViewportSize({ width: 360, height: 740 })
        await page.goto(`${server.url}/organisations`)
        await waitForRows(page)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow <= 1, `the page scrolls sideways at 360 px (${overflow} px)`)
        await shot(page, `${language}-organisations-360px`)
        for (const [path, ready, name] of [
          ['/actions', '[data-testid="action-table"] tbody tr a', 'actions'],
          [`/actions/${actionId}/participants`, '[data-testid="board"]', 'action-board'],
          ['/people', '[data-testid="people-table"] tbody tr a', 'people'],
          ['/offers', '[data-testid="offer-table"] tbody tr a', 'offers'],
          ['/programmes', '[data-testid="programme-table"] tbody tr a', 'programmes'],
          ['/requests', '[data-testid="request-table"] tbody tr a', 'requests'],
        ]) {
          await page.goto(server.url + path)
          await page.locator(ready).first().waitFor()
          const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
          expect(sideways <= 1, `${path} scrolls sideways at 360 px (${sideways} px)`)
          await shot(page, `${language}-${name}-360px`)
        }
        expect(consoleErrors.length === 0, `page errors: ${consoleErrors.join(' | ')}`)
      } finally {
        await context.close()
      }
    },
  })),
]

async function main() {
  const only = process.env.E2E_ONLY
  const selected = only ? scenarios.filter((scenario) => scenario.name.includes(only)) : scenarios
  const logFile = createWriteStream(join(artefacts, 'server.log'))
  try {
    const database = await createDemoDatabase(artefacts, password)
    server = await startServer(database, { logFile })
    console.log(`e2e: server ${server.url} (pid ${server.pid}), database ${database}, artefacts ${artefacts}`)
    browser = await launchChromium()
    for (const scenario of selected) {
      const begin = Date.now()
      try {
        await withTimeout(scenario.run(), kScenarioTimeoutMs, scenario.name)
        results.push({ name: scenario.name, ok: true })
        console.log(`ok    ${scenario.name} (${((Date.now() - begin) / 1000).toFixed(1)} s)`)
      } catch (error) {
        results.push({ name: scenario.name, ok: false })
        const message = String(error?.message ?? error).split('\n').slice(0, 6).join('\n      ')
        console.log(`FAIL  ${scenario.name} (${((Date.now() - begin) / 1000).toFixed(1)} s)\n      ${message}`)
      }
    }
  } catch (error) {
    results.push({ name: 'set-up', ok: false })
    console.log(`FAIL  set-up: ${error?.message ?? error}`)
  } finally {
    if (browser) await browser.close().catch(() => {})
    if (server) await server.stop()
    logFile.end()
  }
  const passed = results.filter((result) => result.ok).length
  const failed = results.length - passed
  console.log(`e2e: screenshots in ${screenshots}; took ${((Date.now() - started) / 1000).toFixed(1)} s`)
  console.log(`e2e: ${passed} passed, ${failed} failed`)
  process.exit(failed > 0 ? 1 : 0)
}

// SIGTERM/SIGINT to the runner still stops the server it started.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    void (server ? server.stop() : Promise.resolve()).finally(() => process.exit(130))
  })
}

await main()
