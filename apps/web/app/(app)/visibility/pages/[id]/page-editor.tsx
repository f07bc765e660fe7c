'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import { Field, inputClass, SelectField } from '@/components/ui/field';
import { deletePage, redraft, savePage, scoreDraft, setPublished } from '../actions';
import { HealthReportView } from '../health-report';
import type { HealthReport, KnowledgePage, PageEdit } from '../types';

const SCORE_DELAY_MS = 600;

function parseJsonLd(text: string): { value?: Record<string, unknown>[]; error?: string } {
  try {
    const parsed = JSON.parse(text) as unknown;
    const list = Array.isArray(parsed) ? parsed : [parsed];
    if (!list.length || list.some((b) => typeof b !== 'object' || b === null || Array.isArray(b)))
      return { error: 'Expected a JSON object or an array of objects.' };
    return { value: list as Record<string, unknown>[] };
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
}

/** The page editor: every change is scored live (nothing saved until Save); publish and unpublish. */
export function PageEditor({
  initial,
  canEdit,
  canDelete,
}: {
  initial: KnowledgePage;
  canEdit: boolean;
  canDelete: boolean;
}) {
  const [page, setPage] = useState(initial);
  const [title, setTitle] = useState(initial.title);
  const [description, setDescription] = useState(initial.description);
  const [slug, setSlug] = useState(initial.slug);
  const [body, setBody] = useState(initial.body_md);
  const [pageType, setPageType] = useState(initial.page_type);
  const [language, setLanguage] = useState(initial.language);
  const [product, setProduct] = useState(initial.product?.name ?? '');
  const [custom, setCustom] = useState(initial.json_ld_mode === 'custom');
  const [jsonLdText, setJsonLdText] = useState(JSON.stringify(initial.json_ld, null, 2));
  const [report, setReport] = useState<HealthReport | null>(initial.health ?? null);
  const [generated, setGenerated] = useState(initial.json_ld);
  const [jsonLdErrors, setJsonLdErrors] = useState<string[]>([]);
  const [scoring, setScoring] = useState(false);
  const [scoreError, setScoreError] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [pending, start] = useTransition();
  const request = useRef(0);
  const router = useRouter();

  const jsonLd = useMemo(
    () => (custom ? parseJsonLd(jsonLdText) : { value: undefined }),
    [custom, jsonLdText],
  );
  const edit: PageEdit = useMemo(
    () => ({
      title,
      description,
      slug,
      body_md: body,
      page_type: pageType,
      language,
      product: product.trim() ? { name: product.trim() } : null,
      json_ld: custom ? jsonLd.value : null,
    }),
    [title, description, slug, body, pageType, language, product, custom, jsonLd.value],
  );

  useEffect(() => {
    if (custom && jsonLd.error) return;
    const mine = ++request.current;
    setScoring(true);
    const timer = setTimeout(async () => {
      const result = await scoreDraft(page.id, edit);
      if (mine !== request.current) return;
      setScoring(false);
      if (result.ok) {
        setReport(result.data);
        setGenerated(result.data.json_ld);
        setJsonLdErrors(result.data.json_ld_errors.map((e) => e.message));
        setScoreError(null);
      } else setScoreError(result.error);
    }, SCORE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [edit, custom, jsonLd.error, page.id]);

  const save = () =>
    start(async () => {
      if (custom && jsonLd.error) return setMessage({ kind: 'error', text: jsonLd.error });
      const result = await savePage(page.id, edit);
      if (result.ok) {
        setPage(result.data);
        setFields({});
        setMessage({
          kind: 'ok',
          text: result.data.status === 'PUBLISHED' ? 'Saved; the published page is updated.' : 'Saved.',
        });
      } else {
        setFields(result.fields ?? {});
        setMessage({ kind: 'error', text: result.error });
      }
    });
  const publish = (on: boolean) =>
    start(async () => {
      const result = await setPublished(page.id, on);
      if (result.ok) {
        setPage(result.data);
        setMessage({ kind: 'ok', text: on ? 'Published.' : 'Taken off the site; it is a draft again.' });
      } else setMessage({ kind: 'error', text: result.error });
    });
  const draftAgain = () =>
    start(async () => {
      if (!window.confirm('Crawl the sources again and replace this draft? Your edits are lost.')) return;
      const result = await redraft(page.id);
      if (result.ok) router.refresh();
      else setMessage({ kind: 'error', text: result.error });
    });
  const remove = () =>
    start(async () => {
      if (!window.confirm('Delete this page? It is taken off the site at once.')) return;
      const result = await deletePage(page.id);
      if (!result.ok) setMessage({ kind: 'error', text: result.error });
    });

  const dirty =
    title !== page.title ||
    description !== page.description ||
    slug !== page.slug ||
    body !== page.body_md ||
    pageType !== page.page_type ||
    language !== page.language ||
    product !== (page.product?.name ?? '') ||
    custom !== (page.json_ld_mode === 'custom') ||
    (custom && jsonLdText !== JSON.stringify(page.json_ld, null, 2));

  return (
    <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
      <div className="flex flex-col gap-4">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={page.status === 'PUBLISHED' ? 'ok' : 'neutral'}>
            {page.status === 'PUBLISHED' ? 'Published' : 'Draft'}
          </Badge>
          <Badge>
            {page.method === 'llm'
              ? 'AI draft'
              : page.method === 'baseline'
                ? 'Extractive draft (no AI)'
                : 'Written by hand'}
          </Badge>
          {page.status === 'PUBLISHED' ? (
            <>
              <a className="text-sm underline" href={page.url} target="_blank" rel="noreferrer">
                View the page
              </a>
              <a className="text-sm underline" href={page.markdown_url} target="_blank" rel="noreferrer">
                Markdown
              </a>
            </>
          ) : (
            <span className="break-all text-sm text-fg-muted">Will be served at {page.url}</span>
          )}
        </div>
        {message ? <Alert kind={message.kind}>{message.text}</Alert> : null}
        <fieldset disabled={!canEdit || pending} className="flex flex-col gap-3">
          <Field
            label="Title"
            name="title"
            value={title}
            maxLength={120}
            onChange={(e) => setTitle(e.target.value)}
            error={fields.title}
          />
          <Field
            label="Description"
            name="description"
            value={description}
            maxLength={300}
            onChange={(e) => setDescription(e.target.value)}
            error={fields.description}
            hint="Shown under the title and as the meta description (50 to 160 characters reads best)."
          />
          <div className="grid gap-3 sm:grid-cols-3">
            <Field
              label="Slug"
              name="slug"
              value={slug}
              onChange={(e) => setSlug(e.target.value)}
              error={fields.slug}
            />
            <SelectField
              label="Page type"
              name="page_type"
              value={pageType}
              onChange={(e) => setPageType(e.target.value as PageEdit['page_type'])}
            >
              <option value="WebPage">Web page</option>
              <option value="Article">Article</option>
            </SelectField>
            <Field
              label="Language"
              name="language"
              value={language}
              onChange={(e) => setLanguage(e.target.value)}
              error={fields.language}
            />
          </div>
          <Field
            label="Product (optional)"
            name="product"
            value={product}
            onChange={(e) => setProduct(e.target.value)}
            hint="Adds a Product to the structured data; its name must appear on the page."
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="f-body" className="text-sm font-medium">
              Body (Markdown)
            </label>
            <textarea
              id="f-body"
              rows={22}
              className={`${inputClass} font-mono`}
              value={body}
              onChange={(e) => setBody(e.target.value)}
              aria-describedby="f-body-hint"
              aria-invalid={fields.body_md ? true : undefined}
            />
            <p id="f-body-hint" className="text-xs text-fg-muted">
              The title is the page's only H1: use ## and ### headings. A ### heading ending in "?" followed
              by its answer becomes an FAQ entry in the structured data.
            </p>
          </div>
          <Card
            title="Structured data (JSON-LD)"
            description={
              custom
                ? 'Your own JSON-LD: it must describe only what the page shows.'
                : 'Generated from the page as you type.'
            }
          >
            <label className="mb-2 flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={custom}
                onChange={(e) => {
                  setCustom(e.target.checked);
                  if (e.target.checked) setJsonLdText(JSON.stringify(generated, null, 2));
                }}
              />
              Edit the JSON-LD myself
            </label>
            <textarea
              aria-label="JSON-LD"
              rows={12}
              className={`${inputClass} font-mono text-xs`}
              value={custom ? jsonLdText : JSON.stringify(generated, null, 2)}
              readOnly={!custom}
              onChange={(e) => setJsonLdText(e.target.value)}
            />
            {custom && jsonLd.error ? <p className="mt-1 text-xs text-danger">{jsonLd.error}</p> : null}
            {jsonLdErrors.map((e) => (
              <p key={e} className="mt-1 text-xs text-danger">
                {e}
              </p>
            ))}
          </Card>
        </fieldset>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Button onClick={save} disabled={pending || !dirty}>
              Save
            </Button>
            {page.status === 'PUBLISHED' ? (
              <Button variant="secondary" onClick={() => publish(false)} disabled={pending}>
                Unpublish
              </Button>
            ) : (
              <Button
                variant="secondary"
                onClick={() => publish(true)}
                disabled={pending || dirty}
                title={dirty ? 'Save first' : undefined}
              >
                Publish
              </Button>
            )}
            {page.status === 'DRAFT' && page.sources?.length ? (
              <Button variant="secondary" onClick={draftAgain} disabled={pending}>
                Draft again from sources
              </Button>
            ) : null}
            {canDelete ? (
              <Button variant="danger" onClick={remove} disabled={pending}>
                Delete
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      <aside className="flex flex-col gap-4">
        <Card
          title="Health"
          description="Scored on the page exactly as it will be served, with the site's robots.txt and llms.txt."
        >
          {scoreError ? <p className="mb-2 text-sm text-danger">Not scored: {scoreError}</p> : null}
          {report ? (
            <HealthReportView report={report} busy={scoring} />
          ) : (
            <p className="text-sm text-fg-muted">Scoring…</p>
          )}
        </Card>
        {page.sources?.length ? (
          <Card title="Sources">
            <ul className="flex flex-col gap-2 text-sm">
              {page.sources.map((s) => (
                <li key={s.id}>
                  <span className="break-all">{s.url}</span>{' '}
                  <Badge tone={s.status === 'fetched' ? 'ok' : s.status === 'pending' ? 'neutral' : 'danger'}>
                    {s.status}
                  </Badge>
                  {s.error ? <p className="text-xs text-fg-muted">{s.error}</p> : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </aside>
    </div>
  );
}
