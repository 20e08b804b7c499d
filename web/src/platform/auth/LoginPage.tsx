import { Alert, Button, Card, CardBody, Col, Container, Row } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { TextField } from '../components/TextField.tsx';
import { LanguageSwitch } from '../i18n/LanguageSwitch.tsx';
import { usePageTitle } from '../layout/use-page-title.ts';
import { useAuth } from './auth-context.ts';

export function LoginPage() {
  const { t } = useTranslation();
  const { login, logoutReason } = useAuth();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string }>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('login.title'));

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = {
      ...(username.trim() ? {} : { username: t('form.required') }),
      ...(password ? {} : { password: t('form.required') }),
    };
    setErrors(missing);
    if (Object.keys(missing).length) return;
    setBusy(true);
    setFailure(null);
    try {
      // Signing in re-renders the router: /login then redirects to where the user was going.
      await login({ username: username.trim(), password });
    } catch (error) {
      setFailure(error);
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <>
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
              <Card className="card-bg login-card" shadow="sm">
                <CardBody className="p-4">
                  <h1 className="h3">{t('login.title')}</h1>
                  <p>{t('login.intro')}</p>
                  {logoutReason === 'expired' ? (
                    <Alert color="warning" fade={false} testId="session-expired">
                      {t('login.sessionExpired')}
                    </Alert>
                  ) : null}
                  {logoutReason === 'tooManyPasswords' ? (
                    <Alert color="warning" fade={false} testId="session-ended">
                      {t('login.tooManyPasswords')}
                    </Alert>
                  ) : null}
                  {logoutReason === 'loggedOut' ? (
                    <Alert color="info" fade={false} testId="logged-out">
                      {t('login.loggedOut')}
                    </Alert>
                  ) : null}
                  <ErrorAlert error={failure} testId="login-error" />
                  <form onSubmit={(event) => void submit(event)} noValidate data-testid="login-form">
                    <TextField
                      id="login-username"
                      label={t('login.username')}
                      value={username}
                      onChange={setUsername}
                      error={errors.username}
                      autoComplete="username"
                      autoCapitalize="none"
                      spellCheck={false}
                      required
                    />
                    <TextField
                      id="login-password"
                      type="password"
                      label={t('login.password')}
                      value={password}
                      onChange={setPassword}
                      error={errors.password}
                      autoComplete="current-password"
                      required
                    />
                    <Button color="primary" type="submit" disabled={busy} testId="login-submit">
                      {busy ? t('login.submitting') : t('login.submit')}
                    </Button>
                  </form>
                </CardBody>
              </Card>
            </Col>
          </Row>
        </Container>
      </main>
    </>
  );
}
