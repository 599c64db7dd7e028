// Calls of the actions area (src/areas/actions/openapi.yaml, "Actions"), typed by the contract.
import { call, type QueryOf } from '@/api/client'
import type { Action, ActionInput, ActionStatus, CodelistEntry, Page } from '@/api/types'
import { cachedPerKey, clearReferenceListCache } from '@/composables/referenceLists'
import { versioned, type Versioned } from '@/composables/record'

export type ActionQuery = QueryOf<'/api/v1/actions', 'get'>

export type { Versioned }

export async function listActions(query: ActionQuery, signal?: AbortSignal): Promise<Page<Action>> {
  const { data } = await call('get', '/api/v1/actions', { query, signal })
  return data
}

export async function getAction(id: number | string): Promise<Versioned<Action>> {
  const { data, etag } = await call('get', '/api/v1/actions/{id}', { params: { id } })
  return versioned(data, etag)
}

export async function createAction(body: ActionInput): Promise<Versioned<Action>> {
  const { data, etag } = await call('post', '/api/v1/actions', { body })
  return versioned(data, etag)
}

export async function updateAction(id: number, body: ActionInput, ifMatch: string): Promise<Versioned<Action>> {
  const { data, etag } = await call('patch', '/api/v1/actions/{id}', { params: { id }, body, ifMatch })
  return versioned(data, etag)
}

export async function changeActionStatus(id: number, status: ActionStatus, ifMatch: string): Promise<Versioned<Action>> {
  const { data, etag } = await call('post', '/api/v1/actions/{id}/status', { params: { id }, body: { status }, ifMatch })
  return versioned(data, etag)
}

// Action types and cooperation domains are shared with the catalogue (composables/referenceLists).
export { actionTypes, cooperationDomains } from '@/composables/referenceLists'

const sdgCache = new Map<string, Promise<CodelistEntry[]>>()

/** The 169 SDG targets (one page of 200). */
export function sdgTargets(language: string): Promise<CodelistEntry[]> {
  return cachedPerKey(sdgCache, language, async () =>
    (await call('get', '/api/v1/codelists/{name}', { params: { name: 'SDGTarget' }, query: { limit: 200 } })).data.items,
  )
}

/** DAC 5-digit purpose codes matching q (the Sector codelist has hundreds: searched on the server). */
export async function searchSectors(q: string, signal?: AbortSignal): Promise<CodelistEntry[]> {
  const { data } = await call('get', '/api/v1/codelists/{name}', { params: { name: 'Sector' }, query: { q: q || undefined, limit: 30 }, signal })
  return data.items
}

export function clearActionReferenceCache(): void {
  clearReferenceListCache()
  sdgCache.clear()
}
