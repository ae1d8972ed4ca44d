import { DEFAULT_CAPA_POLICY, validateCapaPolicy, type CapaPolicy } from '../../domain/capa/capa-policy';
import type { Permission } from '../../domain/identity/permissions';
import type { Locale } from '../../domain/identity/user';
import { toLocalDateTime } from '../../domain/sla/convert-local-time';
import type { Executor } from '../../db/client';
import type { CapaScope } from '../../db/repos/capa-action.repo';
import { departmentRepo } from '../../db/repos/department.repo';
import { policyRepo } from '../../db/repos/policy.repo';
import { findActiveRoleHolders, userRepo } from '../../db/repos/user.repo';
import { loadComplaintSettings } from '../complaints/complaint-settings';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';

/** What every CAPA use-case decides with: the policy in force, the company's time zone, now and today there. */
export type CapaClock = {
  readonly policy: CapaPolicy;
  readonly timeZone: string;
  readonly now: Date;
  readonly today: string;
};

/** The `capa_policy` in force; the default while none is stored (or a stored one no longer validates). */
export const loadCapaPolicy = async (ex: Executor): Promise<CapaPolicy> => {
  const row = await policyRepo.find(ex, 'capa_policy');
  return row && validateCapaPolicy(row.value).length === 0 ? (row.value as CapaPolicy) : DEFAULT_CAPA_POLICY;
};

export const loadCapaClock = async (deps: Deps, ex: Executor): Promise<CapaClock> => {
  const now = deps.clock.now();
  const { calendar } = await loadComplaintSettings(deps.db, ex);
  return {
    policy: await loadCapaPolicy(ex),
    timeZone: calendar.timeZone,
    now,
    today: toLocalDateTime(calendar.timeZone, now).date,
  };
};

/** The acting user's id, or null for the system (jobs, CLI). */
export const actorIdOf = (ctx: UseCaseContext): string | null =>
  ctx.actor.kind === 'user' ? ctx.actor.userId : null;

export const actorNameOf = (ctx: UseCaseContext): string | null =>
  ctx.actor.kind === 'user' ? ctx.actor.displayName : ctx.actor.kind === 'system' ? ctx.actor.name : null;

/**
 * Which CAPA actions the actor reaches with `permission` (R-SEC-1): company-wide roles all of them; department roles
 * those owned by someone of their departments (with the departments below), and those they own or created.
 */
export const capaScopeOf = (ctx: UseCaseContext, permission: Permission): CapaScope => {
  const scope = assertPermission(ctx.actor, permission);
  if (scope.kind === 'all' || ctx.actor.kind !== 'user') return { kind: 'all' };
  return { kind: 'departments', departmentIds: scope.departmentIds, userId: ctx.actor.userId };
};

/** The owner must be an active user (R-CAPA-1: every action has a named owner). */
export const assertActiveOwner = async (ex: Executor, ownerId: string): Promise<void> => {
  const owner = await userRepo.findById(ex, ownerId);
  if (!owner || owner.status !== 'active') throw new AppError('USER_NOT_FOUND', { ownerId });
};

/** Who an overdue or reopened action is told to, with what the staff alert mail needs (R-CAPA-1, R-CAPA-3). */
export type CapaRecipient = {
  readonly userId: string;
  readonly displayName: string;
  /** Null when the user has none: the mail to them is skipped. */
  readonly email: string | null;
  readonly locale: Locale;
};

const recipientOf = (u: {
  id: string;
  displayName: string;
  email: string | null;
  locale: string;
}): CapaRecipient => ({
  userId: u.id,
  displayName: u.displayName,
  email: u.email,
  locale: u.locale === 'en' ? 'en' : 'zh-CN',
});

/**
 * Who hears of an overdue or reopened action (R-CAPA-1, R-ESC-1 one level up): the owner, and the department
 * manager nearest above the owner's primary department; the quality engineers when nobody manages it.
 */
/**
 * What a CAPA mail quotes of the action (R-CAPA-1, R-CAPA-3): its title and what is to be done, at most 500
 * characters — the reopened and review mails otherwise name only the number.
 */
export const capaSummaryOf = (a: { readonly title: string; readonly description: string }): string =>
  [...`${a.title}：${a.description}`].slice(0, 500).join('');

export const findCapaRecipients = async (ex: Executor, ownerId: string): Promise<CapaRecipient[]> => {
  const owner = await userRepo.findById(ex, ownerId);
  const out: CapaRecipient[] = owner ? [recipientOf(owner)] : [];
  const home = owner?.departments.find((d) => d.isPrimary) ?? owner?.departments[0];
  let manager: CapaRecipient | undefined;
  if (home) {
    const dept = await departmentRepo.findById(ex, home.id);
    const chain = dept ? dept.path.split('/').filter(Boolean).reverse() : [home.id];
    const holders = (await findActiveRoleHolders(ex, 'department_manager', chain)).filter(
      (h) => h.id !== ownerId,
    );
    const nearest = chain.map((d) => holders.find((h) => h.departmentId === d)).find(Boolean);
    if (nearest) manager = recipientOf(nearest);
  }
  if (manager) out.push(manager);
  else
    for (const q of (await findActiveRoleHolders(ex, 'quality_engineer', null)).slice(0, 3))
      if (!out.some((o) => o.userId === q.id)) out.push(recipientOf(q));
  return out;
};
