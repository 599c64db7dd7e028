import { describe, expect, it } from 'vitest'
import fr from '@/i18n/fr'
import ar from '@/i18n/ar'
import en from '@/i18n/en'

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

const locales = { fr: flatten(fr as Tree), ar: flatten(ar as Tree), en: flatten(en as Tree) }

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
})
