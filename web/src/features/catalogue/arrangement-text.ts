import type { TFunction } from 'i18next';
import type { Arrangement } from '../../../../src/features/catalogue/catalogue.schemas.ts';

/** "ASP – ASP Pianura Reno", or only the kind of holder when it has no name of its own. */
export function holderText(t: TFunction<['catalogue', 'common']>, a: Arrangement): string {
  const kind = t(`titleHolders.${a.titleHolder}`);
  return a.titleHolderName && a.titleHolderName !== kind ? `${kind} – ${a.titleHolderName}` : kind;
}

/** "Through a provider: Coop. Sociale Il Ponte", or "Delivered directly". */
export function deliveryText(t: TFunction<['catalogue', 'common']>, a: Arrangement): string {
  const mode = t(`deliveries.${a.delivery}`);
  return a.providers.length ? `${mode}: ${a.providers.map((p) => p.name).join(', ')}` : mode;
}
