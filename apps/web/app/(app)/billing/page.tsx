import { AccessDenied } from '@/components/shell/access-denied';
import { Alert } from '@/components/ui/alert';
import { Card, PageHeader } from '@/components/ui/card';
import { formatDate } from '@/components/ui/dates';
import { attempt, load } from '@/lib/api';
import { guard } from '@/lib/guard';
import type { Page } from '@/lib/types';
import { money } from './format';
import { PlanPicker } from './plan-picker';
import { PortalButton } from './portal-button';
import type { BillingAccount, Invoice, Plan } from './types';
import { UsageBars } from './usage-bars';

export const metadata = { title: 'Billing · Assay' };

export default async function BillingPage({
  searchParams,
}: {
  searchParams: Promise<{ checkout?: string }>;
}) {
  const { me, allowed } = await guard('owner');
  if (!allowed) return <AccessDenied needs="owner" role={me.current.role} />;
  const { checkout } = await searchParams;
  const [account, plans, invoices] = await Promise.all([
    attempt(load<BillingAccount>('/v1/billing')),
    attempt(load<{ data: Plan[] }>('/v1/billing/plans')),
    attempt(load<Page<Invoice>>('/v1/billing/invoices?page[size]=50')),
  ]);
  if (!account.data) return <Alert>{account.error}</Alert>;
  const sub = account.data.subscription;
  return (
    <div className="flex flex-col gap-4">
      <PageHeader title="Billing" description="Your plan, this month’s usage, payments and invoices." />
      {checkout === 'success' ? (
        <Alert kind="ok">Checkout complete. Your plan changes as soon as the payment is confirmed.</Alert>
      ) : checkout === 'canceled' ? (
        <Alert kind="info">Checkout canceled; nothing was charged.</Alert>
      ) : null}
      <Card
        title={`Current plan: ${account.data.plan.name}`}
        description={
          sub
            ? `${sub.status === 'active' ? 'Paid' : sub.status} through ${sub.provider === 'stripe' ? 'Stripe' : 'Razorpay'}${
                sub.current_period_end
                  ? `, ${sub.cancel_at_period_end || sub.provider === 'razorpay' ? 'ends' : 'renews'} ${formatDate(sub.current_period_end)}`
                  : ''
              }`
            : 'No paid subscription.'
        }
        actions={
          sub?.provider === 'stripe' && account.data.providers.stripe.configured ? <PortalButton /> : null
        }
      >
        <UsageBars account={account.data} />
      </Card>
      <Card title="Plans">
        {plans.data ? (
          <PlanPicker plans={plans.data.data} account={account.data} />
        ) : (
          <Alert>{plans.error}</Alert>
        )}
      </Card>
      <Card title="Invoices">
        {!invoices.data ? (
          <Alert>{invoices.error}</Alert>
        ) : invoices.data.data.length === 0 ? (
          <p className="text-sm text-fg-muted">No invoices yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-fg-muted">
              <tr>
                <th className="py-1 font-medium">Number</th>
                <th className="py-1 font-medium">Date</th>
                <th className="py-1 font-medium">Plan</th>
                <th className="py-1 font-medium">Amount</th>
                <th className="py-1 font-medium">Status</th>
                <th className="py-1 font-medium">
                  <span className="sr-only">Download</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invoices.data.data.map((inv) => (
                <tr key={inv.id} className="border-t border-border">
                  <td className="py-1.5">{inv.number}</td>
                  <td className="py-1.5">{formatDate(inv.created_at)}</td>
                  <td className="py-1.5">{inv.plan_id}</td>
                  <td className="py-1.5">{money(inv.amount, inv.currency)}</td>
                  <td className="py-1.5">{inv.status}</td>
                  <td className="py-1.5 text-right">
                    <a className="underline" href={`/billing/invoices/${inv.id}`}>
                      Download PDF
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
