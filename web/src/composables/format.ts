// Numbers and dates through Intl, in the interface language.
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { isLanguage, kIntlLocale, kDefaultLanguage } from '@/i18n'

export function intlLocaleOf(language: string): string {
  return kIntlLocale[isLanguage(language) ? language : kDefaultLanguage]
}

export function formatNumber(value: number | null | undefined, language: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—'
  return new Intl.NumberFormat(intlLocaleOf(language)).format(value)
}

export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(intlLocaleOf(language), { dateStyle: 'medium' }).format(date)
}

export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(intlLocaleOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

export function useFormat() {
  const { locale } = useI18n()
  return {
    locale: computed(() => locale.value),
    number: (value: number | null | undefined) => formatNumber(value, locale.value),
    date: (iso: string | null | undefined) => formatDate(iso, locale.value),
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, locale.value),
  }
}
