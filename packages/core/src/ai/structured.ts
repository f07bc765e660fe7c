import {
  JSONParseError,
  type LanguageModelUsage,
  type ModelMessage,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  TypeValidationError,
} from 'ai';

const MAX_ISSUES = 10;

/** The provider answered, but the answer is not the requested JSON. Internal: the client turns it into AiOutputError. */
export class InvalidOutput extends Error {
  readonly text: string | undefined;
  readonly usage: LanguageModelUsage | undefined;
  /** A short, model-readable account of what was wrong. */
  readonly problem: string;

  constructor(text: string | undefined, usage: LanguageModelUsage | undefined, problem: string) {
    super(`invalid model output: ${problem}`);
    this.name = 'InvalidOutput';
    this.text = text;
    this.usage = usage;
    this.problem = problem;
  }
}

interface Issue {
  path?: readonly (PropertyKey | { key: PropertyKey })[];
  message: string;
}

const pathOf = (issue: Issue) =>
  (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.') || '(root)';

function describe(error: NoObjectGeneratedError): string {
  if (!error.text?.trim()) return 'the reply was empty.';
  const cause = error.cause;
  if (JSONParseError.isInstance(cause)) return 'the reply was not valid JSON.';
  if (TypeValidationError.isInstance(cause)) {
    const issues = (cause.cause as { issues?: Issue[] } | undefined)?.issues;
    if (Array.isArray(issues) && issues.length > 0) {
      const lines = issues.slice(0, MAX_ISSUES).map((issue) => `- ${pathOf(issue)}: ${issue.message}`);
      return `the JSON did not match the schema:\n${lines.join('\n')}`;
    }
    return 'the JSON did not match the schema.';
  }
  return 'the reply could not be read as the requested JSON.';
}

/** InvalidOutput for the SDK's "no object" and "no output" errors; undefined for any other error. */
export function toInvalidOutput(error: unknown, usage?: LanguageModelUsage): InvalidOutput | undefined {
  if (NoObjectGeneratedError.isInstance(error))
    return new InvalidOutput(error.text, error.usage, describe(error));
  if (NoOutputGeneratedError.isInstance(error))
    return new InvalidOutput(undefined, usage, 'the reply was empty.');
  return undefined;
}

/** The conversation for the single repair attempt: the prompt, the unusable reply, what was wrong with it. */
export function repairMessages(prompt: string, failure: InvalidOutput): ModelMessage[] {
  const messages: ModelMessage[] = [{ role: 'user', content: prompt }];
  if (failure.text?.trim()) messages.push({ role: 'assistant', content: failure.text });
  messages.push({
    role: 'user',
    content:
      `Your previous reply could not be used: ${failure.problem}\n` +
      'Reply again with only the corrected JSON, matching the required schema exactly.',
  });
  return messages;
}
