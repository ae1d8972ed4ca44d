/**
 * Talking to a real server over HTTP as staff do: the first administrator (ADMIN_PASSWORD) logs in, creates the
 * users a scenario needs and the API tokens that systems use for intake (`Authorization: Bearer`).
 */

export const STAFF_PASSWORD = 'Loop-Process-2026';

export type Credentials = { readonly headers: Record<string, string> };

export type ApiAnswer = { readonly status: number; readonly body: unknown; readonly headers: Headers };

/** One JSON request; throws only when the server gives no answer (connection refused or reset, timeout). */
export const callApi = async (
  baseUrl: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  who: Credentials | undefined,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
  timeoutMs = 60_000,
): Promise<ApiAnswer> => {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...who?.headers,
      ...extraHeaders,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text for the message
  }
  return { status: res.status, body: parsed, headers: res.headers };
};

/** Calls and insists on one status; the message carries the answer. */
export const expectApi = async <T>(expected: number, ...args: Parameters<typeof callApi>): Promise<T> => {
  const r = await callApi(...args);
  if (r.status !== expected) {
    throw new Error(`${args[1]} ${args[2]}: expected ${expected}, got ${r.status} ${JSON.stringify(r.body)}`);
  }
  return r.body as T;
};

/** Logs in with a password: the session cookie and the CSRF header for writes. */
export const logIn = async (baseUrl: string, username: string, password: string): Promise<Credentials> => {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('cl_session='));
  if (res.status !== 200 || !cookie || !body.csrfToken) {
    throw new Error(`login ${username}: ${res.status} ${JSON.stringify(body)}`);
  }
  return { headers: { cookie, 'x-csrf-token': body.csrfToken } };
};

export type Staff = {
  readonly admin: Credentials;
  /** An agent's API token (complaint.create and the agent's other permissions), as a call centre system uses. */
  readonly intake: Credentials;
  /** The agent's session, for lifecycle commands (triage). */
  readonly agent: Credentials;
  readonly departmentId: string;
};

/**
 * Sets up staff on a freshly bootstrapped server: a department manager and an agent in the preset's first
 * department, and an API token of the agent's for intake.
 */
export const setUpStaff = async (baseUrl: string, adminPassword: string, admin = 'admin'): Promise<Staff> => {
  const adminSession = await logIn(baseUrl, admin, adminPassword);
  const departments = await expectApi<{ items: { id: string; code: string }[] }>(
    200,
    baseUrl,
    'GET',
    '/api/v1/departments',
    adminSession,
  );
  const departmentId = departments.items[0]?.id;
  if (!departmentId) throw new Error('the preset created no department');
  const user = (username: string, roles: string[]) =>
    expectApi(201, baseUrl, 'POST', '/api/v1/users', adminSession, {
      username,
      displayName: username,
      email: `${username}@example.com`,
      roles,
      departmentIds: [departmentId],
      password: STAFF_PASSWORD,
      mustChangePassword: false,
    });
  await user('proc.agent', ['agent']);
  await user('proc.manager', ['department_manager']);
  const agent = await logIn(baseUrl, 'proc.agent', STAFF_PASSWORD);
  const token = await expectApi<{ secret: string }>(201, baseUrl, 'POST', '/api/v1/api-tokens', agent, {
    name: 'intake load',
    scopes: ['complaint.create', 'complaint.read'],
  });
  return {
    admin: adminSession,
    intake: { headers: { authorization: `Bearer ${token.secret}` } },
    agent,
    departmentId,
  };
};
