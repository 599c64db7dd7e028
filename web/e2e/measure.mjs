#!/usr/bin/env node
// Measures "organisations page interactive" in a real browser against a large database:
// the time from navigating to /organisations until the table's rows are on screen.
// Not part of run.mjs: building the database with `taawun demo --scale 100` (about 104,000
// organisations) takes minutes.
//
//   cd web && node e2e/measure.mjs
//
// Environment:
//   TAAWUN_BINARY          the taawun executable (default ../build/debug/taawun)
//   TAAWUN_ARTEFACTS       folder for the database and the server log (default ../build/debug/measure)
//   TAAWUN_MEASURE_SCALE   demo scale (default 100)
//   TAAWUN_MEASURE_REUSE=1 keep the database of an earlier run in that folder (same scale) if there is one
//   TAAWUN_MEASURE_RUNS    repetitions of each measurement (default 7)
import { existsSync, readFileSync, writeFileSync, mkdirSync, createWriteStream } from 'node:fs'
import { join, resolve } from 'node:path'
import { cpus } from 'node:os'
import { binary, checkPrerequisites, createDemoDatabase, launchChromium, newPassword, rowsSelector, startServer, webRoot } from './lib.mjs'

const folder = resolve(webRoot, process.env.TAAWUN_ARTEFACTS ?? '../build/debug/measure')
const scale = Number(process.env.TAAWUN_MEASURE_SCALE ?? 100)
const runs = Number(process.env.TAAWUN_MEASURE_RUNS ?? 7)
const budgetMs = 1000

const missing = checkPrerequisites()
if (missing.length) {
  for (const line of missing) console.error(`measure: ${line}`)
  process.exit(1)
}
mkdirSync(folder, { recursive: true })

const database = join(folder, 'taawun.db')
const secretFile = join(folder, 'password.txt')
const scaleFile = join(folder, 'scale.txt')
let password
const reusable =
  process.env.TAAWUN_MEASURE_REUSE === '1' &&
  existsSync(database) &&
  existsSync(secretFile) &&
  existsSync(scaleFile) &&
  readFileSync(scaleFile, 'utf8').trim() === String(scale)
if (reusable) {
  password = readFileSync(secretFile, 'utf8').trim()
  console.log(`measure: reusing ${database} (scale ${scale})`)
} else {
  password = newPassword()
  const begin = Date.now()
  console.log(`measure: creating ${database} with ${binary} demo --scale ${scale} ...`)
  await createDemoDatabase(folder, password, { scale, timeoutMs: 60 * 60_000 })
  writeFileSync(secretFile, `${password}\n`, { mode: 0o600 })
  writeFileSync(scaleFile, `${scale}\n`)
  console.log(`measure: database ready in ${((Date.now() - begin) / 1000).toFixed(0)} s`)
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)]
  return { min: sorted[0], median, max: sorted[sorted.length - 1] }
}
const ms = (value) => `${value.toFixed(0)} ms`
function report(label, values) {
  const s = stats(values)
  console.log(`${label.padEnd(58)} median ${ms(s.median).padStart(7)}   min ${ms(s.min).padStart(7)}   max ${ms(s.max).padStart(7)}`)
  return s
}

const logFile = createWriteStream(join(folder, 'server.log'))
const server = await startServer(database, { logFile })
let browser = null
let failed = false
try {
  browser = await launchChromium()
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } })
  const page = await context.newPage()
  page.setDefaultTimeout(30_000)

  const login = await page.request.post(`${server.url}/api/v1/session`, { data: { username: 'admin', password } })
  if (!login.ok()) throw new Error(`login failed: ${login.status()}`)
  const totalResponse = await page.request.get(`${server.url}/api/v1/organisations?limit=1`)
  const total = (await totalResponse.json()).total
  console.log(`measure: ${total} organisations; server ${server.url}; ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'})`)

  /** Full page load of `path` until the first table row is visible, in ms since navigation start. */
  async function loadUntilRows(path) {
    await page.goto(`${server.url}${path}`, { waitUntil: 'commit' })
    await page.locator(rowsSelector).first().waitFor({ state: 'visible' })
    return page.evaluate(() => performance.now())
  }

  // Cold: a new context each time, so no cached scripts, as on a first visit.
  const cold = []
  for (let i = 0; i < runs; i += 1) {
    const fresh = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 860 } })
    const freshPage = await fresh.newPage()
    const response = await freshPage.request.post(`${server.url}/api/v1/session`, { data: { username: 'admin', password } })
    if (!response.ok()) throw new Error(`login failed: ${response.status()}`)
    await freshPage.goto(`${server.url}/organisations`, { waitUntil: 'commit' })
    await freshPage.locator(rowsSelector).first().waitFor({ state: 'visible', timeout: 30_000 })
    cold.push(await freshPage.evaluate(() => performance.now()))
    await fresh.close()
  }

  // Warm: scripts in the browser cache (a returning user), full page load each time.
  await loadUntilRows('/organisations')
  const warm = []
  for (let i = 0; i < runs; i += 1) warm.push(await loadUntilRows('/organisations'))

  // In-app navigation: from the home page, click "Organisations" until the rows are there.
  const inApp = []
  for (let i = 0; i < runs; i += 1) {
    await page.goto(`${server.url}/`)
    await page.locator('[data-testid="card-organisations"]').waitFor()
    const begin = Date.now()
    await page.locator('[data-testid="nav-organisations"]').click()
    await page.locator(rowsSelector).first().waitFor({ state: 'visible' })
    inApp.push(Date.now() - begin)
  }

  // Typing a search: from the keystroke until the filtered rows are shown (includes the 350 ms debounce).
  const searches = []
  const words = ['météo', 'agence', 'universite', 'ministère', 'institut', 'santé', 'école']
  await loadUntilRows('/organisations')
  for (let i = 0; i < runs; i += 1) {
    const word = words[i % words.length]
    const begin = Date.now()
    await page.locator('[data-testid="search"] input').fill(word)
    await page.waitForURL((url) => url.searchParams.get('q') === word)
    await page.waitForFunction((selector) => {
      const table = document.querySelector('[data-testid="organisation-table"]')
      return table && !table.querySelector('.v-data-table-progress') && !!document.querySelector(selector)
    }, rowsSelector).catch(() => {})
    searches.push(Date.now() - begin)
  }

  // Sorted by country, last page: the deepest offset a user can reach.
  const deep = []
  for (let i = 0; i < runs; i += 1) {
    const last = Math.floor((total - 1) / 25) + 1
    deep.push(await loadUntilRows(`/organisations?sort=country&page=${last}`))
  }

  console.log('')
  const coldStats = report('organisations page interactive, first visit (cold cache)', cold)
  const warmStats = report('organisations page interactive, returning (warm cache)', warm)
  report('in-app navigation Home → Organisations, rows shown', inApp)
  report('search typed → filtered rows shown (350 ms debounce incl.)', searches)
  report('last page sorted by country, full load (warm)', deep)
  const worst = Math.max(coldStats.median, warmStats.median)
  console.log(`\nmeasure: budget ${budgetMs} ms for the page interactive: ${worst <= budgetMs ? 'met' : 'MISSED'} (median ${ms(worst)})`)
  failed = worst > budgetMs
} catch (error) {
  console.error(`measure: ${error?.stack ?? error}`)
  failed = true
} finally {
  if (browser) await browser.close().catch(() => {})
  await server.stop()
  logFile.end()
}
process.exit(failed ? 1 : 0)
