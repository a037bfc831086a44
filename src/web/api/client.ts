/**
 * The atlas server's JSON API (SERVER.md), as plain functions over an injectable fetch.
 * Every non-2xx answer becomes an ApiError with a `kind` the UI can explain; field errors of a 422
 * and the current row of a 409 travel with it. Requests carry credentials (the session cookie)
 * and a JSON body; the browser adds the Origin header the server checks.
 */
import type { MessageParams } from '../../core/common/messages.ts';
import type { Initiative } from '../../core/ledger/model.ts';

export type Role = 'admin' | 'editor' | 'viewer';
export interface User {
  name: string;
  role: Role;
}

/** A ledger row as the server stores it: the ledger's columns plus version and last change. */
export type ServerRow = Initiative & { version: number; updated_at: string; updated_by: string };

export interface FieldError {
  field: string;
  /** The server's English, after the row it names ("tz-1: ", "row 2: ") in a batch. */
  reason: string;
  /** The message's code and values (core/common/messages.ts), for the app's Chinese. */
  code?: string;
  params?: MessageParams;
  /** In a batch: the row's id or 0-based index, as the server named it. */
  id?: string;
  row?: number;
}

/** A server's `params`: only text and number values are kept. */
function paramsOf(v: unknown): MessageParams | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const out: MessageParams = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x === 'string' || typeof x === 'number') out[k] = x;
  }
  return out;
}

export type ApiErrorKind =
  | 'network'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition'
  | 'validation'
  | 'rate_limited'
  | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    message: string,
    readonly errors: FieldError[] = [],
    readonly body: unknown = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
  /** The server's row at the time of a 409 (when it sent one). */
  get current(): ServerRow | null {
    const b = this.body as { current?: ServerRow } | null;
    return b && typeof b === 'object' && b.current ? b.current : null;
  }
  /** The fields both sides changed, for a 409 of a PATCH. */
  get conflicts(): string[] {
    const b = this.body as { conflicts?: unknown } | null;
    return b && Array.isArray(b.conflicts) ? b.conflicts.map(String) : [];
  }
}

export interface HistoryEntry {
  at: string;
  by: string;
  action: 'create' | 'update' | 'delete' | 'restore';
  fields: Record<string, { from: unknown; to: unknown }>;
  note: string | null;
  batch: string | number | null;
}

export interface BatchResult {
  created: number;
  updated: number;
  deleted: number;
  batch: string | number;
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/** The kind of error an HTTP status means. */
export function kindOf(status: number): ApiErrorKind {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 412 || status === 428) return 'precondition';
  if (status === 400 || status === 422) return 'validation';
  if (status === 429) return 'rate_limited';
  return 'server';
}

function fieldErrors(body: unknown): FieldError[] {
  const errs = (body as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errs)) return [];
  return errs.flatMap((e) => {
    const o = e as {
      field?: unknown;
      reason?: unknown;
      id?: unknown;
      row?: unknown;
      code?: unknown;
      params?: unknown;
    };
    if (!o || typeof o !== 'object') return [];
    const where =
      o.id !== undefined
        ? `${String(o.id)}: `
        : o.row !== undefined
          ? `row ${String(o.row)}: `
          : '';
    const out: FieldError = {
      field: String(o.field ?? ''),
      reason: `${where}${String(o.reason ?? '')}`,
    };
    if (typeof o.code === 'string') out.code = o.code;
    const params = paramsOf(o.params);
    if (params) out.params = params;
    if (o.id !== undefined) out.id = String(o.id);
    else if (typeof o.row === 'number') out.row = o.row;
    return [out];
  });
}

/** Turns a non-2xx response into an ApiError (reading its JSON body when there is one). */
export async function errorFrom(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const msg = (body as { error?: unknown } | null)?.error;
  const message = typeof msg === 'string' && msg ? msg : `HTTP ${res.status}`;
  return new ApiError(kindOf(res.status), res.status, message, fieldErrors(body), body);
}

export class AtlasApi {
  constructor(
    private readonly fetcher: Fetch = (i, init) => fetch(i, init),
    private readonly base = '/api',
  ) {}

  private async call(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (init.body !== undefined) headers.set('Content-Type', 'application/json');
    headers.set('Accept', 'application/json');
    let res: Response;
    try {
      res = await this.fetcher(`${this.base}${path}`, {
        ...init,
        headers,
        credentials: 'same-origin',
      });
    } catch (e) {
      throw new ApiError('network', 0, e instanceof Error ? e.message : String(e));
    }
    if (!res.ok && res.status !== 304) throw await errorFrom(res);
    return res;
  }

  private async json<T>(path: string, init: RequestInit = {}): Promise<T> {
    const res = await this.call(path, init);
    return (await res.json()) as T;
  }

  /** true when an atlas server answers; false on a static host (no /api). */
  async health(): Promise<boolean> {
    try {
      const res = await this.fetcher(`${this.base}/health`, {
        headers: { Accept: 'application/json' },
      });
      if (!res.ok) return false;
      const body = (await res.json()) as { ok?: unknown };
      return body.ok === true;
    } catch {
      return false;
    }
  }

  async me(): Promise<User | null> {
    try {
      return (await this.json<{ user: User }>('/me')).user;
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'unauthorized') return null;
      throw e;
    }
  }

  async signIn(username: string, password: string): Promise<User> {
    const body = JSON.stringify({ username, password });
    return (await this.json<{ user: User }>('/session', { method: 'POST', body })).user;
  }

  async signOut(): Promise<void> {
    await this.call('/session', { method: 'DELETE' });
  }

  /** The whole ledger; null when the server says it has not changed since `etag`. */
  async list(etag?: string | null): Promise<{ items: ServerRow[]; etag: string | null } | null> {
    const headers: Record<string, string> = etag ? { 'If-None-Match': etag } : {};
    const res = await this.call('/initiatives', { headers, cache: 'no-cache' });
    if (res.status === 304) return null;
    const body = (await res.json()) as { items: ServerRow[] };
    return { items: body.items, etag: res.headers.get('ETag') };
  }

  get(id: string): Promise<ServerRow> {
    return this.json(`/initiatives/${encodeURIComponent(id)}`);
  }

  create(row: Initiative): Promise<ServerRow> {
    return this.json('/initiatives', { method: 'POST', body: JSON.stringify(row) });
  }

  patch(
    id: string,
    version: number,
    changes: Partial<Initiative>,
    note?: string,
  ): Promise<ServerRow> {
    const body = JSON.stringify(note ? { ...changes, note } : changes);
    return this.json(`/initiatives/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      headers: { 'If-Match': `"${version}"` },
      body,
    });
  }

  async remove(id: string, version: number): Promise<void> {
    await this.call(`/initiatives/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      headers: { 'If-Match': `"${version}"` },
    });
  }

  restore(id: string): Promise<ServerRow> {
    return this.json(`/initiatives/${encodeURIComponent(id)}/restore`, {
      method: 'POST',
      body: '{}',
    });
  }

  async history(id: string): Promise<HistoryEntry[]> {
    return (
      await this.json<{ changes: HistoryEntry[] }>(`/initiatives/${encodeURIComponent(id)}/history`)
    ).changes;
  }

  /** The published layers (GET /api/layers). */
  async layers(): Promise<PublishedLayerInfo[]> {
    return (await this.json<{ layers: PublishedLayerInfo[] }>('/layers', { cache: 'no-cache' }))
      .layers;
  }

  /** Withdraws a published layer (admin): DELETE /api/layers/:id. */
  async withdrawLayer(id: string): Promise<void> {
    await this.call(`/layers/${encodeURIComponent(id)}`, { method: 'DELETE' });
  }

  /** PUT of a JSON body (publishing a layer). */
  put<T>(path: string, body: unknown): Promise<T> {
    return this.json(path, { method: 'PUT', body: JSON.stringify(body) });
  }

  batch(payload: {
    upserts: (Initiative & { version?: number })[];
    deletes: string[];
    note?: string;
  }): Promise<BatchResult> {
    return this.json('/initiatives/batch', { method: 'POST', body: JSON.stringify(payload) });
  }
}

export type PublishRole = 'parks' | 'residential' | 'population';

/** What the server says of a published layer. */
export interface PublishedLayerMeta {
  id: string;
  name: string;
  role: string;
  city_id: string | null;
  features: number;
}

/** A published layer as GET /api/layers lists it. */
export interface PublishedLayerInfo extends PublishedLayerMeta {
  updated_at?: string;
  updated_by?: string;
}

export interface PublishRequest {
  id: string;
  name: string;
  role: PublishRole;
  city_id: string;
  geojson: unknown;
}

/** Publishing a layer for everyone (admin): PUT /api/layers/:id, validated there like an import. */
export function publishLayer(
  client: AtlasApi,
  { id, ...rest }: PublishRequest,
): Promise<PublishedLayerMeta> {
  return client.put(`/layers/${encodeURIComponent(id)}`, rest);
}

/** The app's one client (same origin). */
export const api = new AtlasApi();
