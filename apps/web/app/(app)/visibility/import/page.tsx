import { Card, EmptyState } from '@/components/ui/card';
import { VisibilityFrame } from '@/components/visibility/frame';
import { ImportPanel } from '@/components/visibility/import-panel';
import { visibilityContext } from '@/lib/visibility-context';

export const metadata = { title: 'Import answers · Visibility · Assay' };

const CSV_EXAMPLE = `prompt,model,date,answer,citations,topic
What is the best CRM for startups?,chatgpt-web,2026-05-01,"1. HubSpot ... 2. Pipedrive ...",https://hubspot.com/pricing | https://g2.com/crm,crm`;

const JSON_EXAMPLE = `[
  {
    "prompt": "What is the best CRM for startups?",
    "model": "chatgpt-web",
    "date": "2026-05-01T10:00:00Z",
    "answer": "1. HubSpot ... 2. Pipedrive ...",
    "citations": ["https://hubspot.com/pricing", { "url": "https://g2.com/crm", "title": "G2" }],
    "topic": "crm"
  }
]`;

export default async function ImportPage({ searchParams }: PageProps<'/visibility/import'>) {
  const v = await visibilityContext(await searchParams);
  return (
    <VisibilityFrame
      v={v}
      title="Import answers"
      description="Answers checked elsewhere (another tool, manual checks) are extracted and measured like scanned ones, marked as imported."
      action="/visibility/import"
    >
      {(project) => (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <Card
            title="Upload"
            description={`Into ${project.name}. One bad row rejects the whole file, with each problem listed.`}
          >
            {v.canEdit ? (
              <ImportPanel projectId={project.id} />
            ) : (
              <EmptyState title="Editors and admins can import">Your role can read the answers.</EmptyState>
            )}
          </Card>
          <Card
            title="Format"
            description="Fields: prompt, model, date (ISO 8601), answer, citations (optional), topic (optional)."
          >
            <h3 className="text-sm font-semibold">CSV</h3>
            <p className="text-xs text-fg-muted">
              A header row; citations are URLs separated by spaces or |.
            </p>
            <pre className="mt-1 whitespace-pre-wrap break-all rounded-md bg-muted p-2 text-xs">
              {CSV_EXAMPLE}
            </pre>
            <h3 className="mt-3 text-sm font-semibold">JSON</h3>
            <p className="text-xs text-fg-muted">An array of answers (or an object with a rows array).</p>
            <pre className="mt-1 whitespace-pre-wrap break-all rounded-md bg-muted p-2 text-xs">
              {JSON_EXAMPLE}
            </pre>
            <p className="mt-2 text-xs text-fg-muted">
              Each answer is linked to the project’s prompt with the same text; new texts become inactive
              prompts.
            </p>
          </Card>
        </div>
      )}
    </VisibilityFrame>
  );
}
