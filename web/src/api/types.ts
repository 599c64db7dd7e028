// Names the front end uses for the contract's schemas (generated into schema.d.ts from api/openapi.yaml).
// Only this file knows the schema names: if the contract renames one, the build fails here.
import type { components } from './schema'

type Schemas = components['schemas']

export type Me = Schemas['Me']
export type Role = Schemas['Role']
export type Language = Schemas['Language']
export type SessionCreated = Schemas['Session']

export type Country = Schemas['Country']
export type Currency = Schemas['Currency']
export type CodelistSummary = Schemas['Codelist']
export type CodelistEntry = Schemas['CodelistEntry']
export type ActionType = Schemas['ActionType']
export type CooperationDomain = Schemas['CooperationDomain']

export type Organisation = Schemas['Organisation']
export type OrganisationContact = Schemas['Contact']
export type OrganisationContactInput = Schemas['ContactInput']
export type OrganisationCreate = Schemas['OrganisationCreate']
export type OrganisationPatch = Schemas['OrganisationUpdate']

export type ActionStatus = Schemas['ActionStatus']
export type Action = Schemas['Action']
export type ActionInput = Schemas['ActionInput']
export type Quota = Schemas['Quota']

export type Person = Schemas['Person']
export type PersonInput = Schemas['PersonInput']
export type PersonCreated = Schemas['PersonCreated']
export type DuplicateCandidate = Schemas['DuplicateCandidate']

export type NominationState = Schemas['NominationState']
export type Nomination = Schemas['Nomination']
export type NominationEvent = NonNullable<Nomination['events']>[number]
export type LogisticsLine = NonNullable<Nomination['logistics']>[number]
export type LogisticsItem = LogisticsLine['item']
export type LogisticsStatus = LogisticsLine['status']
export type AttendanceDay = NonNullable<Nomination['attendance']>[number]
export type ImportReport = Schemas['ImportReport']
export type ImportProblem = ImportReport['errors'][number]

export type Certificate = Schemas['Certificate']
export type CertificateVerification = Schemas['CertificateVerification']
export type Evaluation = Schemas['Evaluation']
export type EvaluationInput = Schemas['EvaluationInput']
export type EvaluationSummary = Schemas['EvaluationSummary']
export type FollowUp = Schemas['FollowUp']
export type FollowUpInput = Schemas['FollowUpInput']

export type User = Schemas['User']
export type UserCreate = Schemas['UserCreate']
export type UserPatch = Schemas['UserUpdate']

export type ApiToken = Schemas['Token']
export type ApiTokenCreated = Schemas['TokenCreated']

export type AuditEntry = Schemas['AuditEntry']

export type FieldErrorCode = Schemas['FieldError']['code']
export type ProblemCode = Schemas['Problem']['code']

/** Every list in the API answers this shape. */
export interface Page<T> {
  items: T[]
  total: number
}

export const kRoles: readonly Role[] = ['admin', 'manager', 'officer', 'finance', 'partner', 'host', 'viewer']
export const kActionStatuses: readonly ActionStatus[] = ['planned', 'open', 'selection_closed', 'ongoing', 'completed', 'cancelled']
export const kNominationStates: readonly NominationState[] = [
  'nominated',
  'under_review',
  'selected',
  'waitlisted',
  'confirmed',
  'arrived',
  'completed',
  'rejected',
  'withdrawn',
  'dropped_out',
]
export const kLogisticsItems: readonly LogisticsItem[] = ['invitation_letter', 'visa', 'ticket', 'lodging', 'insurance', 'per_diem']
export const kLogisticsStatuses: readonly LogisticsStatus[] = ['to_do', 'in_progress', 'done', 'not_needed']
export const kPersonCategories: readonly Person['category'][] = ['manager', 'researcher', 'technician', 'student', 'other']

export const kLanguages: readonly Language[] = ['fr', 'ar', 'en']
