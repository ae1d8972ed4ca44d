import type { Disposal } from '../../domain/capa/decide-disposal';
import type { Tx } from '../../db/client';
import { findContacts } from '../../db/repos/user.repo';
import { qualityEngineers } from '../batch-signals/open-quality-reports';
import { findRoleOwners, toNotificationOwner } from '../complaints/complaint-events';

/**
 * Who must act on a nonconformity disposal after a step, named in its `disposal.*` event so the staff-alert channel
 * mails them (seed 004 §3.3, R-ESC-3): the chief engineers when it waits for their approval or ruling, the author
 * when it was returned, the quality engineers when an objection sends it back for re-investigation. Nobody for the
 * other steps (published, final): the event then carries no recipients.
 */
export const disposalNotice = async (
  tx: Tx,
  d: Disposal,
  reason: string | null,
): Promise<Record<string, unknown>> => {
  const recipients =
    d.status === 'awaiting_approval' || d.status === 'awaiting_ruling'
      ? (await findRoleOwners(tx, 'chief_engineer', 20)).map((o) => ({ ...o, role: 'chief_engineer' }))
      : d.status === 'reinvestigating'
        ? await qualityEngineers(tx)
        : d.status === 'returned' && d.createdBy
          ? [...(await findContacts(tx, [d.createdBy])).values()].map((u) => ({
              ...toNotificationOwner(u),
              role: 'author',
            }))
          : null;
  if (!recipients) return {};
  return {
    recipients,
    decision: d.decision.slice(0, 4000),
    reason: reason?.slice(0, 2000) ?? null,
    summary: `不合格品处置单 Nonconformity disposal ${d.number}: ${d.nonconformity}`.slice(0, 2000),
  };
};
