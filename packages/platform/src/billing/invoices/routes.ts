import {
  afterCursor,
  decodeCursor,
  notFound,
  type Platform,
  pageQuery,
  paginated,
  serviceContext,
  toPage,
} from '@assay/core';
import { invoices, organizations, plans } from '@assay/db';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatMoney } from '../money.ts';
import { textPdf } from './pdf.ts';

export const invoiceView = z.object({
  id: z.uuid(),
  number: z.string(),
  provider: z.enum(['stripe', 'razorpay']),
  plan_id: z.string(),
  amount: z.number(),
  currency: z.enum(['INR', 'USD']),
  status: z.string(),
  period_start: z.string().nullable(),
  period_end: z.string().nullable(),
  created_at: z.string(),
  /** The API path that answers the PDF (ours, or a redirect to the provider's). */
  download_path: z.string(),
  hosted_url: z.string().nullable(),
});

type Row = typeof invoices.$inferSelect;
const toView = (row: Row): z.infer<typeof invoiceView> => ({
  id: row.id,
  number: row.number,
  provider: row.provider,
  plan_id: row.planId,
  amount: row.amount,
  currency: row.currency,
  status: row.status,
  period_start: row.periodStart?.toISOString() ?? null,
  period_end: row.periodEnd?.toISOString() ?? null,
  created_at: row.createdAt.toISOString(),
  download_path: `/v1/billing/invoices/${row.id}/download`,
  hosted_url: row.hostedUrl,
});

export function invoiceRoutes(app: FastifyInstance, platform: Platform) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/billing/invoices',
    {
      config: { permission: 'billing.view' },
      schema: {
        tags: ['billing'],
        summary: 'Invoices, newest first',
        querystring: pageQuery,
        response: { 200: paginated(invoiceView) },
      },
    },
    async (request) => {
      const ctx = serviceContext(request, platform.db);
      const size = request.query['page[size]'];
      const rows = await ctx.db
        .select()
        .from(invoices)
        .where(
          and(
            eq(invoices.orgId, ctx.orgId),
            afterCursor(invoices.createdAt, invoices.id, decodeCursor(request.query['page[cursor]'])),
          ),
        )
        .orderBy(desc(invoices.createdAt), desc(invoices.id))
        .limit(size + 1);
      return toPage(rows, size, toView);
    },
  );
  r.get(
    '/billing/invoices/:id/download',
    {
      config: { permission: 'billing.view' },
      schema: {
        tags: ['billing'],
        summary: "The invoice as PDF (Stripe's own PDF by redirect)",
        params: z.object({ id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const ctx = serviceContext(request, platform.db);
      const [row] = await ctx.db
        .select({ invoice: invoices, org: organizations, planName: plans.name })
        .from(invoices)
        .innerJoin(organizations, eq(organizations.id, invoices.orgId))
        .innerJoin(plans, eq(plans.id, invoices.planId))
        .where(and(eq(invoices.orgId, ctx.orgId), eq(invoices.id, request.params.id)));
      if (!row) throw notFound('Invoice');
      const { invoice } = row;
      if (invoice.pdfUrl?.startsWith('https://')) return reply.redirect(invoice.pdfUrl, 302);
      const pdf = textPdf([
        { text: `Invoice ${invoice.number}`, size: 20 },
        { text: `Status: ${invoice.status}` },
        { text: `Date: ${invoice.createdAt.toISOString().slice(0, 10)}` },
        { text: `Billed to: ${row.org.name}${row.org.billingEmail ? ` <${row.org.billingEmail}>` : ''}` },
        { text: '' },
        { text: `Assay ${row.planName} plan, one month` },
        {
          text: `Amount: ${invoice.currency} ${(invoice.amount / 100).toFixed(2)} (${formatMoney(invoice.amount, invoice.currency).replace(/[^\x20-\x7e]/g, '')})`,
        },
        { text: `Paid through ${invoice.provider}, reference ${invoice.providerInvoiceId}` },
      ]);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="invoice-${invoice.number}.pdf"`)
        .send(pdf);
    },
  );
}
