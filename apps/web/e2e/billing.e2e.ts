import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  paymentEvent,
  razorpayEnv,
  sendRazorpay,
  startRazorpayStub,
} from '../../api/test/billing/support/razorpay-stub.ts';
import { startStripeStub, stripeEnv } from '../../api/test/billing/support/stripe-stub.ts';
import { launch, seriousViolations, shot } from './support/browser.ts';
import { type Stack, startStack } from './support/servers.ts';

let stack: Stack;
let browser: Browser;
let page: Page;
let razorpay: Awaited<ReturnType<typeof startRazorpayStub>>;
let stripe: Awaited<ReturnType<typeof startStripeStub>>;

beforeAll(async () => {
  razorpay = await startRazorpayStub();
  stripe = await startStripeStub();
  stack = await startStack({ ...razorpayEnv(razorpay.url), ...stripeEnv(stripe.url) });
  browser = await launch();
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await ctx.newPage();
  // Generous: the machines running this are shared and often busy.
  page.setDefaultTimeout(40_000);
  // Razorpay's checkout script, replaced by one that "pays" at once and keeps the options it was given.
  await ctx.route('https://checkout.razorpay.com/v1/checkout.js', (route) =>
    route.fulfill({
      contentType: 'application/javascript',
      body: `window.Razorpay = function (o) { window.__razorpay = o; this.open = function () { o.handler({ razorpay_order_id: o.order_id }); }; };`,
    }),
  );
  await ctx.route('https://checkout.stripe.com/**', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: '<title>Stripe Checkout</title><h1>Stripe Checkout</h1>',
    }),
  );
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await razorpay?.close();
  await stripe?.close();
});

describe('Billing, end to end', () => {
  it('shows the plan, usage against quotas and plans priced in both currencies', async () => {
    await page.goto(`${stack.webUrl}/signup`);
    await page.getByLabel('Your name').fill('Bill Owner');
    await page.getByLabel('Email').fill('bill@e2e.test');
    await page.getByLabel('Password').fill('bill-password-123');
    await page.getByLabel('Organization name (optional)').fill('Billing Co');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${stack.webUrl}/`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
    await page.waitForURL('**/billing');
    await page.getByRole('heading', { name: 'Current plan: Free' }).waitFor();
    await page.getByRole('progressbar', { name: 'Compliance assessments used' }).waitFor();
    await page.getByRole('progressbar', { name: 'AI spend used' }).waitFor();
    await page.getByText('$49.00 / month').waitFor();
    await page.getByRole('radio', { name: 'INR' }).check();
    await page.getByText('₹3,999.00 / month').waitFor();
    expect(await page.getByText('No invoices yet.').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'billing');
  });

  it('pays with Razorpay: order, checkout, signed webhook, then the plan and its invoice', async () => {
    await page.getByRole('radio', { name: 'Razorpay' }).check();
    await page.getByRole('button', { name: 'Choose Pro' }).click();
    await page.getByText('Payment received').waitFor();
    const options = (await page.evaluate(() => (window as any).__razorpay)) as {
      order_id: string;
      amount: number;
    };
    expect(options.amount).toBe(399_900);
    expect(razorpay.orders.map((o) => o.id)).toContain(options.order_id);
    const hook = await sendRazorpay(
      stack.apiUrl,
      paymentEvent('payment.captured', {
        id: 'pay_E2e00001',
        order_id: options.order_id,
        amount: options.amount,
        status: 'captured',
      }),
      { eventId: 'evt_e2e_1' },
    );
    expect(hook.body.outcome).toBe('captured');
    await page.reload();
    await page.getByRole('heading', { name: 'Current plan: Pro' }).waitFor();
    await page.getByText('Current plan', { exact: true }).waitFor();
    const link = page.getByRole('link', { name: 'Download PDF' });
    await link.waitFor();
    const pdf = await page.request.get(`${stack.webUrl}${await link.getAttribute('href')}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
  });

  it('sends Stripe payments to the hosted Checkout page', async () => {
    await page.getByRole('radio', { name: 'USD' }).check();
    await page.getByRole('radio', { name: 'Stripe' }).check();
    await page.getByRole('button', { name: 'Choose Business' }).click();
    await page.waitForURL(/^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    expect(await page.title()).toBe('Stripe Checkout');
  });
});
