/** Errors of compensation: proposals, electronic signatures, delegation, execution, cost allocation, ledger. */
export const COMPENSATION_ERROR_CODES = [
  /** No compensation proposal with that id (or not within the actor's scope). */
  'PROPOSAL_NOT_FOUND',
  /** The proposal is no longer waiting for signatures (approved, rejected or superseded). */
  'PROPOSAL_NOT_PENDING',
  /** The signer saw another version of the proposal: it was edited since (R-APR-2). Reload and sign again. */
  'PROPOSAL_STALE',
  /** The complaint is not at a step where a solution can be proposed. */
  'PROPOSAL_NOT_ALLOWED',
  /** A money option below the legal floor or the law's remedy (R-RES-5). */
  'AMOUNT_BELOW_LEGAL_FLOOR',
  /** Cash before verification in a complaint with malicious signals (R-MAL-2). */
  'CASH_BEFORE_VERIFICATION',
  /** Neither the signer's roles nor a delegation in force allow signing the open step (R-APR-1). */
  'SIGNER_NOT_AUTHORIZED',
  /** The proposer cannot sign their own proposal (four eyes). */
  'SELF_APPROVAL_REFUSED',
  /** A rejection (or another act that needs one) came without a reason. */
  'REASON_REQUIRED',
  /** Re-authentication failed: the password is wrong (R-APR-2). */
  'SIGNATURE_REAUTH_FAILED',
  /** The signing challenge is unknown, expired, for another user or proposal, or already used (replay). */
  'SIGNATURE_CHALLENGE_INVALID',
  /** This complaint's solution is under electronic approval: use the compensation endpoints. */
  'SIGNATURE_REQUIRED',
  /** No delegation with that id (or not yours). */
  'DELEGATION_NOT_FOUND',
  /** A delegation to oneself, or a window that ends before it starts or lies in the past. */
  'DELEGATION_INVALID',
  /** No execution task with that id. */
  'TASK_NOT_FOUND',
  /** The task is done or cancelled already. */
  'TASK_NOT_OPEN',
  /** Open execution tasks remain: the solution is not carried out yet (R-RES-9). */
  'EXECUTION_INCOMPLETE',
  /**
   * Cost allocation shares (R-RES-8) that cannot be used: they do not add up to 10 000 bp, one is outside 1..10 000,
   * a party appears twice, or there are none; `details.problem` says which.
   */
  'COST_SHARES_INVALID',
  /** The total to allocate is not a whole, non-negative number of fen. */
  'COST_TOTAL_INVALID',
  /** No total was sent and the ledger has no agreed or paid compensation for the complaint to allocate. */
  'COST_TOTAL_REQUIRED',
  /** No cost allocation row with that id (or its complaint is not within the actor's scope). */
  'COST_ALLOCATION_NOT_FOUND',
  /** The party of that allocation gets no such form (no transfer form for the company or the customer, no deduction notice for an internal department). */
  'COST_FORM_NOT_AVAILABLE',
  /**
   * The 产品质量处理核销申报表 cannot be made yet: no approved proposal, tasks of the agreement still open, or nothing
   * carried out; `details.reason` says which (R-RPT-3, R-RES-9).
   */
  'WRITE_OFF_FORM_NOT_READY',
] as const;

export type CompensationErrorCode = (typeof COMPENSATION_ERROR_CODES)[number];
