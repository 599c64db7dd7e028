#!/usr/bin/env node
// Checks the web app's translations before a build (npm run build runs it; so does tests/i18n.test.ts).
//
//   node scripts/check-i18n.mjs [--root <folder holding src/>]
//
// The messages live in per-locale JSON: src/i18n/<locale>.json (shared) and
// src/features/<area>/i18n/<locale>.json (an area's own). French is the reference. For every folder
// it reports, naming the file and the key:
//   - a key French has that another locale lacks, or one French lacks;
//   - a placeholder ({name}) of French missing from the translation, or one French does not have;
//   - a different number of plural forms ("a | b | c");
//   - an empty message, or an "@" not written {'@'} (vue-i18n reads "@" as a linked message);
//   - a file that is not a JSON object of strings, and a key two files of one locale define (the
//     app merges the files into one tree per locale, so the second would silently win).
// Exits 1 with one line per problem, 0 with a one-line summary.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const kLocales = ['fr', 'ar', 'en']
const kReference = 'fr'

/** The folders holding <locale>.json files: src/i18n and every src/features/<area>/i18n. */
export function translationFolders(root) {
  const folders = [join(root, 'src', 'i18n')]
  const features = join(root, 'src', 'features')
  if (existsSync(features)) {
    for (const area of readdirSync(features).sort()) {
      const folder = join(features, area, 'i18n')
      if (existsSync(folder)) folders.push(folder)
    }
  }
  return folders
}

/** Flattens a message tree to "a.b.c" → message; anything but strings and objects is a problem. */
function flatten(tree, file, problems, prefix = '', out = new Map()) {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else if (value && typeof value === 'object' && !Array.isArray(value)) flatten(value, file, problems, path, out)
    else problems.push(`${file}: ${path}: a message must be a string or an object of messages`)
  }
  return out
}

function placeholders(message) {
  return [...message.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort()
}

function readLocale(path, file, problems) {
  let tree
  try {
    tree = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    problems.push(`${file}: not valid JSON (${error.message})`)
    return null
  }
  if (!tree || typeof tree !== 'object' || Array.isArray(tree)) {
    problems.push(`${file}: must be a JSON object`)
    return null
  }
  return flatten(tree, file, problems)
}

/** Every problem of the translations under `root`, one line each (empty when all is well). */
export function checkTranslations(root) {
  const problems = []
  const definedBy = Object.fromEntries(kLocales.map((locale) => [locale, new Map()]))
  let keys = 0
  for (const folder of translationFolders(root)) {
    const read = {}
    for (const locale of kLocales) {
      const path = join(folder, `${locale}.json`)
      const file = relative(root, path)
      if (!existsSync(path)) {
        problems.push(`${file}: missing (every folder has ${kLocales.map((l) => `${l}.json`).join(', ')})`)
        continue
      }
      read[locale] = readLocale(path, file, problems)
      if (!read[locale]) continue
      for (const key of read[locale].keys()) {
        const earlier = definedBy[locale].get(key)
        if (earlier) problems.push(`${file}: ${key}: already defined by ${earlier}`)
        else definedBy[locale].set(key, file)
      }
    }
    for (const other of readdirSync(folder)) {
      if (other.endsWith('.json') && !kLocales.includes(other.slice(0, -5))) problems.push(`${relative(root, join(folder, other))}: not a known locale (${kLocales.join(', ')})`)
    }
    const reference = read[kReference]
    if (!reference) continue
    keys += reference.size
    for (const locale of kLocales) {
      const messages = read[locale]
      if (!messages) continue
      const file = relative(root, join(folder, `${locale}.json`))
      for (const [key, message] of messages) {
        if (message.trim() === '') problems.push(`${file}: ${key}: empty message`)
        if (message.includes('@')) problems.push(`${file}: ${key}: "@" must be written {'@'}`)
      }
      if (locale === kReference) continue
      for (const [key, french] of reference) {
        const message = messages.get(key)
        if (message === undefined) {
          problems.push(`${file}: ${key}: missing (French has it)`)
          continue
        }
        const expected = placeholders(french)
        const found = placeholders(message)
        for (const name of expected) if (!found.includes(name)) problems.push(`${file}: ${key}: placeholder {${name}} of French is missing`)
        for (const name of found) if (!expected.includes(name)) problems.push(`${file}: ${key}: placeholder {${name}} is not in French`)
        const forms = french.split('|').length
        if (message.split('|').length !== forms) problems.push(`${file}: ${key}: ${message.split('|').length} plural form(s), French has ${forms}`)
      }
      for (const key of messages.keys()) {
        if (!reference.has(key)) problems.push(`${file}: ${key}: not in French (remove it or add it to fr.json)`)
      }
    }
  }
  return { problems, keys }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--root')
  const root = resolve(at > 0 ? process.argv[at + 1] : join(dirname(fileURLToPath(import.meta.url)), '..'))
  const { problems, keys } = checkTranslations(root)
  if (problems.length) {
    for (const problem of problems) console.error(`i18n: ${problem}`)
    console.error(`i18n: ${problems.length} problem(s) in the translations`)
    process.exit(1)
  }
  console.log(`i18n: ${keys} keys, the same in ${kLocales.join(', ')} (${translationFolders(root).length} folders)`)
}
