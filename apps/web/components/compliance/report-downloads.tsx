import { buttonClass } from '@/components/ui/button';

const FORMATS = [
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
  { format: 'pdf', label: 'PDF' },
] as const;

/** Report files, streamed through the web origin with the caller's session. */
export function ReportDownloads({ assessmentId }: { assessmentId: string }) {
  return (
    <>
      {FORMATS.map(({ format, label }) => (
        <a
          key={format}
          href={`/api/compliance/assessments/${assessmentId}/report?format=${format}`}
          download
          className={buttonClass('secondary')}
        >
          Download {label}
        </a>
      ))}
    </>
  );
}
