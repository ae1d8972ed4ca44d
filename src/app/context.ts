import type { Actor } from '../domain/identity/actor';

/** Who is asking, and the request id that ties logs and audit rows together. */
export type UseCaseContext = {
  readonly actor: Actor;
  readonly requestId: string | null;
};

export const systemContext = (name: string): UseCaseContext => ({
  actor: { kind: 'system', name },
  requestId: null,
});
