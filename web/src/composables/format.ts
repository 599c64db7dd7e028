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

/** A month written YYYY-MM, as "mars 2031" / "March 2031". */
export function formatMonth(month: string | null | undefined, language: string): string {
  if (!month) return '—'
  const date = new Date(`${month}-01T12:00:00Z`)
  if (Number.isNaN(date.getTime())) return month
  return new Intl.DateTimeFormat(intlLocaleOf(language), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date)
}

/** A file size in bytes, kilobytes or megabytes (of 1024), in the language's units ("12,3 ko", "3.5 MB"). */
export function formatFileSize(bytes: number | null | undefined, language: string): string {
  if (bytes === null || bytes === undefined || Number.isNaN(bytes)) return '—'
  const [value, unit]: [number, string] = bytes < 1024 ? [bytes, 'byte'] : bytes < 1024 * 1024 ? [bytes / 1024, 'kilobyte'] : [bytes / (1024 * 1024), 'megabyte']
  return new Intl.NumberFormat(intlLocaleOf(language), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value)
}

export function useFormat() {
  const { locale } = useI18n()
  return {
    locale: computed(() => locale.value),
    number: (value: number | null | undefined) => formatNumber(value, locale.value),
    date: (iso: string | null | undefined) => formatDate(iso, locale.value),
    dateTime: (iso: string | null | undefined) => formatDateTime(iso, locale.value),
    month: (month: string | null | undefined) => formatMonth(month, locale.value),
    fileSize: (bytes: number | null | undefined) => formatFileSize(bytes, locale.value),
  }
}
