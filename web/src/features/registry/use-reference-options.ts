import { useEffect, useMemo, useState } from 'react';
import type { ForeignCountry } from '../../../../src/features/territories/territories.schemas.ts';
import type { Option } from '../../platform/components/SelectField.tsx';
import { countryName, territoriesApi } from '../territories/territories-api.ts';

let countriesPromise: Promise<ForeignCountry[]> | null = null;

function loadCountries(): Promise<ForeignCountry[]> {
  countriesPromise ??= territoriesApi.foreignCountries().catch((error: unknown) => {
    countriesPromise = null;
    throw error;
  });
  return countriesPromise;
}

function regionName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Citizenship choices: Italy first, then the foreign countries' ISO codes, named in the UI language. */
export function useCitizenshipOptions(language: string): Option[] {
  const [countries, setCountries] = useState<ForeignCountry[]>([]);
  useEffect(() => {
    let cancelled = false;
    void loadCountries().then(
      (list) => {
        if (!cancelled) setCountries(list);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, []);
  return useMemo(() => {
    const byIso = new Map<string, string>();
    for (const country of countries) {
      if (/^[A-Z]{2}$/.test(country.iso2) && country.iso2 !== 'IT' && !byIso.has(country.iso2)) {
        byIso.set(country.iso2, countryName(country, language));
      }
    }
    const foreign = [...byIso].map(([value, label]) => ({ value, label }));
    foreign.sort((a, b) => a.label.localeCompare(b.label, language));
    return [{ value: 'IT', label: regionName('IT', language) }, ...foreign];
  }, [countries, language]);
}

const LANGUAGES = ['it', 'en', 'fr', 'de', 'es', 'pt', 'ro', 'sq', 'uk', 'ru', 'pl', 'ar', 'zh', 'hi', 'bn', 'ur', 'pa', 'tl', 'wo', 'sw'];

/** Languages a person may prefer to be addressed in, named in the UI language. */
export function useLanguageOptions(language: string): Option[] {
  return useMemo(() => {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([language], { type: 'language' });
    } catch {
      names = null;
    }
    return LANGUAGES.map((code) => ({ value: code, label: names?.of(code) ?? code }));
  }, [language]);
}
