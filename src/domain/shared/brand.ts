/** A nominal type over a primitive, so a UserId cannot be passed where a DepartmentId is expected. */
export type Brand<T, B extends string> = T & { readonly __brand: B };

export type UserId = Brand<string, 'UserId'>;
export type DepartmentId = Brand<string, 'DepartmentId'>;
export type SessionId = Brand<string, 'SessionId'>;
export type ApiTokenId = Brand<string, 'ApiTokenId'>;
