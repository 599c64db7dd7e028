// Shared by e2e/run.mjs, the flow files and e2e/measure.mjs: a throwaway Taawun server on a fresh
// SQLite database, Debian's chromium through playwright-core, small helpers for the pages, and the
// context every flow file receives (createFlowContext: the server, the browser, seeding through the API).
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { get as httpGet } from 'node:http'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes, randomInt } from 'node:crypto'
import { chromium } from 'playwright-core'

export const webRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const binary = resolve(webRoot, process.env.TAAWUN_BINARY ?? '../build/debug/taawun')
export const artefacts = resolve(webRoot, process.env.TAAWUN_ARTEFACTS ?? '../build/debug/e2e')
export const dist = resolve(webRoot, process.env.TAAWUN_WEB_DIST ?? 'dist')
export const chromiumPath = process.env.TAAWUN_CHROMIUM ?? '/usr/bin/chromium'

/** Stops with a clear message when something the run needs is missing. */
export function checkPrerequisites() {
  const missing = []
  if (!existsSync(binary)) missing.push(`taawun binary not found at ${binary} (set TAAWUN_BINARY or build it: cmake --preset debug && ninja -C build/debug taawun)`)
  if (!existsSync(join(dist, 'index.html'))) missing.push(`web build not found at ${dist}/index.html (run: cd web && npm ci && npm run build)`)
  if (!existsSync(chromiumPath)) missing.push(`chromium not found at ${chromiumPath} (install the Debian package: apt-get install chromium)`)
  return missing
}

/** A password that satisfies the server's policy, new for every run. */
export function newPassword() {
  return `E2e-${randomBytes(12).toString('base64url')}-7a`
}

function run(command, args, { input, timeoutMs, log }) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] })
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGTERM')
      reject(new Error(`${command} ${args[0]} took longer than ${timeoutMs / 1000} s`))
    }, timeoutMs)
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (log) process.stdout.write(chunk)
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
      if (log) process.stderr.write(chunk)
    })
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      if (code === 0) resolvePromise(output)
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output.slice(-2000)}`))
    })
    if (input !== undefined) child.stdin.end(input)
    else child.stdin.end()
  })
}

/** A fresh database file in `folder`, filled by `taawun demo` (accounts admin, manager, ..., partner). */
export async function createDemoDatabase(folder, password, { scale, timeoutMs = 120_000, log = false } = {}) {
  mkdirSync(folder, { recursive: true })
  const file = join(folder, 'taawun.db')
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
  const args = ['demo', '--password-stdin', '--database', `sqlite:${file}`]
  if (scale) args.push('--scale', String(scale))
  await run(binary, args, { input: `${password}\n`, timeoutMs, log })
  return file
}

/**
 * Starts `taawun serve` on a free port of 127.0.0.1 and resolves once it logs where it listens.
 * The returned stop() sends SIGTERM to that one process and waits for it (SIGKILL after 10 s).
 */
export function startServer(databaseFile, { timeoutMs = 30_000, logFile } = {}) {
  return new Promise((resolvePromise, reject) => {
    // The flows sign in as the demo accounts with their password alone; two-factor enrolment and
    // sign-in are covered by the component tests (tests/two-factor.test.ts) and the API tests.
    const child = spawn(binary, ['serve', '--database', `sqlite:${databaseFile}`, '--listen', '127.0.0.1:0', '--web', dist, '--require-totp', 'none'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let log = ''
    let settled = false
    const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })))
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
        await exited
        clearTimeout(timer)
      }
      return log
    }
    const timer = setTimeout(() => {
      if (settled) return
      settled = true
      void stop()
      reject(new Error(`taawun serve did not say where it listens within ${timeoutMs / 1000} s:\n${log.slice(-2000)}`))
    }, timeoutMs)
    const onData = (chunk) => {
      log += chunk
      if (logFile) logFile.write(chunk)
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(log)
      if (match && !settled) {
        settled = true
        clearTimeout(timer)
        resolvePromise({ url: match[1], pid: child.pid, stop, log: () => log })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', (error) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      reject(error)
    })
    child.on('exit', (code, signal) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      reject(new Error(`taawun serve exited (${code ?? signal}) before listening:\n${log.slice(-2000)}`))
    })
  })
}

export function launchChromium() {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** Rejects after `ms` with a clear message; the work itself is abandoned by the caller. */
export function withTimeout(promise, ms, label) {
  let timer
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${label}: timed out after ${ms / 1000} s`)), ms)
    }),
  ])
}

/** Signs in through the login form; the page is left wherever the app sends it afterwards. */
export async function login(page, baseUrl, username, password, { path = '/login' } = {}) {
  await page.goto(baseUrl + path)
  await page.waitForURL(/\/login/)
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[autocomplete="current-password"]').fill(password)
  await page.locator('[data-testid="login-submit"]').click()
  await page.waitForURL((url) => !url.pathname.startsWith('/login'))
}

export const rowsSelector = '[data-testid="organisation-table"] tbody tr a'

/** A failed expectation of a flow: reported as the scenario's failure, with its message. */
export class Failure extends Error {}
export function expect(condition, message) {
  if (!condition) throw new Failure(message)
}

export async function waitForRows(page) {
  await page.locator(rowsSelector).first().waitFor({ state: 'visible' })
}

/** Picks an entry of a Vuetify autocomplete by typing and clicking the option. */
export async function choose(page, testId, typed, optionText) {
  const input = page.locator(`[data-testid="${testId}"] input`).first()
  await input.click()
  await input.fill(typed)
  await page.getByRole('option', { name: optionText }).first().click()
}

export function isoDate(daysFromNow) {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10)
}

/** The card of a person on the board. */
export function cardOf(page, personId) {
  return page.locator(`[data-testid^="card-"][data-person="${personId}"]`)
}

/** Headers of a GET with the given request headers (node:http, so nothing is decoded for us). */
export function headersOf(url, headers = {}) {
  return new Promise((resolvePromise, reject) => {
    const request = httpGet(url, { headers }, (response) => {
      response.resume()
      resolvePromise({ status: response.statusCode, headers: response.headers })
    })
    request.on('error', reject)
  })
}

/**
 * What every flow file's default export receives (`export default (e2e) => [scenarios]`): the
 * running server and browser, the run's password and nonce, pages, screenshots, and the records
 * several areas' flows need, created through the API when the flow that makes them in the UI did
 * not run (E2E_ONLY) — a flow that makes one stores it here (organisationId, boardActionId).
 */
export function createFlowContext({ server, browser, password, screenshots, actionTimeoutMs }) {
  const nonce = String(randomInt(100_000, 999_999))
  // People's names carry a word made from the run's nonce (letters only, so that the phonetic name
  // search keeps it whole).
  const nonceWord = 'K' + [...nonce].map((digit) => 'bdfgklmnrt'[Number(digit)]).join('')
  const e2e = {
    server,
    browser,
    password,
    nonce,
    nonceWord,
    organisationName: `Société Éducative Kélébé ${nonce}`,
    organisationId: null,
    boardActionId: null,
    boardPeople: null,
    newPage,
    shot,
    apiAs,
    ensureOrganisation,
    ensureBoardPeople,
    ensureBoardAction,
  }

  async function newPage(options = {}) {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 }, ...options })
    const page = await context.newPage()
    page.setDefaultTimeout(actionTimeoutMs)
    page.setDefaultNavigationTimeout(actionTimeoutMs)
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

  /** Creates the shared organisation through the API when the UI scenario did not. */
  async function ensureOrganisation() {
    if (e2e.organisationId) return e2e.organisationId
    const { context, page } = await newPage()
    try {
      const response = await page.request.post(`${server.url}/api/v1/session`, { data: { username: 'officer', password } })
      expect(response.ok(), `API login failed: ${response.status()}`)
      const { csrf_token: csrf } = await response.json()
      const created = await page.request.post(`${server.url}/api/v1/organisations`, {
        data: { kind: '10', name_fr: e2e.organisationName, country: 'SN' },
        headers: { 'X-CSRF-Token': csrf },
      })
      expect(created.ok(), `API create failed: ${created.status()}`)
      e2e.organisationId = (await created.json()).id
      return e2e.organisationId
    } finally {
      await context.close()
    }
  }

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

  /** Two Senegalese candidates for the board scenarios (seeded once per run). */
  async function ensureBoardPeople() {
    if (e2e.boardPeople) return e2e.boardPeople
    const api = await apiAs('officer')
    try {
      const first = await api.call('POST', '/api/v1/people', { latin_name: `Awa Ndiaye ${nonceWord}`, arabic_name: 'عوا نجاي', nationality: 'SN', sex: 'female', birth_date: '1988-03-14' })
      const second = await api.call('POST', '/api/v1/people', { latin_name: `Moussa Fall ${nonceWord}`, nationality: 'SN', sex: 'male', birth_date: '1985-11-02' })
      e2e.boardPeople = [first.body.person, second.body.person]
      return e2e.boardPeople
    } finally {
      await api.close()
    }
  }

  /** The board of the actions flow through the API when that flow did not run: one selected, one waitlisted. */
  async function ensureBoardAction() {
    if (e2e.boardActionId) return e2e.boardActionId
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
      e2e.boardActionId = id
      return id
    } finally {
      await api.close()
    }
  }

  return e2e
}
