import type { Role } from '../../domain/identity/roles';
import type { User, UserStatus } from '../../domain/identity/user';
import type { DepartmentId } from '../../domain/shared/brand';
import { userRepo, userSortColumns, type UserSortKey } from '../../db/repos/user.repo';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { assertPermission } from '../identity/assert-permission';
import { decodeCursor, encodeCursor, parseSort, toPage, type Page } from '../platform/paging';

export type ListUsersQuery = {
  readonly q?: string | undefined;
  readonly role?: Role | undefined;
  readonly departmentId?: string | undefined;
  readonly status?: UserStatus | undefined;
  readonly sort: UserSortKey | `-${UserSortKey}`;
  readonly cursor?: string | undefined;
  readonly limit: number;
};

/** Lists staff users the actor may see: department-scoped roles see their department subtree only (R-SEC-1). */
export const listUsers = async (
  deps: Deps,
  ctx: UseCaseContext,
  query: ListUsersQuery,
): Promise<Page<User>> => {
  const scope = assertPermission(ctx.actor, 'user.read');
  const { key, direction } = parseSort<UserSortKey>(query.sort);
  const after = decodeCursor(query.cursor, query.sort);
  const rows = await userRepo.list(
    deps.db.reader(),
    {
      scope,
      q: query.q,
      role: query.role,
      departmentId: query.departmentId as DepartmentId | undefined,
      status: query.status,
    },
    { sort: { column: userSortColumns[key], direction }, after, limit: query.limit + 1 },
  );
  return toPage(rows, query.limit, (last) => encodeCursor(query.sort, last[key], last.id));
};

/** One user, if within the actor's scope; otherwise USER_NOT_FOUND (existence is not revealed). */
export const getUser = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<User> => {
  const scope = assertPermission(ctx.actor, 'user.read');
  const user = await userRepo.findById(deps.db.reader(), id, scope);
  if (!user) throw new AppError('USER_NOT_FOUND');
  return user;
};

/** A user by username (CLI: `user reset-password <username>`). */
export const getUserByUsername = async (deps: Deps, ctx: UseCaseContext, username: string): Promise<User> => {
  assertPermission(ctx.actor, 'user.read');
  const found = await userRepo.findByUsername(deps.db.reader(), username);
  if (!found) throw new AppError('USER_NOT_FOUND', { username });
  return found;
};
