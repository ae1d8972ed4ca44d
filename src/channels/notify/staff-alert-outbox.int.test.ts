import { sql } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateOverdueCapaActions } from '../../app/capa/sweep-capa';
import { createCapaAction } from '../../app/capa/create-capa-action';
import { systemContext } from '../../app/context';
import { createUser } from '../../app/users/create-user';
import type { Role } from '../../domain/identity/roles';
import type { Locale } from '../../domain/identity/user';
import type { Department } from '../../domain/departments/department';
import { rowsOf } from '../../db/client';
import { outboxRepo } from '../../db/repos/outbox.repo';
import { startWorker } from '../../jobs/worker';
import { createDepartmentFx, TEST_PASSWORD } from '../../../test/factories/identity.factory';
import { createTestDeps, type TestDeps } from '../../../test/test-deps';
import { buildNotificationHandlers } from './notify-handlers';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture.test-support';

let deps: TestDeps;
let smtp: SmtpCapture;
const ctx = systemContext('staff-alert-test');

beforeAll(async () => {
  smtp = await startSmtpCapture();
  deps = await createTestDeps({
    SMTP_URL: smtp.url,
    MAIL_FROM: 'Closeloop <no-reply@qa.example.com>',
    PUBLIC_URL: 'https://qa.example.com',
  });
  deps.clock.set(new Date('2026-03-05T02:00:00Z')); // Thursday 10:00 in Shanghai
});
afterAll(async () => {
  await deps.close();
  await smtp.close();
});

const user = async (
  username: string,
  role: Role,
  dept: Department,
  extra: { email: string | null; locale: Locale },
) =>
  (
    await createUser(deps, ctx, {
      username,
      displayName: `用户 ${username}`,
      roles: [role],
      departmentIds: [dept.id],
      password: TEST_PASSWORD,
      mustChangePassword: false,
      ...extra,
    })
  ).user;

const overdueAction = async (ownerId: string, title: string) =>
  createCapaAction(deps, ctx, {
    sourceType: 'management_review',
    kind: 'containment',
    title,
    description: '库存全检并隔离可疑批次',
    ownerId,
    dueOn: '2026-03-06',
  });

const mailsTo = async (address: string): Promise<ParsedMail[]> =>
  Promise.all(smtp.received.filter((m) => m.to.includes(address)).map((m) => simpleParser(m.raw)));

describe('CAPA escalations reach the people they name through the outbox (R-CAPA-1, R-ESC-1)', () => {
  it('should e-mail the owner and the manager above, each in their language, when R-CAPA-1 escalates an overdue action', async () => {
    const HQ = await createDepartmentFx(deps, 'HQ');
    const PROD = await createDepartmentFx(deps, 'PROD', HQ);
    const LINE = await createDepartmentFx(deps, 'LINE', PROD);
    const LAB = await createDepartmentFx(deps, 'LAB');
    const QA = await createDepartmentFx(deps, 'QA');
    const owner = await user('eng.smith', 'engineer', LINE, { email: 'smith@factory.example', locale: 'en' });
    const manager = await user('prod.mgr', 'department_manager', PROD, {
      email: 'prod.mgr@factory.example',
      locale: 'zh-CN',
    });
    const labOwner = await user('lab.zhou', 'engineer', LAB, { email: null, locale: 'zh-CN' });
    const qe = await user('qe.chen', 'quality_engineer', QA, {
      email: 'qe.chen@factory.example',
      locale: 'zh-CN',
    });
    const a = await overdueAction(owner.id, '内胆涂层全检');
    const b = await overdueAction(labOwner.id, '实验室复测');

    deps.clock.set(new Date('2026-03-06T16:00:00Z')); // the end of the due day in Shanghai
    expect(await escalateOverdueCapaActions(deps)).toBe(2);
    const events = await rowsOf<{ id: string; aggregate_id: string; payload: { recipients: unknown[] } }>(
      deps.db.reader(),
      sql`select id, aggregate_id, payload from outbox_events where type = 'capa.action_overdue' order by aggregate_id`,
    );
    const eventOf = (id: string) => events.find((e) => e.aggregate_id === id);
    expect(eventOf(a.id)?.payload.recipients).toEqual([
      { userId: owner.id, displayName: '用户 eng.smith', email: 'smith@factory.example', locale: 'en' },
      {
        userId: manager.id,
        displayName: '用户 prod.mgr',
        email: 'prod.mgr@factory.example',
        locale: 'zh-CN',
      },
    ]);
    // Nobody manages LAB: the quality engineers are told instead; the owner without an address is skipped.
    expect(eventOf(b.id)?.payload.recipients).toEqual([
      { userId: labOwner.id, displayName: '用户 lab.zhou', email: null, locale: 'zh-CN' },
      { userId: qe.id, displayName: '用户 qe.chen', email: 'qe.chen@factory.example', locale: 'zh-CN' },
    ]);

    const worker = startWorker(
      deps,
      {
        outboxHandlers: buildNotificationHandlers(deps.config),
        jobHandlers: {},
        recurring: [],
        workerId: 'S',
      },
      false,
    );
    await worker.tick();
    for (const e of events) {
      expect(await outboxRepo.findById(deps.db.reader(), e.id)).toMatchObject({
        status: 'delivered',
        deliveredHandlers: ['notify.staff-alert'],
      });
    }
    expect(smtp.received.map((m) => m.to).sort()).toEqual([
      ['prod.mgr@factory.example'],
      ['qe.chen@factory.example'],
      ['smith@factory.example'],
    ]);

    const eventA = eventOf(a.id)?.id;
    const [toOwner] = await mailsTo('smith@factory.example');
    expect(toOwner?.subject).toBe(`[${a.number}] CAPA action overdue: 内胆涂层全检`);
    expect(toOwner?.text).toContain('was due by 2026-03-07 00:00 (China Standard Time)');
    expect(toOwner?.text).toContain(`Open the CAPA action: https://qa.example.com/capa-actions/${a.id}`);
    expect(toOwner?.messageId).toBe(`<${eventA}.${owner.id}@qa.example.com>`);
    const [toManager] = await mailsTo('prod.mgr@factory.example');
    expect(toManager?.subject).toBe(`【${a.number}】CAPA 措施已超期：内胆涂层全检`);
    expect(toManager?.text).toContain('用户 prod.mgr，您好：');
    expect(toManager?.messageId).toBe(`<${eventA}.${manager.id}@qa.example.com>`);
    const [toQe] = await mailsTo('qe.chen@factory.example');
    expect(toQe?.subject).toBe(`【${b.number}】CAPA 措施已超期：实验室复测`);
    expect(toQe?.text).toContain(`https://qa.example.com/capa-actions/${b.id}`);
  });
});
