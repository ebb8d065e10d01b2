/** Settings the disputes application needs, provided by the module from the configuration. */
export interface DisputeSettings {
  /** Days the other party has to respond (DISPUTE_RESPONSE_DAYS). */
  responseDeadlineDays: number;
}

export const DISPUTE_SETTINGS = Symbol('DISPUTE_SETTINGS');
