import type { LifecycleError } from '../../domain/complaint/lifecycle-types';
import { AppError } from '../errors/app-error';

/** The domain's refusal as an API error: 409 ILLEGAL_TRANSITION with `allowed`, 403 FORBIDDEN, 422 guard failed. */
export const lifecycleAppError = (error: LifecycleError): AppError => {
  switch (error.code) {
    case 'ILLEGAL_TRANSITION':
      return new AppError('ILLEGAL_TRANSITION', { status: error.status, allowed: [...error.allowed] });
    case 'FORBIDDEN':
      return new AppError('FORBIDDEN', { permission: error.permission });
    case 'TRANSITION_GUARD_FAILED':
      return new AppError('TRANSITION_GUARD_FAILED', {
        guard: error.guard,
        ...(error.rule !== undefined && { rule: error.rule }),
        ...(error.detail !== undefined && { detail: error.detail }),
      });
  }
};
