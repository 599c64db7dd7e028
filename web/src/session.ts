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

/**
 * What a screen, menu entry or button needs: a permission of the signed-in user (a record kind
 * and one of its verbs, as GET /api/v1/me answers them from the server's permission registry),
 * or, for the few screens made for a role rather than a right, that role.
 */
export type Need = Readonly<{ kind: string; verb: string }> | readonly Role[]

function need(kind: string, verb: string): Need {
  return Object.freeze({ kind, verb })
}

/** Whether the signed-in user holds `verb` on `kind` (kind-level: a record's scope still decides). */
export function can(kind: string, verb: string): boolean {
  return session.me?.permissions?.[kind]?.includes(verb) ?? false
}

/**
 * Areas and what entering them needs. The rules are the server's, read from /me (never copied
 * here); this only hides what the API would refuse. Record-level nuances stay beside the screens:
 * a host focal point writes only their institutions' offers (inHostScope), a person's passport
 * fields show when the API sends them (on creation, when the role sees some passports).
 */
export const kAreaRoles = {
  users: need('users', 'read'),
  /** Everyone holds tokens of their own (the API); the screen of everyone's is the administrators'. */
  tokens: need('tokens', 'manage'),
  audit: need('audit', 'read'),
  /** Creating and editing from the screens: host focal points keep their record through the agency (as before). */
  organisationsWrite: need('organisations', 'create'),
  actionsWrite: need('actions', 'create'),
  /** People are personal data: viewers do not read them (the API answers them 403). */
  people: need('people', 'read'),
  /** Staff register anyone; partner focal points their own nationals. */
  peopleWrite: need('people', 'create'),
  peopleMerge: need('people', 'merge'),
  /** The passport fields on a creation form: roles that see some people's passports. */
  passport: need('people', 'passport'),
  /** Nominations (an action's board, a person's history): not viewers. */
  nominations: need('nominations', 'read'),
  nominate: need('nominations', 'nominate'),
  logisticsWrite: need('nominations', 'logistics'),
  /** Days present of arrived participants: staff and the host focal points (of the action's institution). */
  attendance: need('nominations', 'attendance'),
  /** Certificates are issued by staff; anyone who reads the nomination downloads them. */
  certificatesIssue: need('certificates', 'issue'),
  /** A participant's evaluation is recorded by staff or their country's partner focal point. */
  evaluations: need('evaluations', 'record'),
  /** An action's evaluation summary: staff and the host focal points. */
  evaluationSummary: need('evaluations', 'summary'),
  /** Alumni follow-up: staff and the partner focal points of the person's nationality. */
  followUps: need('follow_ups', 'read'),
  /** A screen made for a role, not a right: the partner focal point's own countries' nominations. */
  myNominations: ['partner'] as Role[],
  programmesWrite: need('programmes', 'create'),
  /** Host focal points publish the offers of their own institutions (see inHostScope). */
  offersWrite: need('offers', 'create'),
  /** Partner focal points put their countries' requests in; studying and matching is the agency's. */
  requestsCreate: need('requests', 'create'),
  requestsWrite: need('requests', 'update'),
  /** Agreements: host focal points read none (the API answers them 403); partners their countries'. */
  agreements: need('agreements', 'read'),
  agreementsCreate: need('agreements', 'create'),
  agreementsWrite: need('agreements', 'update'),
  /** A country's whole picture: hosts read none; partners their own countries'. */
  countryProfiles: need('country_profiles', 'read'),
  /** Multilateral engagements: hosts read none; partners those benefiting their countries. */
  engagements: need('engagements', 'read'),
  engagementsCreate: need('engagements', 'create'),
  engagementsWrite: need('engagements', 'update'),
  /** Joint commissions: host focal points read no sessions (the API answers them 403); partners their countries'. */
  jointCommissions: need('joint_commissions', 'read'),
  jointCommissionsCreate: need('joint_commissions', 'create'),
  jointCommissionsWrite: need('joint_commissions', 'update'),
  /** The diplomatic network: public information, read by every role; kept by admins and officers. */
  diplomaticMissions: need('diplomatic_missions', 'read'),
  diplomaticMissionsCreate: need('diplomatic_missions', 'create'),
  diplomaticMissionsWrite: need('diplomatic_missions', 'update'),
} satisfies Record<string, Need>

export function canEnter(roles: Need | undefined): boolean {
  if (!roles) return true
  if (Array.isArray(roles)) return roles.length === 0 || hasRole(...(roles as readonly Role[]))
  const { kind, verb } = roles as Readonly<{ kind: string; verb: string }>
  return can(kind, verb)
}

/** Host focal points act only for the organisations of their scope; other roles are not limited by it. */
export function inHostScope(organisationId: number | null | undefined): boolean {
  if (session.me?.role !== 'host') return true
  return organisationId !== null && organisationId !== undefined && session.me.organisations.includes(organisationId)
}

export async function signIn(username: string, password: string): Promise<Me> {
  const { data } = await call('post', '/api/v1/session', { body: { username, password }, skipAuthRedirect: true })
  setCsrfToken(data.csrf_token)
  // The answer names the user; what they may do (permissions per record kind) comes with GET /me.
  const me = await loadMe()
  if (!me) throw new Error('signed in, yet GET /api/v1/me answers 401')
  return me
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
