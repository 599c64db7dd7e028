// Who is signed in. A plain reactive store: the shell, the router guard and the views read it.
import { computed, reactive } from 'vue'
import { call, setCsrfToken } from '@/api/client'
import type { Me, Role } from '@/api/types'

interface SessionState {
  me: Me | null
  /** True once GET /me has answered (signed in or not) in this page's life. */
  checked: boolean
}

export const session = reactive<SessionState>({ me: null, checked: false })

export const isSignedIn = computed(() => session.me !== null)

export function hasRole(...roles: Role[]): boolean {
  return session.me !== null && roles.includes(session.me.role)
}

/** Areas and the roles that may enter them (the server enforces the same rules; this only hides). */
export const kAreaRoles = {
  users: ['admin'] as Role[],
  tokens: ['admin'] as Role[],
  audit: ['admin', 'manager'] as Role[],
  organisationsWrite: ['admin', 'manager', 'officer'] as Role[],
  actionsWrite: ['admin', 'manager', 'officer'] as Role[],
  /** People are personal data: every role but viewers (the API answers them 403). */
  people: ['admin', 'manager', 'officer', 'finance', 'partner', 'host'] as Role[],
  /** Staff register anyone; partner focal points their own nationals. */
  peopleWrite: ['admin', 'manager', 'officer', 'partner'] as Role[],
  peopleMerge: ['admin', 'manager', 'officer'] as Role[],
  /** Roles that may see the passport fields on a form before the API says so (creation). */
  passport: ['admin', 'officer', 'partner'] as Role[],
  /** Nominations (an action's board, a person's history): not viewers. */
  nominations: ['admin', 'manager', 'officer', 'finance', 'partner', 'host'] as Role[],
  nominate: ['admin', 'manager', 'officer', 'partner'] as Role[],
  logisticsWrite: ['admin', 'manager', 'officer', 'finance'] as Role[],
  /** Days present of arrived participants: staff and the host focal points (of the action's institution). */
  attendance: ['admin', 'manager', 'officer', 'host'] as Role[],
  /** Certificates are issued by staff; anyone who reads the nomination downloads them. */
  certificatesIssue: ['admin', 'manager', 'officer'] as Role[],
  /** A participant's evaluation is recorded by staff or their country's partner focal point. */
  evaluations: ['admin', 'manager', 'officer', 'partner'] as Role[],
  /** An action's evaluation summary: staff and the host focal points. */
  evaluationSummary: ['admin', 'manager', 'officer', 'host'] as Role[],
  /** Alumni follow-up: staff and the partner focal points of the person's nationality. */
  followUps: ['admin', 'manager', 'officer', 'partner'] as Role[],
  /** The partner focal point's own screen: their countries' nominations. */
  myNominations: ['partner'] as Role[],
  programmesWrite: ['admin', 'manager', 'officer'] as Role[],
  /** Host focal points publish the offers of their own institutions (see inHostScope). */
  offersWrite: ['admin', 'manager', 'officer', 'host'] as Role[],
  /** Partner focal points put their countries' requests in; studying and matching is the agency's. */
  requestsCreate: ['admin', 'manager', 'officer', 'partner'] as Role[],
  requestsWrite: ['admin', 'manager', 'officer'] as Role[],
}

export function canEnter(roles: readonly Role[] | undefined): boolean {
  if (!roles || roles.length === 0) return true
  return hasRole(...roles)
}

/** Host focal points act only for the organisations of their scope; other roles are not limited by it. */
export function inHostScope(organisationId: number | null | undefined): boolean {
  if (session.me?.role !== 'host') return true
  return organisationId !== null && organisationId !== undefined && session.me.organisations.includes(organisationId)
}

export async function signIn(username: string, password: string): Promise<Me> {
  const { data } = await call('post', '/api/v1/session', { body: { username, password }, skipAuthRedirect: true })
  setCsrfToken(data.csrf_token)
  session.me = data.user
  session.checked = true
  return data.user
}

/** Asks the server who we are; null when not signed in. Other failures are thrown. */
export async function loadMe(): Promise<Me | null> {
  try {
    const { data } = await call('get', '/api/v1/me', { skipAuthRedirect: true })
    if (data.csrf_token) setCsrfToken(data.csrf_token)
    session.me = data
    return data
  } catch (error) {
    if ((error as { status?: number }).status === 401) {
      session.me = null
      setCsrfToken(null)
      return null
    }
    throw error
  } finally {
    session.checked = true
  }
}

export function forgetSession(): void {
  session.me = null
  setCsrfToken(null)
}

export async function signOut(): Promise<void> {
  try {
    await call('delete', '/api/v1/session', { skipAuthRedirect: true })
  } finally {
    forgetSession()
  }
}
