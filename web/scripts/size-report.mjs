#!/usr/bin/env node
// Weighs what the browser downloads before the first screen shows, from dist/.vite/manifest.json
// (vite.config.ts sets build.manifest). Prints gzip and brotli sizes and exits 1 over budget.
//
//   entry   = index.html's entry chunk + every chunk it imports statically + their CSS
//   first   = entry + the route chunks of the first screens with their static imports and CSS:
//             login; home; and login + shell + organisations list (what someone who signs in
//             and lands on the organisations page downloads). The budget applies to the largest.
//   areas   = for information: what each lazy area adds on top of the entry.
//
// Budget: 350 KB (350 × 1024 bytes) compressed with gzip; override with SIZE_BUDGET_KB.
import { readFileSync, existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync, brotliCompressSync, constants } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')
const manifestPath = join(dist, '.vite', 'manifest.json')
const budgetKb = Number(process.env.SIZE_BUDGET_KB ?? 350)

if (!existsSync(manifestPath)) {
  console.error(`size-report: ${manifestPath} not found; run "npm run build" first.`)
  process.exit(2)
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))

const sizeCache = new Map()
function sizes(file) {
  if (!sizeCache.has(file)) {
    const bytes = readFileSync(join(dist, file))
    sizeCache.set(file, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    })
  }
  return sizeCache.get(file)
}

/** Files loaded with a chunk: itself, its static imports (recursively) and all their CSS. */
function closure(key, files = new Set()) {
  const chunk = manifest[key]
  if (!chunk || files.has(chunk.file)) return files
  files.add(chunk.file)
  for (const css of chunk.css ?? []) files.add(css)
  for (const imported of chunk.imports ?? []) closure(imported, files)
  return files
}

function total(files) {
  const sum = { raw: 0, gzip: 0, brotli: 0 }
  for (const file of files) {
    const s = sizes(file)
    sum.raw += s.raw
    sum.gzip += s.gzip
    sum.brotli += s.brotli
  }
  return sum
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`
const line = (label, s) => `${label.padEnd(38)} raw ${kb(s.raw).padStart(10)}   gzip ${kb(s.gzip).padStart(9)}   brotli ${kb(s.brotli).padStart(9)}`

const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry)
if (!entryKey) {
  console.error('size-report: no entry chunk in the manifest')
  process.exit(2)
}
const entryFiles = closure(entryKey)
const entry = total(entryFiles)

console.log('Taawun web: first-screen weight (from dist/.vite/manifest.json)\n')
for (const file of [...entryFiles].sort()) console.log(line(`  ${file}`, sizes(file)))
console.log(line('entry + static imports + CSS', entry))
console.log('')

function routeKey(fragment) {
  return Object.keys(manifest).find((key) => key.includes(fragment))
}

let worst = entry
let worstLabel = 'entry'
for (const [label, fragments] of [
  ['first screen: login', ['features/auth/LoginView.vue']],
  ['first screen: home', ['features/home/HomeView.vue']],
  ['login + shell + organisations list', ['features/auth/LoginView.vue', 'features/organisations/OrganisationListView.vue']],
]) {
  const keys = fragments.map(routeKey)
  if (keys.some((key) => !key)) {
    console.error(`size-report: no chunk for ${fragments.join(', ')} in the manifest`)
    process.exit(2)
  }
  const files = new Set(entryFiles)
  for (const key of keys) closure(key, files)
  const sum = total(files)
  console.log(line(label, sum))
  if (sum.gzip > worst.gzip) {
    worst = sum
    worstLabel = label
  }
}

console.log('\nLazy areas (added on top of the entry, for information):')
for (const [label, fragment] of [
  ['organisations list', 'features/organisations/OrganisationListView.vue'],
  ['organisation form', 'features/organisations/OrganisationFormView.vue'],
  ['countries (table)', 'features/reference/CountriesView.vue'],
  ['users (admin)', 'features/admin/UsersView.vue'],
  ['audit (admin)', 'features/admin/AuditView.vue'],
]) {
  const key = routeKey(fragment)
  if (!key) continue
  const files = closure(key, new Set())
  for (const file of entryFiles) files.delete(file)
  console.log(line(`  ${label}`, total(files)))
}
// The map (ECharts + world-atlas) is imported dynamically by the countries page, after its table.
const mapKeys = ['features/reference/components/WorldMap.vue', 'world-atlas/countries-110m.json'].map(routeKey)
if (mapKeys.every(Boolean)) {
  const files = new Set()
  for (const key of mapKeys) closure(key, files)
  for (const file of entryFiles) files.delete(file)
  console.log(line('  world map (loaded after countries)', total(files)))
}

const budget = budgetKb * 1024
console.log(`\nBudget: ${budgetKb} KB gzip for the heaviest first screen (${worstLabel}): ${kb(worst.gzip)} gzip, ${kb(worst.brotli)} brotli.`)
if (worst.gzip > budget) {
  console.error(`size-report: OVER BUDGET by ${kb(worst.gzip - budget)}`)
  process.exit(1)
}
console.log('size-report: within budget')
