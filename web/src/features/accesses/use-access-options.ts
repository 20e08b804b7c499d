import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedArea, ServiceSummary } from '../../../../src/features/catalogue/catalogue.schemas.ts';
import { CHANNELS, OUTCOMES, URGENCIES } from '../../../../src/features/accesses/accesses.codes.ts';
import type { Option } from '../../platform/components/SelectField.tsx';
import { accessesApi, loadNeedAreas } from './accesses-api.ts';

/** The coded values as options in the current language. */
export function useCodeOptions() {
  const { t } = useTranslation('accesses');
  return useMemo(
    () => ({
      channels: CHANNELS.map((value) => ({ value, label: t(`channel.${value}`) })),
      outcomes: OUTCOMES.map((value) => ({ value, label: t(`outcome.${value}`) })),
      urgencies: URGENCIES.map((value) => ({ value, label: t(`urgency.${value}`) })),
    }),
    [t],
  );
}

/** The ISTAT areas of need, labelled in the current language. */
export function useNeedAreas(): { options: Option[]; labelOf: (code: string) => string } {
  const { i18n } = useTranslation();
  const [areas, setAreas] = useState<NeedArea[]>([]);
  useEffect(() => {
    void loadNeedAreas().then(setAreas, () => { setAreas([]); });
  }, []);
  return useMemo(() => {
    const english = i18n.language.startsWith('en');
    const label = (area: NeedArea) => (english ? area.labelEn : area.labelIt);
    return {
      options: areas.map((area) => ({ value: area.code, label: label(area) })),
      labelOf: (code: string) => {
        const area = areas.find((a) => a.code === code);
        return area ? label(area) : code;
      },
    };
  }, [areas, i18n.language]);
}

/** Catalogue services for an area of need (all of them when the area has none). */
export function useServices(needArea: string): ServiceSummary[] {
  const [services, setServices] = useState<ServiceSummary[]>([]);
  useEffect(() => {
    let cancelled = false;
    void accessesApi.services().then(
      (all) => {
        if (cancelled) return;
        const forArea = all.filter((s) => s.needAreas.includes(needArea));
        setServices(forArea.length ? forArea : all);
      },
      () => { if (!cancelled) setServices([]); },
    );
    return () => {
      cancelled = true;
    };
  }, [needArea]);
  return services;
}
