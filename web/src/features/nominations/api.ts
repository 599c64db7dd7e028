// Calls of the nominations area (src/areas/nominations/openapi.yaml, "Nominations"), typed by the contract.
import { buildQuery, call, type QueryOf } from '@/api/client'
import { importQuery, sheetTypeOf, sheetUrl, type ImportStep, type SheetFormat } from '@/api/sheets'
import type { ImportReport, LogisticsItem, LogisticsStatus, Nomination, NominationState, Page, Person } from '@/api/types'

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

/** Runs `work` on every item, three at a time (enough to hide latency, gentle on the server). */
export async function forEachAtMost3<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items]
  async function worker() {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) await work(next)
  }
  await Promise.all([worker(), worker(), worker()])
}

/**
 * Which of these nominations were selected automatically from the waiting list. The list answer
 * carries no events, so the candidates (holding a seat after having been waitlisted) are read one
 * by one; there are few of them. See the report: the list could carry this itself.
 */
export async function promotedAmong(nominations: Nomination[], signal?: AbortSignal): Promise<Set<number>> {
  const candidates = nominations.filter((n) => n.waitlisted_at && kSeatStates.includes(n.state))
  const promoted = new Set<number>()
  await forEachAtMost3(candidates, async (next) => {
    try {
      const { record } = await getNomination(next.id, signal)
      if ((record.events ?? []).some((event) => event.reason === 'promoted_from_waitlist')) promoted.add(next.id)
    } catch (error) {
      if ((error as Error)?.name === 'AbortError') throw error
      // One unreadable detail leaves that badge out; the rest still show.
    }
  })
  return promoted
}

/** States in which a participant's days are recorded (the server refuses the others). */
export const kAttendanceStates: readonly NominationState[] = ['arrived', 'completed', 'dropped_out']

/** The details (with attendance) of these nominations, in the same order. */
export async function detailsOf(nominations: readonly Nomination[], signal?: AbortSignal): Promise<VersionedNomination[]> {
  const byId = new Map<number, VersionedNomination>()
  await forEachAtMost3(nominations, async (nomination) => {
    byId.set(nomination.id, await getNomination(nomination.id, signal))
  })
  return nominations.map((nomination) => byId.get(nomination.id)!)
}

export async function setAttendance(id: number, day: string, present: boolean, ifMatch: string): Promise<VersionedNomination> {
  const { data, etag } = await call('put', '/api/v1/nominations/{id}/attendance/{day}', { params: { id, day }, body: { present }, ifMatch })
  return { record: data, etag: etagOf(data, etag) }
}

// Bulk import and export (spreadsheets). Downloads are plain links: the browser sends the session
// cookie, saves the file under the name the server gives, and no file passes through memory here.
export type { ImportStep, SheetFormat } from '@/api/sheets'

export function templateUrl(format: SheetFormat): string {
  return sheetUrl('/api/v1/nominations/template', format)
}

export function exportUrl(actionId: number, format: SheetFormat): string {
  return '/api/v1/nominations/export' + buildQuery({ action_id: actionId, format })
}

/** Checks (dry run) or writes the nominations of a file; a problem with the file as a whole is thrown (422). */
export async function importNominations(actionId: number, file: File, step: ImportStep): Promise<ImportReport> {
  const { data } = await call('post', '/api/v1/actions/{id}/nominations/import', {
    params: { id: actionId },
    query: importQuery(step),
    file: { data: file, type: sheetTypeOf(file) },
  })
  return data
}
