import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReadabilityResult } from '../../../../src/platform/documents/readability.routes.ts';
import { api } from '../api/api-client.ts';

type Props = {
  /** The Italian text to score: the meter asks the server again 500 ms after the writer stops typing. */
  text: string;
  id: string;
  delayMs?: number;
};

const LONG_SENTENCE = 15;
const BAND_CLASS = { easy: 'success', fairly_easy: 'success', hard: 'warning', very_hard: 'danger' } as const;

/**
 * The Gulpease readability index of the text being written, with its band and, under 60, a warning
 * and the longest sentences to shorten. The result is a polite live region: screen readers hear the
 * new index when the writer pauses, not at every key.
 */
export function ReadabilityMeter({ text, id, delayMs = 500 }: Props) {
  const { t } = useTranslation();
  const [result, setResult] = useState<ReadabilityResult | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api.post<ReadabilityResult>('/readability', { text }, { signal: controller.signal }).then(
        (next) => { setResult(next); setFailed(false); },
        (error: unknown) => { if (!(error instanceof DOMException && error.name === 'AbortError')) setFailed(true); },
      );
    }, delayMs);
    return () => { clearTimeout(timer); controller.abort(); };
  }, [text, delayMs]);

  const titleId = `${id}-title`;
  // Sentences worth shortening: more than LONG_SENTENCE words.
  const long = result?.longestSentences.filter((s) => s.words > LONG_SENTENCE) ?? [];
  return (
    <section aria-labelledby={titleId} className="readability-meter border rounded p-3 mb-3" data-testid={id}>
      <h2 id={titleId} className="h6 mb-2">{t('readability.title')}</h2>
      <div aria-live="polite" aria-atomic="true" data-testid={`${id}-live`}>
        {failed ? <p className="mb-0">{t('readability.unavailable')}</p> : null}
        {!failed && result && result.index === null ? <p className="mb-0">{t('readability.empty')}</p> : null}
        {!failed && result && result.index !== null && result.band ? (
          <>
            <p className="mb-1">
              <strong data-testid={`${id}-index`}>{t('readability.index', { index: Math.round(result.index) })}</strong>{' '}
              <span className={`badge bg-${BAND_CLASS[result.band]} ${result.band === 'hard' ? 'text-dark' : ''}`} data-testid={`${id}-band`}>
                {t(`readability.bands.${result.band}`)}
              </span>
            </p>
            <p className="small mb-1">{t('readability.counts', result.counts)}</p>
            {result.warning ? (
              <div className="alert alert-warning mb-0 mt-2" data-testid={`${id}-warning`}>
                <p className="mb-1">{t('readability.warning')}</p>
                {long.length ? (
                  <>
                    <p className="mb-1 fw-semibold">{t('readability.longest')}</p>
                    <ol className="mb-0 small" data-testid={`${id}-longest`}>
                      {long.map((s, i) => (
                        <li key={`${String(i)}-${s.text.slice(0, 20)}`}>
                          {s.text} <span className="text-muted">({t('readability.words', { count: s.words })})</span>
                        </li>
                      ))}
                    </ol>
                  </>
                ) : null}
              </div>
            ) : null}
          </>
        ) : null}
      </div>
      <p className="small text-muted mb-0 mt-2">{t('readability.about')}</p>
    </section>
  );
}
