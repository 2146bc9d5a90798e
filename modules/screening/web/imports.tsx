/**
 * A result file's import as the results page shows it: what it resolved — tubes, members, health
 * codes, inbox items — and the rows refused, each with its line and the server's message in the
 * console's language (the same for a file just sent and one in the list).
 */
import { DataTable } from '@renxing/ui/DataTable';
import type { ImportReject, ImportSummary } from './api.js';
import { useWords, type Word } from './dictionary.js';
import { Figures } from './shared.js';

type After<W, Prefix extends string> = W extends `${Prefix}${infer Rest}` ? Rest : never;
/** A count of an import: its key (its label the word `results.<key>`), its value and its colour. */
type Count = readonly [key: After<Word, 'results.'>, value: number | undefined, tone?: string];

/** The rows read and what became of them. */
export const rowCounts = (i: {
  rows: number;
  accepted: number;
  unchanged: number;
  rejects: readonly unknown[];
}) =>
  [
    ['rows', i.rows],
    ['accepted', i.accepted],
    ['unchanged', i.unchanged],
    ['rejected', i.rejects.length, 'overdue'],
  ] as const satisfies readonly Count[];

/** What the results resolved: tubes, members, health codes and inbox items. */
export const resolvedCounts = (s: ImportSummary) =>
  [
    ['tubesNegative', s.tubes?.negative, 'green'],
    ['tubesPositive', s.tubes?.positive, 'red'],
    ['tubesInvalid', s.tubes?.invalid],
    ['membersNegative', s.members?.negative, 'green'],
    ['membersPositive', s.members?.positive, 'red'],
    ['awaitingRetest', s.members?.awaitingRetest, 'yellow'],
    ['resample', s.members?.resample],
    ['healthCodeChanges', s.healthCodeChanges],
    ['itemsRaised', s.itemsRaised],
    ['itemsClosed', s.itemsClosed],
  ] as const satisfies readonly Count[];

/** Counts as labelled figures. */
export function CountFigures({ counts, testId }: { counts: readonly Count[]; testId?: string }) {
  const { t } = useWords();
  return (
    <Figures
      testId={testId}
      figures={counts.map(([key, value, tone]) => ({ key, label: t(`results.${key}`), value, tone }))}
    />
  );
}

/** Counts in a line, those that are not 0 (a past import in the list). */
export function CountLine({ counts }: { counts: readonly Count[] }) {
  const { t } = useWords();
  const some = counts.filter(([, value]) => value);
  if (some.length === 0) return <>—</>;
  return (
    <ul className="count-line small">
      {some.map(([key, value]) => (
        <li key={key} data-figure={key}>
          {t(`results.${key}`)} <strong>{value?.toLocaleString()}</strong>
        </li>
      ))}
    </ul>
  );
}

/** The rows refused: each line and why, in the console's language. */
export function Rejects({ rejects, testId }: { rejects: readonly ImportReject[]; testId?: string }) {
  const { t, lang } = useWords();
  return (
    <DataTable columns={[t('results.line'), t('results.reason')]} testId={testId}>
      {rejects.map((r) => (
        <tr key={r.line} data-reason={r.reason}>
          <td>{r.line}</td>
          <td>{r.message[lang]}</td>
        </tr>
      ))}
    </DataTable>
  );
}
