import type { UserActor } from '../../../domain/identity/actor';
import { departmentRepo } from '../../../db/repos/department.repo';
import { userRepo } from '../../../db/repos/user.repo';
import type { Deps } from '../../deps';
import { buildUserActor } from '../../identity/build-user-actor';

/** The demo users of the base preset who act in the demo complaints, each as the actor a login would give. */
export type DemoStaff = {
  /** 李娜, customer service East (华东客服组): registers, talks to the customer, follows up. */
  readonly agentEast: UserActor;
  /** 王芳, customer service South (华南客服组). */
  readonly agentSouth: UserActor;
  /** 张伟, service manager: owns major complaints (R-CLS-3), approves, rules. */
  readonly serviceManager: UserActor;
  /** 刘洋, manager of Sales East: owns the region's complaints. */
  readonly eastManager: UserActor;
  /** 陈静, quality engineer: owns quality investigations of the other regions. */
  readonly qualityEngineer: UserActor;
  /** 吴建国, general manager: signs compensation of major complaints (R-APR-1). */
  readonly generalManager: UserActor;
  readonly departmentIds: { readonly cs: string; readonly salesEast: string; readonly qa: string };
};

// The usernames the base preset's demo creates (base-preset.ts).
const USERNAMES = {
  agentEast: 'kefu.li',
  agentSouth: 'kefu.wang',
  serviceManager: 'cs.zhang',
  eastManager: 'east.liu',
  qualityEngineer: 'qe.chen',
  generalManager: 'gm.wu',
} as const;

/** The actor a login of this demo user would give (a session actor, so it may sign, R-APR-2). */
export const loadDemoActor = async (deps: Deps, username: string): Promise<UserActor | undefined> => {
  const ex = deps.db.reader();
  const user = await userRepo.findByUsername(ex, username);
  if (!user || user.status !== 'active') return undefined;
  const departmentIds = user.departments.map((d) => d.id);
  return buildUserActor(
    {
      user: {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        mustChangePassword: false,
      },
      roles: user.roles,
      departmentIds,
      subtreeIds: await departmentRepo.findSubtreeIds(ex, departmentIds),
    },
    { kind: 'session', sessionId: 'seed-demo' },
  );
};

/** The demo staff, or undefined when one of them is missing or disabled (then no demo complaints are made). */
export const loadDemoStaff = async (deps: Deps): Promise<DemoStaff | undefined> => {
  const actors: Partial<Record<keyof typeof USERNAMES, UserActor>> = {};
  for (const [role, username] of Object.entries(USERNAMES) as [keyof typeof USERNAMES, string][]) {
    const actor = await loadDemoActor(deps, username);
    if (!actor) return undefined;
    actors[role] = actor;
  }
  const ex = deps.db.reader();
  const [cs, salesEast, qa] = await Promise.all(
    ['CS', 'SALES-EAST', 'QA'].map((code) => departmentRepo.findByCode(ex, code)),
  );
  const { agentEast, agentSouth, serviceManager, eastManager, qualityEngineer, generalManager } = actors;
  if (
    !cs ||
    !salesEast ||
    !qa ||
    !agentEast ||
    !agentSouth ||
    !serviceManager ||
    !eastManager ||
    !qualityEngineer ||
    !generalManager
  )
    return undefined;
  return {
    agentEast,
    agentSouth,
    serviceManager,
    eastManager,
    qualityEngineer,
    generalManager,
    departmentIds: { cs: cs.id, salesEast: salesEast.id, qa: qa.id },
  };
};
