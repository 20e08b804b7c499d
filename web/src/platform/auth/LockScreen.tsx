import { Button, Card, CardBody, Col, Container, Row } from 'design-react-kit';
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { TextField } from '../components/TextField.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useAuth } from './auth-context.ts';

/**
 * Replaces the whole app while the session is locked: the pages are unmounted, so no personal data
 * stays on screen or in the DOM. Unlocking brings back the same route, which loads its data again.
 */
export function LockScreen() {
  const { t } = useTranslation();
  const { me, unlock, logout } = useAuth();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(t('lock.title'));

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!password) {
      setFieldError(t('form.required'));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    setFailure(null);
    try {
      await unlock(password);
    } catch (error) {
      setFailure(error);
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <div className="lock-screen" data-testid="lock-screen">
      <header className="login-header">
        <Container className="d-flex justify-content-between align-items-center py-2 flex-wrap gap-2">
          <span className="login-brand">{t('app.name')}</span>
          <LanguageSwitch />
        </Container>
      </header>
      <main id="main-content" className="app-main">
        <Container className="py-5">
          <Row className="justify-content-center">
            <Col xs={12} md={8} lg={5}>
              <Card className="card-bg" shadow="sm">
                <CardBody className="p-4">
                  <h1 className="h3" ref={heading} tabIndex={-1}>
                    {t('lock.title')}
                  </h1>
                  <p>{t('lock.intro')}</p>
                  {me ? <p className="fw-semibold">{t('lock.user', { name: me.displayName })}</p> : null}
                  <ErrorAlert error={failure} testId="unlock-error" />
                  <form onSubmit={(event) => void submit(event)} noValidate>
                    {me ? (
                      <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
                    ) : null}
                    <TextField
                      id="unlock-password"
                      type="password"
                      label={t('lock.password')}
                      value={password}
                      onChange={setPassword}
                      error={fieldError}
                      autoComplete="current-password"
                      required
                    />
                    <div className="d-flex flex-wrap gap-2">
                      <Button color="primary" type="submit" disabled={busy} testId="unlock-submit">
                        {busy ? t('lock.submitting') : t('lock.submit')}
                      </Button>
                      <Button
                        color="primary"
                        outline
                        type="button"
                        testId="lock-logout"
                        onClick={() => void logout().then(() => navigate('/login', { replace: true }))}
                      >
                        {t('lock.logout')}
                      </Button>
                    </div>
                  </form>
                </CardBody>
              </Card>
            </Col>
          </Row>
        </Container>
      </main>
    </div>
  );
}
