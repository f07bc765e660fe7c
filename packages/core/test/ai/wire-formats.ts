/** Response bodies in each provider's own wire format, as the AI SDK's providers parse them. */
export type Dialect = 'openai-responses' | 'chat-completions' | 'anthropic' | 'google';

interface Success {
  model: string;
  text: string;
  usage: { input: number; output: number };
  /** The request, for answers whose shape depends on it (Anthropic's JSON tool). */
  body: Record<string, unknown>;
  id: string;
}

const now = () => Math.floor(Date.now() / 1000);

function openAiResponses({ model, text, usage, id }: Success) {
  return {
    id: `resp_${id}`,
    object: 'response',
    created_at: now(),
    status: 'completed',
    model,
    output: [
      {
        type: 'message',
        id: `msg_${id}`,
        status: 'completed',
        role: 'assistant',
        content: [{ type: 'output_text', text, annotations: [] }],
      },
    ],
    incomplete_details: null,
    usage: {
      input_tokens: usage.input,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: usage.output,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: usage.input + usage.output,
    },
  };
}

function chatCompletions({ model, text, usage, id }: Success) {
  return {
    id: `chatcmpl-${id}`,
    object: 'chat.completion',
    created: now(),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: {
      prompt_tokens: usage.input,
      completion_tokens: usage.output,
      total_tokens: usage.input + usage.output,
    },
  };
}

/** Models without native structured output get a forced `json` tool; the answer then comes as its input. */
function anthropic({ model, text, usage, body, id }: Success) {
  const tools = (body.tools ?? []) as { name?: string }[];
  let toolInput: unknown;
  if (tools.some((tool) => tool.name === 'json')) {
    try {
      toolInput = JSON.parse(text);
    } catch {
      toolInput = undefined;
    }
  }
  const content =
    toolInput !== undefined
      ? [{ type: 'tool_use', id: `toolu_${id}`, name: 'json', input: toolInput }]
      : [{ type: 'text', text }];
  return {
    id: `msg_${id}`,
    type: 'message',
    role: 'assistant',
    model,
    content,
    stop_reason: toolInput !== undefined ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: usage.input, output_tokens: usage.output },
  };
}

function google({ model, text, usage, id }: Success) {
  return {
    candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }],
    usageMetadata: {
      promptTokenCount: usage.input,
      candidatesTokenCount: usage.output,
      totalTokenCount: usage.input + usage.output,
    },
    modelVersion: model,
    responseId: id,
  };
}

export function successBody(dialect: Dialect, success: Success): unknown {
  switch (dialect) {
    case 'openai-responses':
      return openAiResponses(success);
    case 'chat-completions':
      return chatCompletions(success);
    case 'anthropic':
      return anthropic(success);
    case 'google':
      return google(success);
  }
}

const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const ANTHROPIC_TYPE: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

export function errorBody(dialect: Dialect, status: number, message = `fake error ${status}`): unknown {
  if (dialect === 'anthropic') {
    return { type: 'error', error: { type: ANTHROPIC_TYPE[status] ?? 'api_error', message } };
  }
  if (dialect === 'google') {
    return { error: { code: status, message, status: GOOGLE_STATUS[status] ?? 'UNKNOWN' } };
  }
  return {
    error: {
      message,
      type: status === 429 ? 'rate_limit_exceeded' : 'server_error',
      param: null,
      code: null,
    },
  };
}
