import { Button, Col, Row } from 'design-react-kit';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PROVIDER_KINDS } from '../../../../src/features/catalogue/catalogue.codes.ts';
import type { Provider } from '../../../../src/features/catalogue/providers.schemas.ts';
import type { FieldErrors } from '../../platform/api/error-text.ts';
import { useFormSave } from '../../platform/api/use-form-save.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import type { ComboOption } from '../../platform/components/Combobox.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { MunicipalityPicker } from '../territories/MunicipalityPicker.tsx';
import { catalogueApi } from './catalogue-api.ts';

type Props = { provider: Provider | null; onSaved: () => void; onCancel: () => void };

/** Name, tax code, kind, contacts and head-office municipality of a provider organisation. */
export function ProviderForm({ provider, onSaved, onCancel }: Props) {
  const { t } = useTranslation(['catalogue', 'common']);
  const [name, setName] = useState(provider?.name ?? '');
  const [taxCode, setTaxCode] = useState(provider?.taxCode ?? '');
  const [kind, setKind] = useState<string>(provider?.kind ?? '');
  const [email, setEmail] = useState(provider?.email ?? '');
  const [phone, setPhone] = useState(provider?.phone ?? '');
  const [address, setAddress] = useState(provider?.address ?? '');
  const [municipality, setMunicipality] = useState<ComboOption | null>(
    provider?.municipalityCode ? { value: provider.municipalityCode, label: provider.municipalityName ?? provider.municipalityCode } : null,
  );
  const [isActive, setActive] = useState(provider?.isActive ?? true);
  const { errors, failure, busy, showErrors, save } = useFormSave();

  const submit = async (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (name.trim().length < 2) next.name = t('providers.nameShort');
    if (taxCode.trim() && !/^([0-9]{11}|[A-Za-z0-9]{16})$/.test(taxCode.trim())) next.taxCode = t('providers.taxCodeInvalid');
    const chosenKind = PROVIDER_KINDS.find((k) => k === kind);
    if (!chosenKind) next.kind = t('common:form.required');
    if (Object.keys(next).length || !chosenKind) {
      showErrors(next);
      return;
    }
    const body = {
      name: name.trim(), taxCode: taxCode.trim() || null, kind: chosenKind, email: email.trim() || null, phone: phone.trim() || null,
      address: address.trim() || null, municipalityCode: municipality?.value ?? null, isActive,
    };
    await save(async () => {
      if (provider) await catalogueApi.updateProvider(provider.id, body);
      else await catalogueApi.createProvider(body);
      onSaved();
    });
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="card card-bg p-3 mt-3" aria-labelledby="provider-form-title" data-testid="provider-form">
      <h2 id="provider-form-title" className="h4">{provider ? t('providers.editNamed', { name: provider.name }) : t('providers.new')}</h2>
      <ErrorAlert error={failure} />
      <TextField id="provider-name" label={t('providers.name')} value={name} onChange={setName} error={errors.name} required maxLength={200} />
      <Row>
        <Col xs={12} md={6}>
          <TextField id="provider-tax-code" label={t('providers.taxCode')} hint={t('providers.taxCodeHint')} value={taxCode} onChange={setTaxCode}
            error={errors.taxCode} maxLength={16} spellCheck={false} autoCapitalize="characters" />
        </Col>
        <Col xs={12} md={6}>
          <SelectField id="provider-kind" label={t('providers.kind')} value={kind} placeholder={t('common:form.choose')} required error={errors.kind}
            options={PROVIDER_KINDS.map((k) => ({ value: k, label: t(`providerKinds.${k}`) }))} onChange={setKind} />
        </Col>
        <Col xs={12} md={6}>
          <TextField id="provider-email" type="email" label={t('providers.email')} value={email} onChange={setEmail} error={errors.email} />
        </Col>
        <Col xs={12} md={6}>
          <TextField id="provider-phone" type="tel" label={t('providers.phone')} value={phone} onChange={setPhone} error={errors.phone} />
        </Col>
        <Col xs={12} md={6}>
          <TextField id="provider-address" label={t('providers.address')} value={address} onChange={setAddress} error={errors.address} />
        </Col>
        <Col xs={12} md={6}>
          <MunicipalityPicker id="provider-municipality" label={t('providers.municipality')} selected={municipality} onSelect={setMunicipality} error={errors.municipalityCode} />
        </Col>
      </Row>
      {provider ? <CheckboxField id="provider-active" label={t('providers.isActive')} checked={isActive} onChange={setActive} /> : null}
      <div className="d-flex flex-wrap gap-2 mt-2">
        <Button color="primary" type="submit" disabled={busy} testId="provider-save">{busy ? t('common:actions.saving') : t('common:actions.save')}</Button>
        <Button color="primary" outline type="button" onClick={onCancel}>{t('common:actions.cancel')}</Button>
      </div>
    </form>
  );
}
