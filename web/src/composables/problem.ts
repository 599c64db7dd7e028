// Turns a problem (RFC 9457, see api/client.ts) into words for the user. The server already writes
// title and detail in the request's language; local codes (network_error...) are translated here.
import type { Problem } from '@/api/client'

type Translate = (key: string, params?: Record<string, unknown>) => string
type HasKey = (key: string) => boolean

const kLocalCodes = new Set(['network_error', 'unexpected'])

export function problemTitle(problem: Problem, t: Translate): string {
  if (problem.title && !kLocalCodes.has(problem.code)) return problem.title
  return t('errors.title')
}

export function problemMessage(problem: Problem, t: Translate, te: HasKey, retryAfter?: number | null): string {
  if (kLocalCodes.has(problem.code)) return t(`errors.${problem.code}`)
  if (problem.code === 'rate_limited' && retryAfter) return t('errors.rate_limited', { seconds: retryAfter })
  if (problem.detail) return problem.detail
  if (te(`errors.${problem.code}`)) return t(`errors.${problem.code}`)
  if (problem.title) return problem.title
  return t('errors.generic', { status: problem.status })
}
