import { t } from '../shared/i18n.ts';

/** The hash table of a set of evidence, as the report prints it for a request and for an answer. */
export function ReportHashes({ evidence }: { evidence: readonly { kind: string; sha256: string; bytes: number }[] }) {
  return (
    <table class="hashes">
      <thead>
        <tr>
          <th scope="col">{t('report_kind')}</th>
          <th scope="col">SHA-256</th>
          <th scope="col">{t('report_bytes')}</th>
        </tr>
      </thead>
      <tbody>
        {evidence.map((e) => (
          <tr key={e.sha256 + e.kind}>
            <td>{e.kind}</td>
            <td class="mono break">{e.sha256}</td>
            <td>{e.bytes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
