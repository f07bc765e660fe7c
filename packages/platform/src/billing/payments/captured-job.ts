import { defineJob, type Platform } from '@assay/core';
import { memberships, organizations, payments, plans, users } from '@assay/db';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { formatMoney } from '../money.ts';

/**
 * Runs after a payment is captured: mails the receipt to the billing contact (or the owners).
 * Keyed by the payment, so a provider's duplicate deliveries enqueue it once.
 */
export const paymentCapturedJob = (platform: Platform) =>
  defineJob({
    name: 'billing.payment_captured',
    queue: 'default',
    payload: z.object({ orgId: z.uuid(), paymentId: z.uuid() }).strict(),
    maxAttempts: 5,
    async handler(payload, ctx) {
      const [row] = await ctx.db
        .select({ payment: payments, org: organizations, planName: plans.name })
        .from(payments)
        .innerJoin(organizations, eq(organizations.id, payments.orgId))
        .innerJoin(plans, eq(plans.id, payments.planId))
        .where(and(eq(payments.orgId, payload.orgId), eq(payments.id, payload.paymentId)));
      if (!row) return { skipped: 'payment not found' };
      const to = row.org.billingEmail
        ? [row.org.billingEmail]
        : (
            await ctx.db
              .select({ email: users.email })
              .from(memberships)
              .innerJoin(users, eq(users.id, memberships.userId))
              .where(and(eq(memberships.orgId, payload.orgId), eq(memberships.role, 'owner')))
          ).map((u) => u.email);
      const amount = formatMoney(row.payment.amount, row.payment.currency);
      for (const address of to) {
        await platform.mailer.send({
          to: address,
          subject: `Payment received: ${amount} for Assay ${row.planName}`,
          text: `We received ${amount} for the ${row.planName} plan of ${row.org.name}.\n\nPayment reference: ${row.payment.providerPaymentId}\nInvoices: ${platform.config.publicWebUrl}/billing\n`,
        });
      }
      return { mailed: to.length };
    },
  });
