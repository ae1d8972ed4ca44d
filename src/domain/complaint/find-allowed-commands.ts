import { COMMAND_PERMISSIONS } from './command-permissions';
import { findGuardFailure } from './find-guard-failure';
import type {
  LifecycleActor,
  LifecycleCommandType,
  LifecycleContext,
  LifecycleState,
} from './lifecycle-types';
import { findTableCommands } from './transition-table';

/**
 * The commands this actor may issue now, in `LIFECYCLE_COMMAND_TYPES` order, so the console offers only
 * actions that can succeed (STYLE.md "Web"): in the status's table row, permitted to the actor (R-SEC-1) and past
 * every guard that does not depend on the command's payload (R-ESC-2 reviewer, R-APR-1 four-eyes, waiting flag,
 * kind shortcuts…). A listed command can still be refused for its payload (a blank reason, a past execution
 * deadline — R-RES-7, an unchanged assignment). `actor` takes precedence over any `ctx.actor`.
 */
export const findAllowedCommands = (
  state: LifecycleState,
  actor: LifecycleActor,
  ctx: Omit<LifecycleContext, 'actor'>,
): readonly LifecycleCommandType[] => {
  const full: LifecycleContext = { ...ctx, actor };
  return findTableCommands(state.status).filter(
    (type) =>
      actor.permissions.has(COMMAND_PERMISSIONS[type]) && findGuardFailure(state, type, full) === undefined,
  );
};
