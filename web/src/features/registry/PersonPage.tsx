import { Alert, Button, Col, Row } from 'design-react-kit';
import { Fragment, useCallback, useEffect, useState, type ReactNode, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { Person, PersonHistoryEntry } from '../../../../src/features/registry/registry.schemas.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { can, permissions, type Permission } from '../../platform/auth/permissions.ts';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { usePageTitle } from '../../platform/layout/use-page-title.ts';
import { MismatchWarning } from './FiscalCodePanel.tsx';
import { PersonAccessLog } from './PersonAccessLog.tsx';
import { PersonDetails } from './PersonDetails.tsx';
import { PersonHistory } from './PersonHistory.tsx';
import { registryApi } from './registry-api.ts';

type Notice = { notice?: 'created' | 'saved' } | null;

/**
 * A part of the person page that another feature owns (household, accesses, appointments…): shown
 * when the user holds its permission, after the person's details. The sections are composed in App.
 */
export interface PersonSection {
  key: string;
  permission: Permission;
  render: (props: { personId: string; purpose: string | undefined }) => ReactNode;
}

export function PersonPage({ sections = [] }: { sections?: readonly PersonSection[] }) {
  const { id = '' } = useParams();
  const { t } = useTranslation(['registry', 'common']);
  const me = useMe();
  const location = useLocation();
  const notice = (location.state as Notice)?.notice;
  const [purposeDraft, setPurposeDraft] = useState('');
  const [purpose, setPurpose] = useState<string | undefined>(undefined);
  const [person, setPerson] = useState<Person | null>(null);
  const [history, setHistory] = useState<PersonHistoryEntry[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [purposeSaved, setPurposeSaved] = useState(false);
  const name = person ? `${person.familyName} ${person.givenName}` : '';
  usePageTitle(name || t('person.title'));

  const load = useCallback(
    (why: string | undefined) => {
      setFailure(null);
      void registryApi.get(id, why).then(setPerson, setFailure);
      void registryApi.history(id, why).then(setHistory, () => { setHistory(null); });
    },
    [id],
  );

  useEffect(() => {
    setPerson(null);
    setHistory(null);
    load(undefined);
  }, [load]);

  const submitPurpose = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const why = purposeDraft.trim() || undefined;
    setPurpose(why);
    setPurposeSaved(Boolean(why));
    load(why);
  };

  const check = person?.fiscalCodeCheck;
  return (
    <>
      <p className="mb-1">
        <Link to="/registry">{t('person.backToSearch')}</Link>
      </p>
      <h1 data-testid="person-name">{name || t('person.title')}</h1>
      <div aria-live="polite">
        {notice === 'created' ? <Alert color="success" fade={false} testId="person-created">{t('person.created')}</Alert> : null}
        {notice === 'saved' ? <Alert color="success" fade={false} testId="person-saved">{t('person.saved')}</Alert> : null}
      </div>
      <form onSubmit={submitPurpose} noValidate className="mb-3" data-testid="access-purpose-form">
        <h2 id="purpose-title" className="visually-hidden">{t('purpose.title')}</h2>
        <Row className="align-items-start">
          <Col xs={12} md={8}>
            <TextField
              id="access-purpose"
              label={t('purpose.label')}
              hint={t('purpose.hint')}
              value={purposeDraft}
              onChange={(value) => {
                setPurposeDraft(value);
                setPurposeSaved(false);
              }}
              maxLength={500}
            />
          </Col>
          <Col xs={12} md={4}>
            <Button color="primary" outline type="submit" testId="access-purpose-submit">
              {t('purpose.submit')}
            </Button>
          </Col>
        </Row>
        <div aria-live="polite" className="small">
          {purposeSaved && purpose ? t('purpose.recorded', { purpose }) : null}
        </div>
      </form>
      <ErrorAlert error={failure} testId="person-load-error" />
      {!person && !failure ? <Loading /> : null}
      {person && check ? (
        <>
          {check.status === 'invalid' ? (
            <Alert color="warning" fade={false} testId="person-fiscal-code-invalid">
              {t('check.invalid')}
              {check.reason ? ` ${t(`check.reason.${check.reason}`)}` : ''}
            </Alert>
          ) : null}
          <MismatchWarning mismatches={check.mismatches} testId="person-fiscal-code-mismatches" />
          <section aria-labelledby="details-title" className="mb-4">
            <div className="d-flex flex-wrap justify-content-between align-items-center gap-2">
              <h2 id="details-title" className="h4 mb-0">{t('details.title')}</h2>
              {can(me, permissions.personWrite) ? (
                <Link to={`/registry/persons/${encodeURIComponent(person.id)}/edit`} className="btn btn-primary btn-sm" data-testid="person-edit">
                  {t('person.edit')}
                </Link>
              ) : null}
            </div>
            <PersonDetails person={person} />
          </section>
          {sections.filter((section) => can(me, section.permission)).map((section) => (
            <Fragment key={section.key}>{section.render({ personId: person.id, purpose })}</Fragment>
          ))}
          <section aria-labelledby="history-title" className="mb-4">
            <h2 id="history-title" className="h4">{t('history.title')}</h2>
            {history ? <PersonHistory entries={history} /> : <Loading />}
          </section>
          {can(me, permissions.auditRead) ? <PersonAccessLog personId={person.id} purpose={purpose} /> : null}
        </>
      ) : null}
    </>
  );
}
