import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DataScope } from '../../domain/identity/decide-data-scope';
import { isRole, type Role } from '../../domain/identity/roles';
import type { Locale, User, UserDepartment, UserStatus } from '../../domain/identity/user';
import type { DepartmentId, UserId } from '../../domain/shared/brand';
import type { Executor } from '../client';
import { keysetCondition, keysetOrder, likeContains, type KeysetSort } from '../keyset';
import { departments, userDepartments, userRoles, users } from '../schema/identity.table';
import { OUTER_USER_ID, principalColumns } from './principal.query';

type UserRow = typeof users.$inferSelect;

const rolesOf = principalColumns.roles;
const departmentsOf = sql<
  { id: string; code: string; name: string; isPrimary: boolean }[]
>`coalesce((select json_agg(json_build_object('id', d.id, 'code', d.code, 'name', d.name, 'isPrimary', ud.is_primary) order by ud.is_primary desc, d.code)
  from user_departments ud join departments d on d.id = ud.department_id where ud.user_id = ${OUTER_USER_ID}), '[]'::json)`;

const toUser = (
  row: UserRow,
  roles: string[],
  depts: { id: string; code: string; name: string; isPrimary: boolean }[],
): User => ({
  id: row.id as UserId,
  username: row.username,
  displayName: row.displayName,
  email: row.email,
  phone: row.phone,
  locale: row.locale as Locale,
  timeZone: row.timeZone,
  status: row.status,
  mustChangePassword: row.mustChangePassword,
  failedLoginCount: row.failedLoginCount,
  lockedUntil: row.lockedUntil,
  lastLoginAt: row.lastLoginAt,
  passwordChangedAt: row.passwordChangedAt,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  version: row.version,
  roles: roles.filter(isRole),
  departments: depts.map((d): UserDepartment => ({ ...d, id: d.id as DepartmentId })),
});

/** The SQL condition that keeps only users who belong to a department in scope (R-SEC-1). */
const userScopeCondition = (scope: DataScope): SQL | undefined => {
  if (scope.kind === 'all') return undefined;
  if (scope.departmentIds.length === 0) return sql`false`;
  return sql`exists (select 1 from user_departments ud where ud.user_id = ${OUTER_USER_ID} and ud.department_id in ${scope.departmentIds})`;
};

const selectUsers = (ex: Executor) =>
  ex.select({ user: users, roles: rolesOf, departments: departmentsOf }).from(users);

export type UserFilter = {
  readonly scope: DataScope;
  readonly q?: string | undefined;
  readonly role?: Role | undefined;
  readonly departmentId?: DepartmentId | undefined;
  readonly status?: UserStatus | undefined;
};

export type UserSortKey = 'username' | 'displayName' | 'createdAt';

export const userSortColumns = {
  username: users.username,
  displayName: users.displayName,
  createdAt: users.createdAt,
};

export const userRepo = {
  async findById(ex: Executor, id: string, scope: DataScope = { kind: 'all' }): Promise<User | undefined> {
    const [row] = await selectUsers(ex).where(and(eq(users.id, id), userScopeCondition(scope)));
    return row && toUser(row.user, row.roles, row.departments);
  },

  /** Locks the user row for the rest of the transaction (login counters, concurrent admin edits). */
  async findByIdForUpdate(ex: Executor, id: string): Promise<User | undefined> {
    await ex.select({ id: users.id }).from(users).where(eq(users.id, id)).for('update');
    return this.findById(ex, id);
  },

  async findCredentialsByUsername(
    ex: Executor,
    username: string,
  ): Promise<{ user: User; passwordHash: string } | undefined> {
    const [row] = await selectUsers(ex)
      .where(sql`lower(${users.username}) = lower(${username})`)
      .for('update', { of: users });
    return row && { user: toUser(row.user, row.roles, row.departments), passwordHash: row.user.passwordHash };
  },

  async findByUsername(ex: Executor, username: string): Promise<User | undefined> {
    const [row] = await selectUsers(ex).where(sql`lower(${users.username}) = lower(${username})`);
    return row && toUser(row.user, row.roles, row.departments);
  },

  async findPasswordHash(ex: Executor, id: string): Promise<string | undefined> {
    const [row] = await ex.select({ h: users.passwordHash }).from(users).where(eq(users.id, id));
    return row?.h;
  },

  async list(
    ex: Executor,
    filter: UserFilter,
    page: { sort: KeysetSort; after: { value: unknown; id: string } | undefined; limit: number },
  ): Promise<User[]> {
    const conditions = [
      userScopeCondition(filter.scope),
      filter.q
        ? sql`(${users.username} ilike ${likeContains(filter.q)} or ${users.displayName} ilike ${likeContains(filter.q)})`
        : undefined,
      filter.role
        ? sql`exists (select 1 from user_roles r where r.user_id = ${OUTER_USER_ID} and r.role = ${filter.role})`
        : undefined,
      filter.departmentId
        ? sql`exists (select 1 from user_departments ud where ud.user_id = ${OUTER_USER_ID} and ud.department_id = ${filter.departmentId})`
        : undefined,
      filter.status ? eq(users.status, filter.status) : undefined,
      keysetCondition(page.sort, users.id, page.after),
    ];
    const rows = await selectUsers(ex)
      .where(and(...conditions))
      .orderBy(...keysetOrder(page.sort, users.id))
      .limit(page.limit);
    return rows.map((r) => toUser(r.user, r.roles, r.departments));
  },

  async usernameExists(ex: Executor, username: string): Promise<boolean> {
    const [row] = await ex
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${username})`);
    return row !== undefined;
  },

  async count(ex: Executor): Promise<number> {
    const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(users);
    return Number(row?.n ?? 0);
  },

  async countActiveAdmins(ex: Executor, excluding?: string): Promise<number> {
    const [row] = await ex
      .select({ n: sql<number>`count(*)::int` })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(
        and(
          eq(userRoles.role, 'admin'),
          eq(users.status, 'active'),
          excluding ? sql`${users.id} <> ${excluding}` : undefined,
        ),
      );
    return Number(row?.n ?? 0);
  },

  async insert(
    ex: Executor,
    user: Omit<User, 'roles' | 'departments' | 'failedLoginCount' | 'lockedUntil' | 'lastLoginAt'> & {
      passwordHash: string;
    },
  ): Promise<void> {
    await ex.insert(users).values({
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      email: user.email,
      phone: user.phone,
      locale: user.locale,
      timeZone: user.timeZone,
      passwordHash: user.passwordHash,
      mustChangePassword: user.mustChangePassword,
      status: user.status,
      passwordChangedAt: user.passwordChangedAt,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
      version: user.version,
    });
  },

  /**
   * Updates profile fields when the row still has `expectedVersion` (optimistic concurrency).
   * Returns the new version, or undefined when the version moved on (the caller answers 409).
   */
  async updateProfile(
    ex: Executor,
    id: string,
    expectedVersion: number,
    patch: Partial<Pick<UserRow, 'displayName' | 'email' | 'phone' | 'locale' | 'timeZone' | 'status'>>,
    now: Date,
  ): Promise<number | undefined> {
    const [row] = await ex
      .update(users)
      .set({ ...patch, updatedAt: now, version: sql`${users.version} + 1` })
      .where(and(eq(users.id, id), eq(users.version, expectedVersion)))
      .returning({ version: users.version });
    return row?.version;
  },

  async setPassword(
    ex: Executor,
    id: string,
    passwordHash: string,
    mustChange: boolean,
    now: Date,
  ): Promise<void> {
    await ex
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: mustChange,
        passwordChangedAt: now,
        failedLoginCount: 0,
        lockedUntil: null,
        updatedAt: now,
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, id));
  },

  async setLoginState(
    ex: Executor,
    id: string,
    state: { failedLoginCount: number; lockedUntil: Date | null; lastLoginAt?: Date },
  ): Promise<void> {
    await ex.update(users).set(state).where(eq(users.id, id));
  },

  async replaceRoles(ex: Executor, id: string, roles: readonly Role[]): Promise<void> {
    await ex.delete(userRoles).where(eq(userRoles.userId, id));
    if (roles.length > 0) await ex.insert(userRoles).values(roles.map((role) => ({ userId: id, role })));
  },

  async replaceDepartments(ex: Executor, id: string, departmentIds: readonly string[]): Promise<void> {
    await ex.delete(userDepartments).where(eq(userDepartments.userId, id));
    if (departmentIds.length > 0) {
      await ex
        .insert(userDepartments)
        .values(departmentIds.map((departmentId, i) => ({ userId: id, departmentId, isPrimary: i === 0 })));
    }
  },

  async bumpVersion(ex: Executor, id: string, now: Date): Promise<void> {
    await ex
      .update(users)
      .set({ updatedAt: now, version: sql`${users.version} + 1` })
      .where(eq(users.id, id));
  },

  /** Ids of the given departments that exist (to validate a user's department list). */
  async existingDepartmentIds(ex: Executor, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await ex
      .select({ id: departments.id })
      .from(departments)
      .where(inArray(departments.id, [...ids]));
    return rows.map((r) => r.id);
  },
};

/** Name, e-mail and language of several users at once (notification owners), by id; unknown ids are left out. */
export const findContacts = async (
  ex: Executor,
  ids: readonly string[],
): Promise<Map<string, { id: string; displayName: string; email: string | null; locale: string }>> => {
  if (ids.length === 0) return new Map();
  const rows = await ex
    .select({ id: users.id, displayName: users.displayName, email: users.email, locale: users.locale })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
};

/** Active holders of a role, optionally only members of the given departments (escalation targets, R-ESC-1). */
export const findActiveRoleHolders = async (
  ex: Executor,
  role: string,
  departmentIds: readonly string[] | null,
): Promise<
  { id: string; displayName: string; email: string | null; locale: string; departmentId: string | null }[]
> => {
  const rows = await ex
    .select({
      id: users.id,
      displayName: users.displayName,
      email: users.email,
      locale: users.locale,
      departmentId: userDepartments.departmentId,
    })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, role)))
    .leftJoin(userDepartments, eq(userDepartments.userId, users.id))
    .where(
      and(
        eq(users.status, 'active'),
        departmentIds
          ? departmentIds.length > 0
            ? inArray(userDepartments.departmentId, [...departmentIds])
            : sql`false`
          : undefined,
      ),
    )
    .orderBy(users.username)
    .limit(5000);
  return rows;
};
