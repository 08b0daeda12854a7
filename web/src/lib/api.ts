/**
 * Typed client over the API in contract/api.ts. Cookies are HttpOnly and same-origin: the client never
 * reads them. Every write sends JSON. A 401 outside the login call sends the user back to the login page;
 * every other error is an ApiError carrying the server's Vietnamese message.
 */
import type { Static } from 'typebox';
import type {
  AwardCreate,
  AwardEntry,
  AwardUpdate,
  DisciplineCreate,
  DisciplineEntry,
  DisciplineUpdate,
  InitiativeCreate,
  InitiativeEntry,
  InitiativeUpdate,
  Me,
  OrgUnit,
  OrgUnitCreate,
  OrgUnitDetail,
  OrgUnitUpdate,
  PeopleList,
  PersonCreate,
  PersonDetail,
  PersonUpdate,
  RatingCreate,
  RatingEntry,
  RatingUpdate,
} from '../../../contract/api';
import type {
  DocumentEntry,
  DocumentKind,
  DocumentList,
  EligibleListPdfBody,
} from '../../../contract/documents';
import type {
  CalendarQuery,
  CalendarResult,
  CalendarYear,
  CalendarYearUpdate,
} from '../../../contract/calendar';
import type {
  OrgUnitClose,
  OrgUnitMerge,
  OrgUnitMergeResult,
  PersonMove,
  PositionCreate,
  PositionUpdate,
} from '../../../contract/editing';
import type { ErrorDetail } from '../../../contract/errors';
import { UPLOAD_HEADER, type EvidenceList, type EvidenceUploadResult } from '../../../contract/files';
import type {
  CollectiveMembers as ContractCollectiveMembers,
  EligibilityCandidate,
  EligibilityReason,
  EligibilityStoreStatus,
  EligibleNowList,
  EligibleNowRow,
  PersonEligibility,
  QuotaReport,
  UnitEligibility,
} from '../../../contract/eligibility';
import type {
  AwardDescription,
  AwardSummary,
  RuleSetSettings,
  SettingValue,
} from '../../../contract/catalogue';

/** A setting with the value in force and the stored key that holds a change (null: the default applies). */
export type Setting = RuleSetSettings['settings'][number];

export type { DocumentEntry, DocumentKind, DocumentList, Me, OrgUnit, OrgUnitDetail, PersonDetail };
export type EvidenceListResult = Static<typeof EvidenceList>;
export type EvidenceFile = EvidenceListResult['items'][number];
export type EvidenceUpload = Static<typeof EvidenceUploadResult>;
export type { CalendarQuery, CalendarResult, CalendarYear, CalendarYearUpdate };
export type PersonSummary = Static<typeof PeopleList>['items'][number];
export type PeopleListResult = Static<typeof PeopleList>;
export type PersonCreateBody = Static<typeof PersonCreate>;
export type PersonUpdateBody = Static<typeof PersonUpdate>;
export type OrgUnitCreateBody = Static<typeof OrgUnitCreate>;
export type OrgUnitUpdateBody = Static<typeof OrgUnitUpdate>;
export type { OrgUnitMergeResult, PersonMove, PositionCreate, PositionUpdate };

/** The yearly record of a person: one entry kind per path segment, with its create/update/entry types. */
export interface RecordKinds {
  ratings: {
    create: Static<typeof RatingCreate>;
    update: Static<typeof RatingUpdate>;
    entry: Static<typeof RatingEntry>;
  };
  initiatives: {
    create: Static<typeof InitiativeCreate>;
    update: Static<typeof InitiativeUpdate>;
    entry: Static<typeof InitiativeEntry>;
  };
  discipline: {
    create: Static<typeof DisciplineCreate>;
    update: Static<typeof DisciplineUpdate>;
    entry: Static<typeof DisciplineEntry>;
  };
  awards: {
    create: Static<typeof AwardCreate>;
    update: Static<typeof AwardUpdate>;
    entry: Static<typeof AwardEntry>;
  };
}
export type RecordKind = keyof RecordKinds;

/** Eligibility: shapes of server/src/modules/eligibility/eligibility.routes.ts. */
export type {
  AwardDescription,
  AwardSummary,
  EligibilityReason,
  EligibleNowList,
  RuleSetSettings,
  SettingValue,
};

/** Figures about a collective's members (never null where this type is used). */
export type CollectiveMembers = NonNullable<ContractCollectiveMembers>;
export type { EligibilityCandidate, EligibleNowRow, PersonEligibility, QuotaReport, UnitEligibility };

export interface EligibleNowQuery {
  orgUnitId?: string;
  /** award codes; the server's default list when empty */
  awards?: readonly string[];
  year?: number;
  onlyNew?: boolean;
  /** yyyy-mm-dd: only those found eligible on or after this day */
  since?: string;
}

function eligibleNowQuery(
  q: EligibleNowQuery,
  format?: 'xlsx',
  page?: { limit: number; offset: number },
): Query {
  return {
    orgUnitId: q.orgUnitId,
    awards: q.awards && q.awards.length > 0 ? q.awards.join(',') : undefined,
    year: q.year,
    onlyNew: q.onlyNew ? 'true' : undefined,
    since: q.since,
    limit: page?.limit,
    offset: page?.offset,
    format,
  };
}

/** Address of the Excel download of the "eligible now" list (same filters as the table). */
export function eligibleNowXlsxUrl(q: EligibleNowQuery): string {
  return `/api${withQuery('/v1/eligibility/eligible-now', eligibleNowQuery(q, 'xlsx'))}`;
}

/** Address of the PDF of a registered document (served as a download, exactly as issued). */
export function documentPdfUrl(id: string): string {
  return `/api/v1/documents/${encodeURIComponent(id)}/pdf`;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Messages shown when the server could not answer with its own message (network down, proxy error). */
const fallbackMessages = {
  network: 'Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.',
  unexpected: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.',
};

let onUnauthenticated: () => void = () => {};

/** Registered once by the auth provider: what to do when the session has ended. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isErrorBody(value: unknown): value is { code: string; message: string; details?: ErrorDetail[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(`/api${path}`, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', fallbackMessages.network);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (response.ok) return data as T;
  throw failure(response.status, data, path);
}

/** The ApiError for a refused request (and, for an ended session, back to the login page). */
function failure(status: number, data: unknown, path: string): ApiError {
  const error = isErrorBody(data)
    ? new ApiError(status, data.code, data.message, data.details ?? [])
    : new ApiError(status, 'unexpected', fallbackMessages.unexpected);
  if (status === 401 && path !== '/v1/auth/login') onUnauthenticated();
  return error;
}

/**
 * Send one file as multipart/form-data, reporting progress (fetch cannot report an upload's progress).
 * Carries the header a cross-site form cannot set; a refusal is an ApiError with the server's message.
 */
export function uploadFile<T>(
  path: string,
  file: Blob & { name: string },
  opts: { onProgress?: (percent: number) => void; signal?: AbortSignal } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader(UPLOAD_HEADER.name, UPLOAD_HEADER.value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress?.(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined; // a proxy's HTML error page: the generic message
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else reject(failure(xhr.status, data, path));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network_error', fallbackMessages.network));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled.', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

const evidencePath = (personId: string, initiativeId: string) =>
  `/v1/people/${encodeURIComponent(personId)}/initiatives/${encodeURIComponent(initiativeId)}/evidence`;

/** Address of one evidence file (served as an attachment). */
export function evidenceFileUrl(personId: string, initiativeId: string, fileId: string): string {
  return `/api${evidencePath(personId, initiativeId)}/${encodeURIComponent(fileId)}`;
}

export const api = {
  health: (signal?: AbortSignal) =>
    request<{ status: 'ok'; db: string }>('GET', '/health', undefined, signal),

  login: (username: string, password: string) =>
    request<Me>('POST', '/v1/auth/login', { username, password }),
  logout: () => request<void>('POST', '/v1/auth/logout', {}),
  me: (signal?: AbortSignal) => request<Me>('GET', '/v1/me', undefined, signal),

  orgUnits: (signal?: AbortSignal) =>
    request<{ items: OrgUnit[] }>('GET', '/v1/org-units', undefined, signal),
  orgUnit: (id: string, signal?: AbortSignal) =>
    request<OrgUnitDetail>('GET', `/v1/org-units/${encodeURIComponent(id)}`, undefined, signal),
  createOrgUnit: (body: OrgUnitCreateBody) => request<OrgUnit>('POST', '/v1/org-units', body),
  updateOrgUnit: (id: string, body: OrgUnitUpdateBody) =>
    request<OrgUnit>('PATCH', `/v1/org-units/${encodeURIComponent(id)}`, body),
  closeOrgUnit: (id: string, body: OrgUnitClose) =>
    request<OrgUnit>('POST', `/v1/org-units/${encodeURIComponent(id)}/close`, body),
  mergeOrgUnit: (id: string, body: OrgUnitMerge) =>
    request<OrgUnitMergeResult>('POST', `/v1/org-units/${encodeURIComponent(id)}/merge`, body),

  people: (
    query: { q?: string; orgUnitId?: string; limit?: number; offset?: number },
    signal?: AbortSignal,
  ) => request<PeopleListResult>('GET', withQuery('/v1/people', query), undefined, signal),
  person: (id: string, signal?: AbortSignal) =>
    request<PersonDetail>('GET', `/v1/people/${encodeURIComponent(id)}`, undefined, signal),
  createPerson: (body: PersonCreateBody) => request<PersonDetail>('POST', '/v1/people', body),
  updatePerson: (id: string, body: PersonUpdateBody) =>
    request<PersonDetail>('PATCH', `/v1/people/${encodeURIComponent(id)}`, body),
  movePerson: (id: string, body: PersonMove) =>
    request<{ id: string; version: number }>('POST', `/v1/people/${encodeURIComponent(id)}/moves`, body),
  createPosition: (personId: string, body: PositionCreate) =>
    request<{ id: string }>('POST', `/v1/people/${encodeURIComponent(personId)}/positions`, body),
  updatePosition: (personId: string, positionId: string, body: PositionUpdate) =>
    request<{ id: string }>(
      'PATCH',
      `/v1/people/${encodeURIComponent(personId)}/positions/${encodeURIComponent(positionId)}`,
      body,
    ),
  deletePosition: (personId: string, positionId: string) =>
    request<void>(
      'DELETE',
      `/v1/people/${encodeURIComponent(personId)}/positions/${encodeURIComponent(positionId)}`,
    ),

  createEntry: <K extends RecordKind>(personId: string, kind: K, body: RecordKinds[K]['create']) =>
    request<RecordKinds[K]['entry']>('POST', `/v1/people/${encodeURIComponent(personId)}/${kind}`, body),
  updateEntry: <K extends RecordKind>(
    personId: string,
    kind: K,
    entryId: string,
    body: RecordKinds[K]['update'],
  ) =>
    request<RecordKinds[K]['entry']>(
      'PATCH',
      `/v1/people/${encodeURIComponent(personId)}/${kind}/${encodeURIComponent(entryId)}`,
      body,
    ),
  deleteEntry: (personId: string, kind: RecordKind, entryId: string) =>
    request<void>(
      'DELETE',
      `/v1/people/${encodeURIComponent(personId)}/${kind}/${encodeURIComponent(entryId)}`,
    ),

  evidence: (personId: string, initiativeId: string, signal?: AbortSignal) =>
    request<EvidenceListResult>('GET', evidencePath(personId, initiativeId), undefined, signal),
  uploadEvidence: (
    personId: string,
    initiativeId: string,
    file: Blob & { name: string },
    opts?: { onProgress?: (percent: number) => void; signal?: AbortSignal },
  ) => uploadFile<EvidenceUpload>(evidencePath(personId, initiativeId), file, opts),
  deleteEvidence: (personId: string, initiativeId: string, fileId: string) =>
    request<void>('DELETE', `${evidencePath(personId, initiativeId)}/${encodeURIComponent(fileId)}`),

  personEligibility: (id: string, query: { year?: number }, signal?: AbortSignal) =>
    request<PersonEligibility>(
      'GET',
      withQuery(`/v1/people/${encodeURIComponent(id)}/eligibility`, query),
      undefined,
      signal,
    ),
  unitEligibility: (id: string, query: { year?: number }, signal?: AbortSignal) =>
    request<UnitEligibility>(
      'GET',
      withQuery(`/v1/org-units/${encodeURIComponent(id)}/eligibility`, query),
      undefined,
      signal,
    ),
  eligibleNow: (query: EligibleNowQuery, page: { limit: number; offset: number }, signal?: AbortSignal) =>
    request<EligibleNowList>(
      'GET',
      withQuery('/v1/eligibility/eligible-now', eligibleNowQuery(query, undefined, page)),
      undefined,
      signal,
    ),
  eligibilityStore: (signal?: AbortSignal) =>
    request<EligibilityStoreStatus>('GET', '/v1/eligibility/store', undefined, signal),
  quotas: (query: { orgUnitId?: string; year?: number }, signal?: AbortSignal) =>
    request<QuotaReport>('GET', withQuery('/v1/eligibility/quotas', query), undefined, signal),
  catalogue: (signal?: AbortSignal) =>
    request<{ items: AwardSummary[] }>('GET', '/v1/eligibility/catalogue', undefined, signal),
  catalogueAward: (code: string, signal?: AbortSignal) =>
    request<AwardDescription>(
      'GET',
      `/v1/eligibility/catalogue/${encodeURIComponent(code)}`,
      undefined,
      signal,
    ),
  eligibilitySettings: (signal?: AbortSignal) =>
    request<{ items: RuleSetSettings[] }>('GET', '/v1/eligibility/settings', undefined, signal),
  changeSetting: (key: string, value: SettingValue, reason?: string) =>
    request<void>('PUT', `/v1/eligibility/settings/${encodeURIComponent(key)}`, {
      value,
      ...(reason ? { reason } : {}),
    }),
  /** Issue a person's commendation record as a numbered document; answers its register entry. */
  issueRecordPdf: (personId: string) =>
    request<DocumentEntry>('POST', `/v1/people/${encodeURIComponent(personId)}/record-pdf`),
  /** Issue the "eligible now" list (same filters as the table) as a numbered PDF document. */
  issueEligibleListPdf: (q: EligibleNowQuery) =>
    request<DocumentEntry>('POST', '/v1/eligibility/eligible-now/pdf', {
      orgUnitId: q.orgUnitId,
      awards: q.awards && q.awards.length > 0 ? [...q.awards] : undefined,
      year: q.year,
      onlyNew: q.onlyNew || undefined,
    } as EligibleListPdfBody),
  documents: (
    query: { kind?: DocumentKind; year?: number; limit?: number; offset?: number },
    signal?: AbortSignal,
  ) => request<DocumentList>('GET', withQuery('/v1/documents', query), undefined, signal),

  /** Remove the stored change (the key that holds it: `overriddenBy`), so the default applies again. */
  resetSetting: (key: string) =>
    request<void>('DELETE', `/v1/eligibility/settings/${encodeURIComponent(key)}`),

  // Working-day calendar
  calendarYears: (signal?: AbortSignal) =>
    request<{ items: CalendarYear[] }>('GET', '/v1/calendar/years', undefined, signal),
  createProvisionalYear: (year: number) => request<CalendarYear>('POST', '/v1/calendar/years', { year }),
  updateCalendarYear: (year: number, body: CalendarYearUpdate) =>
    request<CalendarYear>('PUT', `/v1/calendar/years/${year}`, body),
  countWorkingDays: (query: CalendarQuery) => request<CalendarResult>('POST', '/v1/calendar/count', query),
};

/** The field name a validation detail points at ("/year", "body.year", "year" → "year"). */
export function detailField(path: string): string {
  const parts = path.split(/[/.]/).filter((p) => p !== '' && p !== 'body');
  return parts[parts.length - 1] ?? '';
}
