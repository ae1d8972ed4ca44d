import { COMPLAINT_NUMBER_PATTERN } from '../../src/domain/complaint/complaint';
import { computeGrants } from '../../src/domain/identity/compute-grants';
import { isRole } from '../../src/domain/identity/roles';
import { normaliseCustomerPhone } from '../../src/domain/reference/normalise-customer-phone';
import { buildSearchQuery } from '../../src/domain/search/build-search-terms';
import type { QueueFilter } from '../../src/db/repos/complaint-queue.repo';
import type { ComplaintScope } from '../../src/db/repos/complaint.repo';
import type { SqlRunner } from '../lib/bench-target';

/**
 * The work-queue requests measured (issue 7, Benchmarks item 2), each with up to ten parameter sets drawn from
 * the data (the busiest users, the hottest batches…) and used in rotation, so a percentile is not one cached row.
 */
export type QueueCase = {
  readonly id: string;
  readonly title: string;
  /** How the parameters were chosen, for the report. */
  readonly chosen: string;
  readonly filters: readonly QueueFilter[];
  /** Part of the five the issue names (the others are extra diagnostics). */
  readonly core: boolean;
};

const OPEN = `status NOT IN ('closed', 'explained', 'not_valid', 'withdrawn', 'reopened')`;

/**
 * What the search box turns into (list-complaints.ts `searchFilter`, which is not exported): a complaint number, a
 * phone, or bigram text; built from the same domain functions.
 */
export const searchFilterOf = (q: string): Partial<QueueFilter> => {
  const text = q.trim();
  if (COMPLAINT_NUMBER_PATTERN.test(text.toUpperCase())) return { number: text.toUpperCase() };
  if (/^[+\d][\d\s-]{5,}$/.test(text)) {
    const phone = normaliseCustomerPhone(text);
    if (phone) return { phoneNorm: phone };
  }
  const tsquery = buildSearchQuery(text);
  return tsquery ? { text: { tsquery, substring: text } } : { customerName: text };
};

/** The complaint scope the product gives a user (get-complaint.ts complaintScopeOf, from roles and department subtree). */
const scopeOfUser = async (r: SqlRunner, userId: string): Promise<ComplaintScope> => {
  const roles = (await r.query<{ role: string }>(`SELECT role FROM user_roles WHERE user_id = $1`, [userId]))
    .map((x) => x.role)
    .filter(isRole);
  if (computeGrants(roles).get('complaint.read') === 'all') return { kind: 'all' };
  const subtree = await r.query<{ id: string }>(
    `SELECT DISTINCT d.id::text AS id FROM user_departments ud JOIN departments root ON root.id = ud.department_id
     JOIN departments d ON d.path LIKE root.path || '%' WHERE ud.user_id = $1 ORDER BY 1`,
    [userId],
  );
  return { kind: 'departments', departmentIds: subtree.map((x) => x.id), userId };
};

const subtreeOf = async (r: SqlRunner, departmentId: string): Promise<string[]> =>
  (
    await r.query<{ id: string }>(
      `SELECT d.id::text AS id FROM departments root JOIN departments d ON d.path LIKE root.path || '%'
       WHERE root.id = $1 ORDER BY 1`,
      [departmentId],
    )
  ).map((x) => x.id);

const ALL: ComplaintScope = { kind: 'all' };

export const discoverCases = async (r: SqlRunner): Promise<QueueCase[]> => {
  const busy = await r.query<{ id: string; n: number }>(
    `SELECT assignee_id::text AS id, count(*)::int AS n FROM complaints WHERE ${OPEN} AND assignee_id IS NOT NULL
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
  );
  const breachedDepts = await r.query<{ id: string; n: number }>(
    `SELECT department_id::text AS id, count(*)::int AS n FROM complaints WHERE ${OPEN} AND breached
       AND department_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
  );
  const batches = await r.query<{ batch_no: string; n: number }>(
    `SELECT batch_no, count(*)::int AS n FROM complaints WHERE batch_no IS NOT NULL
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10`,
  );
  const phones = await r.query<{ phone: string; n: number }>(
    `SELECT min(customer_phone) AS phone, count(*)::int AS n FROM complaints GROUP BY customer_phone_norm
     HAVING count(*) BETWEEN 5 AND 15 ORDER BY 2 DESC, 1 LIMIT 10`,
  );
  const agents = await r.query<{ id: string }>(
    `SELECT DISTINCT ON (ud.department_id) u.id::text AS id FROM users u JOIN user_roles ur ON ur.user_id = u.id
     JOIN user_departments ud ON ud.user_id = u.id WHERE ur.role = 'agent' AND u.username LIKE 'bench.%'
     AND EXISTS (SELECT 1 FROM complaints c WHERE c.intake_department_id = ud.department_id)
     ORDER BY ud.department_id, u.username`,
  );
  const smallDeptEngineers = await r.query<{ id: string; n: number }>(
    `SELECT DISTINCT ON (ud.department_id) u.id::text AS id,
       (SELECT count(*)::int FROM complaints c WHERE c.department_id = ud.department_id AND ${OPEN}) AS n
     FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN user_departments ud ON ud.user_id = u.id
     WHERE ur.role = 'engineer' ORDER BY ud.department_id, u.username`,
  );
  const managerIn = async (departmentId: string) =>
    (
      await r.query<{ id: string }>(
        `SELECT u.id::text AS id FROM users u JOIN user_departments ud ON ud.user_id = u.id
         WHERE ud.department_id = $1 ORDER BY u.username LIMIT 1`,
        [departmentId],
      )
    )[0]?.id ?? '00000000-0000-0000-0000-000000000000';

  const mine: QueueFilter[] = [];
  for (const u of busy) mine.push({ scope: await scopeOfUser(r, u.id), openOnly: true, assigneeId: u.id });
  const deptBreached: QueueFilter[] = [];
  for (const d of breachedDepts)
    deptBreached.push({
      scope: { kind: 'departments', departmentIds: await subtreeOf(r, d.id), userId: await managerIn(d.id) },
      openOnly: true,
      departmentId: d.id,
      breached: true,
    });
  const agentQueues: QueueFilter[] = [];
  for (const a of agents) agentQueues.push({ scope: await scopeOfUser(r, a.id), openOnly: true });
  const smallQueues: QueueFilter[] = [];
  for (const e of [...smallDeptEngineers].sort((x, y) => x.n - y.n).slice(0, 5))
    smallQueues.push({ scope: await scopeOfUser(r, e.id), openOnly: true });

  const range = (xs: readonly { n: number }[]) =>
    xs.length === 0 ? 'none' : `${Math.min(...xs.map((x) => x.n))}–${Math.max(...xs.map((x) => x.n))}`;
  return [
    {
      id: 'a',
      title: 'my open items by due (assignee = me)',
      chosen: `the ${busy.length} busiest assignees (${range(busy)} open items each), in their own scope`,
      filters: mine,
      core: true,
    },
    {
      id: 'b',
      title: 'department breached (department scope)',
      chosen: `the ${breachedDepts.length} departments with most breached open items (${range(breachedDepts)}), scope = subtree`,
      filters: deptBreached,
      core: true,
    },
    {
      id: 'c',
      title: 'severity major, open',
      chosen: 'severity=major, company-wide scope',
      filters: [{ scope: ALL, openOnly: true, severities: ['major'] }],
      core: true,
    },
    {
      id: 'd',
      title: 'by batch (hot batches), open',
      chosen: `the ${batches.length} batches with most complaints (${range(batches)} each, all states)`,
      filters: batches.map((b) => ({ scope: ALL, openOnly: true, batchNo: b.batch_no })),
      core: true,
    },
    {
      id: 'e',
      title: 'by phone (q = phone), open',
      chosen: `${phones.length} phones with ${range(phones)} complaints, typed as stored (q → phoneNorm)`,
      filters: phones.map((p) => ({ scope: ALL, openOnly: true, ...searchFilterOf(p.phone) })),
      core: true,
    },
    {
      id: 'e2',
      title: 'by phone, all states (open=false)',
      chosen: 'same phones, the hotline looking at a caller’s history',
      filters: phones.map((p) => ({ scope: ALL, openOnly: false, ...searchFilterOf(p.phone) })),
      core: false,
    },
    {
      id: 'f',
      title: 'text search "头发" (common word), open',
      chosen: 'q=头发 (hair: foreign-matter complaints, a few % of all rows)',
      filters: [{ scope: ALL, openOnly: true, ...searchFilterOf('头发') }],
      core: false,
    },
    {
      id: 'f2',
      title: 'text search "起火" (rare word), open',
      chosen: 'q=起火 (caught fire: a rare appliance safety phrase)',
      filters: [{ scope: ALL, openOnly: true, ...searchFilterOf('起火') }],
      core: false,
    },
    {
      id: 'g',
      title: "agent's first page (department scope)",
      chosen: `one agent of each of the ${agents.length} service desks, no filter, own scope`,
      filters: agentQueues,
      core: false,
    },
    {
      id: 'g2',
      title: 'engineer in a small department, first page',
      chosen: `engineers of the ${smallQueues.length} departments with the fewest open items, own scope`,
      filters: smallQueues,
      core: false,
    },
  ];
};
