/**
 * The one way the web talks to the API: same-origin fetch with the session cookie, the CSRF token on writes,
 * Accept-Language from the chosen UI language, and every failure as an {@link ApiError} carrying the
 * `{ error: { code, message, details } }` contract (message already localised by the server).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | undefined;
let language = 'zh-CN';
let credentials: RequestCredentials = 'same-origin';

/**
 * The portal sends no cookies: a staff member signed in on the same browser must still be able to use it as a
 * customer (their session cookie would otherwise make every portal POST a cookie-authenticated write that
 * needs the console's CSRF token).
 */
export const setApiCredentials = (mode: RequestCredentials): void => {
  credentials = mode;
};

export const setCsrfToken = (token: string | undefined): void => {
  csrfToken = token;
};
export const setApiLanguage = (lng: string): void => {
  language = lng;
};

type Options = { readonly headers?: Record<string, string>; readonly signal?: AbortSignal };

const request = async <T>(method: string, url: string, body?: unknown, options: Options = {}): Promise<T> => {
  const headers: Record<string, string> = { 'accept-language': language, ...options.headers };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let res: Response;
  try {
    res = await fetch(url, {
      method,
      headers,
      body: payload,
      credentials,
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(
      0,
      'NETWORK_ERROR',
      language === 'en' ? 'The server cannot be reached' : '无法连接服务器',
    );
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const json: unknown = text ? safeParse(text) : undefined;
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: Record<string, unknown> } })
      ?.error;
    throw new ApiError(
      res.status,
      err?.code ?? `HTTP_${res.status}`,
      err?.message ?? res.statusText,
      err?.details,
    );
  }
  return json as T;
};

const safeParse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Builds `?a=1&b=2` from the defined entries. */
export const toQuery = (params: Record<string, string | number | boolean | undefined | null>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const api = {
  get: <T>(url: string, options?: Options) => request<T>('GET', url, undefined, options),
  post: <T>(url: string, body?: unknown, options?: Options) => request<T>('POST', url, body, options),
  patch: <T>(url: string, body: unknown, options?: Options) => request<T>('PATCH', url, body, options),
  put: <T>(url: string, body: unknown, options?: Options) => request<T>('PUT', url, body, options),
  delete: <T>(url: string, options?: Options) => request<T>('DELETE', url, undefined, options),
};
