import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { BrandForm } from '@/components/visibility/brand-form';
import { BulkPromptsForm } from '@/components/visibility/bulk-prompts-form';
import { VisibilityFrame } from '@/components/visibility/frame';
import { ModelSetForm } from '@/components/visibility/model-set-form';
import { NoProviderHelp } from '@/components/visibility/no-provider';
import { PromptForm } from '@/components/visibility/prompt-form';
import { BrandList, ModelSetList, PromptList } from '@/components/visibility/setup-lists';
import { attempt, load } from '@/lib/api';
import type { Page } from '@/lib/types';
import { visibilityContext } from '@/lib/visibility-context';
import type { Brand, ModelSet, Prompt, ProvidersInfo } from '@/lib/visibility-types';

export const metadata = { title: 'Visibility setup · Assay' };

export default async function SetupPage({ searchParams }: PageProps<'/visibility/setup'>) {
  const v = await visibilityContext(await searchParams);
  return (
    <VisibilityFrame
      v={v}
      title="Visibility setup"
      description="Your brand and its competitors, the questions customers ask, and the models to ask them."
      action="/visibility/setup"
    >
      {(project) => <Setup projectId={project.id} canEdit={v.canEdit} canDelete={v.canDelete} />}
    </VisibilityFrame>
  );
}

async function Setup({
  projectId,
  canEdit,
  canDelete,
}: {
  projectId: string;
  canEdit: boolean;
  canDelete: boolean;
}) {
  const q = `project_id=${projectId}&page[size]=100`;
  const [brands, prompts, sets, ai] = await Promise.all([
    attempt(load<Page<Brand>>(`/v1/brands?${q}`)),
    attempt(load<Page<Prompt>>(`/v1/prompts?${q}`)),
    attempt(load<Page<ModelSet>>(`/v1/model-sets?${q}`)),
    attempt(load<ProvidersInfo>('/v1/visibility/providers')),
  ]);
  const own = brands.data?.data.filter((b) => b.owned) ?? [];
  const competitors = brands.data?.data.filter((b) => !b.owned) ?? [];
  const providers = ai.data?.providers ?? null;
  const noProvider = ai.data !== null && !ai.data.configured;
  return (
    <>
      <Card
        title="Your brand"
        description="Mentions of these names count as yours; citations to its domains are owned."
      >
        {brands.error ? (
          <Alert>{brands.error}</Alert>
        ) : (
          <BrandList brands={own} canEdit={canEdit} canDelete={canDelete} label="Your brands" />
        )}
        {canEdit ? (
          <details className="mt-3" open={own.length === 0}>
            <summary className="cursor-pointer text-sm font-medium text-accent">Add your brand</summary>
            <div className="pt-3">
              <BrandForm projectId={projectId} owned />
            </div>
          </details>
        ) : null}
      </Card>
      <Card
        title="Competitors"
        description="Tracked competitors: share of voice and comparisons are computed against them."
      >
        {brands.error ? null : (
          <BrandList brands={competitors} canEdit={canEdit} canDelete={canDelete} label="Competitors" />
        )}
        {canEdit ? (
          <details className="mt-3" open={competitors.length === 0}>
            <summary className="cursor-pointer text-sm font-medium text-accent">Add a competitor</summary>
            <div className="pt-3">
              <BrandForm projectId={projectId} owned={false} />
            </div>
          </details>
        ) : null}
      </Card>
      <Card
        title="Prompts"
        description="Questions as customers ask them; topics group them on the dashboard."
      >
        {prompts.error ? (
          <Alert>{prompts.error}</Alert>
        ) : (
          <PromptList prompts={prompts.data?.data ?? []} canEdit={canEdit} canDelete={canDelete} />
        )}
        {canEdit ? (
          <div className="mt-3 border-t border-border pt-3">
            <PromptForm projectId={projectId} />
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium text-accent">
                Paste several prompts
              </summary>
              <div className="pt-3">
                <BulkPromptsForm projectId={projectId} />
              </div>
            </details>
          </div>
        ) : null}
      </Card>
      <Card
        title="Model sets"
        description="Which models a scan asks, samples per prompt, web search on or off."
      >
        {sets.error ? (
          <Alert>{sets.error}</Alert>
        ) : (
          <ModelSetList sets={sets.data?.data ?? []} canDelete={canDelete} />
        )}
        {canEdit ? (
          <div className="mt-3 border-t border-border pt-3">
            {noProvider ? (
              <NoProviderHelp projectId={projectId} apiMessage={ai.data?.help ?? undefined} />
            ) : (
              <ModelSetForm
                projectId={projectId}
                providers={providers}
                defaultModel={ai.data?.default_model ?? null}
              />
            )}
          </div>
        ) : null}
      </Card>
    </>
  );
}
