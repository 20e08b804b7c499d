import {Card, CardBody, CardText, CardTitle, Col, Row } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../components/DataTable.tsx';
import { Link } from 'react-router-dom';
import { useMe } from '../auth/auth-context.ts';
import { sectionsFor } from './sections.ts';
import { usePageTitle } from './use-page-title.ts';

/** Landing page: one card per section the user's roles open, then the user's grants. */
export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const sections = sectionsFor(me);
  usePageTitle(t('nav.home'));

  return (
    <>
      <h1>{t('home.title', { name: me.displayName })}</h1>
      <p className="lead">{t('home.intro')}</p>
      {sections.length === 0 ? <p data-testid="home-empty">{t('home.noSections')}</p> : null}
      <Row className="g-3 mb-4" tag="ul" aria-label={t('nav.label')} style={{ listStyle: 'none', paddingLeft: 0 }}>
        {sections.map((section) => (
          <Col tag="li" xs={12} md={6} lg={4} key={section.key}>
            <Card className="card-bg h-100" shadow="sm" testId={`home-card-${section.key}`}>
              <CardBody className="p-3">
                <CardTitle tag="h2" className="h5">
                  <Link to={section.to} className="stretched-link" data-testid={`home-link-${section.key}`}>
                    {t(`home.cards.${section.key}.title`)}
                  </Link>
                </CardTitle>
                <CardText>{t(`home.cards.${section.key}.text`)}</CardText>
              </CardBody>
            </Card>
          </Col>
        ))}
      </Row>
      {me.grants.length ? (
        <section aria-labelledby="home-grants-title">
          <h2 id="home-grants-title" className="h4">
            {t('home.grantsTitle')}
          </h2>
          <DataTable caption={t('home.grantsCaption')} captionHidden size="sm" testId="home-grants">
            <thead>
              <tr>
                <th scope="col">{t('home.role')}</th>
                <th scope="col">{t('home.territory')}</th>
              </tr>
            </thead>
            <tbody>
              {me.grants.map((grant) => (
                <tr key={grant.id}>
                  <td>{t(`roles.${grant.role}`)}</td>
                  <td>
                    {grant.territoryName} <span className="text-muted">({t(`territoryKinds.${grant.territoryKind}`)})</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </section>
      ) : null}
    </>
  );
}
