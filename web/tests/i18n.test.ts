import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { localeMessages } from '@/i18n'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
}

// The messages as the app sees them: the shared file and the areas' files merged per locale.
const locales = { fr: flatten(localeMessages('fr')), ar: flatten(localeMessages('ar')), en: flatten(localeMessages('en')) }

describe('translations', () => {
  it('have exactly the same keys in fr, ar and en', () => {
    const keys = [...locales.fr.keys()].sort()
    expect([...locales.ar.keys()].sort()).toEqual(keys)
    expect([...locales.en.keys()].sort()).toEqual(keys)
  })

  it('use the same placeholders and plural forms in every language', () => {
    for (const [key, message] of locales.fr) {
      for (const other of ['ar', 'en'] as const) {
        const translated = locales[other].get(key)!
        expect(placeholders(translated), `${other}:${key}`).toEqual(placeholders(message))
        expect(translated.split('|').length, `${other}:${key} plural forms`).toBe(message.split('|').length)
      }
    }
  })

  it('have no empty message and no unescaped "@" (vue-i18n linked-message syntax)', () => {
    for (const [name, messages] of Object.entries(locales)) {
      for (const [key, message] of messages) {
        expect(message.trim(), `${name}:${key}`).not.toBe('')
        expect(message.includes('@'), `${name}:${key}`).toBe(false)
      }
    }
  })

  it('write Arabic messages in Arabic script (apart from names, codes and language self-names)', () => {
    const latinOnly = [...locales.ar.entries()].filter(([key, message]) => !/[\u0600-\u06FF]/.test(message) && !key.startsWith('lang.') && message !== '—' && !/^\{/.test(message))
    expect(latinOnly.map(([key]) => key)).toEqual([])
  })

  it('are checked before every build: the check passes here and names the file and key of a missing message', () => {
    const web = resolve(import.meta.dirname, '..')
    const script = join(web, 'scripts', 'check-i18n.mjs')
    expect(spawnSync(process.execPath, [script], { encoding: 'utf8' }).status).toBe(0)
    // A copy of the translations where English lacks one of the people area's keys.
    const root = mkdtempSync(join(tmpdir(), 'taawun-i18n-'))
    try {
      cpSync(join(web, 'src', 'i18n'), join(root, 'src', 'i18n'), { recursive: true, filter: (path) => !path.endsWith('.ts') })
      cpSync(join(web, 'src', 'features', 'people', 'i18n'), join(root, 'src', 'features', 'people', 'i18n'), { recursive: true })
      const english = join(root, 'src', 'features', 'people', 'i18n', 'en.json')
      const tree = JSON.parse(readFileSync(english, 'utf8'))
      delete tree.people.title
      writeFileSync(english, JSON.stringify(tree))
      const run = spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' })
      expect(run.status).toBe(1)
      expect(run.stderr).toContain('src/features/people/i18n/en.json: people.title: missing (French has it)')
    } finally {
      rmSync(root, { recursive: true, force: true })
    }
  })
})
