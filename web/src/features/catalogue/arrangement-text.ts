import type { TFunction } from 'i18next';
import type { Arrangement } from '../../../../src/features/catalogue/catalogue.schemas.ts';

/** The holder's name when it says what kind of body it is ("Unione Reno Galliera"), else "Ausl – Azienda USL di Bologna". */
export function holderText(t: TFunction<['catalogue', 'common']>, a: Arrangement): string {
  const kind = t(`titleHolders.${a.titleHolder}`);
  if (!a.titleHolderName) return kind;
  return a.titleHolderName.toLowerCase().startsWith(kind.toLowerCase()) ? a.titleHolderName : `${kind} – ${a.titleHolderName}`;
}

/** "Through a provider: Coop. Sociale Il Ponte", or "Delivered directly". */
export function deliveryText(t: TFunction<['catalogue', 'common']>, a: Arrangement): string {
  const mode = t(`deliveries.${a.delivery}`);
  return a.providers.length ? `${mode}: ${a.providers.map((p) => p.name).join(', ')}` : mode;
}
