import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { AuthProvider } from './platform/auth/AuthProvider.tsx';
import { useAuth } from './platform/auth/auth-context.ts';
import { ChangePasswordPage } from './platform/auth/ChangePasswordPage.tsx';
import { LockScreen } from './platform/auth/LockScreen.tsx';
import { LoginPage } from './platform/auth/LoginPage.tsx';
import { RequirePermission } from './platform/auth/RequirePermission.tsx';
import { permissions } from './platform/auth/permissions.ts';
import { Loading } from './platform/components/Loading.tsx';
import { HomePage } from './platform/layout/HomePage.tsx';
import { Layout } from './platform/layout/Layout.tsx';
import { NotFoundPage } from './platform/layout/NotFoundPage.tsx';
import { AccessEditPage } from './features/accesses/AccessEditPage.tsx';
import { AccessListPage } from './features/accesses/AccessListPage.tsx';
import { AccessNewPage } from './features/accesses/AccessNewPage.tsx';
import { AccessStatsPage } from './features/accesses/AccessStatsPage.tsx';
import { IntakeQueuePage } from './features/accesses/IntakeQueuePage.tsx';
import { AppointmentPage } from './features/appointments/AppointmentPage.tsx';
import { BookingPage } from './features/appointments/BookingPage.tsx';
import { CalendarPage } from './features/appointments/CalendarPage.tsx';
import { RoomsAdminPage } from './features/appointments/RoomsAdminPage.tsx';
import { TimelinessPage } from './features/appointments/TimelinessPage.tsx';
import { CeilingsPage } from './features/contributions/CeilingsPage.tsx';
import { PaymentListPage } from './features/contributions/PaymentListPage.tsx';
import { PaymentListsPage } from './features/contributions/PaymentListsPage.tsx';
import { TeamMeetingPage } from './features/contributions/TeamMeetingPage.tsx';
import { CarePlanPage } from './features/care-plans/CarePlanPage.tsx';
import { ProviderInterventionPage } from './features/interventions/ProviderInterventionPage.tsx';
import { ProviderPortalPage } from './features/interventions/ProviderPortalPage.tsx';
import { CaseSettingsPage } from './features/case-settings/CaseSettingsPage.tsx';
import { LetterTemplateEditPage } from './features/case-settings/LetterTemplateEditPage.tsx';
import { LetterTemplatesPage } from './features/case-settings/LetterTemplatesPage.tsx';
import { LetterComposerPage } from './features/case-letters/LetterComposerPage.tsx';
import { PetitionPage } from './features/referrals/PetitionPage.tsx';
import { ReferralPage } from './features/referrals/ReferralPage.tsx';
import { AssessmentEditPage } from './features/assessments/AssessmentEditPage.tsx';
import { AssessmentViewPage } from './features/assessments/AssessmentViewPage.tsx';
import { MeetingFormPage } from './features/assessments/MeetingFormPage.tsx';
import { MeetingViewPage } from './features/assessments/MeetingViewPage.tsx';
import { BreakGlassEventsPage } from './features/cases/BreakGlassEventsPage.tsx';
import { CaseListPage } from './features/cases/CaseListPage.tsx';
import { CasePage } from './features/cases/CasePage.tsx';
import { OpenCasePage } from './features/cases/OpenCasePage.tsx';
import { AuditPage } from './features/audit/AuditPage.tsx';
import { AdminLogPage } from './features/admin-log/AdminLogPage.tsx';
import { ImportPage } from './features/catalogue/ImportPage.tsx';
import { MyProviderPage } from './features/catalogue/MyProviderPage.tsx';
import { ProvidersPage } from './features/catalogue/ProvidersPage.tsx';
import { ServiceDetailPage } from './features/catalogue/ServiceDetailPage.tsx';
import { ServiceFormPage } from './features/catalogue/ServiceFormPage.tsx';
import { ServiceListPage } from './features/catalogue/ServiceListPage.tsx';
import { ServiceMapPage } from './features/catalogue/ServiceMapPage.tsx';
import { PersonEditPage } from './features/registry/PersonEditPage.tsx';
import { PersonNewPage } from './features/registry/PersonNewPage.tsx';
import { PersonPage } from './features/registry/PersonPage.tsx';
import { RegistrySearchPage } from './features/registry/RegistrySearchPage.tsx';
import { StatsPage } from './features/reporting/StatsPage.tsx';
import { TerritoriesAdminPage } from './features/territories/TerritoriesAdminPage.tsx';
import { TeamsPage } from './features/users/TeamsPage.tsx';
import { UserEditPage } from './features/users/UserEditPage.tsx';
import { UserNewPage } from './features/users/UserNewPage.tsx';
import { UsersPage } from './features/users/UsersPage.tsx';
import { personSections } from './person-sections.tsx';
import { caseSections, planExtra } from './case-sections.tsx';
import { WorklistBell } from './features/worklist/WorklistBell.tsx';
import { WorklistPage } from './features/worklist/WorklistPage.tsx';

/** Signed in while on /login: go where the user was heading before being sent to sign in. */
function AfterLogin() {
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  return <Navigate to={from && !from.startsWith('/login') ? from : '/'} replace />;
}

/** A password set by the administrator: nothing but the change-password page until it is replaced. */
function PasswordChangeRoutes() {
  return (
    <Layout>
      <Routes>
        <Route path="/account/password" element={<ChangePasswordPage />} />
        <Route path="*" element={<Navigate to="/account/password" replace />} />
      </Routes>
    </Layout>
  );
}

function SignedInRoutes() {
  const p = permissions;
  const { me } = useAuth();
  if (me?.mustChangePassword) return <PasswordChangeRoutes />;
  return (
    <Layout headerTools={<WorklistBell />}>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route path="/login" element={<AfterLogin />} />
        <Route path="/account/password" element={<ChangePasswordPage />} />
        <Route path="/registry" element={<RequirePermission permission={p.personRead}><RegistrySearchPage /></RequirePermission>} />
        <Route path="/registry/new" element={<RequirePermission permission={p.personWrite}><PersonNewPage /></RequirePermission>} />
        <Route path="/registry/persons/:id" element={<RequirePermission permission={p.personRead}><PersonPage sections={personSections} /></RequirePermission>} />
        <Route path="/registry/persons/:id/edit" element={<RequirePermission permission={p.personWrite}><PersonEditPage /></RequirePermission>} />
        <Route path="/accesses" element={<RequirePermission permission={p.accessRead}><AccessListPage /></RequirePermission>} />
        <Route path="/accesses/new" element={<RequirePermission permission={p.accessWrite}><AccessNewPage /></RequirePermission>} />
        <Route path="/accesses/stats" element={<RequirePermission permission={p.accessStats}><AccessStatsPage /></RequirePermission>} />
        <Route path="/accesses/:id/edit" element={<RequirePermission permission={p.accessWrite}><AccessEditPage /></RequirePermission>} />
        <Route path="/intake" element={<RequirePermission permission={p.intakeRead}><IntakeQueuePage /></RequirePermission>} />
        <Route path="/admin/users" element={<RequirePermission permission={p.usersManage}><UsersPage /></RequirePermission>} />
        <Route path="/admin/users/new" element={<RequirePermission permission={p.usersManage}><UserNewPage /></RequirePermission>} />
        <Route path="/admin/users/:id" element={<RequirePermission permission={p.usersManage}><UserEditPage /></RequirePermission>} />
        <Route path="/admin/teams" element={<RequirePermission permission={p.usersManage}><TeamsPage /></RequirePermission>} />
        <Route path="/admin/territories" element={<RequirePermission permission={p.territoriesManage}><TerritoriesAdminPage /></RequirePermission>} />
        <Route path="/audit" element={<RequirePermission permission={p.auditRead}><AuditPage /></RequirePermission>} />
        <Route path="/admin-log" element={<RequirePermission permission={p.adminLogRead}><AdminLogPage /></RequirePermission>} />
        <Route path="/stats" element={<RequirePermission permission={p.statsRead}><StatsPage /></RequirePermission>} />
        <Route path="/catalogue" element={<RequirePermission permission={p.catalogueRead}><ServiceListPage /></RequirePermission>} />
        <Route path="/catalogue/services/new" element={<RequirePermission permission={p.catalogueManage}><ServiceFormPage /></RequirePermission>} />
        <Route path="/catalogue/services/:id" element={<RequirePermission permission={p.catalogueRead}><ServiceDetailPage /></RequirePermission>} />
        <Route path="/catalogue/services/:id/edit" element={<RequirePermission permission={p.catalogueManage}><ServiceFormPage /></RequirePermission>} />
        <Route path="/catalogue/import" element={<RequirePermission permission={p.catalogueManage}><ImportPage /></RequirePermission>} />
        <Route path="/catalogue/providers" element={<RequirePermission permission={p.catalogueManage}><ProvidersPage /></RequirePermission>} />
        <Route path="/catalogue/mine" element={<RequirePermission permission={p.catalogueRead}><MyProviderPage /></RequirePermission>} />
        <Route path="/catalogue/map" element={<RequirePermission permission={p.catalogueManage}><ServiceMapPage /></RequirePermission>} />
        <Route path="/appointments" element={<RequirePermission permission={p.appointmentRead}><CalendarPage /></RequirePermission>} />
        <Route path="/appointments/new" element={<RequirePermission permission={p.appointmentWrite}><BookingPage /></RequirePermission>} />
        <Route path="/appointments/:id" element={<RequirePermission permission={p.appointmentRead}><AppointmentPage /></RequirePermission>} />
        <Route path="/admin/rooms" element={<RequirePermission permission={p.roomManage}><RoomsAdminPage /></RequirePermission>} />
        <Route path="/reports/timeliness" element={<RequirePermission permission={p.timelinessRead}><TimelinessPage /></RequirePermission>} />
        <Route path="/contributions/meeting" element={<RequirePermission permission={p.caseWrite}><TeamMeetingPage /></RequirePermission>} />
        <Route path="/contributions/ceilings" element={<RequirePermission permission={p.contributionConfigure}><CeilingsPage /></RequirePermission>} />
        <Route path="/payment-lists" element={<RequirePermission permission={p.paymentManage}><PaymentListsPage /></RequirePermission>} />
        <Route path="/payment-lists/:id" element={<RequirePermission permission={p.paymentManage}><PaymentListPage /></RequirePermission>} />
        <Route path="/case-settings" element={<RequirePermission permission={p.caseConfigure}><CaseSettingsPage /></RequirePermission>} />
        <Route path="/case-settings/letters" element={<RequirePermission permission={p.caseConfigure}><LetterTemplatesPage /></RequirePermission>} />
        <Route path="/case-settings/letters/:id" element={<RequirePermission permission={p.caseConfigure}><LetterTemplateEditPage /></RequirePermission>} />
        <Route path="/cases" element={<RequirePermission permission={p.caseRead}><CaseListPage /></RequirePermission>} />
        <Route path="/cases/new" element={<RequirePermission permission={p.caseWrite}><OpenCasePage /></RequirePermission>} />
        <Route path="/cases/break-glass" element={<RequirePermission permission={p.caseManage}><BreakGlassEventsPage /></RequirePermission>} />
        <Route path="/worklist" element={<RequirePermission permission={p.caseRead}><WorklistPage /></RequirePermission>} />
        <Route path="/cases/:id/letters/:letterId" element={<RequirePermission permission={p.caseRead}><LetterComposerPage /></RequirePermission>} />
        <Route path="/cases/:id/referrals/:referralId" element={<RequirePermission permission={p.caseRead}><ReferralPage /></RequirePermission>} />
        <Route path="/cases/:id/petitions/:petitionId" element={<RequirePermission permission={p.caseRead}><PetitionPage /></RequirePermission>} />
        <Route path="/cases/:id" element={<RequirePermission permission={p.caseExists}><CasePage sections={caseSections} /></RequirePermission>} />
        <Route path="/cases/:id/assessments/:assessmentId" element={<RequirePermission permission={p.caseRead}><AssessmentViewPage /></RequirePermission>} />
        <Route path="/cases/:id/assessments/:assessmentId/preliminary" element={<RequirePermission permission={p.caseWrite}><AssessmentEditPage key="preliminary" part="preliminary" /></RequirePermission>} />
        <Route path="/cases/:id/assessments/:assessmentId/in-depth" element={<RequirePermission permission={p.caseWrite}><AssessmentEditPage key="in-depth" part="in-depth" /></RequirePermission>} />
        <Route path="/cases/:id/meetings/new" element={<RequirePermission permission={p.caseWrite}><MeetingFormPage /></RequirePermission>} />
        <Route path="/cases/:id/meetings/:meetingId" element={<RequirePermission permission={p.caseRead}><MeetingViewPage /></RequirePermission>} />
        <Route path="/cases/:id/meetings/:meetingId/edit" element={<RequirePermission permission={p.caseWrite}><MeetingFormPage /></RequirePermission>} />
        <Route path="/cases/:id/plan" element={<RequirePermission permission={p.caseRead}><CarePlanPage extra={planExtra} /></RequirePermission>} />
        <Route path="/cases/:id/plan/versions/:n" element={<RequirePermission permission={p.caseRead}><CarePlanPage extra={planExtra} /></RequirePermission>} />
        <Route path="/provider" element={<RequirePermission permission={p.interventionDeliver}><ProviderPortalPage /></RequirePermission>} />
        <Route path="/provider/interventions/:id" element={<RequirePermission permission={p.interventionDeliver}><ProviderInterventionPage /></RequirePermission>} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}

function AppRoutes() {
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <main id="main-content" className="container py-5">
        <Loading />
      </main>
    );
  }
  if (status === 'locked') return <LockScreen />;
  if (status === 'anonymous') {
    return (
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          path="*"
          element={<Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />}
        />
      </Routes>
    );
  }
  return <SignedInRoutes />;
}

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <AppRoutes />
      </AuthProvider>
    </BrowserRouter>
  );
}
