// Shared by e2e/run.mjs and e2e/measure.mjs: a throwaway Taawun server on a fresh SQLite database,
// Debian's chromium through playwright-core, and small helpers for the pages.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { randomBytes } from 'node:crypto'
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
