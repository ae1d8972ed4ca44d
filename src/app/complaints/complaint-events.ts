import type { NotificationPayload } from '../../contracts/notification-event.contract';
import type { Complaint } from '../../domain/complaint/complaint';
import type { ComplaintEventType } from '../../domain/complaint/complaint-status';
import type { Executor } from '../../db/client';
import { departmentRepo } from '../../db/repos/department.repo';
import { findActiveRoleHolders, userRepo } from '../../db/repos/user.repo';
import type { DomainEvent } from '../platform/emit-events';

export type NotificationOwner = NonNullable<NotificationPayload['owner']>;

/** The path of the customer's tracking page for a token (the portal; absolute when PUBLIC_URL is set). */
export const trackingPath = (token: string): string => `/portal/track?token=${encodeURIComponent(token)}`;

/** The owner to notify: the assignee, else nobody (owner mail is skipped). */
export const findOwner = async (ex: Executor, userId: string | null): Promise<NotificationOwner | null> => {
  if (!userId) return null;
  const user = await userRepo.findById(ex, userId);
  return user
    ? { userId: user.id, displayName: user.displayName, email: user.email, locale: user.locale }
    : null;
};

/**
 * Who receives an escalation at `role` for this complaint (R-ESC-1, R-ESC-2): a department manager of the owning
 * department or the nearest one above it (the intake department while nobody owns it yet); for company-wide roles
 * (service manager, GM) any active holder. The assignee level is the assignee. Null when nobody holds the role.
 */
export const findEscalationOwner = async (
  ex: Executor,
  role: string,
  c: Complaint,
  exclude: readonly string[] = [],
): Promise<NotificationOwner | null> => {
  if (role === 'assignee') return findOwner(ex, c.assigneeId);
  const home = c.departmentId ?? c.intakeDepartmentId;
  let departments: string[] | null = null;
  if (role === 'department_manager' && home) {
    const dept = await departmentRepo.findById(ex, home);
    departments = dept ? dept.path.split('/').filter(Boolean).reverse() : [home];
  }
  const holders = (await findActiveRoleHolders(ex, role, departments)).filter((h) => !exclude.includes(h.id));
  const nearest = departments
    ? departments.map((d) => holders.find((h) => h.departmentId === d)).find(Boolean)
    : holders[0];
  const chosen =
    nearest ??
    (departments
      ? (await findActiveRoleHolders(ex, role, null)).find((h) => !exclude.includes(h.id))
      : undefined);
  return chosen
    ? {
        userId: chosen.id,
        displayName: chosen.displayName,
        email: chosen.email,
        locale: chosen.locale === 'en' ? 'en' : 'zh-CN',
      }
    : null;
};

/**
 * Everyone holding a role, as notification owners (at most `limit`): the duty service managers for an
 * after-hours alert (R-INT-5), the general managers who must be informed of a major complaint (R-CLS-3).
 */
export const findRoleOwners = async (ex: Executor, role: string, limit = 5): Promise<NotificationOwner[]> =>
  (await findActiveRoleHolders(ex, role, null))
    .filter((u, i, all) => all.findIndex((x) => x.id === u.id) === i)
    .slice(0, limit)
    .map((u) => ({
      userId: u.id,
      displayName: u.displayName,
      email: u.email,
      locale: u.locale === 'en' ? 'en' : 'zh-CN',
    }));

/**
 * One outbox event per lifecycle event (`complaint.<event>`), carrying a snapshot that lets notifications go out
 * without reading the database (R-FUP-1 milestones to the customer, work to owners). Delivery is at-least-once
 * with the event id as the receiver's dedupe key.
 */
export const complaintEvents = (
  c: Complaint,
  types: readonly ComplaintEventType[],
  at: Date,
  extra: { owner: NotificationOwner | null; trackingToken?: string | null; summary?: string | null },
): DomainEvent[] =>
  types.map((type) => {
    const payload: NotificationPayload = {
      complaintId: c.id,
      number: c.number,
      status: c.status,
      eventType: `complaint.${type}`,
      occurredAt: at.toISOString(),
      locale: c.customer.locale,
      customer: { name: c.customer.name, email: c.customer.email, phone: c.customer.phone },
      owner: extra.owner,
      trackingUrl: extra.trackingToken ? trackingPath(extra.trackingToken) : null,
      productName: c.product.name,
      summary: (extra.summary ?? c.problem.description).slice(0, 500) || null,
    };
    return { type: `complaint.${type}`, aggregateType: 'complaint', aggregateId: c.id, payload };
  });
