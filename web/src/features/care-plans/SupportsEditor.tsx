import { useTranslation } from 'react-i18next';
import { FUNDING_BODIES, SUPPORT_FREQUENCIES, type FundingBody, type SupportFrequency } from '../../../../src/features/care-plans/care-plans.codes.ts';
import type { PlanOptions } from '../../../../src/features/care-plans/care-plans.schemas.ts';
import { formatCents } from '../../../../src/platform/money/euros.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { EditorSection, ItemBox, patch, without, type SectionProps } from './plan-editor-sections.tsx';
import { newKey, type SupportDraft } from './plan-draft.ts';

/** The deliverer chosen by default: the only provider of the arrangement, or direct delivery where it is direct. */
function defaultProvider(service: PlanOptions['services'][number] | undefined): string {
  if (!service) return '';
  if (service.direct) return 'direct';
  return service.providers.length === 1 ? (service.providers[0]?.id ?? '') : '';
}

/** Supports: a service of the catalogue offered in the case's municipality, its deliverer, how much, when, what it costs, who pays. */
export function SupportsEditor({ draft, set, errors, options, monthly }: SectionProps & { options: PlanOptions; monthly: (number | null)[] }) {
  const { t, i18n } = useTranslation(['carePlans', 'catalogue']);
  const list = draft.supports;
  const change = (i: number, value: Partial<SupportDraft>) => { set({ supports: patch(list, i, value) }); };
  const add = () => {
    const first = options.services[0];
    set({
      supports: [
        ...list,
        { key: newKey(), serviceId: first?.id ?? '', providerId: defaultProvider(first), objectiveKey: '', quantity: '', frequency: 'weekly', startDate: draft.periodStart, endDate: draft.periodEnd, cost: '', fundingBody: 'union', notes: '', shared: true },
      ],
    });
  };
  return (
    <EditorSection id="plan-supports" title={t('editor.supports')} about={t('editor.supportsAbout')} addLabel={t('editor.addSupport')} onAdd={add}>
      {list.map((s, i) => {
        const id = `plan-support-${String(i)}`;
        const n = i + 1;
        const path = `supports.${String(i)}`;
        const service = options.services.find((v) => v.id === s.serviceId);
        const deliverers = [...(service?.direct ? [{ value: 'direct', label: t('support.direct') }] : []), ...(service?.providers ?? []).map((p) => ({ value: p.id, label: p.name }))];
        const amount = monthly[i];
        return (
          <ItemBox key={s.key} id={id} legend={t('editor.supportN', { n, name: service?.name ?? '' })} removeLabel={t('editor.removeSupport', { n })} onRemove={() => { set({ supports: without(list, i) }); }}>
            <div className="row">
              <SelectField id={`${id}-service`} className="col-md-6" label={t('support.service')} required value={s.serviceId} options={options.services.map((v) => ({ value: v.id, label: `${v.code} — ${v.name}` }))} onChange={(serviceId) => { change(i, { serviceId, providerId: defaultProvider(options.services.find((v) => v.id === serviceId)) }); }} error={errors[`${path}.serviceId`]} />
              <SelectField id={`${id}-provider`} className="col-md-6" label={t('support.provider')} required placeholder={t('editor.choose')} value={s.providerId} options={deliverers} onChange={(providerId) => { change(i, { providerId }); }} error={errors[`${path}.providerId`]} />
            </div>
            <div className="row">
              <TextField id={`${id}-quantity`} className="col-md-3" label={t('support.quantityIn', { unit: service ? t(`catalogue:units.${service.unit}`) : '' })} hint={t('support.quantityHint')} required inputMode="text" value={s.quantity} onChange={(quantity) => { change(i, { quantity }); }} error={errors[`${path}.quantityHundredths`]} />
              <SelectField id={`${id}-frequency`} className="col-md-3" label={t('support.frequency')} value={s.frequency} options={SUPPORT_FREQUENCIES.map((value) => ({ value, label: t(`frequency.${value}`) }))} onChange={(value) => { change(i, { frequency: value as SupportFrequency }); }} />
              <TextField id={`${id}-cost`} className="col-md-3" label={t('support.unitCost')} hint={t('support.unitCostHint')} required value={s.cost} onChange={(cost) => { change(i, { cost }); }} error={errors[`${path}.unitCostCents`]} />
              <SelectField id={`${id}-funding`} className="col-md-3" label={t('support.fundingBody')} value={s.fundingBody} options={FUNDING_BODIES.map((value) => ({ value, label: t(`funding.${value}`) }))} onChange={(value) => { change(i, { fundingBody: value as FundingBody }); }} />
            </div>
            <div className="row">
              <TextField id={`${id}-start`} className="col-md-3" label={t('support.startDate')} type="date" required value={s.startDate} onChange={(startDate) => { change(i, { startDate }); }} error={errors[`${path}.startDate`]} />
              {s.frequency === 'one_off' ? null : (
                <TextField id={`${id}-end`} className="col-md-3" label={t('support.endDate')} type="date" required value={s.endDate} onChange={(endDate) => { change(i, { endDate }); }} error={errors[`${path}.endDate`]} />
              )}
              <SelectField id={`${id}-objective`} className="col-md-6" label={t('support.objective')} placeholder={t('support.noObjective')} value={s.objectiveKey} options={draft.objectives.map((o, j) => ({ value: o.key, label: `${String(j + 1)}. ${o.description.slice(0, 80)}` }))} onChange={(objectiveKey) => { change(i, { objectiveKey }); }} />
            </div>
            <TextField id={`${id}-notes`} label={t('support.notes')} value={s.notes} onChange={(notes) => { change(i, { notes }); }} maxLength={2000} />
            {s.providerId && s.providerId !== 'direct' ? <CheckboxField id={`${id}-shared`} label={t('support.shared')} checked={s.shared} onChange={(shared) => { change(i, { shared }); }} /> : null}
            <p data-testid={`${id}-monthly`}>{amount === null || amount === undefined ? t('support.incomplete') : t(s.frequency === 'one_off' ? 'support.oneOffAmount' : 'support.monthlyAmount', { amount: formatCents(amount, i18n.language) })}</p>
          </ItemBox>
        );
      })}
    </EditorSection>
  );
}
