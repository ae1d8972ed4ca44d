import { randomBytes } from 'node:crypto';
import { computeGrants } from '../../domain/identity/compute-grants';
import type { Permission } from '../../domain/identity/permissions';
import { isRole } from '../../domain/identity/roles';
import { apiTokenRepo, type ApiTokenRow } from '../../db/repos/api-token.repo';
import { userRepo } from '../../db/repos/user.repo';
import { appendAudit } from '../audit/append-audit';
import type { UseCaseContext } from '../context';
import type { Deps } from '../deps';
import { AppError } from '../errors/app-error';
import { hasPermission } from '../identity/assert-permission';
import { newId } from '../new-id';
import { randomToken, sha256Hex } from '../secrets';

export type ApiToken = Omit<ApiTokenRow, 'tokenHash'>;

const strip = ({ tokenHash: _hash, ...rest }: ApiTokenRow): ApiToken => rest;

const assertCanManage = (ctx: UseCaseContext, ownerUserId: string): void => {
  const actor = ctx.actor;
  if (actor.kind === 'system') return;
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED');
  if (hasPermission(actor, 'token.manage_all')) return;
  if (hasPermission(actor, 'token.manage_own') && ownerUserId === actor.userId) return;
  throw new AppError('FORBIDDEN', { permission: 'token.manage_all' });
};

/**
 * Issues an API token for a system (ERP, call centre, BI). The secret is returned once and only its SHA-256 is
 * kept. A token acts as its owner narrowed to `scopes`; it may not carry a permission the owner lacks.
 */
export const createApiToken = async (
  deps: Deps,
  ctx: UseCaseContext,
  input: {
    name: string;
    scopes: readonly Permission[];
    ownerUserId?: string | undefined;
    expiresAt?: Date | null | undefined;
  },
): Promise<{ token: ApiToken; secret: string }> => {
  const actor = ctx.actor;
  const ownerUserId = input.ownerUserId ?? (actor.kind === 'user' ? actor.userId : undefined);
  if (!ownerUserId) throw new AppError('USER_NOT_FOUND');
  assertCanManage(ctx, ownerUserId);
  const now = deps.clock.now();
  const prefix = randomBytes(4).toString('hex');
  const secret = `clt_${prefix}_${randomToken(32)}`;
  return deps.db.transaction(async (tx) => {
    const owner = await userRepo.findById(tx, ownerUserId);
    if (!owner || owner.status !== 'active') throw new AppError('USER_NOT_FOUND');
    const ownerGrants = computeGrants(owner.roles.filter(isRole));
    const beyond = input.scopes.filter((s) => !ownerGrants.has(s));
    if (beyond.length > 0) throw new AppError('TOKEN_SCOPE_EXCEEDS_GRANT', { scopes: beyond });
    const row: ApiTokenRow = {
      id: newId(now.getTime()),
      name: input.name,
      prefix: `clt_${prefix}`,
      tokenHash: sha256Hex(secret),
      scopes: [...new Set(input.scopes)],
      ownerUserId,
      createdBy: actor.kind === 'user' ? actor.userId : ownerUserId,
      createdAt: now,
      expiresAt: input.expiresAt ?? null,
      lastUsedAt: null,
      revokedAt: null,
    };
    await apiTokenRepo.insert(tx, row);
    await appendAudit(tx, ctx, now, [
      { entityType: 'api_token', entityId: row.id, action: 'api_token.created', after: strip(row) },
    ]);
    return { token: strip(row), secret };
  });
};

/** Tokens the actor may manage: their own, or all with `token.manage_all`. */
export const listApiTokens = async (deps: Deps, ctx: UseCaseContext): Promise<ApiToken[]> => {
  const actor = ctx.actor;
  if (actor.kind !== 'user' && actor.kind !== 'system') throw new AppError('UNAUTHENTICATED');
  const all = actor.kind === 'system' || hasPermission(actor, 'token.manage_all');
  if (!all && !hasPermission(actor, 'token.manage_own'))
    throw new AppError('FORBIDDEN', { permission: 'token.manage_own' });
  const rows = await apiTokenRepo.list(
    deps.db.reader(),
    all ? undefined : actor.kind === 'user' ? actor.userId : undefined,
  );
  return rows.map(strip);
};

/** Revokes a token at once; requests carrying it are refused from the next one on. */
export const revokeApiToken = async (deps: Deps, ctx: UseCaseContext, id: string): Promise<ApiToken> => {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const current = await apiTokenRepo.findById(tx, id);
    if (!current) throw new AppError('TOKEN_NOT_FOUND');
    try {
      assertCanManage(ctx, current.ownerUserId);
    } catch {
      throw new AppError('TOKEN_NOT_FOUND');
    }
    if (current.revokedAt) return strip(current);
    const revoked = await apiTokenRepo.revoke(tx, id, now);
    if (!revoked) throw new AppError('TOKEN_NOT_FOUND');
    await appendAudit(tx, ctx, now, [
      {
        entityType: 'api_token',
        entityId: id,
        action: 'api_token.revoked',
        before: strip(current),
        after: strip(revoked),
      },
    ]);
    return strip(revoked);
  });
};
