import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { systemContext } from '../app/context';
import { closeDeps, type Deps } from '../app/deps';
import { importDepartments } from '../app/departments/import-departments';
import { getDepartmentByCode } from '../app/departments/list-departments';
import { isAppError } from '../app/errors/app-error';
import { runSeed, SEED_PRESETS } from '../app/seed/run-seed';
import { createUser } from '../app/users/create-user';
import { getUserByUsername } from '../app/users/list-users';
import { resetUserPassword } from '../app/users/reset-user-password';
import { ERROR_MESSAGES } from '../api/errors/error-messages';
import { parseDepartmentCsv } from '../channels/import/parse-department-csv';
import { loadConfigFromProcess, type Config } from '../config/env';
import { ROLES } from '../domain/identity/roles';
import { ZCreateUserBody } from '../contracts/user.contract';
import { auditVerifyCommand } from './audit-verify.command';
import { calendarImportCommand, calendarShowCommand } from './calendar.command';
import { openDepsOrExit } from './open-deps';
import { runServer, runWorker } from './serve';

const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

/** Loads configuration or prints every problem and exits 1 (a bad deployment is fixed in one go). */
export const loadConfigOrExit = (): Config => {
  const parsed = loadConfigFromProcess();
  if (parsed.ok) return parsed.config;
  process.stderr.write('配置错误 Configuration errors:\n');
  for (const p of parsed.problems) process.stderr.write(`  - ${p.variable}: ${p.problem}\n`);
  process.exit(1);
};

/** Runs a command with dependencies opened and closed around it; app errors print their code and message. */
const withDeps = async (
  fn: (deps: Deps) => Promise<number | void>,
  options: { migrate?: boolean } = {},
): Promise<void> => {
  const deps = await openDepsOrExit(loadConfigOrExit());
  let code = 0;
  try {
    if (options.migrate !== false) await deps.db.migrate();
    code = (await fn(deps)) ?? 0;
  } catch (e) {
    if (!isAppError(e)) throw e;
    process.stderr.write(`${e.code}: ${ERROR_MESSAGES[e.code]['zh-CN']} ${ERROR_MESSAGES[e.code].en}\n`);
    if (e.details && Object.keys(e.details).length > 0)
      process.stderr.write(`${JSON.stringify(e.details, null, 2)}\n`);
    code = 1;
  } finally {
    await closeDeps(deps);
  }
  process.exitCode = code;
};

const cli = (command: string) => systemContext(`cli:${command}`);

export const buildCli = (): Command => {
  const program = new Command('closeloop')
    .description('Closeloop 投诉与售后质量闭环 — complaint and after-sales quality system')
    .showHelpAfterError();

  program
    .command('serve')
    .description('start the HTTP server (and the job worker, unless JOBS_IN_PROCESS=false)')
    .action(async () => runServer(loadConfigOrExit()));

  program
    .command('worker')
    .description('run background jobs and outbox delivery only (PostgreSQL; run as many as you like)')
    .action(async () => runWorker(loadConfigOrExit()));

  program
    .command('db')
    .description('database commands')
    .command('migrate')
    .description('apply pending migrations')
    .action(() =>
      withDeps(async () => {
        out('migrations applied / 数据库迁移完成');
      }),
    );

  const user = program.command('user').description('user administration');
  user
    .command('create')
    .description('create a staff user; prints the initial password when none is given')
    .requiredOption('--username <username>')
    .requiredOption('--name <displayName>', 'display name, e.g. 李娜')
    .addOption(new Option('--role <role...>', 'one or more roles').choices([...ROLES]).default([]))
    .option('--dept <code...>', 'department codes; the first is primary', [])
    .option('--email <email>')
    .option('--phone <phone>')
    .option('--password <password>', 'initial password (else generated and printed once)')
    .action(
      (opts: {
        username: string;
        name: string;
        role: string[];
        dept: string[];
        email?: string;
        phone?: string;
        password?: string;
      }) =>
        withDeps(async (deps) => {
          const ctx = cli('user-create');
          const departmentIds = [];
          for (const code of opts.dept) departmentIds.push((await getDepartmentByCode(deps, ctx, code)).id);
          // The same contract as POST /api/v1/users: the CLI is another door, not a back door.
          const input = ZCreateUserBody.safeParse({
            username: opts.username,
            displayName: opts.name,
            email: opts.email ?? null,
            phone: opts.phone ?? null,
            roles: opts.role,
            departmentIds,
            password: opts.password,
          });
          if (!input.success) {
            for (const issue of input.error.issues)
              process.stderr.write(`${issue.path.join('.')}: ${issue.message}\n`);
            return 1;
          }
          const { user: created, initialPassword } = await createUser(deps, ctx, input.data);
          out(`created user ${created.username} (${created.id}) roles=${created.roles.join(',') || '-'}`);
          if (initialPassword)
            out(
              `initial password / 初始密码: ${initialPassword}  (must be changed at first login / 首次登录须修改)`,
            );
        }),
    );
  user
    .command('reset-password <username>')
    .description('give a user a new random password (shown once); ends their sessions')
    .option('--reason <reason>')
    .action((username: string, opts: { reason?: string }) =>
      withDeps(async (deps) => {
        const ctx = cli('user-reset-password');
        const found = await getUserByUsername(deps, ctx, username);
        const { temporaryPassword } = await resetUserPassword(
          deps,
          ctx,
          found.id,
          opts.reason ?? 'reset from the command line',
        );
        out(
          `temporary password for ${found.username} / 临时密码: ${temporaryPassword}  (must be changed at next login)`,
        );
      }),
    );

  program
    .command('dept')
    .description('department commands')
    .command('import <csv>')
    .description('create/update departments from a CSV (UTF-8 or GBK): code,name[,name_en][,parent_code]')
    .action((file: string) =>
      withDeps(async (deps) => {
        const parsed = parseDepartmentCsv(readFileSync(file));
        if (parsed.problems.length > 0) {
          for (const p of parsed.problems) process.stderr.write(`${file}: ${p}\n`);
          return 1;
        }
        try {
          const r = await importDepartments(deps, cli('dept-import'), parsed.rows);
          out(
            `departments (${parsed.encoding}): ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged`,
          );
        } catch (e) {
          if (isAppError(e) && e.code === 'DEPARTMENT_IMPORT_INVALID') {
            const rows = (e.details?.rows ?? []) as { line: number; code: string; problem: string }[];
            for (const r of rows) process.stderr.write(`${file}:${r.line}: ${r.code}: ${r.problem}\n`);
            process.stderr.write('nothing was imported / 未导入任何数据\n');
            return 1;
          }
          throw e;
        }
      }),
    );

  program
    .command('audit')
    .description('audit trail commands')
    .command('verify')
    .description('recompute every audit hash chain; exit 1 and name the first broken row if any was changed')
    .option('--anchor <file>', 'check that the chain heads saved by an earlier run still exist unchanged')
    .option(
      '--save-anchor <file>',
      'write the current chain heads to this file (keep it outside the database)',
    )
    .action((opts: { anchor?: string; saveAnchor?: string }) =>
      withDeps((deps) => auditVerifyCommand(deps, opts)),
    );

  const calendar = program
    .command('calendar')
    .description('business calendar: public holidays and make-up working days (调休)');
  calendar
    .command('import <file>')
    .description(
      'import one year of official holidays (holiday-cn JSON, the State Council notice); replaces that year',
    )
    .action((file: string) => withDeps((deps) => calendarImportCommand(deps, file)));
  calendar
    .command('show')
    .description(
      'show working hours, covered and provisional years; with --year, its holidays and make-up days',
    )
    .option('--year <year>', 'list the holidays and make-up working days of this year')
    .action((opts: { year?: string }) => withDeps((deps) => calendarShowCommand(deps, opts)));

  program
    .command('seed')
    .description(`load a preset: ${SEED_PRESETS.map((p) => p.name).join(', ')}`)
    .requiredOption('--preset <name>')
    .option('--demo', 'also load demo data', false)
    .action((opts: { preset: string; demo: boolean }) =>
      withDeps(async (deps) => {
        const report = await runSeed(deps, opts.preset, { demo: opts.demo });
        for (const line of report.lines) out(line);
      }),
    );

  return program;
};

await buildCli().parseAsync(process.argv);
