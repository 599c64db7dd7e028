// Calls of the nominations area (api/openapi.yaml, "Nominations"), typed by the contract.
import { call, type QueryOf } from '@/api/client'
import type { LogisticsItem, LogisticsStatus, Nomination, NominationState, Page, Person } from '@/api/types'

export type NominationQuery = QueryOf<'/api/v1/nominations', 'get'>

export interface VersionedNomination {
  record: Nomination
  etag: string
}

/** The ETag to send back: the header when the answer has one, else rebuilt from the version. */
export function etagOf(nomination: Nomination, header?: string | null): string {
  return header ?? `"${nomination.version}"`
}

export async function listNominations(query: NominationQuery, signal?: AbortSignal): Promise<Page<Nomination>> {
  const { data } = await call('get', '/api/v1/nominations', { query, signal })
  return data
}

const kPage = 200

/** Every nomination of an action the caller may see (read page by page). */
export async function nominationsOfAction(actionId: number, signal?: AbortSignal): Promise<Nomination[]> {
  const all: Nomination[] = []
  for (let offset = 0; ; offset += kPage) {
    const page = await listNominations({ action_id: actionId, sort: 'name', limit: kPage, offset }, signal)
    all.push(...page.items)
    if (page.items.length < kPage || all.length >= page.total) return all
  }
}

export async function getNomination(id: number, signal?: AbortSignal): Promise<VersionedNomination> {
  const { data, etag } = await call('get', '/api/v1/nominations/{id}', { params: { id }, signal })
  return { record: data, etag: etagOf(data, etag) }
}

export async function nominate(actionId: number, body: { person_id: number; country?: string | null; note?: string | null }): Promise<Nomination> {
  const { data } = await call('post', '/api/v1/actions/{id}/nominations', { params: { id: actionId }, body })
  return data
}

export interface MoveResult {
  nomination: Nomination
  promoted: Nomination[]
}

export async function moveNomination(nomination: Nomination, to: NominationState, reason?: string | null): Promise<MoveResult> {
  const { data } = await call('post', '/api/v1/nominations/{id}/transitions', {
    params: { id: nomination.id },
    body: reason ? { to, reason } : { to },
    ifMatch: etagOf(nomination),
  })
  return data
}

export interface LogisticsChange {
  status: LogisticsStatus
  cost: number | null
  currency: string | null
  note: string | null
}

export async function setLogistics(id: number, item: LogisticsItem, change: LogisticsChange, ifMatch: string): Promise<VersionedNomination> {
  const { data, etag } = await call('put', '/api/v1/nominations/{id}/logistics/{item}', { params: { id, item }, body: change, ifMatch })
  return { record: data, etag: etagOf(data, etag) }
}

/** People for the nominate dialog: the server's fuzzy search, in either script. */
export async function searchPeople(q: string, signal?: AbortSignal): Promise<Person[]> {
  const { data } = await call('get', '/api/v1/people', { query: { q: q || undefined, limit: 20, sort: 'name' }, signal })
  return data.items
}

/** States in which a nomination holds one of the action's seats. */
export const kSeatStates: readonly NominationState[] = ['selected', 'confirmed', 'arrived', 'completed']

/**
 * Which of these nominations were selected automatically from the waiting list. The list answer
 * carries no events, so the candidates (holding a seat after having been waitlisted) are read one
 * by one; there are few of them. See the report: the list could carry this itself.
 */
export async function promotedAmong(nominations: Nomination[], signal?: AbortSignal): Promise<Set<number>> {
  const candidates = nominations.filter((n) => n.waitlisted_at && kSeatStates.includes(n.state))
  const promoted = new Set<number>()
  const queue = [...candidates]
  async function worker() {
    for (let next = queue.shift(); next; next = queue.shift()) {
      try {
        const { record } = await getNomination(next.id, signal)
        if ((record.events ?? []).some((event) => event.reason === 'promoted_from_waitlist')) promoted.add(next.id)
      } catch (error) {
        if ((error as Error)?.name === 'AbortError') throw error
        // One unreadable detail leaves that badge out; the rest still show.
      }
    }
  }
  await Promise.all([worker(), worker(), worker()])
  return promoted
}
