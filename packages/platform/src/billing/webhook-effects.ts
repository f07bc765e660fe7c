/** What applying one provider event did, for the response, the event row and after-commit work. */
export interface EventEffects {
  outcome: string;
  orgId?: string;
  /** Jobs enqueued in the transaction, dispatched after it commits. */
  jobIds?: string[];
  /** The organization's plan changed: cached limits are dropped after commit. */
  planChanged?: boolean;
}
