import { Table } from 'design-react-kit';
import { useId, type ReactNode } from 'react';

type Props = {
  caption: ReactNode;
  /** Hide the caption visually (it still names the table and its scroll region). */
  captionHidden?: boolean;
  size?: 'sm';
  striped?: boolean;
  testId?: string;
  children: ReactNode;
};

/**
 * A captioned table inside a horizontally scrollable region that keyboard users can focus and
 * scroll (WCAG 2.1.1), named by the caption.
 */
export function DataTable({ caption, captionHidden, size, striped, testId, children }: Props) {
  const captionId = useId();
  return (
    <div className="table-responsive" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table size={size} striped={striped} data-testid={testId}>
        <caption id={captionId} className={captionHidden ? 'visually-hidden' : undefined}>
          {caption}
        </caption>
        {children}
      </Table>
    </div>
  );
}
