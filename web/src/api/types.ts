// Names the front end uses for the contract's schemas (generated into schema.d.ts from the assembled contract).
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

export type ProgrammeKind = Schemas['ProgrammeKind']
export type Programme = Schemas['Programme']
export type ProgrammeCreate = Schemas['ProgrammeCreate']
export type ProgrammeUpdate = Schemas['ProgrammeUpdate']

export type OfferLevel = Schemas['OfferLevel']
export type OfferLanguage = Schemas['OfferLanguage']
export type Offer = Schemas['Offer']
export type OfferCreate = Schemas['OfferCreate']
export type OfferUpdate = Schemas['OfferUpdate']
export type SuggestedOffer = Schemas['SuggestedOffer']

export type RequestStatus = Schemas['RequestStatus']
export type RequestPriority = Schemas['RequestPriority']
export type RequestChannel = Schemas['RequestChannel']
export type CooperationRequest = Schemas['CooperationRequest']
export type RequestCreate = Schemas['RequestCreate']
export type RequestUpdate = Schemas['RequestUpdate']
export type MatchedOffer = Schemas['MatchedOffer']

export type AgreementKind = Schemas['AgreementKind']
export type AgreementModality = Schemas['AgreementModality']
export type AgreementStatus = Schemas['AgreementStatus']
export type AgreementPartyRole = Schemas['AgreementPartyRole']
export type AgreementParty = Schemas['AgreementParty']
export type AgreementPartyDraft = Schemas['AgreementPartyDraft']
export type AgreementLink = Schemas['AgreementLink']
export type Agreement = Schemas['Agreement']
export type DiplomaticMission = Schemas['DiplomaticMission']
export type DiplomaticMissionKind = Schemas['DiplomaticMissionKind']
export type DiplomaticMissionStatus = Schemas['DiplomaticMissionStatus']
export type DiplomaticMissionCreate = Schemas['DiplomaticMissionCreate']
export type DiplomaticMissionUpdate = Schemas['DiplomaticMissionUpdate']
export type DiplomaticMissionPoint = Schemas['DiplomaticMissionPoint']
export type AgreementCreate = Schemas['AgreementCreate']
export type AgreementUpdate = Schemas['AgreementUpdate']
export type AgreementContributions = Schemas['AgreementContributions']
export type EngagementKind = Schemas['EngagementKind']
export type EngagementTheme = Schemas['EngagementTheme']
export type BeneficiaryGroup = Schemas['BeneficiaryGroup']
export type Engagement = Schemas['Engagement']
export type EngagementNotification = Schemas['EngagementNotification']
export type EngagementNotificationDraft = Schemas['EngagementNotificationDraft']
export type EngagementCreate = Schemas['EngagementCreate']
export type EngagementUpdate = Schemas['EngagementUpdate']
export type CountryProfile = Schemas['CountryProfile']
export type JointCommission = Schemas['JointCommission']
export type JointCommissionCreate = Schemas['JointCommissionCreate']
export type JointCommissionUpdate = Schemas['JointCommissionUpdate']
export type CommissionDecision = Schemas['CommissionDecision']
export type CommissionDecisionCreate = Schemas['CommissionDecisionCreate']
export type CommissionDecisionUpdate = Schemas['CommissionDecisionUpdate']
export type CommissionDecisionStatus = Schemas['CommissionDecisionStatus']
export type LinkedRecord = Schemas['LinkedRecord']

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
export type ImportProblem = Schemas['ImportProblem']
export type RecordImportReport = Schemas['RecordImportReport']

export type Certificate = Schemas['Certificate']
export type CertificateVerification = Schemas['CertificateVerification']
export type Evaluation = Schemas['Evaluation']
export type EvaluationInput = Schemas['EvaluationInput']
export type EvaluationSummary = Schemas['EvaluationSummary']
export type FollowUp = Schemas['FollowUp']
export type FollowUpInput = Schemas['FollowUpInput']

export type DocumentKind = Schemas['DocumentKind']
export type DocumentAudience = Schemas['DocumentAudience']
export type Document = Schemas['Document']
export type DocumentOwnerKind = Schemas['DocumentOwnerKind']
export type AgreementDocumentKind = Schemas['AgreementDocumentKind']
export type SessionDocumentKind = Schemas['SessionDocumentKind']
export type EngagementDocumentKind = Schemas['EngagementDocumentKind']

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

export const kProgrammeKinds: readonly ProgrammeKind[] = ['country_programme', 'triangular', 'joint']
export const kOfferLevels: readonly OfferLevel[] = ['introductory', 'intermediate', 'advanced', 'expert']
export const kOfferLanguages: readonly OfferLanguage[] = ['fr', 'ar', 'en', 'es', 'pt']
export const kRequestStatuses: readonly RequestStatus[] = ['received', 'under_study', 'matched', 'served', 'declined']
export const kRequestPriorities: readonly RequestPriority[] = ['high', 'medium', 'low']
export const kRequestChannels: readonly RequestChannel[] = ['embassy', 'joint_commission', 'partner_agency', 'direct', 'other']
export const kAgreementKinds: readonly AgreementKind[] = ['framework', 'sectoral', 'memorandum', 'executive_programme', 'triangular', 'protocol', 'funding']
export const kAgreementModalities: readonly AgreementModality[] = ['bilateral', 'triangular', 'multilateral']
export const kAgreementStatuses: readonly AgreementStatus[] = ['draft', 'negotiated', 'signed', 'in_force', 'suspended', 'expired', 'terminated']
export const kDecisionStatuses: readonly CommissionDecisionStatus[] = ['planned', 'in_progress', 'done', 'dropped']
export const kDiplomaticMissionKinds: readonly DiplomaticMissionKind[] = ['embassy', 'consulate_general', 'consulate', 'honorary_consulate', 'permanent_mission', 'liaison_office']
export const kDiplomaticMissionStatuses: readonly DiplomaticMissionStatus[] = ['active', 'closed']
export const kAgreementPartyRoles: readonly AgreementPartyRole[] = ['signatory', 'funder', 'beneficiary', 'implementer']
export const kEngagementKinds: readonly EngagementKind[] = ['membership', 'presidency', 'pledge', 'trade_measure', 'debt_measure', 'candidature', 'hosting', 'resolution']
export const kEngagementThemes: readonly EngagementTheme[] = [
  'economic_governance',
  'environmental_governance',
  'trading_system',
  'financing_for_development',
  'climate_change',
  'biodiversity',
  'desertification',
  'developing_countries_needs',
]
export const kBeneficiaryGroups: readonly BeneficiaryGroup[] = ['ldcs', 'african_ldcs', 'lldcs', 'sids', 'african_union', 'africa']
export const kDocumentKinds: readonly DocumentKind[] = ['programme', 'invitation', 'participant_list', 'attendance_sheet', 'report', 'agreement', 'invoice', 'photo', 'other']
export const kAgreementDocumentKinds: readonly AgreementDocumentKind[] = ['signed_copy', 'annex', 'amendment', 'other']
export const kSessionDocumentKinds: readonly SessionDocumentKind[] = ['minutes', 'agenda', 'annex', 'other']
export const kEngagementDocumentKinds: readonly EngagementDocumentKind[] = ['notification', 'statement', 'report', 'other']
export const kDocumentAudiences: readonly DocumentAudience[] = ['staff', 'focal_points']

export const kLanguages: readonly Language[] = ['fr', 'ar', 'en']
