import type { Session } from '../test/factories/identity.factory';

/** Calls the running server over HTTP as a logged-in user (cookie + CSRF header from the factories). */
export const apiAs = async <T = Record<string, unknown>>(
  baseUrl: string,
  session: Session,
  method: string,
  url: string,
  body?: unknown,
): Promise<T> => {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: { ...session.headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
};
