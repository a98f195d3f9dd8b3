// The receipt after a report: tracking ID and access code, printable. Kept for this tab only.
import { Link, Redirect } from 'wouter';
import { When } from '../../components/ui';
import { useI18n } from '../../i18n';
import { NATIONAL_TIME_ZONE } from '../../time';
import type { Schema } from '../../api/schemas';

type SubmittedComplaint = Schema<'SubmittedComplaintAnswer'>;

const KEY = 'tenggat.receipt';

/** The receipt, and why the evidence files were not attached when they were not. */
export function saveReceipt(receipt: SubmittedComplaint, attachmentError?: string): void {
  sessionStorage.setItem(KEY, JSON.stringify({ ...receipt, attachmentError }));
}

export function ReceiptPage() {
  const { t } = useI18n();
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return <Redirect to="/lapor" />;
  const receipt = JSON.parse(raw) as SubmittedComplaint & { attachmentError?: string };
  return (
    <section className="narrow receipt">
      <h1>{t.citizen.receiptTitle}</h1>
      <p>{t.citizen.receiptIntro}</p>
      <dl className="big">
        <dt>{t.citizen.trackingId}</dt>
        <dd data-testid="tracking-id">{receipt.trackingId}</dd>
        <dt>{t.citizen.accessCode}</dt>
        <dd data-testid="access-code">{receipt.accessCode}</dd>
        <dt>{t.citizen.submittedAt}</dt>
        <dd><When at={receipt.submittedAt} zone={NATIONAL_TIME_ZONE} /></dd>
      </dl>
      {receipt.attachmentError && (
        <p className="error" role="alert">{t.attachments.notAttached} {receipt.attachmentError} {t.attachments.attachLater}</p>
      )}
      <p className="note">{t.citizen.keepCode}</p>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>{t.citizen.print}</button>{' '}
        <Link href={`/lacak?id=${encodeURIComponent(receipt.trackingId)}`}>{t.citizen.trackNow}</Link>
      </p>
    </section>
  );
}
