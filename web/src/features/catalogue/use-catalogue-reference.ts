import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedArea, SiussBenefit } from '../../../../src/features/catalogue/catalogue.schemas.ts';
import type { Option } from '../../platform/components/SelectField.tsx';
import { catalogueApi } from './catalogue-api.ts';

type Reference = { needAreas: NeedArea[]; siussBenefits: SiussBenefit[] };
let cached: Promise<Reference> | null = null;

function load(): Promise<Reference> {
  cached ??= Promise.all([catalogueApi.needAreas(), catalogueApi.siussBenefits()]).then(
    ([needAreas, siussBenefits]) => ({ needAreas, siussBenefits }),
    (error: unknown) => {
      cached = null;
      throw error;
    },
  );
  return cached;
}

/** Areas of need and SIUSS benefit codes, loaded once, as options in the reader's language. */
export function useCatalogueReference() {
  const { i18n } = useTranslation();
  const [reference, setReference] = useState<Reference>({ needAreas: [], siussBenefits: [] });
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    let cancelled = false;
    void load().then(
      (loaded) => { if (!cancelled) setReference(loaded); },
      (error: unknown) => { if (!cancelled) setFailure(error); },
    );
    return () => { cancelled = true; };
  }, []);
  const english = i18n.language.startsWith('en');
  const areaLabel = (code: string) => {
    const area = reference.needAreas.find((a) => a.code === code);
    return area ? (english ? area.labelEn : area.labelIt) : code;
  };
  const needAreaOptions: Option[] = reference.needAreas.map((a) => ({ value: a.code, label: english ? a.labelEn : a.labelIt }));
  const siussOptions: Option[] = reference.siussBenefits.map((b) => ({ value: b.code, label: `${b.code} – ${b.description}` }));
  return { ...reference, needAreaOptions, siussOptions, areaLabel, failure };
}
