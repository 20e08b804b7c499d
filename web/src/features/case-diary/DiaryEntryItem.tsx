import { Badge, Button } from 'design-react-kit';
import { useTranslation } from 'react-i18next';
import type { DiaryEntry, DiaryVersion } from '../../../../src/features/case-diary/case-diary.schemas.ts';
import { formatDateTime } from '../../platform/format.ts';

type Shown = Pick<DiaryVersion, 'kind' | 'occurredAt' | 'minutes' | 'text' | 'internalParticipants' | 'externalParticipants'>;

/** What an entry (or one of its versions) says: when, what, how long, who, and the text. */
export function DiaryEntryBody({ entry }: { entry: Shown }) {
  const { t, i18n } = useTranslation('caseDiary');
  const external = entry.externalParticipants.map((p) => (p.body ? `${p.name} (${p.body})` : p.name));
  return (
    <>
      <p className="mb-1">
        <strong>{formatDateTime(entry.occurredAt, i18n.language)}</strong> · {t(`kind.${entry.kind}`)} · {t('entry.minutes', { count: entry.minutes })}
      </p>
      <p className="small mb-1">
        {t('entry.internal')} {entry.internalParticipants.map((p) => p.displayName).join(', ') || '—'}
        {external.length ? <> · {t('entry.external')} {external.join(', ')}</> : null}
      </p>
      <p className="mb-1" style={{ whiteSpace: 'pre-wrap' }}>{entry.text}</p>
    </>
  );
}

type Props = { entry: DiaryEntry; onCorrect: (entry: DiaryEntry) => void; onHistory: (entry: DiaryEntry) => void };

/** One current entry with its author, the mark of a correction and the actions the user may take. */
export function DiaryEntryItem({ entry, onCorrect, onHistory }: Props) {
  const { t, i18n } = useTranslation('caseDiary');
  const when = formatDateTime(entry.occurredAt, i18n.language);
  return (
    <li className="border-start border-3 ps-3 pb-3" data-testid="diary-entry">
      <DiaryEntryBody entry={entry} />
      <p className="small text-muted mb-1">
        {t('entry.author', { name: entry.author.displayName })}
        {entry.correctedAt ? <> <Badge color="warning" className="ms-1" testId="diary-corrected">{t('entry.corrected', { version: entry.version })}</Badge> {t('entry.correctedBy', { name: entry.correctedBy?.displayName ?? '', at: formatDateTime(entry.correctedAt, i18n.language) })}</> : null}
      </p>
      <div className="d-flex gap-2">
        {entry.canCorrect ? (
          <Button color="secondary" outline size="xs" type="button" onClick={() => { onCorrect(entry); }} testId="diary-correct">
            {t('entry.correct')}<span className="visually-hidden"> {t('entry.which', { when })}</span>
          </Button>
        ) : null}
        {entry.canSeeHistory && entry.version > 1 ? (
          <Button color="secondary" outline size="xs" type="button" onClick={() => { onHistory(entry); }} testId="diary-history">
            {t('entry.history')}<span className="visually-hidden"> {t('entry.which', { when })}</span>
          </Button>
        ) : null}
      </div>
    </li>
  );
}
