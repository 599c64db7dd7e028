// Routes, one lazy chunk per screen (organisations, actions, programmes, offers, requests, agreements, people,
// nominations, reference, admin, account), and the guards:
// signed-in check (with return to the asked page after login) and role check (admin screens).
import {
  createRouter,
  createWebHistory,
  type RouteLocationRaw,
  type RouteRecordNormalized,
  type RouteRecordRaw,
  type Router,
  type RouterHistory,
} from 'vue-router'
import { canEnter, forgetSession, kAreaRoles, loadMe, session, type Need } from '@/session'
import { setPageTitle } from '@/composables/breadcrumbs'

export interface Crumb {
  /** i18n key */
  label: string
  to?: RouteLocationRaw
}

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    layout?: 'blank' | 'shell'
    /** What entering needs (a permission from /me, or a role): see kAreaRoles in session.ts. */
    roles?: Need
    /** i18n key of the page title */
    title?: string
    crumbs?: Crumb[]
  }
}

const Organisations = () => import('@/features/organisations/OrganisationListView.vue')
const OrganisationDetail = () => import('@/features/organisations/OrganisationDetailView.vue')
const OrganisationForm = () => import('@/features/organisations/OrganisationFormView.vue')

const Actions = () => import('@/features/actions/ActionListView.vue')
const ActionDetail = () => import('@/features/actions/ActionDetailView.vue')
const ActionForm = () => import('@/features/actions/ActionFormView.vue')
const People = () => import('@/features/people/PeopleListView.vue')
const PersonDetail = () => import('@/features/people/PersonDetailView.vue')
const PersonForm = () => import('@/features/people/PersonFormView.vue')

const Programmes = () => import('@/features/programmes/ProgrammeListView.vue')
const ProgrammeDetail = () => import('@/features/programmes/ProgrammeDetailView.vue')
const ProgrammeForm = () => import('@/features/programmes/ProgrammeFormView.vue')
const Offers = () => import('@/features/offers/OfferListView.vue')
const OfferDetail = () => import('@/features/offers/OfferDetailView.vue')
const OfferForm = () => import('@/features/offers/OfferFormView.vue')
const Requests = () => import('@/features/requests/RequestListView.vue')
const RequestDetail = () => import('@/features/requests/RequestDetailView.vue')
const RequestForm = () => import('@/features/requests/RequestFormView.vue')

const Agreements = () => import('@/features/agreements/AgreementListView.vue')
const AgreementDetail = () => import('@/features/agreements/AgreementDetailView.vue')
const AgreementForm = () => import('@/features/agreements/AgreementFormView.vue')
const Engagements = () => import('@/features/engagements/EngagementListView.vue')
const CountryProfile = () => import('@/features/country-profile/CountryProfileView.vue')
const EngagementDetail = () => import('@/features/engagements/EngagementDetailView.vue')
const EngagementForm = () => import('@/features/engagements/EngagementFormView.vue')
const JointCommissions = () => import('@/features/commissions/CommissionListView.vue')
const JointCommissionDetail = () => import('@/features/commissions/CommissionDetailView.vue')
const JointCommissionForm = () => import('@/features/commissions/CommissionFormView.vue')
const DiplomaticMissions = () => import('@/features/diplomatic-missions/DiplomaticMissionListView.vue')
const DiplomaticMissionDetail = () => import('@/features/diplomatic-missions/DiplomaticMissionDetailView.vue')
const DiplomaticMissionForm = () => import('@/features/diplomatic-missions/DiplomaticMissionFormView.vue')

const home: Crumb = { label: 'nav.home', to: { name: 'home' } }
const organisations: Crumb = { label: 'nav.organisations', to: { name: 'organisations' } }
const actions: Crumb = { label: 'nav.actions', to: { name: 'actions' } }
const people: Crumb = { label: 'nav.people', to: { name: 'people' } }
const programmes: Crumb = { label: 'programmes.title', to: { name: 'programmes' } }
const offers: Crumb = { label: 'offers.nav', to: { name: 'offers' } }
const requests: Crumb = { label: 'requests.title', to: { name: 'requests' } }
const agreements: Crumb = { label: 'agreements.title', to: { name: 'agreements' } }
const engagements: Crumb = { label: 'engagements.title', to: { name: 'engagements' } }
const jointCommissions: Crumb = { label: 'commissions.title', to: { name: 'joint-commissions' } }
const diplomaticMissions: Crumb = { label: 'diplomaticMissions.title', to: { name: 'diplomatic-missions' } }
const reference: Crumb = { label: 'nav.reference' }
const administration: Crumb = { label: 'nav.administration' }

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/features/auth/LoginView.vue'),
    meta: { public: true, layout: 'blank', title: 'auth.title' },
  },
  {
    path: '/',
    name: 'home',
    component: () => import('@/features/home/HomeView.vue'),
    meta: { title: 'home.title', crumbs: [] },
  },
  {
    path: '/organisations',
    name: 'organisations',
    component: Organisations,
    meta: { title: 'organisations.title', crumbs: [home] },
  },
  {
    path: '/organisations/new',
    name: 'organisation-new',
    component: OrganisationForm,
    meta: { title: 'organisations.new', crumbs: [home, organisations], roles: kAreaRoles.organisationsWrite },
  },
  {
    path: '/organisations/:id(\\d+)',
    name: 'organisation',
    component: OrganisationDetail,
    props: true,
    meta: { title: 'organisations.title', crumbs: [home, organisations] },
  },
  {
    path: '/organisations/:id(\\d+)/edit',
    name: 'organisation-edit',
    component: OrganisationForm,
    props: true,
    meta: { title: 'organisations.editTitle', crumbs: [home, organisations], roles: kAreaRoles.organisationsWrite },
  },
  {
    path: '/actions',
    name: 'actions',
    component: Actions,
    meta: { title: 'actions.title', crumbs: [home] },
  },
  {
    path: '/actions/new',
    name: 'action-new',
    component: ActionForm,
    meta: { title: 'actions.new', crumbs: [home, actions], roles: kAreaRoles.actionsWrite },
  },
  {
    // The tabs of an action are child routes: each has its address and its lazy chunk, and the
    // router (not the action screen) brings in the nominations area's board, logistics and costs,
    // and the evaluations and documents areas' tabs.
    path: '/actions/:id(\\d+)',
    component: ActionDetail,
    props: true,
    meta: { title: 'actions.title', crumbs: [home, actions] },
    children: [
      { path: '', name: 'action', component: () => import('@/features/actions/ActionOverviewTab.vue') },
      {
        path: 'participants',
        name: 'action-participants',
        component: () => import('@/features/nominations/NominationBoardTab.vue'),
        meta: { roles: kAreaRoles.nominations },
      },
      { path: 'quotas', name: 'action-quotas', component: () => import('@/features/actions/ActionQuotasTab.vue') },
      {
        path: 'logistics',
        name: 'action-logistics',
        component: () => import('@/features/nominations/LogisticsTab.vue'),
        meta: { roles: kAreaRoles.nominations },
      },
      { path: 'costs', name: 'action-costs', component: () => import('@/features/nominations/CostsTab.vue') },
      {
        path: 'attendance',
        name: 'action-attendance',
        component: () => import('@/features/nominations/AttendanceTab.vue'),
        meta: { roles: kAreaRoles.nominations },
      },
      {
        path: 'evaluations',
        name: 'action-evaluations',
        component: () => import('@/features/evaluations/ActionEvaluationsTab.vue'),
        meta: { roles: kAreaRoles.evaluationSummary },
      },
      // Every role that sees the action reads its documents (the API filters what focal points see).
      { path: 'documents', name: 'action-documents', component: () => import('@/features/documents/ActionDocumentsTab.vue') },
    ],
  },
  {
    // A participant (one nomination): its tabs come from the nominations, certificates and
    // evaluations areas, brought together here as for an action.
    path: '/nominations/:id(\\d+)',
    component: () => import('@/features/nominations/NominationDetailView.vue'),
    props: true,
    meta: { title: 'participation.nomination.title', crumbs: [home, actions], roles: kAreaRoles.nominations },
    children: [
      { path: '', name: 'nomination', component: () => import('@/features/nominations/NominationOverviewTab.vue') },
      { path: 'certificate', name: 'nomination-certificate', component: () => import('@/features/certificates/CertificateTab.vue') },
      {
        path: 'evaluation',
        name: 'nomination-evaluation',
        component: () => import('@/features/evaluations/EvaluationTab.vue'),
        meta: { roles: kAreaRoles.evaluations },
      },
    ],
  },
  {
    // Public: the address printed on every certificate (src/areas/certificates: /verify/CODE).
    path: '/verify/:code?',
    name: 'verify-certificate',
    component: () => import('@/features/certificates/VerifyCertificateView.vue'),
    meta: { public: true, layout: 'blank', title: 'certificates.verify.title' },
  },
  {
    path: '/actions/:id(\\d+)/edit',
    name: 'action-edit',
    component: ActionForm,
    props: true,
    meta: { title: 'actions.editTitle', crumbs: [home, actions], roles: kAreaRoles.actionsWrite },
  },
  // The catalogue (offers), the programmes and the demand (requests): every role reads them; the
  // API limits partners to their countries' programmes and requests.
  { path: '/programmes', name: 'programmes', component: Programmes, meta: { title: 'programmes.title', crumbs: [home] } },
  {
    path: '/programmes/new',
    name: 'programme-new',
    component: ProgrammeForm,
    meta: { title: 'programmes.new', crumbs: [home, programmes], roles: kAreaRoles.programmesWrite },
  },
  { path: '/programmes/:id(\\d+)', name: 'programme', component: ProgrammeDetail, props: true, meta: { title: 'programmes.title', crumbs: [home, programmes] } },
  {
    path: '/programmes/:id(\\d+)/edit',
    name: 'programme-edit',
    component: ProgrammeForm,
    props: true,
    meta: { title: 'programmes.editTitle', crumbs: [home, programmes], roles: kAreaRoles.programmesWrite },
  },
  { path: '/offers', name: 'offers', component: Offers, meta: { title: 'offers.title', crumbs: [home] } },
  { path: '/offers/new', name: 'offer-new', component: OfferForm, meta: { title: 'offers.new', crumbs: [home, offers], roles: kAreaRoles.offersWrite } },
  { path: '/offers/:id(\\d+)', name: 'offer', component: OfferDetail, props: true, meta: { title: 'offers.title', crumbs: [home, offers] } },
  {
    path: '/offers/:id(\\d+)/edit',
    name: 'offer-edit',
    component: OfferForm,
    props: true,
    meta: { title: 'offers.editTitle', crumbs: [home, offers], roles: kAreaRoles.offersWrite },
  },
  { path: '/requests', name: 'requests', component: Requests, meta: { title: 'requests.title', crumbs: [home] } },
  {
    path: '/requests/new',
    name: 'request-new',
    component: RequestForm,
    meta: { title: 'requests.new', crumbs: [home, requests], roles: kAreaRoles.requestsCreate },
  },
  { path: '/requests/:id(\\d+)', name: 'request', component: RequestDetail, props: true, meta: { title: 'requests.title', crumbs: [home, requests] } },
  {
    path: '/requests/:id(\\d+)/edit',
    name: 'request-edit',
    component: RequestForm,
    props: true,
    meta: { title: 'requests.editTitle', crumbs: [home, requests], roles: kAreaRoles.requestsWrite },
  },
  // Agreements: host focal points read none; the API limits partners to their countries' agreements.
  { path: '/agreements', name: 'agreements', component: Agreements, meta: { title: 'agreements.title', crumbs: [home], roles: kAreaRoles.agreements } },
  {
    path: '/agreements/new',
    name: 'agreement-new',
    component: AgreementForm,
    meta: { title: 'agreements.new', crumbs: [home, agreements], roles: kAreaRoles.agreementsCreate },
  },
  {
    path: '/agreements/:id(\\d+)',
    name: 'agreement',
    component: AgreementDetail,
    props: true,
    meta: { title: 'agreements.title', crumbs: [home, agreements], roles: kAreaRoles.agreements },
  },
  {
    path: '/agreements/:id(\\d+)/edit',
    name: 'agreement-edit',
    component: AgreementForm,
    props: true,
    meta: { title: 'agreements.editTitle', crumbs: [home, agreements], roles: kAreaRoles.agreementsWrite },
  },
  // A country's whole picture: host focal points read none; partners their own countries' only.
  {
    path: '/countries/:code([A-Za-z]{2})',
    name: 'country',
    component: CountryProfile,
    props: true,
    meta: { title: 'countryProfile.title', crumbs: [home], roles: kAreaRoles.countryProfiles },
  },
  // Multilateral engagements: host focal points read none; partners those benefiting their countries.
  { path: '/engagements', name: 'engagements', component: Engagements, meta: { title: 'engagements.title', crumbs: [home], roles: kAreaRoles.engagements } },
  {
    path: '/engagements/new',
    name: 'engagement-new',
    component: EngagementForm,
    meta: { title: 'engagements.new', crumbs: [home, engagements], roles: kAreaRoles.engagementsCreate },
  },
  {
    path: '/engagements/:id(\\d+)',
    name: 'engagement',
    component: EngagementDetail,
    props: true,
    meta: { title: 'engagements.title', crumbs: [home, engagements], roles: kAreaRoles.engagements },
  },
  {
    path: '/engagements/:id(\\d+)/edit',
    name: 'engagement-edit',
    component: EngagementForm,
    props: true,
    meta: { title: 'engagements.editTitle', crumbs: [home, engagements], roles: kAreaRoles.engagementsWrite },
  },
  // Joint commissions: host focal points read no sessions (only their institution's decisions).
  { path: '/joint-commissions', name: 'joint-commissions', component: JointCommissions, meta: { title: 'commissions.title', crumbs: [home], roles: kAreaRoles.jointCommissions } },
  {
    path: '/joint-commissions/new',
    name: 'joint-commission-new',
    component: JointCommissionForm,
    meta: { title: 'commissions.new', crumbs: [home, jointCommissions], roles: kAreaRoles.jointCommissionsCreate },
  },
  {
    path: '/joint-commissions/:id(\\d+)',
    name: 'joint-commission',
    component: JointCommissionDetail,
    props: true,
    meta: { title: 'commissions.title', crumbs: [home, jointCommissions], roles: kAreaRoles.jointCommissions },
  },
  {
    path: '/joint-commissions/:id(\\d+)/edit',
    name: 'joint-commission-edit',
    component: JointCommissionForm,
    props: true,
    meta: { title: 'commissions.editTitle', crumbs: [home, jointCommissions], roles: kAreaRoles.jointCommissionsWrite },
  },
  // The diplomatic network: every role reads the directory; admins and officers keep it.
  {
    path: '/diplomatic-missions',
    name: 'diplomatic-missions',
    component: DiplomaticMissions,
    meta: { title: 'diplomaticMissions.title', crumbs: [home], roles: kAreaRoles.diplomaticMissions },
  },
  {
    path: '/diplomatic-missions/new',
    name: 'diplomatic-mission-new',
    component: DiplomaticMissionForm,
    meta: { title: 'diplomaticMissions.new', crumbs: [home, diplomaticMissions], roles: kAreaRoles.diplomaticMissionsCreate },
  },
  {
    path: '/diplomatic-missions/:id(\\d+)',
    name: 'diplomatic-mission',
    component: DiplomaticMissionDetail,
    props: true,
    meta: { title: 'diplomaticMissions.title', crumbs: [home, diplomaticMissions], roles: kAreaRoles.diplomaticMissions },
  },
  {
    path: '/diplomatic-missions/:id(\\d+)/edit',
    name: 'diplomatic-mission-edit',
    component: DiplomaticMissionForm,
    props: true,
    meta: { title: 'diplomaticMissions.editTitle', crumbs: [home, diplomaticMissions], roles: kAreaRoles.diplomaticMissionsWrite },
  },
  {
    path: '/people',
    name: 'people',
    component: People,
    meta: { title: 'people.title', crumbs: [home], roles: kAreaRoles.people },
  },
  {
    path: '/people/new',
    name: 'person-new',
    component: PersonForm,
    meta: { title: 'people.new', crumbs: [home, people], roles: kAreaRoles.peopleWrite },
  },
  {
    // The profile shows panels of other areas in named views (alumni follow-up, certificates).
    path: '/people/:id(\\d+)',
    component: PersonDetail,
    props: true,
    meta: { title: 'people.title', crumbs: [home, people], roles: kAreaRoles.people },
    children: [
      {
        path: '',
        name: 'person',
        components: {
          alumni: () => import('@/features/alumni/FollowUpsCard.vue'),
          certificates: () => import('@/features/certificates/PersonCertificatesCard.vue'),
        },
      },
    ],
  },
  {
    path: '/people/:id(\\d+)/edit',
    name: 'person-edit',
    component: PersonForm,
    props: true,
    meta: { title: 'people.editTitle', crumbs: [home, people], roles: kAreaRoles.peopleWrite },
  },
  {
    path: '/nominations/mine',
    name: 'my-nominations',
    component: () => import('@/features/nominations/MyNominationsView.vue'),
    meta: { title: 'nominations.mineTitle', crumbs: [home], roles: kAreaRoles.myNominations },
  },
  {
    path: '/reference',
    redirect: { name: 'countries' },
  },
  {
    path: '/reference/countries',
    name: 'countries',
    component: () => import('@/features/reference/CountriesView.vue'),
    meta: { title: 'reference.countries.title', crumbs: [home, reference] },
  },
  {
    path: '/reference/currencies',
    name: 'currencies',
    component: () => import('@/features/reference/CurrenciesView.vue'),
    meta: { title: 'reference.currencies.title', crumbs: [home, reference] },
  },
  {
    path: '/reference/codelists/:name?',
    name: 'codelists',
    component: () => import('@/features/reference/CodelistsView.vue'),
    props: true,
    meta: { title: 'reference.codelists.title', crumbs: [home, reference] },
  },
  {
    path: '/reference/action-types',
    name: 'action-types',
    component: () => import('@/features/reference/ActionTypesView.vue'),
    meta: { title: 'reference.actionTypes.title', crumbs: [home, reference] },
  },
  {
    path: '/reference/cooperation-domains',
    name: 'cooperation-domains',
    component: () => import('@/features/reference/CooperationDomainsView.vue'),
    meta: { title: 'reference.cooperationDomains.title', crumbs: [home, reference] },
  },
  {
    path: '/admin',
    redirect: { name: 'users' },
  },
  {
    path: '/admin/users',
    name: 'users',
    component: () => import('@/features/admin/UsersView.vue'),
    meta: { title: 'admin.users.title', crumbs: [home, administration], roles: kAreaRoles.users },
  },
  {
    path: '/admin/tokens',
    name: 'tokens',
    component: () => import('@/features/admin/TokensView.vue'),
    meta: { title: 'admin.tokens.title', crumbs: [home, administration], roles: kAreaRoles.tokens },
  },
  {
    path: '/admin/audit',
    name: 'audit',
    component: () => import('@/features/admin/AuditView.vue'),
    meta: { title: 'admin.audit.title', crumbs: [home, administration], roles: kAreaRoles.audit },
  },
  {
    path: '/account',
    name: 'account',
    component: () => import('@/features/account/AccountView.vue'),
    meta: { title: 'account.title', crumbs: [home] },
  },
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('@/features/home/ForbiddenView.vue'),
    meta: { title: 'forbidden.title', crumbs: [home] },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/features/home/NotFoundView.vue'),
    meta: { title: 'notFound.title', crumbs: [home] },
  },
]

/** Only same-site paths are followed after login (no open redirect). */
export function safeRedirect(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/login')) {
    return '/'
  }
  return value
}

/** Starts loading lazy route components (the router would only start after the guards). */
function preloadComponents(records: readonly RouteRecordNormalized[]): void {
  for (const record of records) {
    for (const component of Object.values(record.components ?? {})) {
      // A lazy component is a function returning the import; a loaded one is an object.
      if (typeof component === 'function' && !('__vccOpts' in component) && !('setup' in component)) {
        void (component as () => Promise<unknown>)().catch(() => {})
      }
    }
  }
}

export function installGuards(router: Router): void {
  router.beforeEach(async (to) => {
    setPageTitle(null)
    if (to.meta.public) {
      return true
    }
    if (!session.me) {
      // First page of a visit: fetch the page's code while asking the server who we are.
      preloadComponents(to.matched)
      let me = null
      try {
        me = await loadMe()
      } catch {
        // Server unreachable: the login page says so when the user tries.
      }
      if (!me) return { name: 'login', query: { redirect: to.fullPath } }
    }
    if (!canEnter(to.meta.roles)) {
      return { name: 'forbidden', query: { from: to.fullPath } }
    }
    return true
  })
}

/**
 * What the API client does on any 401: forget the session and go to the login page, which comes
 * back to the page the user was on once they have signed in again.
 */
export function redirectToLogin(router: Router): void {
  const current = router.currentRoute.value
  forgetSession()
  if (current.name === 'login') return
  void router.push({ name: 'login', query: { redirect: current.fullPath, expired: '1' } })
}

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({
    history,
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  })
  installGuards(router)
  return router
}
