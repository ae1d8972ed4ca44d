/** Errors of the batch case workflow: quarantine, the 2-hour investigation, the GM's decision, recall, regulator sampling. */
export const BATCH_CASE_ERROR_CODES = [
  /** No batch case with that id. */
  'BATCH_CASE_NOT_FOUND',
  /** A case for this product, batch and failure mechanism is still open: there is one case, never one per complaint (R-BAT-4). */
  'BATCH_CASE_ALREADY_OPEN',
  /** A complaint to link names another product or batch than the case (R-BAT-4 "confirm product/batch"). */
  'BATCH_CASE_COMPLAINT_MISMATCH',
  /** The case is not at a step where this can be done (e.g. decided already, or closed); `details.status` says where it is. */
  'BATCH_CASE_STATE_INVALID',
  /** The GM cannot decide before quality has filed the investigation (R-BAT-4, R-BAT-5). */
  'BATCH_INVESTIGATION_MISSING',
  /** The investigation of this case is filed already. */
  'BATCH_INVESTIGATION_ALREADY_FILED',
  /** Closing is refused: seal tasks still open, or the recall the GM decided is missing or not completed; `details.reasons`. */
  'BATCH_CASE_NOT_CLOSABLE',
  /** No region to seal: the batch has no shipments and no region was named (R-BAT-4). */
  'SEAL_REGIONS_EMPTY',
  /** No seal task with that id. */
  'SEAL_TASK_NOT_FOUND',
  /** The seal task is done already. */
  'SEAL_TASK_NOT_OPEN',
  /** No recall with that id. */
  'RECALL_NOT_FOUND',
  /** No target with that id in this recall. */
  'RECALL_TARGET_NOT_FOUND',
  /** The recall is completed: targets and report can no longer change. */
  'RECALL_NOT_IN_PROGRESS',
  /** The recall scope reaches no shipment: no batch of the product was shipped to those regions (R-BAT-5). */
  'RECALL_SCOPE_EMPTY',
  /** A recall from a case needs the GM's decision "recall" on that case (R-BAT-5). */
  'RECALL_NOT_DECIDED',
  /** The case has a recall already. */
  'RECALL_ALREADY_EXISTS',
  /** A recall cannot be completed while a target has not been notified (R-BAT-5); `details.targetIds`. */
  'RECALL_TARGETS_NOT_NOTIFIED',
  /** A recovered quantity above what the target received, or recorded before the target was notified. */
  'RECALL_RECOVERY_INVALID',
  /** No regulator sampling with that id. */
  'SAMPLING_NOT_FOUND',
  /** A re-test is requested only once, and only for a sample that was not representative (R-BAT-6). */
  'RETEST_NOT_ALLOWED',
  /** The original report was recorded as handed to the quality department already (R-BAT-6). */
  'ORIGINAL_REPORT_ALREADY_RECORDED',
] as const;

export type BatchCaseErrorCode = (typeof BATCH_CASE_ERROR_CODES)[number];
