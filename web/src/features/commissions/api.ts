// Calls of the joint commissions area (src/areas/commissions/openapi.yaml: /api/v1/joint-commissions
// and /api/v1/commission-decisions), typed by the contract.
import { call, type QueryOf } from '@/api/client'
import type {
  CommissionDecision,
  CommissionDecisionCreate,
  CommissionDecisionStatus,
  CommissionDecisionUpdate,
  JointCommission,
  JointCommissionCreate,
  JointCommissionUpdate,
  Page,
} from '@/api/types'
import { versioned, type Versioned } from '@/composables/record'

export type SessionQuery = QueryOf<'/api/v1/joint-commissions', 'get'>
export type DecisionQuery = QueryOf<'/api/v1/commission-decisions', 'get'>

export async function listSessions(query: SessionQuery, signal?: AbortSignal): Promise<Page<JointCommission>> {
  const { data } = await call('get', '/api/v1/joint-commissions', { query, signal })
  return data
}

export async function getSession(id: number | string): Promise<Versioned<JointCommission>> {
  const { data, etag } = await call('get', '/api/v1/joint-commissions/{id}', { params: { id } })
  return versioned(data, etag)
}

export async function createSession(body: JointCommissionCreate): Promise<Versioned<JointCommission>> {
  const { data, etag } = await call('post', '/api/v1/joint-commissions', { body })
  return versioned(data, etag)
}

export async function updateSession(id: number, body: JointCommissionUpdate, ifMatch: string): Promise<Versioned<JointCommission>> {
  const { data, etag } = await call('patch', '/api/v1/joint-commissions/{id}', { params: { id }, body, ifMatch })
  return versioned(data, etag)
}

export async function listDecisions(query: DecisionQuery, signal?: AbortSignal): Promise<Page<CommissionDecision>> {
  const { data } = await call('get', '/api/v1/commission-decisions', { query, signal })
  return data
}

export async function getDecision(id: number | string): Promise<Versioned<CommissionDecision>> {
  const { data, etag } = await call('get', '/api/v1/commission-decisions/{id}', { params: { id } })
  return versioned(data, etag)
}

export async function createDecision(sessionId: number, body: CommissionDecisionCreate): Promise<Versioned<CommissionDecision>> {
  const { data, etag } = await call('post', '/api/v1/joint-commissions/{id}/decisions', { params: { id: sessionId }, body })
  return versioned(data, etag)
}

export async function updateDecision(id: number, body: CommissionDecisionUpdate, ifMatch: string): Promise<Versioned<CommissionDecision>> {
  const { data, etag } = await call('patch', '/api/v1/commission-decisions/{id}', { params: { id }, body, ifMatch })
  return versioned(data, etag)
}

export async function changeDecisionStatus(
  id: number,
  body: { status: CommissionDecisionStatus; comment: string; changed_on?: string | null },
  ifMatch: string,
): Promise<Versioned<CommissionDecision>> {
  const { data, etag } = await call('post', '/api/v1/commission-decisions/{id}/status', { params: { id }, body, ifMatch })
  return versioned(data, etag)
}

/** What a decision may link to, searched by title on its own area's list (read through the API,
 *  never through another feature's code). */
export type LinkKind = 'action' | 'programme' | 'request'
export interface LinkChoice {
  id: number
  title: string
}

export async function searchLinkable(kind: LinkKind, q: string, signal?: AbortSignal): Promise<LinkChoice[]> {
  const query = { q: q || undefined, limit: 20 }
  if (kind === 'action') {
    const { data } = await call('get', '/api/v1/actions', { query, signal })
    return data.items.map((item) => ({ id: item.id, title: item.title }))
  }
  if (kind === 'programme') {
    const { data } = await call('get', '/api/v1/programmes', { query, signal })
    return data.items.map((item) => ({ id: item.id, title: item.title }))
  }
  const { data } = await call('get', '/api/v1/requests', { query, signal })
  return data.items.map((item) => ({ id: item.id, title: item.title }))
}

/** Agreements matching q, for the agreements a session reviews. */
export async function searchAgreements(q: string, signal?: AbortSignal): Promise<LinkChoice[]> {
  const { data } = await call('get', '/api/v1/agreements', { query: { q: q || undefined, limit: 20, sort: 'title' }, signal })
  return data.items.map((item) => ({ id: item.id, title: [item.reference, item.title].filter(Boolean).join(' · ') }))
}
