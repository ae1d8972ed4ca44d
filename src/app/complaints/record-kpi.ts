import type { Complaint } from '../../domain/complaint/complaint';
import type { RuleHit } from '../../domain/shared/rule-hit';
import type { Tx } from '../../db/client';
import { kpiEvents } from '../../db/schema/complaint.table';
import { newId } from '../new-id';
import type { ComplaintSettings } from './complaint-settings';

/**
 * R-KPI-1: a complaint counts against the department that takes the lead on it: −1 for a general complaint,
 * −5 for a major one (points from the KPI policy). Recorded once, when the lead department is first decided;
 * inquiries, suggestions and praise do not count.
 */
export const recordKpiForAssignment = async (
  tx: Tx,
  c: Complaint,
  settings: ComplaintSettings,
  now: Date,
): Promise<RuleHit[]> => {
  if (c.kind !== 'complaint' || !c.departmentId) return [];
  const points = c.major ? settings.kpi.majorComplaint : settings.kpi.generalComplaint;
  await tx.insert(kpiEvents).values({
    id: newId(now.getTime()),
    departmentId: c.departmentId,
    complaintId: c.id,
    kind: c.major ? 'major_complaint' : 'general_complaint',
    points,
    rule: 'R-KPI-1',
    at: now,
  });
  return [{ rule: 'R-KPI-1', detail: `${points} points to the lead department` }];
};
