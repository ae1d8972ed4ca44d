import type { FastifyInstance } from 'fastify';
import type { Department } from '../../src/domain/departments/department';
import type { TestDeps } from '../test-deps';
import { createDepartmentFx, createUserFx, loginFx, type Session } from './identity.factory';

/** A small organisation with one session per role that the complaint journeys need. */
export type ComplaintWorld = {
  readonly depts: { HQ: Department; CS: Department; PROD: Department; QA: Department; GMO: Department };
  readonly users: Record<
    'agent' | 'agent2' | 'manager' | 'manager2' | 'service' | 'gm' | 'engineer' | 'qa',
    { id: string; username: string; session: Session }
  >;
};

/** Logs everybody in again (after a test moved the clock past the session lifetime). */
export const loginAgain = async (app: FastifyInstance, world: ComplaintWorld): Promise<void> => {
  for (const user of Object.values(world.users)) user.session = await loginFx(app, user.username);
};

export const createComplaintWorld = async (deps: TestDeps, app: FastifyInstance): Promise<ComplaintWorld> => {
  const HQ = await createDepartmentFx(deps, 'HQ');
  const CS = await createDepartmentFx(deps, 'CS', HQ);
  const PROD = await createDepartmentFx(deps, 'PROD', HQ);
  const QA = await createDepartmentFx(deps, 'QA', HQ);
  const GMO = await createDepartmentFx(deps, 'GMO', HQ);
  const make = async (
    username: string,
    role: Parameters<typeof createUserFx>[2][number],
    dept: Department,
    email?: string,
  ) => {
    const user = await createUserFx(deps, username, [role], [dept], email ? { email } : {});
    return { id: user.id, username, session: await loginFx(app, username) };
  };
  return {
    depts: { HQ, CS, PROD, QA, GMO },
    users: {
      agent: await make('kefu.li', 'agent', CS),
      agent2: await make('kefu.wang', 'agent', CS),
      manager: await make('prod.mgr', 'department_manager', PROD, 'prod.mgr@example.com'),
      manager2: await make('prod.mgr2', 'department_manager', PROD),
      service: await make('cs.boss', 'service_manager', CS),
      gm: await make('gm.wu', 'general_manager', GMO),
      engineer: await make('eng.zhao', 'engineer', PROD),
      qa: await make('qe.chen', 'quality_engineer', QA),
    },
  };
};

/** A hotline complaint body: foreign matter in a snack, as customers in seed 002 describe it. */
export const hotlineComplaint = (overrides: Record<string, unknown> = {}) => ({
  channel: 'hotline',
  customer: { name: '王女士', phone: '138 1234 5678', type: 'consumer' },
  product: { name: '旺旺雪饼 520g', code: 'XB-520G', batchNo: '20260301A' },
  problem: {
    description: '打开雪饼包装后发现里面有一根头发，孩子差点吃下去，要求退款并道歉。',
    scope: 'single_unit',
  },
  demands: ['refund', 'apology'],
  injury: 'none',
  ...overrides,
});
