import { sql } from 'drizzle-orm';

/**
 * The outer query's user id, always qualified. Drizzle renders a column of a single-table select unqualified
 * (`"id"`), which inside a correlated subquery would bind to the subquery's own table (`departments.id`).
 */
export const OUTER_USER_ID = sql.raw('"users"."id"');

/**
 * Select-list fragments that load everything authentication needs about a user in the same round trip as the
 * session or token: roles, own departments and the department subtree they reach (R-SEC-1).
 */
export const principalColumns = {
  roles: sql<
    string[]
  >`coalesce((select array_agg(ur.role order by ur.role) from user_roles ur where ur.user_id = ${OUTER_USER_ID}), '{}')::text[]`,
  departmentIds: sql<
    string[]
  >`coalesce((select array_agg(ud.department_id::text order by ud.is_primary desc) from user_departments ud where ud.user_id = ${OUTER_USER_ID}), '{}')::text[]`,
  subtreeIds: sql<string[]>`coalesce((select array_agg(distinct d.id::text) from user_departments ud
      join departments root on root.id = ud.department_id
      join departments d on d.path like root.path || '%'
      where ud.user_id = ${OUTER_USER_ID}), '{}')::text[]`,
};
