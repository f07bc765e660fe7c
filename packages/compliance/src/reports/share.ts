import { AppError, hashToken, newToken, notFound, recordAudit, type ServiceContext } from '@assay/core';
import { type Db, organizations } from '@assay/db';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { complianceAssessments, complianceDocuments, complianceShareLinks } from '../schema.ts';
import type { Finding, ReportModel } from './model.ts';

const SHARE_PREFIX = 'ars_';
type ShareRow = typeof complianceShareLinks.$inferSelect;

export const toShareView = (row: ShareRow) => ({
  id: row.id,
  expires_at: row.expiresAt.toISOString(),
  revoked_at: row.revokedAt?.toISOString() ?? null,
  created_at: row.createdAt.toISOString(),
});

/** A read-only link to a completed assessment. The token is in this answer only. */
export async function createShareLink(
  ctx: ServiceContext,
  assessmentId: string,
  expiresInDays: number,
  webUrl: string,
) {
  const token = newToken(SHARE_PREFIX);
  const row = await ctx.db.transaction(async (tx) => {
    const [assessment] = await tx
      .select({ status: complianceAssessments.status })
      .from(complianceAssessments)
      .where(and(eq(complianceAssessments.orgId, ctx.orgId), eq(complianceAssessments.id, assessmentId)));
    if (!assessment) throw notFound('Assessment');
    if (assessment.status !== 'completed')
      throw new AppError('CONFLICT', 'Only a completed assessment can be shared');
    const [row] = await tx
      .insert(complianceShareLinks)
      .values({
        orgId: ctx.orgId,
        assessmentId,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + expiresInDays * 86_400_000),
        createdBy: ctx.actor.id,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'compliance.report.share',
      targetType: 'compliance_assessment',
      targetId: assessmentId,
      after: { share_id: row.id, expires_at: row.expiresAt.toISOString() },
    });
    return row;
  });
  return { ...toShareView(row), token, url: `${webUrl}/r/${token}` };
}

export async function listShareLinks(ctx: ServiceContext, assessmentId: string) {
  const [assessment] = await ctx.db
    .select({ id: complianceAssessments.id })
    .from(complianceAssessments)
    .where(and(eq(complianceAssessments.orgId, ctx.orgId), eq(complianceAssessments.id, assessmentId)));
  if (!assessment) throw notFound('Assessment');
  const rows = await ctx.db
    .select()
    .from(complianceShareLinks)
    .where(
      and(eq(complianceShareLinks.orgId, ctx.orgId), eq(complianceShareLinks.assessmentId, assessmentId)),
    )
    .orderBy(desc(complianceShareLinks.createdAt));
  return rows.map(toShareView);
}

export async function revokeShareLink(ctx: ServiceContext, assessmentId: string, shareId: string) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(complianceShareLinks)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(complianceShareLinks.orgId, ctx.orgId),
          eq(complianceShareLinks.assessmentId, assessmentId),
          eq(complianceShareLinks.id, shareId),
          isNull(complianceShareLinks.revokedAt),
        ),
      )
      .returning();
    if (!row) throw notFound('Share link');
    await recordAudit(tx, ctx, {
      action: 'compliance.report.unshare',
      targetType: 'compliance_assessment',
      targetId: assessmentId,
      after: { share_id: shareId },
    });
  });
}

/** The report model for an assessment of one organization (the caller has checked access). */
export async function reportModel(db: Db, orgId: string, assessmentId: string): Promise<ReportModel> {
  const [row] = await db
    .select({
      a: complianceAssessments,
      documentName: complianceDocuments.filename,
      organization: organizations.name,
    })
    .from(complianceAssessments)
    .innerJoin(complianceDocuments, eq(complianceDocuments.id, complianceAssessments.documentId))
    .innerJoin(organizations, eq(organizations.id, complianceAssessments.orgId))
    .where(and(eq(complianceAssessments.orgId, orgId), eq(complianceAssessments.id, assessmentId)));
  if (!row) throw notFound('Assessment');
  if (row.a.status !== 'completed') throw new AppError('CONFLICT', 'The assessment has not completed');
  return {
    organization: row.organization,
    documentName: row.documentName,
    assessmentId: row.a.id,
    frameworks: row.a.frameworks,
    engine: row.a.engine,
    completedAt: row.a.completedAt?.toISOString() ?? null,
    summary: (row.a.summary ?? null) as ReportModel['summary'],
    findings: (row.a.findings ?? []) as Finding[],
  };
}

/** Resolves a public share token; expired, revoked or unknown tokens all read as "not found". */
export async function reportForToken(db: Db, token: string): Promise<ReportModel> {
  if (!token.startsWith(SHARE_PREFIX) || token.length > 100) throw notFound('Report');
  const [share] = await db
    .select()
    .from(complianceShareLinks)
    .where(eq(complianceShareLinks.tokenHash, hashToken(token)));
  if (!share || share.revokedAt || share.expiresAt <= new Date()) throw notFound('Report');
  return reportModel(db, share.orgId, share.assessmentId);
}
