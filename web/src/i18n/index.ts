// vue-i18n set-up: every visible string comes from fr.ts, ar.ts or en.ts; Vuetify's own strings
// (table footers, pickers...) are merged under $vuetify so that one switch changes both.
import { createI18n } from 'vue-i18n'
import { fr as vuetifyFr, ar as vuetifyAr, en as vuetifyEn } from 'vuetify/locale'
import fr from './fr'
import ar from './ar'
import en from './en'
import type { Messages } from './fr'

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

type AppMessages = Messages & { $vuetify: Record<string, unknown> }

// Data tables say "loading" and "rows per page" in our words (common.loading, common.itemsPerPage).
function withVuetify(app: Messages, vuetify: typeof vuetifyFr): AppMessages {
  const $vuetify = {
    ...vuetify,
    dataIterator: { ...vuetify.dataIterator, loadingText: app.common.loading },
    dataFooter: { ...vuetify.dataFooter, itemsPerPageText: app.common.itemsPerPage },
  }
  return { ...app, $vuetify: $vuetify as unknown as Record<string, unknown> }
}

export const messages: Record<Language, AppMessages> = {
  fr: withVuetify(fr, vuetifyFr),
  ar: withVuetify(ar, vuetifyAr),
  en: withVuetify(en, vuetifyEn),
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
