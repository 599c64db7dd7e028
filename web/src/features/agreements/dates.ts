// When an agreement needs attention: its expiry, or the last day to give notice against a tacit
// renewal, falls within the next days (the list highlights 90, as the server's expiring_within).
import type { Agreement } from '@/api/types'

export const kExpiringChoices = [30, 90, 180, 365] as const
export const kSoonDays = 90

/** Today as YYYY-MM-DD in the browser's calendar. */
export function todayIso(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000)
  return local.toISOString().slice(0, 10)
}

export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

/** Whether a date falls between today and `days` from today (both included). */
export function within(date: string | null | undefined, days: number, today: string = todayIso()): boolean {
  return !!date && date >= today && date <= addDays(today, days)
}

/** Still running, and its expiry or its notice date comes within kSoonDays. */
export function expiresSoon(agreement: Pick<Agreement, 'status' | 'expires_on' | 'notice_on'>, today: string = todayIso()): boolean {
  if (agreement.status !== 'in_force' && agreement.status !== 'suspended') return false
  return within(agreement.expires_on, kSoonDays, today) || within(agreement.notice_on, kSoonDays, today)
}
