// Calls of the actions area (api/openapi.yaml, "Actions"), typed by the contract.
import { call, type QueryOf } from '@/api/client'
import type { Action, ActionInput, ActionStatus, ActionType, CodelistEntry, CooperationDomain, Page } from '@/api/types'

export type ActionQuery = QueryOf<'/api/v1/actions', 'get'>

export interface Versioned<T> {
  record: T
  etag: string
}

function versioned(record: Action, etag: string | null): Versioned<Action> {
  // The server sends ETag: "<version>"; rebuild it from the body when the answer has none.
  return { record, etag: etag ?? `"${record.version}"` }
}

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

// Reference lists, loaded once per language and shared by the list filters and the form.
function cached<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let loading = cache.get(key)
  if (!loading) {
    loading = load()
    cache.set(key, loading)
    loading.catch(() => cache.delete(key))
  }
  return loading
}

const typeCache = new Map<string, Promise<ActionType[]>>()
const domainCache = new Map<string, Promise<CooperationDomain[]>>()
const sdgCache = new Map<string, Promise<CodelistEntry[]>>()

export function actionTypes(language: string): Promise<ActionType[]> {
  return cached(typeCache, language, async () => (await call('get', '/api/v1/action-types')).data.items)
}

export function cooperationDomains(language: string): Promise<CooperationDomain[]> {
  return cached(domainCache, language, async () => (await call('get', '/api/v1/cooperation-domains', { query: { sort: 'position' } })).data.items)
}

/** The 169 SDG targets (one page of 200). */
export function sdgTargets(language: string): Promise<CodelistEntry[]> {
  return cached(sdgCache, language, async () =>
    (await call('get', '/api/v1/codelists/{name}', { params: { name: 'SDGTarget' }, query: { limit: 200 } })).data.items,
  )
}

/** DAC 5-digit purpose codes matching q (the Sector codelist has hundreds: searched on the server). */
export async function searchSectors(q: string, signal?: AbortSignal): Promise<CodelistEntry[]> {
  const { data } = await call('get', '/api/v1/codelists/{name}', { params: { name: 'Sector' }, query: { q: q || undefined, limit: 30 }, signal })
  return data.items
}

export function clearActionReferenceCache(): void {
  typeCache.clear()
  domainCache.clear()
  sdgCache.clear()
}
