// The request form's model: its fields as typed, and each as the request body carries it. The
// status is not in the form: it moves along the life cycle from the request's page.
import type { CooperationRequest, RequestChannel, RequestPriority } from '@/api/types'
import type { FieldErrors } from '@/composables/fieldErrors'
import { numberText, textOrNull, wholeNumber, type FormModel } from '@/composables/recordForm'

export interface RequestForm {
  country: string | null
  requesting_organisation_id: number | null
  domain: string | null
  action_type: string | null
  title: string
  description: string
  people_count: string
  period_start: string
  period_end: string
  priority: RequestPriority
  channel: RequestChannel
  received_on: string
}

/** Limits of the contract (RequestCreate). */
export const kRequestLimits = { title: 300, description: 5000, people: 10000 }

export const requestModel: FormModel<RequestForm> = {
  fields: ['country', 'requesting_organisation_id', 'domain', 'action_type', 'title', 'description', 'people_count', 'period_start', 'period_end', 'priority', 'channel', 'received_on'],
  empty: () => ({
    country: null,
    requesting_organisation_id: null,
    domain: null,
    action_type: null,
    title: '',
    description: '',
    people_count: '',
    period_start: '',
    period_end: '',
    priority: 'medium',
    channel: 'embassy',
    received_on: '',
  }),
  wire(form, field) {
    switch (field) {
      case 'country':
      case 'requesting_organisation_id':
      case 'domain':
      case 'action_type':
      case 'priority':
      case 'channel':
        return form[field]
      case 'people_count':
        return wholeNumber(form[field])
      default:
        return textOrNull(form[field])
    }
  },
}

export function formFromRequest(request: CooperationRequest): RequestForm {
  return {
    country: request.country,
    requesting_organisation_id: request.requesting_organisation_id,
    domain: request.domain,
    action_type: request.action_type,
    title: request.title,
    description: request.description ?? '',
    people_count: numberText(request.people_count),
    period_start: request.period_start ?? '',
    period_end: request.period_end ?? '',
    priority: request.priority,
    channel: request.channel,
    received_on: request.received_on,
  }
}

type Translate = (key: string, params?: Record<string, unknown>) => string

/** What the server would refuse, said before sending (the server checks it all again). */
export function checkRequest(form: RequestForm, t: Translate): FieldErrors {
  const problems: FieldErrors = {}
  for (const key of ['country', 'domain', 'title'] as const) if (!form[key]?.trim()) problems[key] = [t('validation.required')]
  if (form.period_start && form.period_end && form.period_end < form.period_start) problems.period_end = [t('requests.endBeforeStart')]
  return problems
}
