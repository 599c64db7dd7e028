// Calls of the cooperation requests area (src/areas/requests/openapi.yaml, "catalogue": /api/v1/requests), typed by the contract.
import { call, type QueryOf } from '@/api/client'
import type { CooperationRequest, Page, RequestCreate, RequestStatus, RequestUpdate, SuggestedOffer } from '@/api/types'
import { versioned, type Versioned } from '@/composables/record'

export type RequestQuery = QueryOf<'/api/v1/requests', 'get'>

export async function listRequests(query: RequestQuery, signal?: AbortSignal): Promise<Page<CooperationRequest>> {
  const { data } = await call('get', '/api/v1/requests', { query, signal })
  return data
}

export async function getRequest(id: number | string): Promise<Versioned<CooperationRequest>> {
  const { data, etag } = await call('get', '/api/v1/requests/{id}', { params: { id } })
  return versioned(data, etag)
}

export async function createRequest(body: RequestCreate): Promise<Versioned<CooperationRequest>> {
  const { data, etag } = await call('post', '/api/v1/requests', { body })
  return versioned(data, etag)
}

export async function updateRequest(id: number, body: RequestUpdate, ifMatch: string): Promise<Versioned<CooperationRequest>> {
  const { data, etag } = await call('patch', '/api/v1/requests/{id}', { params: { id }, body, ifMatch })
  return versioned(data, etag)
}

/** A move along the life cycle (next_statuses): a PATCH of the status alone. */
export function changeRequestStatus(id: number, status: RequestStatus, ifMatch: string): Promise<Versioned<CooperationRequest>> {
  return updateRequest(id, { status }, ifMatch)
}

/** Active offers of the request's domain or action type, best first; those already matched are marked linked. */
export async function suggestedOffers(id: number, query: { limit: number; offset: number }, signal?: AbortSignal): Promise<Page<SuggestedOffer>> {
  const { data } = await call('get', '/api/v1/requests/{id}/suggested-offers', { params: { id }, query, signal })
  return data
}

/** Links an offer; `ifMatch` (the request's ETag) makes a request changed meanwhile a 412. */
export async function linkOffer(id: number, offerId: number, ifMatch?: string | null): Promise<Versioned<CooperationRequest>> {
  const { data, etag } = await call('post', '/api/v1/requests/{id}/offers', { params: { id }, body: { offer_id: offerId }, ifMatch })
  return versioned(data, etag)
}

export async function unlinkOffer(id: number, offerId: number, ifMatch?: string | null): Promise<Versioned<CooperationRequest>> {
  const { data, etag } = await call('delete', '/api/v1/requests/{id}/offers/{offer_id}', { params: { id, offer_id: offerId }, ifMatch })
  return versioned(data, etag)
}
