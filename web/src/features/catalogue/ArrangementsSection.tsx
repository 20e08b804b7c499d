import { Button } from 'design-react-kit';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Arrangement } from '../../../../src/features/catalogue/catalogue.schemas.ts';
import type { Provider } from '../../../../src/features/catalogue/providers.schemas.ts';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { useMyMunicipalities } from '../territories/use-my-municipalities.ts';
import { ArrangementForm } from './ArrangementForm.tsx';
import { deliveryText, holderText } from './arrangement-text.ts';
import { catalogueApi } from './catalogue-api.ts';

type Props = { serviceId: string; arrangements: readonly Arrangement[]; manages: boolean; onChanged: () => void };

/**
 * The service in each municipality: read-only for everyone, and for the manager one row per
 * municipality of its territories with "set" and "remove".
 */
export function ArrangementsSection({ serviceId, arrangements, manages, onChanged }: Props) {
  const { t } = useTranslation(['catalogue', 'common']);
  const mine = useMyMunicipalities();
  const [providers, setProviders] = useState<Provider[]>([]);
  const [editing, setEditing] = useState<{ code: string; name: string } | null>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState<unknown>(null);

  useEffect(() => {
    if (manages) void catalogueApi.providers().then(setProviders, setFailure);
  }, [manages]);

  const rows = manages
    ? mine.options.map((m) => ({ code: m.value, name: m.label }))
    : arrangements.map((a) => ({ code: a.municipalityCode, name: a.municipalityName }));
  const find = (code: string) => arrangements.find((a) => a.municipalityCode === code);

  const clear = async (municipality: { code: string; name: string }) => {
    if (!window.confirm(t('arrangement.clearConfirm', { municipality: municipality.name }))) return;
    setFailure(null);
    try {
      await catalogueApi.clearArrangement(serviceId, municipality.code);
      setNotice(t('arrangement.cleared', { municipality: municipality.name }));
      onChanged();
    } catch (error) {
      setFailure(error);
    }
  };

  return (
    <section aria-labelledby="arrangements-title" className="mt-4">
      <h2 id="arrangements-title" className="h4">{t('detail.arrangements')}</h2>
      <ErrorAlert error={failure} />
      <div aria-live="polite">{notice ? <p className="text-success fw-semibold" data-testid="arrangement-notice">{notice}</p> : null}</div>
      {rows.length === 0 ? <p>{t('detail.noArrangements')}</p> : (
        <DataTable caption={t('detail.arrangementsCaption')} size="sm" testId="arrangements-table">
          <thead>
            <tr>
              <th scope="col">{t('detail.municipality')}</th>
              <th scope="col">{t('detail.titleHolder')}</th>
              <th scope="col">{t('detail.delivery')}</th>
              <th scope="col">{t('detail.functionMode')}</th>
              <th scope="col">{t('detail.notes')}</th>
              {manages ? <th scope="col"><span className="visually-hidden">{t('detail.actions')}</span></th> : null}
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => {
              const a = find(m.code);
              return (
                <tr key={m.code} data-testid={`arrangement-row-${m.code}`}>
                  <th scope="row">{m.name}</th>
                  {a ? (
                    <>
                      <td>{holderText(t, a)}</td>
                      <td>{deliveryText(t, a)}</td>
                      <td>{t(`functionModes.${a.functionMode}`)}</td>
                      <td>{a.notes ?? ''}</td>
                    </>
                  ) : (
                    <td colSpan={4} className="text-muted">{t('arrangement.absent')}</td>
                  )}
                  {manages ? (
                    <td className="text-nowrap">
                      <Button color="primary" outline size="xs" type="button" className="me-1" testId={`arrangement-set-${m.code}`}
                        aria-label={t('arrangement.setNamed', { municipality: m.name })} onClick={() => { setNotice(''); setEditing(m); }}>
                        {t('arrangement.set')}
                      </Button>
                      {a ? (
                        <Button color="danger" outline size="xs" type="button" testId={`arrangement-clear-${m.code}`}
                          aria-label={t('arrangement.clearNamed', { municipality: m.name })} onClick={() => void clear(m)}>
                          {t('arrangement.clear')}
                        </Button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </DataTable>
      )}
      {editing ? (
        <ArrangementForm
          key={editing.code}
          serviceId={serviceId}
          municipality={editing}
          current={find(editing.code)}
          providers={providers}
          onCancel={() => { setEditing(null); }}
          onSaved={() => {
            setNotice(t('arrangement.saved', { municipality: editing.name }));
            setEditing(null);
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
