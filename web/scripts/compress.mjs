#!/usr/bin/env node
// Writes FILE.gz beside every text asset of dist/ (js, css, html, svg, json, txt, webmanifest).
// `taawun serve` sends FILE.gz with Content-Encoding: gzip when the browser accepts gzip and the
// sibling exists, so compression costs nothing per request. Run by `npm run build` after Vite.
// A .gz that would not be smaller than the original is not written (the server then sends the
// plain file). Uses node:zlib only.
import { readdirSync, readFileSync, writeFileSync, statSync, existsSync, unlinkSync, utimesSync } from 'node:fs'
import { join, dirname, extname, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync, constants } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = process.argv[2] ?? join(root, 'dist')
const kCompressible = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.txt', '.webmanifest', '.map'])

if (!existsSync(dist)) {
  console.error(`compress: ${dist} not found; run "vite build" first.`)
  process.exit(2)
}

function* walk(folder) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) yield* walk(path)
    else if (entry.isFile()) yield path
  }
}

let count = 0
let before = 0
let after = 0
for (const path of walk(dist)) {
  if (!kCompressible.has(extname(path))) continue
  const bytes = readFileSync(path)
  const packed = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION })
  const target = `${path}.gz`
  if (packed.length >= bytes.length) {
    if (existsSync(target)) unlinkSync(target)
    continue
  }
  writeFileSync(target, packed)
  // Same modification time as the original, so Last-Modified and caches agree on both.
  const { atime, mtime } = statSync(path)
  try {
    utimesSync(target, atime, mtime)
  } catch {
    // Not important enough to fail the build.
  }
  count += 1
  before += bytes.length
  after += packed.length
}
const kb = (n) => `${(n / 1024).toFixed(1)} KB`
console.log(`compress: ${count} files in ${relative(process.cwd(), dist) || '.'} → .gz (${kb(before)} → ${kb(after)})`)
