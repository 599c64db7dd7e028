// Calls of the engagements area (src/areas/engagements/openapi.yaml: /api/v1/engagements), typed by the contract.
import { call, type QueryOf } from '@/api/client'
import type { Engagement, EngagementCreate, EngagementUpdate, Page } from '@/api/types'
import { versioned, type Versioned } from '@/composables/record'

export type EngagementQuery = QueryOf<'/api/v1/engagements', 'get'>

export async function listEngagements(query: EngagementQuery, signal?: AbortSignal): Promise<Page<Engagement>> {
  const { data } = await call('get', '/api/v1/engagements', { query, signal })
  return data
}

export async function getEngagement(id: number | string): Promise<Versioned<Engagement>> {
  const { data, etag } = await call('get', '/api/v1/engagements/{id}', { params: { id } })
  return versioned(data, etag)
}

export async function createEngagement(body: EngagementCreate): Promise<Versioned<Engagement>> {
  const { data, etag } = await call('post', '/api/v1/engagements', { body })
  return versioned(data, etag)
}

export async function updateEngagement(id: number, body: EngagementUpdate, ifMatch: string): Promise<Versioned<Engagement>> {
  const { data, etag } = await call('patch', '/api/v1/engagements/{id}', { params: { id }, body, ifMatch })
  return versioned(data, etag)
}
