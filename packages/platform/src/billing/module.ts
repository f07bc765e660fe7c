import { defineModule } from '@assay/core';
import { registerBillingCli } from './cli.ts';
import { paymentCapturedJob } from './payments/captured-job.ts';
import { billingRoutes } from './routes.ts';
import { expireSubscriptionsJob } from './subscriptions/expire-job.ts';

/** Plans, payments (Razorpay, Stripe), the ledger and invoices. */
export const billingModule = defineModule({
  name: 'billing',
  routes: billingRoutes,
  jobs: (platform) => [paymentCapturedJob(platform), expireSubscriptionsJob(platform)],
  schedules: [
    { key: 'billing.expire-subscriptions', cron: '7 * * * *', job: 'billing.expire_subscriptions' },
  ],
  cli: registerBillingCli,
});
