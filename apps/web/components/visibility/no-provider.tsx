import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/**
 * Shown instead of "Start scan" when the installation has no LLM provider (or the API said so): how to
 * configure a hosted provider or a local OpenAI-compatible server, and the import as the way around it.
 */
export function NoProviderHelp({ projectId, apiMessage }: { projectId: string; apiMessage?: string }) {
  return (
    <section
      aria-labelledby="no-provider-title"
      className="flex flex-col gap-3 break-words rounded-md border border-danger bg-danger-bg p-4 text-sm text-fg [overflow-wrap:anywhere]"
      data-testid="no-provider"
    >
      <h3 id="no-provider-title" className="text-base font-semibold text-danger">
        No LLM provider is configured
      </h3>
      <p>
        A scan asks real models, so it needs at least one provider. An operator sets it in the environment of
        the API and the worker, then restarts them:
      </p>
      <ul className="flex list-disc flex-col gap-2 pl-5">
        <li>
          <strong>A hosted provider:</strong> set <code>OPENAI_API_KEY</code>, <code>ANTHROPIC_API_KEY</code>{' '}
          or <code>GOOGLE_GENERATIVE_AI_API_KEY</code>. Models are then addressed as{' '}
          <code>openai:gpt-4.1-mini</code>, <code>anthropic:…</code>, <code>google:…</code>.
        </li>
        <li>
          <strong>A local OpenAI-compatible server</strong> such as Ollama or vLLM:{' '}
          <code className="break-all">OPENAI_COMPATIBLE_BASE_URL=http://127.0.0.1:11434/v1</code>,{' '}
          <code>OPENAI_COMPATIBLE_NAME=ollama</code>, <code>OPENAI_COMPATIBLE_MODEL=llama3.2</code>; models
          are then <code>ollama:llama3.2</code>. Local servers cannot search the web.
        </li>
      </ul>
      {apiMessage ? <p className="text-xs text-fg-muted">The API said: {apiMessage}</p> : null}
      <p>
        Until then you can import answers collected elsewhere; they are measured the same way, marked as
        imported.
      </p>
      <div>
        <Link href={`/visibility/import?project=${projectId}`} className={buttonClass('secondary', 'sm')}>
          Import answers
        </Link>
      </div>
    </section>
  );
}
