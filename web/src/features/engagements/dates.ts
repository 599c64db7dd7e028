// Engagement dates are ISO 8601 to the year, the month or the day ("2003", "2000-04",
// "2016-11-07"): history is often known no better. Shown as precisely as they are known.
import { intlLocaleOf } from '@/composables/format'

export const kPartialDate = /^\d{4}(-\d{2}(-\d{2})?)?$/

/** "2003", "2003-06" or a real calendar day, from 1900 (what the server accepts). */
export function isPartialDate(value: string): boolean {
  if (!kPartialDate.test(value)) return false
  const [year, month, day] = value.split('-').map(Number)
  if (year < 1900) return false
  if (month === undefined) return true
  if (month < 1 || month > 12) return false
  if (day === undefined) return true
  const at = new Date(Date.UTC(year, month - 1, day))
  return at.getUTCMonth() === month - 1 && at.getUTCDate() === day
}

export function formatPartialDate(value: string | null | undefined, language: string): string {
  if (!value) return ''
  if (!kPartialDate.test(value)) return value
  const [year, month, day] = value.split('-').map(Number)
  const locale = intlLocaleOf(language)
  // Noon UTC, shown in UTC: the calendar day never shifts with the browser's time zone.
  const at = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1, 12))
  if (month === undefined) return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(at)
  if (day === undefined) return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(at)
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(at)
}

/** "2003", "2003 – 2005", "depuis avril 2000": the period as read. */
export function period(starts: string | null, ends: string | null, language: string, since: string): string {
  const from = formatPartialDate(starts, language)
  const to = formatPartialDate(ends, language)
  if (from && to) return from === to ? from : `${from} – ${to}`
  if (from) return `${since} ${from}`
  return to
}

/** An end is read as the last day of its year or month: "2003" to "2003" is in order. */
export function endsBeforeStart(starts: string, ends: string): boolean {
  const end = ends.length === 4 ? `${ends}-12-31` : ends.length === 7 ? `${ends}-31` : ends
  return end < starts
}
