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

/** Where an escalation lands for a complaint: its assignee, or the department that owns it (or took it in). */
export type EscalationHome = Pick<Complaint, 'assigneeId' | 'departmentId' | 'intakeDepartmentId'>;
export type RoleHolder = Awaited<ReturnType<typeof findActiveRoleHolders>>[number];

export const toNotificationOwner = (h: {
  id: string;
  displayName: string;
  email: string | null;
  locale: string;
}): NotificationOwner => ({
  userId: h.id,
  displayName: h.displayName,
  email: h.email,
  locale: h.locale === 'en' ? 'en' : 'zh-CN',
});

/**
 * The rule of R-ESC-1 / R-ESC-2, without the database: among the active holders of a role (by user name), the one
 * in the nearest department on `path` (the owning department first, then up the tree); when nobody there holds it,
 * or for company-wide roles (`path` null), the first holder. People in `exclude` are skipped.
 */
export const chooseEscalationHolder = (
  path: readonly string[] | null,
  holders: readonly RoleHolder[],
  exclude: readonly string[] = [],
): RoleHolder | undefined => {
  const eligible = holders.filter((h) => !exclude.includes(h.id));
  const nearest = path
    ? path.map((d) => eligible.find((h) => h.departmentId === d)).find(Boolean)
    : undefined;
  return nearest ?? eligible[0];
};

/** The department and its parents, nearest first (a path is `/root/…/self/`). */
export const departmentChain = (path: string | undefined, id: string): string[] =>
  path ? path.split('/').filter(Boolean).reverse() : [id];

/**
 * Who receives an escalation at `role` for this complaint (R-ESC-1, R-ESC-2): a department manager of the owning
 * department or the nearest one above it (the intake department while nobody owns it yet); for company-wide roles
 * (service manager, GM) any active holder. The assignee level is the assignee. Null when nobody holds the role.
 */
export const findEscalationOwner = async (
  ex: Executor,
  role: string,
  c: EscalationHome,
  exclude: readonly string[] = [],
): Promise<NotificationOwner | null> => {
  if (role === 'assignee') return findOwner(ex, c.assigneeId);
  const home = c.departmentId ?? c.intakeDepartmentId;
  const path =
    role === 'department_manager' && home
      ? departmentChain((await departmentRepo.findById(ex, home))?.path, home)
      : null;
  const chosen = chooseEscalationHolder(path, await findActiveRoleHolders(ex, role, null), exclude);
  return chosen ? toNotificationOwner(chosen) : null;
};

/**
 * Everyone holding a role, as notification owners (at most `limit`): the duty service managers for an
 * after-hours alert (R-INT-5), the general managers who must be informed of a major complaint (R-CLS-3).
 */
export const findRoleOwners = async (ex: Executor, role: string, limit = 5): Promise<NotificationOwner[]> =>
  (await findActiveRoleHolders(ex, role, null))
    .filter((u, i, all) => all.findIndex((x) => x.id === u.id) === i)
    .slice(0, limit)
    .map(toNotificationOwner);

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
