import { Alert, Button } from 'design-react-kit';
import { useCallback, useEffect, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision } from '../../../../src/features/contributions/contributions.codes.ts';
import type { MeetingTeam, PendingContribution } from '../../../../src/features/contributions/contributions.schemas.ts';
import { formatCents } from '../../../../src/platform/money/euros.ts';
import { dayInRome } from '../../../../src/platform/time/rome.ts';
import { useMe } from '../../platform/auth/auth-context.ts';
import { CheckboxField } from '../../platform/components/CheckboxField.tsx';
import { DataTable } from '../../platform/components/DataTable.tsx';
import { ErrorAlert } from '../../platform/components/ErrorAlert.tsx';
import { Loading } from '../../platform/components/Loading.tsx';
import { SelectField } from '../../platform/components/SelectField.tsx';
import { TextAreaField } from '../../platform/components/TextAreaField.tsx';
import { TextField } from '../../platform/components/TextField.tsx';
import { useAction } from '../accesses/use-action.ts';
import { ContributionReason } from './ContributionReason.tsx';
import { contributionsApi } from './contributions-api.ts';

type Choice = { decision: Decision | ''; note: string };

/** The team meeting: date, participants, minutes and one decision per proposed contribution, recorded at once. */
export function TeamMeetingPage() {
  const { t, i18n } = useTranslation('contributions');
  const [pending, setPending] = useState<PendingContribution[] | null>(null);
  const [loadFailure, setLoadFailure] = useState<unknown>(null);
  const [heldOn, setHeldOn] = useState(dayInRome());
  const [others, setOthers] = useState('');
  const me = useMe();
  const [teams, setTeams] = useState<MeetingTeam[]>([]);
  const [teamId, setTeamId] = useState('');
  const [present, setPresent] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [notice, setNotice] = useState('');
  const [nothing, setNothing] = useState(false);
  const { busy, failure, run } = useAction();
  const load = useCallback(() => {
    void contributionsApi.pending().then(setPending, setLoadFailure);
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    void contributionsApi.meetingTeams().then((list) => {
      setTeams(list);
      setTeamId(list[0]?.id ?? '');
    }, setLoadFailure);
  }, []);
  const team = teams.find((x) => x.id === teamId);
  const choose = (id: string, change: Partial<Choice>) => {
    setChoices((current) => ({ ...current, [id]: { decision: '', note: '', ...current[id], ...change } }));
  };
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const decisions = Object.entries(choices).flatMap(([contributionId, c]) => (c.decision ? [{ contributionId, decision: c.decision, note: c.note }] : []));
    setNothing(decisions.length === 0);
    if (decisions.length === 0) return;
    void run(
      () => contributionsApi.recordMeeting({ heldOn, teamId: teamId || null, participantIds: present, otherParticipants: others, note, decisions }),
      (result) => {
        setNotice(t('meeting.saved', { approved: result.approved, rejected: result.rejected, lines: result.paymentLines }));
        setChoices({});
        load();
      },
    );
  };
  return (
    <div data-testid="team-meeting-page">
      <h1>{t('meeting.title')}</h1>
      <p>{t('meeting.about')}</p>
      <div aria-live="polite">{notice ? <Alert color="success" fade={false} testId="meeting-notice">{notice}</Alert> : null}</div>
      <ErrorAlert error={loadFailure ?? failure} testId="meeting-error" />
      <form onSubmit={submit} noValidate>
        <TextField id="meeting-held-on" label={t('meeting.heldOn')} type="date" required value={heldOn} onChange={setHeldOn} />
        {teams.length > 1 ? (
          <SelectField id="meeting-team" label={t('meeting.team')} value={teamId} options={teams.map((x) => ({ value: x.id, label: x.name }))} onChange={(value) => { setTeamId(value); setPresent([]); }} />
        ) : null}
        {team ? (
          <fieldset className="mb-3" data-testid="meeting-members">
            <legend className="h6">{t('meeting.members', { team: team.name })}</legend>
            {team.members.map((m) => (
              <CheckboxField
                key={m.id}
                id={`meeting-member-${m.id}`}
                label={m.displayName}
                hint={m.id === me.id ? t('meeting.recorder') : undefined}
                checked={m.id === me.id || present.includes(m.id)}
                disabled={m.id === me.id}
                onChange={(on) => { setPresent(on ? [...present, m.id] : present.filter((x) => x !== m.id)); }}
              />
            ))}
          </fieldset>
        ) : null}
        <TextField id="meeting-others" label={t('meeting.others')} value={others} onChange={setOthers} maxLength={2000} />
        <TextAreaField id="meeting-note" label={t('meeting.note')} value={note} onChange={setNote} maxLength={4000} />
        {!pending && !loadFailure ? <Loading /> : null}
        {pending?.length === 0 ? <p data-testid="meeting-empty">{t('meeting.empty')}</p> : null}
        {pending && pending.length > 0 ? (
          <DataTable caption={t('meeting.caption')} size="sm" testId="meeting-table">
            <thead>
              <tr>
                <th scope="col">{t('col.beneficiary')}</th>
                <th scope="col">{t('col.case')}</th>
                <th scope="col">{t('col.amount')}</th>
                <th scope="col">{t('col.funding')}</th>
                <th scope="col">{t('col.reason')}</th>
                <th scope="col">{t('col.proposedBy')}</th>
                <th scope="col">{t('col.choice')}</th>
              </tr>
            </thead>
            <tbody>
              {pending.map((c) => {
                const amount = `${formatCents(c.amountCents, i18n.language)}${c.months > 1 ? ` × ${String(c.months)}` : ''}`;
                return (
                  <tr key={c.id} data-testid="meeting-row">
                    <th scope="row">{c.personName}</th>
                    <td>{c.caseNumber}</td>
                    <td className="text-nowrap">{amount}</td>
                    <td>{t(`funding.${c.fundingLine}`)}</td>
                    <td><ContributionReason contribution={c} /></td>
                    <td>{c.proposedBy.displayName}</td>
                    <td>
                      <SelectField
                        id={`decision-${c.id}`}
                        label={t('meeting.decisionFor', { name: c.personName, amount })}
                        value={choices[c.id]?.decision ?? ''}
                        options={[
                          { value: '', label: t('meeting.none') },
                          ...(c.isOwnProposal ? [] : [{ value: 'approve', label: t('meeting.approve') }]),
                          { value: 'reject', label: t('meeting.reject') },
                        ]}
                        hint={c.isOwnProposal ? t('meeting.own') : undefined}
                        onChange={(v) => { choose(c.id, { decision: v as Decision | '' }); }}
                        testId="meeting-decision"
                      />
                      <TextField id={`decision-note-${c.id}`} label={t('meeting.noteFor', { name: c.personName })} value={choices[c.id]?.note ?? ''} onChange={(v) => { choose(c.id, { note: v }); }} maxLength={2000} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        ) : null}
        {nothing ? <p className="text-danger" role="alert">{t('meeting.nothing')}</p> : null}
        <Button color="primary" type="submit" disabled={busy} testId="meeting-submit">{t('meeting.submit')}</Button>
      </form>
    </div>
  );
}
