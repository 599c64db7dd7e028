// Calls of the administration area: accounts, API tokens and the audit trail (admin only, audit
// also for managers). The server enforces the same rules; these screens are hidden otherwise.
import { call, type QueryOf } from '@/api/client'
import type { ApiToken, ApiTokenCreated, AuditEntry, Page, User, UserCreate, UserPatch } from '@/api/types'

export type UserQuery = QueryOf<'/api/v1/users', 'get'>
export type AuditQuery = QueryOf<'/api/v1/audit', 'get'>

/** Accounts carry their version, which is also their ETag. */
export function userEtag(user: User): string {
  return `"${user.version}"`
}

export async function listUsers(query: UserQuery, signal?: AbortSignal): Promise<Page<User>> {
  const { data } = await call('get', '/api/v1/users', { query, signal })
  return data
}

export async function createUser(body: UserCreate): Promise<User> {
  const { data } = await call('post', '/api/v1/users', { body })
  return data
}

export async function updateUser(user: User, body: UserPatch): Promise<User> {
  const { data } = await call('patch', '/api/v1/users/{id}', { params: { id: user.id }, body, ifMatch: userEtag(user) })
  return data
}

export async function resetUserPassword(id: number, password: string): Promise<void> {
  await call('post', '/api/v1/users/{id}/password', { params: { id }, body: { password } })
}

export async function listTokens(query: { limit: number; offset: number }): Promise<Page<ApiToken>> {
  const { data } = await call('get', '/api/v1/tokens', { query })
  return data
}

export async function createToken(name: string, userId: number | null): Promise<ApiTokenCreated> {
  const { data } = await call('post', '/api/v1/tokens', { body: { name, user_id: userId ?? undefined, read_only: false } })
  return data
}

export async function revokeToken(id: number): Promise<void> {
  await call('delete', '/api/v1/tokens/{id}', { params: { id } })
}

export async function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<Page<AuditEntry>> {
  const { data } = await call('get', '/api/v1/audit', { query, signal })
  return data
}
