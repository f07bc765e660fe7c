import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, seriousViolations, shot } from './support/browser.ts';
import { startFakeIdp } from './support/fake-idp.ts';
import { type Stack, startStack } from './support/servers.ts';
import { startSmtp } from './support/smtp.ts';

const CLIENT = { clientId: 'assay-web', clientSecret: 'test-client-secret', apiAudience: 'assay-api' };
const USER = { email: 'ida.idp@e2e.test', org: 'Identity Labs' };

let idp: Awaited<ReturnType<typeof startFakeIdp>>;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let stack: Stack;
let browser: Browser;
let ctx: BrowserContext;
let page: Page;

/** From the sign-in page through the provider's login form; returns once the browser is back. */
async function signInWithIdp(p: Page, email: string) {
  await p.goto(`${stack.webUrl}/signin`);
  await p.getByRole('link', { name: 'Sign in with Test IdP' }).click();
  await p.waitForURL(`${idp.issuer}/authorize?*`);
  await p.getByLabel('Email').fill(email);
  await p.getByRole('button', { name: 'Continue' }).click();
  await p.waitForURL((url) => url.origin === stack.webUrl && !url.pathname.startsWith('/auth/'));
}

/** The page's own alert (Next.js adds an empty route announcer with role=alert too). */
const errorText = (p: Page) => p.locator('main [role="alert"]').innerText();

beforeAll(async () => {
  idp = await startFakeIdp(CLIENT);
  smtp = await startSmtp();
  stack = await startStack({
    SMTP_URL: smtp.url,
    // The API verifies the id_token the web app forwards: same issuer, audience = the web's client id.
    AUTH_JWKS_URL: idp.jwksUrl,
    AUTH_JWT_ISSUER: idp.issuer,
    AUTH_JWT_AUDIENCE: CLIENT.clientId,
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: CLIENT.clientId,
    OIDC_CLIENT_SECRET: CLIENT.clientSecret,
    OIDC_PROVIDER_NAME: 'Test IdP',
  });
  browser = await launch();
  ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await ctx.newPage();
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  await idp?.close();
  await smtp?.close();
});

describe('Sign-in through an external OpenID Connect provider', () => {
  let transactionCookie: { name: string; value: string; url: string } | undefined;

  it('offers the provider on the sign-in page', async () => {
    await page.goto(`${stack.webUrl}/signin`);
    expect(await page.getByRole('link', { name: 'Sign in with Test IdP' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'signin-idp');
  });

  it('signs a new user in, who creates an organization and sees the dashboard', async () => {
    await page.getByRole('link', { name: 'Sign in with Test IdP' }).click();
    await page.waitForURL(`${idp.issuer}/authorize?*`);
    const authorize = new URL(page.url());
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('scope')).toBe('openid email profile');
    const tx = (await ctx.cookies(`${stack.webUrl}/auth/oidc/callback`)).find((c) => c.name === 'assay_oidc');
    expect(tx?.httpOnly).toBe(true);
    // Encrypted: neither the state nor the PKCE verifier can be read from the cookie.
    expect(tx?.value).not.toContain(authorize.searchParams.get('state'));
    transactionCookie = tx && { name: tx.name, value: tx.value, url: `${stack.webUrl}/auth/oidc/callback` };

    await page.getByLabel('Email').fill(USER.email);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${stack.webUrl}/welcome`);
    expect(await page.getByText(USER.email).count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot(page, 'welcome');
    const cookies = await ctx.cookies(stack.webUrl);
    const session = cookies.find((c) => c.name === 'assay_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.expires).toBeGreaterThan(Date.now() / 1000);
    expect(cookies.find((c) => c.name === 'assay_oidc')).toBeUndefined();

    await page.getByLabel('Organization name').fill(USER.org);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.waitForURL(`${stack.webUrl}/`);
    await expect.poll(() => page.getByRole('heading', { level: 1, name: USER.org }).count()).toBe(1);
    expect(await page.getByTestId('role-badge').innerText()).toBe('owner');
    await shot(page, 'dashboard-idp');
  });

  it('refuses a replayed callback: no transaction in this browser, and the provider refuses the code', async () => {
    const callback = idp.state.callbacks.at(-1)!;
    const other = await browser.newContext();
    try {
      const p = await other.newPage();
      await p.goto(callback);
      expect(new URL(p.url()).searchParams.get('error')).toBe('oidc_state');
      expect(await errorText(p)).toContain('could not be matched to a sign-in started in this browser');

      // Even with the original transaction cookie, the single-use code is refused by the provider.
      await other.addCookies([transactionCookie!]);
      await p.goto(callback);
      expect(new URL(p.url()).searchParams.get('error')).toBe('oidc_exchange');
      expect(await errorText(p)).toContain('refused to complete this sign-in');
      expect(idp.state.refusals).toContain('code already used');
      expect((await other.cookies(stack.webUrl)).some((c) => c.name === 'assay_session')).toBe(false);
    } finally {
      await other.close();
    }
  });

  it('refuses a callback whose state was tampered with', async () => {
    const other = await browser.newContext();
    try {
      const p = await other.newPage();
      // The provider's redirect back is rewritten in flight (redirect hops themselves are not routable).
      await p.route(`${idp.issuer}/authorize`, async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        const response = await route.fetch({ maxRedirects: 0 });
        const back = new URL(response.headers().location);
        back.searchParams.set('state', `${back.searchParams.get('state')}x`);
        return route.fulfill({ status: 302, headers: { location: back.toString() } });
      });
      const refusalsBefore = idp.state.refusals.length;
      await signInWithIdp(p, USER.email);
      expect(new URL(p.url()).pathname).toBe('/signin');
      expect(await errorText(p)).toContain('could not be matched to a sign-in started in this browser');
      expect((await other.cookies(stack.webUrl)).some((c) => c.name === 'assay_session')).toBe(false);
      // Refused before the code was ever exchanged.
      expect(idp.state.refusals.length).toBe(refusalsBefore);
      await shot(p, 'signin-idp-error');
    } finally {
      await other.close();
    }
  });

  it('lets an invited newcomer sign in with the provider and accept the invitation', async () => {
    const invitee = 'newcomer@e2e.test';
    await page.goto(`${stack.webUrl}/members`);
    await page.getByLabel('Email').fill(invitee);
    await page.getByLabel('Role', { exact: true }).selectOption('editor');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    const token = await smtp.inviteToken(invitee);
    const other = await browser.newContext();
    try {
      const p = await other.newPage();
      await p.goto(`${stack.webUrl}/invitations/accept?token=${encodeURIComponent(token)}`);
      await p.waitForURL('**/signin?next=*');
      await p.getByRole('link', { name: 'Sign in with Test IdP' }).click();
      await p.getByLabel('Email').fill(invitee);
      await p.getByRole('button', { name: 'Continue' }).click();
      await p.waitForURL('**/invitations/accept?token=*');
      await p.getByRole('button', { name: 'Accept invitation' }).click();
      await p.waitForURL(`${stack.webUrl}/`);
      await expect.poll(() => p.getByRole('heading', { level: 1, name: USER.org }).count()).toBe(1);
      expect(await p.getByTestId('role-badge').innerText()).toBe('editor');
    } finally {
      await other.close();
    }
  });

  it('signs out here and at the provider', async () => {
    await page.goto(`${stack.webUrl}/`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${stack.webUrl}/signin`);
    const signOut = idp.state.signOuts.at(-1);
    // The id token is the API token here: it must not travel in the sign-out URL.
    expect(signOut?.get('id_token_hint')).toBeNull();
    expect(signOut?.get('client_id')).toBeTruthy();
    expect(signOut?.get('post_logout_redirect_uri')).toBe(`${stack.webUrl}/signin`);
    await page.goto(`${stack.webUrl}/members`);
    expect(new URL(page.url()).pathname).toBe('/signin');
  });

  it('signs a returning user straight into their organization, and out again when the token expires', async () => {
    idp.state.tokenSeconds = 4;
    try {
      await signInWithIdp(page, USER.email);
      expect(new URL(page.url()).pathname).toBe('/');
      await expect.poll(() => page.getByRole('heading', { level: 1, name: USER.org }).count()).toBe(1);
      await page.waitForTimeout(5_000);
      await page.goto(`${stack.webUrl}/members`);
      expect(new URL(page.url()).pathname).toBe('/signin');
    } finally {
      idp.state.tokenSeconds = 300;
    }
  });
});
