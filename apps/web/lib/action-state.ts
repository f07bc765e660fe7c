import type { FieldErrors } from './schemas';

/** What a server action hands back to its form. */
export interface ActionState {
  ok?: boolean;
  message?: string;
  error?: string;
  fields?: FieldErrors;
  /** Any one-time value to show (for example a new API key's secret). */
  secret?: string;
}

export const idle: ActionState = {};
