// vue-i18n set-up. Every visible string comes from per-locale JSON files that translators' tools
// open: what the whole app shares (app, navigation, common words, platform errors...) in
// src/i18n/<locale>.json, and each area's own strings in src/features/<area>/i18n/<locale>.json.
// They are merged here at start (an area may add a subtree to a shared key, as evaluations adds
// participation.evaluation beside the nominations area's participation.*). scripts/check-i18n.mjs,
// run by `npm run build`, fails the build when a locale lacks a key of French or has one French
// lacks, or loses a placeholder. Vuetify's own strings (table footers, pickers...) are merged under
// $vuetify so that one switch changes both.
import { createI18n } from 'vue-i18n'
import { fr as vuetifyFr, ar as vuetifyAr, en as vuetifyEn } from 'vuetify/locale'

/** A locale's messages: nested keys down to vue-i18n message strings. */
export type Messages = { [key: string]: string | Messages }

export type Language = 'fr' | 'ar' | 'en'
export const kLanguages: readonly Language[] = ['fr', 'ar', 'en']
export const kDefaultLanguage: Language = 'fr'
const kStorageKey = 'taawun.lang'

/**
 * The BCP 47 locale used for Intl number and date formatting. Morocco's conventions: French and
 * Arabic as written in Morocco (ar-MA keeps Latin digits, as Moroccan documents do).
 */
export const kIntlLocale: Record<Language, string> = { fr: 'fr-FR', ar: 'ar-MA', en: 'en-GB' }

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (kLanguages as readonly string[]).includes(value)
}

export function isRtl(language: Language): boolean {
  return language === 'ar'
}

export function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(kStorageKey)
    if (isLanguage(value)) return value
  } catch {
    // No storage: fall back to the default.
  }
  return kDefaultLanguage
}

/** True once a language was chosen on this browser (top bar, login page or account page). */
export function hasStoredLanguage(): boolean {
  try {
    return isLanguage(globalThis.localStorage?.getItem(kStorageKey))
  } catch {
    return false
  }
}

// Every locale is in the first bundle (they are small beside Vuetify), as before the split.
const sharedFiles = import.meta.glob<Messages>('./*.json', { eager: true, import: 'default' })
const areaFiles = import.meta.glob<Messages>('../features/*/i18n/*.json', { eager: true, import: 'default' })

/** Adds `from` into `into`; a message defined by two files is a mistake, not an override. */
function mergeInto(into: Messages, from: Messages, file: string, prefix = ''): void {
  for (const [key, value] of Object.entries(from)) {
    const path = prefix ? `${prefix}.${key}` : key
    const existing = into[key]
    if (typeof value === 'string') {
      if (existing !== undefined) throw new Error(`i18n: ${file} defines ${path} again`)
      into[key] = value
    } else {
      if (typeof existing === 'string') throw new Error(`i18n: ${file} defines ${path} again`)
      const subtree: Messages = existing ?? {}
      into[key] = subtree
      mergeInto(subtree, value, file, path)
    }
  }
}

/** The messages of one locale: the shared file, then the areas' files in path order. */
export function localeMessages(language: Language): Messages {
  const out: Messages = {}
  const files = [...Object.entries(sharedFiles), ...Object.entries(areaFiles)]
  for (const [file, content] of files.sort(([a], [b]) => a.localeCompare(b))) {
    if (file.endsWith(`/${language}.json`)) mergeInto(out, content, file)
  }
  return out
}

// The app's messages plus Vuetify's own under $vuetify (whose values are not all strings).
type AppMessages = { [key: string]: string | Messages | Record<string, unknown> }

// Data tables say "loading" and "rows per page" in our words (common.loading, common.itemsPerPage).
function withVuetify(app: Messages, vuetify: typeof vuetifyFr): AppMessages {
  const common = app.common as Messages
  const $vuetify = {
    ...vuetify,
    dataIterator: { ...vuetify.dataIterator, loadingText: common.loading },
    dataFooter: { ...vuetify.dataFooter, itemsPerPageText: common.itemsPerPage },
  }
  return { ...app, $vuetify: $vuetify as unknown as Record<string, unknown> }
}

export const messages: Record<Language, AppMessages> = {
  fr: withVuetify(localeMessages('fr'), vuetifyFr),
  ar: withVuetify(localeMessages('ar'), vuetifyAr),
  en: withVuetify(localeMessages('en'), vuetifyEn),
}

export function createAppI18n(language: Language = storedLanguage()) {
  return createI18n<[AppMessages], Language, false>({
    legacy: false,
    locale: language,
    fallbackLocale: 'fr',
    messages,
    missingWarn: false,
    fallbackWarn: false,
  })
}

export type AppI18n = ReturnType<typeof createAppI18n>

let active: AppI18n | null = null

export function setActiveI18n(i18n: AppI18n): void {
  active = i18n
}

export function currentLanguage(): Language {
  const value = active?.global.locale.value
  return isLanguage(value) ? value : kDefaultLanguage
}

/** Reflects the language on <html> so that the browser, screen readers and CSS see it. */
export function applyDocumentLanguage(language: Language): void {
  if (typeof document === 'undefined') return
  document.documentElement.lang = language
  document.documentElement.dir = isRtl(language) ? 'rtl' : 'ltr'
}

/** Switches the interface language: vue-i18n, Vuetify (through its adapter), <html>, and storage. */
export function setLanguage(language: Language): void {
  if (active) active.global.locale.value = language
  applyDocumentLanguage(language)
  try {
    globalThis.localStorage?.setItem(kStorageKey, language)
  } catch {
    // Not remembered across visits, still applied now.
  }
}
