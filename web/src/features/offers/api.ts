// Calls of the offers catalogue (src/areas/offers/openapi.yaml, "catalogue": /api/v1/offers), typed by the contract.
import { call, type QueryOf } from '@/api/client'
import type { Offer, OfferCreate, OfferUpdate, Page } from '@/api/types'
import { versioned, type Versioned } from '@/composables/record'

export type OfferQuery = QueryOf<'/api/v1/offers', 'get'>

export async function listOffers(query: OfferQuery, signal?: AbortSignal): Promise<Page<Offer>> {
  const { data } = await call('get', '/api/v1/offers', { query, signal })
  return data
}

export async function getOffer(id: number | string): Promise<Versioned<Offer>> {
  const { data, etag } = await call('get', '/api/v1/offers/{id}', { params: { id } })
  return versioned(data, etag)
}

export async function createOffer(body: OfferCreate): Promise<Versioned<Offer>> {
  const { data, etag } = await call('post', '/api/v1/offers', { body })
  return versioned(data, etag)
}

/** A change, or with { active } alone: archive (out of the catalogue) or reactivate. */
export async function updateOffer(id: number, body: OfferUpdate, ifMatch: string): Promise<Versioned<Offer>> {
  const { data, etag } = await call('patch', '/api/v1/offers/{id}', { params: { id }, body, ifMatch })
  return versioned(data, etag)
}
