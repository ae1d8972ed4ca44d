import type { Tx } from '../../db/client';
import { qualityEngineers } from '../batch-signals/open-quality-reports';

/**
 * Who is told that a batch case opened, and what the alert says (R-BAT-4, R-SLA-11): quality has 2 hours to file the
 * investigation from the moment the case opens, so every quality engineer is named in the `batch.case_opened` event
 * and the staff-alert channel mails them at once (before, they learned it from the board or the overdue escalation).
 */
export const caseOpenedNotice = async (
  tx: Tx,
  c: {
    readonly number: string;
    readonly batchNo: string;
    readonly mechanism: string;
    readonly region: string | null;
  },
) => ({
  recipients: await qualityEngineers(tx),
  summary: `批量案件已立案 Batch case opened: ${c.number} ${c.batchNo} (${c.mechanism}${c.region ? `, ${c.region}` : ''})`,
});
