/** Thrown by a handler when retrying cannot help (the input refers to something gone): the job ends `failed`. */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}

/** The attempt no longer owns its job (cancelled, or taken over after a stale heartbeat); its effects were not committed. */
export class JobLostError extends Error {
  constructor(jobId: string, run: number) {
    super(`Job ${jobId} run ${run} is no longer running here`);
    this.name = 'JobLostError';
  }
}
