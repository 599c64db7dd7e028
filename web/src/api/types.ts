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
export const kLanguages: readonly Language[] = ['fr', 'ar', 'en']
