/**
 * The audit log as the API shows it ("Nhật ký hoạt động"): who did what, when, with the before and after,
 * filtered and within the reader's scope; one entry with its changed fields; the state of the hash chain.
 * The names of the actions and of the kinds of entity, in Vietnamese and English, live here once: the
 * server's sentences and the web's filter and table derive from them. An action not listed (a newer
 * server, another feature) is shown by its code: `auditActionName` falls back gracefully.
 */
import { Type, type Static, type TSchema } from 'typebox';
import { DateString, Id } from './api';
import type { Lang, Names } from './vocabulary';

/** The kinds of entity the log speaks of (the `entity_type` column). */
export const AUDIT_ENTITY_TYPES = [
  'person',
  'org_unit',
  'position',
  'rating',
  'initiative',
  'discipline',
  'award_record',
  'user',
  'setting',
  'calendar_year',
  'document',
  'job',
] as const;
export type AuditEntityType = (typeof AUDIT_ENTITY_TYPES)[number];
export const AUDIT_ENTITY_TYPE_NAMES: Readonly<Record<AuditEntityType, Names>> = {
  person: { vi: 'Cán bộ, người lao động', en: 'Person' },
  org_unit: { vi: 'Đơn vị', en: 'Organisation unit' },
  position: { vi: 'Chức vụ', en: 'Post' },
  rating: { vi: 'Đánh giá, xếp loại', en: 'Yearly rating' },
  initiative: { vi: 'Sáng kiến, đề tài', en: 'Initiative' },
  discipline: { vi: 'Kỷ luật', en: 'Discipline' },
  award_record: { vi: 'Khen thưởng đã nhận', en: 'Award received' },
  user: { vi: 'Tài khoản', en: 'User account' },
  setting: { vi: 'Thiết lập', en: 'Setting' },
  calendar_year: { vi: 'Lịch làm việc', en: 'Working calendar' },
  document: { vi: 'Văn bản', en: 'Document' },
  job: { vi: 'Công việc nền', en: 'Background job' },
};

/** Every action the server records today (grep `action: '` and the records service's `${entity}.create`). */
export const AUDIT_ACTIONS = [
  'person.create',
  'person.update',
  'person.move',
  'org_unit.create',
  'org_unit.update',
  'org_unit.move',
  'org_unit.close',
  'org_unit.merge',
  'position.create',
  'position.update',
  'position.delete',
  'rating.create',
  'rating.update',
  'rating.delete',
  'rating.import',
  'initiative.create',
  'initiative.update',
  'initiative.delete',
  'initiative.evidence_attach',
  'initiative.evidence_detach',
  'discipline.create',
  'discipline.update',
  'discipline.delete',
  'award_record.create',
  'award_record.update',
  'award_record.delete',
  'user.create',
  'user.update',
  'user.deactivate',
  'user.reactivate',
  'user.password_reset',
  'user.password_change',
  'user.unlock',
  'session.end',
  'session.end_others',
  'setting.change',
  'setting.reset',
  'calendar_year.create',
  'calendar_year.update',
  'document.issue',
  'job.start',
  'job.cancel',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export const AUDIT_ACTION_NAMES: Readonly<Record<AuditAction, Names>> = {
  'person.create': { vi: 'Thêm người', en: 'Add person' },
  'person.update': { vi: 'Sửa thông tin người', en: 'Edit person' },
  'person.move': { vi: 'Chuyển đơn vị', en: 'Move to another unit' },
  'org_unit.create': { vi: 'Thêm đơn vị', en: 'Add unit' },
  'org_unit.update': { vi: 'Sửa đơn vị', en: 'Edit unit' },
  'org_unit.move': { vi: 'Chuyển đơn vị cấp trên', en: 'Move unit under another parent' },
  'org_unit.close': { vi: 'Đóng đơn vị', en: 'Close unit' },
  'org_unit.merge': { vi: 'Sáp nhập đơn vị', en: 'Merge unit' },
  'position.create': { vi: 'Thêm chức vụ', en: 'Add post' },
  'position.update': { vi: 'Sửa chức vụ', en: 'Edit post' },
  'position.delete': { vi: 'Xóa chức vụ', en: 'Delete post' },
  'rating.create': { vi: 'Thêm xếp loại', en: 'Add rating' },
  'rating.update': { vi: 'Sửa xếp loại', en: 'Edit rating' },
  'rating.delete': { vi: 'Xóa xếp loại', en: 'Delete rating' },
  'rating.import': { vi: 'Nhập xếp loại từ Excel', en: 'Import ratings from Excel' },
  'initiative.create': { vi: 'Thêm sáng kiến, đề tài', en: 'Add initiative' },
  'initiative.update': { vi: 'Sửa sáng kiến, đề tài', en: 'Edit initiative' },
  'initiative.delete': { vi: 'Xóa sáng kiến, đề tài', en: 'Delete initiative' },
  'initiative.evidence_attach': { vi: 'Đính kèm minh chứng', en: 'Attach evidence' },
  'initiative.evidence_detach': { vi: 'Gỡ minh chứng', en: 'Remove evidence' },
  'discipline.create': { vi: 'Thêm kỷ luật', en: 'Add discipline' },
  'discipline.update': { vi: 'Sửa kỷ luật', en: 'Edit discipline' },
  'discipline.delete': { vi: 'Xóa kỷ luật', en: 'Delete discipline' },
  'award_record.create': { vi: 'Thêm khen thưởng đã nhận', en: 'Add award received' },
  'award_record.update': { vi: 'Sửa khen thưởng đã nhận', en: 'Edit award received' },
  'award_record.delete': { vi: 'Xóa khen thưởng đã nhận', en: 'Delete award received' },
  'user.create': { vi: 'Tạo tài khoản', en: 'Create account' },
  'user.update': { vi: 'Sửa tài khoản', en: 'Edit account' },
  'user.deactivate': { vi: 'Khóa tài khoản', en: 'Deactivate account' },
  'user.reactivate': { vi: 'Mở lại tài khoản', en: 'Reactivate account' },
  'user.password_reset': { vi: 'Đặt lại mật khẩu', en: 'Reset password' },
  'user.password_change': { vi: 'Đổi mật khẩu', en: 'Change password' },
  'user.unlock': { vi: 'Mở khóa đăng nhập', en: 'Unlock sign-in' },
  'session.end': { vi: 'Kết thúc phiên đăng nhập', en: 'End session' },
  'session.end_others': { vi: 'Kết thúc các phiên khác', en: 'End other sessions' },
  'setting.change': { vi: 'Đổi thiết lập', en: 'Change setting' },
  'setting.reset': { vi: 'Khôi phục thiết lập mặc định', en: 'Reset setting' },
  'calendar_year.create': { vi: 'Thêm lịch làm việc năm', en: 'Add working calendar year' },
  'calendar_year.update': { vi: 'Sửa lịch làm việc năm', en: 'Edit working calendar year' },
  'document.issue': { vi: 'Cấp văn bản', en: 'Issue document' },
  'job.start': { vi: 'Bắt đầu công việc nền', en: 'Start background job' },
  'job.cancel': { vi: 'Hủy công việc nền', en: 'Cancel background job' },
};

const isKnownAction = (action: string): action is AuditAction => Object.hasOwn(AUDIT_ACTION_NAMES, action);
const isKnownEntityType = (type: string): type is AuditEntityType =>
  Object.hasOwn(AUDIT_ENTITY_TYPE_NAMES, type);

/** An action's name in a language; an action this list does not know yet is shown by its code. */
export function auditActionName(action: string, lang: Lang): string {
  return isKnownAction(action) ? AUDIT_ACTION_NAMES[action][lang] : action;
}

/** A kind of entity's name in a language, or its code when unknown. */
export function auditEntityTypeName(type: string, lang: Lang): string {
  return isKnownEntityType(type) ? AUDIT_ENTITY_TYPE_NAMES[type][lang] : type;
}

/**
 * An `action` filter: an action's code (`person.create`), or a prefix ending in a dot (`person.`, also
 * written `person.*`) for every action on a kind of entity.
 */
export const AUDIT_ACTION_FILTER = '^[a-z][a-z0-9_]*(\\.([a-z0-9_]+|\\*)?)?$';

/** Key names whose values the log never shows (a password's hash, a token), whoever reads it. */
export const AUDIT_HIDDEN_KEY = /password|token|secret/i;

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });

export const AuditQuery = Type.Object(
  {
    /** the actor's user name, exactly */
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 80, pattern: AUDIT_ACTION_FILTER })),
    entityType: Type.Optional(Type.String({ maxLength: 40, pattern: '^[a-z][a-z0-9_]*$' })),
    entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    /** a person's own entries and those of their yearly record (ratings, initiatives, ...) */
    personId: Type.Optional(Id),
    /** the unit and its subtree (within the reader's scope; 404 outside it) */
    orgUnitId: Type.Optional(Id),
    /** first day, in Vietnam time */
    from: Type.Optional(DateString),
    /** last day, included, in Vietnam time */
    to: Type.Optional(DateString),
    /** free text, without diacritics if you like: the actor's name, the person's or unit's name */
    q: Type.Optional(Type.String({ maxLength: 100 })),
    /** keyset paging: entries with a smaller number than this (the previous page's `nextBefore`) */
    before: Type.Optional(Type.Integer({ minimum: 1 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEntrySummary = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  at: Timestamp,
  actorUsername: Type.String(),
  /** the actor's name as their account says today; null for the system (the command line) */
  actorFullName: Nullable(Type.String()),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  /** what the entry is about, in words: a person's or unit's name, a document's number, ... */
  entityLabel: Nullable(Type.String()),
  /** the person the entry is about (themselves or an entry of their record), for the link */
  personId: Nullable(Id),
  orgUnitId: Nullable(Id),
  orgUnitName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  /** the top-level fields whose value differs between before and after */
  changedFields: Type.Array(Type.String()),
});
export type AuditEntrySummary = Static<typeof AuditEntrySummary>;

export const AuditList = Type.Object({
  items: Type.Array(AuditEntrySummary),
  /** pass as `before` for the next (older) page; null when this is the last */
  nextBefore: Nullable(Type.Integer()),
});
export type AuditList = Static<typeof AuditList>;

export const AuditFieldChange = Type.Object({
  key: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  changed: Type.Boolean(),
});
export type AuditFieldChange = Static<typeof AuditFieldChange>;

export const AuditEntryDetail = Type.Object({
  ...AuditEntrySummary.properties,
  before: Type.Unknown(),
  after: Type.Unknown(),
  /** every top-level field of before and after, the changed ones marked */
  fields: Type.Array(AuditFieldChange),
  prevHash: Type.String(),
  hash: Type.String(),
});
export type AuditEntryDetail = Static<typeof AuditEntryDetail>;

/** What is wrong with a row of the chain. */
export const AUDIT_CHAIN_PROBLEMS = ['gap', 'link', 'content', 'head'] as const;
export type AuditChainProblem = (typeof AUDIT_CHAIN_PROBLEMS)[number];
export const AUDIT_CHAIN_PROBLEM_NAMES: Readonly<Record<AuditChainProblem, Names>> = {
  gap: { vi: 'thiếu bản ghi ngay trước bản ghi này', en: 'entries are missing before this one' },
  link: {
    vi: 'mã băm liên kết không khớp với bản ghi trước',
    en: 'its link does not match the previous entry',
  },
  content: {
    vi: 'nội dung đã bị sửa (không khớp mã băm)',
    en: 'its content was changed (it does not match its hash)',
  },
  head: {
    vi: 'đầu chuỗi không khớp bản ghi cuối (bản ghi cuối bị xóa?)',
    en: 'the chain head does not match the last entry (entries removed at the end?)',
  },
};

export const AuditChainProblemEntry = Type.Object({
  seq: Type.Integer(),
  code: Type.Enum([...AUDIT_CHAIN_PROBLEMS]),
  /** in English, for the command line and the logs */
  problem: Type.String(),
});

export const AuditChainStatus = Type.Object({
  /** the number of the newest entry (the log's length) */
  headSeq: Type.Integer({ minimum: 0 }),
  /** the last full verification (a background job, or the command line); null when never run */
  lastCheck: Nullable(
    Type.Object({
      ok: Type.Boolean(),
      checked: Type.Integer(),
      /** the chain was walked up to this entry */
      upToSeq: Type.Integer(),
      firstBrokenSeq: Nullable(Type.Integer()),
      /** the first problems found (at most 50) */
      problems: Type.Array(AuditChainProblemEntry),
      problemCount: Type.Integer(),
      startedBy: Type.String(),
      startedAt: Timestamp,
      finishedAt: Timestamp,
    }),
  ),
  /** the newest entries, checked on this request (cheap): a recent tampering shows at once */
  tail: Type.Object({
    ok: Type.Boolean(),
    checked: Type.Integer(),
    fromSeq: Type.Integer(),
    toSeq: Type.Integer(),
    firstBrokenSeq: Nullable(Type.Integer()),
    problems: Type.Array(AuditChainProblemEntry),
  }),
  /** may this reader start a full verification */
  canVerify: Type.Boolean(),
});
export type AuditChainStatus = Static<typeof AuditChainStatus>;
