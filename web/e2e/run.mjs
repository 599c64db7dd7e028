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
// The flows live with their area, in src/features/<area>/<area>.e2e.mjs (outside what vite, vitest
// and vue-tsc read), plus the app's own in e2e/app.e2e.mjs and e2e/screenshots.e2e.mjs. Each exports
// a function from the run's context (lib.mjs createFlowContext) to its scenarios; kFlows below is
// the order they run in. A new area adds its file there.
//
// Prints one line per scenario and finally `e2e: N passed, N failed`; exits 1 if any failed.
import { createWriteStream, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import {
  artefacts,
  checkPrerequisites,
  createDemoDatabase,
  createFlowContext,
  launchChromium,
  newPassword,
  startServer,
  withTimeout,
} from './lib.mjs'
import appFlows from './app.e2e.mjs'
import screenshotFlows from './screenshots.e2e.mjs'
import authFlows from '../src/features/auth/auth.e2e.mjs'
import organisationsFlows from '../src/features/organisations/organisations.e2e.mjs'
import adminFlows from '../src/features/admin/admin.e2e.mjs'
import actionsFlows from '../src/features/actions/actions.e2e.mjs'
import nominationsFlows from '../src/features/nominations/nominations.e2e.mjs'
import peopleFlows from '../src/features/people/people.e2e.mjs'
import certificatesFlows from '../src/features/certificates/certificates.e2e.mjs'
import documentsFlows from '../src/features/documents/documents.e2e.mjs'
import offersFlows from '../src/features/offers/offers.e2e.mjs'
import requestsFlows from '../src/features/requests/requests.e2e.mjs'
import agreementsFlows from '../src/features/agreements/agreements.e2e.mjs'
import engagementsFlows from '../src/features/engagements/engagements.e2e.mjs'
import countryProfileFlows from '../src/features/country-profile/country-profile.e2e.mjs'
import commissionsFlows from '../src/features/commissions/commissions.e2e.mjs'
import diplomaticMissionsFlows from '../src/features/diplomatic-missions/diplomatic-missions.e2e.mjs'

// Each flow stands alone (what it needs from another area is created through the API when that
// flow did not run), but a full run goes in this order so that later flows reuse earlier records;
// the screenshots visit every area, so they come last.
const kFlows = [
  appFlows,
  authFlows,
  organisationsFlows,
  adminFlows,
  actionsFlows,
  nominationsFlows,
  peopleFlows,
  certificatesFlows,
  documentsFlows,
  offersFlows,
  requestsFlows,
  agreementsFlows,
  engagementsFlows,
  countryProfileFlows,
  commissionsFlows,
  diplomaticMissionsFlows,
  screenshotFlows,
]

// The screenshot scenarios visit every main screen in one go: they need more than a minute on 2 shared cores.
const kScenarioTimeoutMs = 90_000
const kActionTimeoutMs = 15_000
const screenshots = join(artefacts, 'screenshots')

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

async function main() {
  const only = process.env.E2E_ONLY
  const logFile = createWriteStream(join(artefacts, 'server.log'))
  try {
    const database = await createDemoDatabase(artefacts, password)
    server = await startServer(database, { logFile })
    console.log(`e2e: server ${server.url} (pid ${server.pid}), database ${database}, artefacts ${artefacts}`)
    browser = await launchChromium()
    const e2e = createFlowContext({ server, browser, password, screenshots, actionTimeoutMs: kActionTimeoutMs })
    const scenarios = kFlows.flatMap((flows) => flows(e2e))
    const selected = only ? scenarios.filter((scenario) => scenario.name.includes(only)) : scenarios
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
