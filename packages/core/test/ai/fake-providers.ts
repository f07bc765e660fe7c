import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AiConfig } from '../../src/ai/providers.ts';
import { type Dialect, errorBody, successBody } from './wire-formats.ts';

/** Keys the fake accepts; a request without the right one gets the provider's 401. */
export const FAKE_KEYS = {
  openai: 'sk-fake-openai-0123456789',
  anthropic: 'sk-ant-fake-0123456789',
  google: 'AIza-fake-google-0123456789',
  compatible: 'fake-compatible-0123456789',
};

export interface FakeRequest {
  dialect: Dialect;
  model: string;
  path: string;
  body: Record<string, unknown>;
  /** Every text the request carries (instructions, messages), joined: for asserting on prompts. */
  prompt: string;
}

/** One scripted answer. `delayMs` holds the response back; the wait ends early if the client goes away. */
export type Reply = { delayMs?: number } & (
  | { json: unknown; inputTokens?: number; outputTokens?: number }
  | { text: string; inputTokens?: number; outputTokens?: number }
  | { status: number; headers?: Record<string, string>; message?: string }
  | { hang: true }
);

export type Handler = (request: FakeRequest) => Reply | Promise<Reply>;

/** `/openai/v1/responses`, `/compatible/v1/chat/completions`, `/anthropic/v1/messages`, `/google/v1beta/models/m:generateContent`. */
function route(method: string | undefined, path: string): { dialect: Dialect; model?: string } | null {
  if (method !== 'POST') return null;
  if (path === '/openai/v1/responses') return { dialect: 'openai-responses' };
  if (path === '/compatible/v1/chat/completions') return { dialect: 'chat-completions' };
  if (path === '/anthropic/v1/messages') return { dialect: 'anthropic' };
  const google = /^\/google\/v1beta\/models\/([^/:]+):generateContent$/.exec(path);
  if (google) return { dialect: 'google', model: decodeURIComponent(google[1]) };
  return null;
}

function authorized(dialect: Dialect, req: IncomingMessage): { ok: boolean; presented: string } {
  const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
  const presented =
    dialect === 'anthropic'
      ? String(req.headers['x-api-key'] ?? '')
      : dialect === 'google'
        ? String(req.headers['x-goog-api-key'] ?? '')
        : bearer;
  const expected = {
    'openai-responses': FAKE_KEYS.openai,
    'chat-completions': FAKE_KEYS.compatible,
    anthropic: FAKE_KEYS.anthropic,
    google: FAKE_KEYS.google,
  }[dialect];
  return { ok: presented === expected, presented };
}

/** Strings under `text`, `content` and `instructions` keys, depth first: the prompt in any of the four shapes. */
function collectText(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) collectText(item, out);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (typeof child === 'string' && ['text', 'content', 'instructions', 'system'].includes(key))
        out.push(child);
      else if (key !== 'text' || typeof child !== 'object') collectText(child, out);
    }
  }
  return out;
}

const readBody = async (req: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export interface FakeProviders {
  url: string;
  /** An AiConfig pointing every provider at this server with the right keys. */
  config(overrides?: Partial<AiConfig>): AiConfig;
  /** Scripts a model: a handler, or replies used in order (the last one repeats). */
  on(model: string, script: Handler | Reply[]): void;
  requests: FakeRequest[];
  requestsFor(model: string): FakeRequest[];
  /** Requests received and not yet answered or disconnected, over all models. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** The most requests for `model` the server ever held at once. */
  maxInFlightFor(model: string): number;
  /** Resolves once `count` requests for `model` have arrived. */
  waitForRequests(model: string, count: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeProviders(): Promise<FakeProviders> {
  const scripts = new Map<string, Handler>();
  const requests: FakeRequest[] = [];
  const waiters: { model: string; count: number; resolve: () => void }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const modelInFlight = new Map<string, number>();
  const modelMaxInFlight = new Map<string, number>();

  const notify = () => {
    for (const waiter of [...waiters]) {
      if (requests.filter((r) => r.model === waiter.model).length >= waiter.count) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };

  const server = createServer(async (req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.once('close', () => {
      inFlight -= 1;
    });
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const matched = route(req.method, path);
    if (!matched) return send(res, 404, { error: { message: `no route ${req.method} ${path}` } });
    const body = await readBody(req);
    const auth = authorized(matched.dialect, req);
    if (!auth.ok) {
      // Echoes the key like some real providers do, so tests can check it never reaches a log.
      return send(res, 401, errorBody(matched.dialect, 401, `Incorrect API key provided: ${auth.presented}`));
    }
    const model = matched.model ?? String(body.model);
    const perModel = (modelInFlight.get(model) ?? 0) + 1;
    modelInFlight.set(model, perModel);
    modelMaxInFlight.set(model, Math.max(modelMaxInFlight.get(model) ?? 0, perModel));
    res.once('close', () => void modelInFlight.set(model, (modelInFlight.get(model) ?? 1) - 1));
    const request: FakeRequest = {
      dialect: matched.dialect,
      model,
      path,
      body,
      prompt: collectText(body).join('\n'),
    };
    requests.push(request);
    notify();
    const handler = scripts.get(model);
    const reply: Reply = handler
      ? await handler(request)
      : { status: 404, message: `the fake has no script for model ${model}` };
    if ('hang' in reply) return;
    if (reply.delayMs) {
      const finished = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), reply.delayMs);
        res.once('close', () => {
          clearTimeout(timer);
          resolve(false);
        });
      });
      if (!finished) return;
    }
    if ('status' in reply) {
      return send(res, reply.status, errorBody(matched.dialect, reply.status, reply.message), reply.headers);
    }
    const text = 'json' in reply ? JSON.stringify(reply.json) : reply.text;
    const usage = { input: reply.inputTokens ?? 10, output: reply.outputTokens ?? 5 };
    send(res, 200, successBody(matched.dialect, { model, text, usage, body, id: randomUUID() }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    config: (overrides = {}) => ({
      openai: { apiKey: FAKE_KEYS.openai, baseUrl: `${url}/openai/v1` },
      anthropic: { apiKey: FAKE_KEYS.anthropic, baseUrl: `${url}/anthropic/v1` },
      google: { apiKey: FAKE_KEYS.google, baseUrl: `${url}/google/v1beta` },
      openaiCompatible: { baseUrl: `${url}/compatible/v1`, apiKey: FAKE_KEYS.compatible, name: 'ollama' },
      ...overrides,
    }),
    on(model, script) {
      if (typeof script === 'function') return void scripts.set(model, script);
      const queue = [...script];
      scripts.set(model, () => (queue.length > 1 ? queue.shift()! : queue[0]));
    },
    requests,
    requestsFor: (model) => requests.filter((r) => r.model === model),
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    maxInFlightFor: (model) => modelMaxInFlight.get(model) ?? 0,
    waitForRequests: (model, count) =>
      new Promise((resolve) => {
        waiters.push({ model, count, resolve });
        notify();
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
