import type { Role } from '../../domain/identity/roles';
import type { UserId } from '../../domain/shared/brand';
import { departmentRepo } from '../../db/repos/department.repo';
import { userRepo } from '../../db/repos/user.repo';
import { appendAudit, type AuditEntry } from '../audit/append-audit';
import { systemContext } from '../context';
import type { Deps } from '../deps';
import { importDepartments, type DepartmentImportRow } from '../departments/import-departments';
import { newId } from '../new-id';
import { hashPassword, randomPassword } from '../secrets';
import type { SeedPreset, SeedReport } from './seed-preset';

/** A typical organisation chart of a Chinese manufacturer (code, 中文, English, parent). */
const DEMO_DEPARTMENTS: readonly [string, string, string, string | null][] = [
  ['HQ', '总公司', 'Head office', null],
  ['GMO', '总经办', "General manager's office", 'HQ'],
  ['CS', '客服部', 'Customer service', 'HQ'],
  ['CS-EAST', '华东客服组', 'Customer service East', 'CS'],
  ['CS-SOUTH', '华南客服组', 'Customer service South', 'CS'],
  ['QA', '品质部', 'Quality', 'HQ'],
  ['ENG', '工程部', 'Engineering', 'HQ'],
  ['PROD', '生产部', 'Production', 'HQ'],
  ['PROD-W1', '一车间', 'Workshop 1', 'PROD'],
  ['PROD-W2', '二车间', 'Workshop 2', 'PROD'],
  ['FIN', '财务部', 'Finance', 'HQ'],
  ['SALES', '销售中心', 'Sales centre', 'HQ'],
  ['SALES-EAST', '华东大区', 'Sales East', 'SALES'],
  ['SALES-SOUTH', '华南大区', 'Sales South', 'SALES'],
  ['IT', '信息部', 'IT', 'HQ'],
];

/** One demo user per role (username, 姓名, role, department code). */
export const DEMO_USERS: readonly [string, string, Role, string][] = [
  ['kefu.li', '李娜', 'agent', 'CS-EAST'],
  ['kefu.wang', '王芳', 'agent', 'CS-SOUTH'],
  ['cs.zhang', '张伟', 'service_manager', 'CS'],
  ['east.liu', '刘洋', 'department_manager', 'SALES-EAST'],
  ['qe.chen', '陈静', 'quality_engineer', 'QA'],
  ['eng.zhao', '赵磊', 'engineer', 'ENG'],
  ['prod.sun', '孙强', 'production', 'PROD-W1'],
  ['fin.zhou', '周敏', 'finance', 'FIN'],
  ['biz.he', '何勇', 'business_manager', 'SALES'],
  ['sales.lin', '林芳', 'sales_centre', 'SALES'],
  ['gm.wu', '吴建国', 'general_manager', 'GMO'],
  ['chief.ma', '马涛', 'chief_engineer', 'ENG'],
  ['audit.zheng', '郑丽', 'supervisor', 'GMO'],
];

/**
 * The `base` preset: the root department; with `demo`, a full organisation chart and one user per role,
 * all sharing one random password that is reported once. Re-running it changes nothing that exists.
 */
export const basePreset: SeedPreset = {
  name: 'base',
  description: {
    'zh-CN': '基础组织架构（演示数据含部门树与各角色用户）',
    en: 'Base organisation (demo: department tree and one user per role)',
  },
  async apply(deps: Deps, options: { demo: boolean }): Promise<SeedReport> {
    const ctx = systemContext(`seed:base${options.demo ? ':demo' : ''}`);
    const rows: DepartmentImportRow[] = (options.demo ? DEMO_DEPARTMENTS : DEMO_DEPARTMENTS.slice(0, 1)).map(
      ([code, name, nameEn, parentCode], i) => ({ line: i + 1, code, name, nameEn, parentCode }),
    );
    const departments = await importDepartments(deps, ctx, rows, 'createMissing');
    if (!options.demo) return { lines: [`departments: ${departments.created} created`] };

    const password = randomPassword();
    const passwordHash = await hashPassword(password);
    const now = deps.clock.now();
    const created = await deps.db.transaction(async (tx) => {
      const audit: AuditEntry[] = [];
      for (const [username, displayName, role, deptCode] of DEMO_USERS) {
        if (await userRepo.usernameExists(tx, username)) continue;
        const dept = await departmentRepo.findByCode(tx, deptCode);
        const id = newId(now.getTime()) as UserId;
        await userRepo.insert(tx, {
          id,
          username,
          displayName,
          email: `${username}@example.com`,
          phone: null,
          locale: 'zh-CN',
          timeZone: deps.config.defaultTimeZone,
          status: 'active',
          mustChangePassword: false,
          passwordHash,
          passwordChangedAt: now,
          createdAt: now,
          updatedAt: now,
          version: 1,
        });
        await userRepo.replaceRoles(tx, id, [role]);
        // Hotline agents of a regional team also belong to customer service itself, where the portal's
        // complaints land (intake policy), so they see those too.
        const cs = role === 'agent' ? await departmentRepo.findByCode(tx, 'CS') : undefined;
        if (dept) await userRepo.replaceDepartments(tx, id, cs ? [dept.id, cs.id] : [dept.id]);
        audit.push({
          entityType: 'user',
          entityId: id,
          action: 'user.created',
          after: { username, roles: [role], department: deptCode },
          reason: 'demo data',
        });
      }
      await appendAudit(tx, ctx, now, audit);
      return audit.length;
    });
    return {
      lines: [
        `departments: ${departments.created} created, ${departments.updated} updated, ${departments.unchanged} unchanged`,
        `demo users: ${created} created${created > 0 ? ` (${DEMO_USERS.map((u) => u[0]).join(', ')}), password: ${password}` : ''}`,
      ],
      demoPassword: created > 0 ? password : undefined,
    };
  },
};
