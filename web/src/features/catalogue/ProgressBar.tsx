/** A labelled bootstrap-italia progress bar; without a fraction it shows an indeterminate bar. */
export function ProgressBar({ label, fraction, testId }: { label: string; fraction: number | null; testId?: string }) {
  const percent = fraction === null ? null : Math.round(fraction * 100);
  return (
    <div className="my-3" data-testid={testId}>
      <p className="mb-1">{label}</p>
      <div className={`progress ${percent === null ? 'progress-indeterminate' : ''}`}>
        <div
          className="progress-bar"
          role="progressbar"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={100}
          {...(percent === null ? {} : { 'aria-valuenow': percent, style: { width: `${percent}%` } })}
        />
      </div>
    </div>
  );
}
