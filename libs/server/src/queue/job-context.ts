/** What a handler knows about the attempt it runs in, from either driver. */
export interface JobAttempt {
  jobId: string;
  attempt: number;
  maxAttempts: number;
  /** True when a failure now will not be retried: the handler records the final failure. */
  isFinalAttempt: boolean;
}
