import { useTranslation } from 'react-i18next';
import { languages } from './i18n.ts';

/** Two buttons, Italiano / English, each named in its own language; the choice persists. */
export function LanguageSwitch({ className = '' }: { className?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div role="group" aria-label={t('language.label')} className={`language-switch ${className}`}>
      {languages.map((language) => {
        const current = i18n.language === language;
        return (
          <button
            key={language}
            type="button"
            lang={language}
            className={`btn btn-sm language-button ${current ? 'is-current' : ''}`}
            aria-pressed={current}
            data-testid={`lang-${language}`}
            onClick={() => void i18n.changeLanguage(language)}
          >
            {t(`language.${language}`)}
          </button>
        );
      })}
    </div>
  );
}
