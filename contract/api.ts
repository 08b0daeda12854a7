/**
 * The API's shape: TypeBox schemas shared by the server (validation, OpenAPI) and the web client (types).
 */
import { Type, type Static } from 'typebox';

import {
  AWARD_RECORD_TYPES,
  DISCIPLINE_FORMS,
  GENDERS,
  INITIATIVE_KINDS,
  INITIATIVE_SCOPES,
  ORG_UNIT_KINDS,
  PERSON_CATEGORIES,
  PERSON_CODE_MAX,
  RATING_LEVELS,
  ROLES,
} from './vocabulary';

export {
  AWARD_RECORD_TYPES,
  DISCIPLINE_FORMS,
  GENDERS,
  INITIATIVE_KINDS,
  INITIATIVE_SCOPES,
  ORG_UNIT_KINDS,
  PERSON_CATEGORIES,
  RATING_LEVELS,
  ROLES,
};

const lit = <const T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);

export const Id = Type.String({ format: 'uuid' });
export const DateString = Type.String({ format: 'date', description: 'yyyy-mm-dd' });
export const Year = Type.Integer({ minimum: 1945, maximum: 2100 });
/** An optimistic-concurrency version (a PostgreSQL integer). */
export const Version = Type.Integer({ minimum: 1, maximum: 2_147_483_647 });
/** Where a page starts; far past any real list, but inside what the database counts with. */
export const Offset = Type.Integer({ minimum: 0, maximum: 100_000_000, default: 0 });
/** Text that must say something: at least one character that is not white space. */
export const NON_BLANK = '\\S';
const Name = (max = 200) => Type.String({ minLength: 1, maxLength: max, pattern: NON_BLANK });

export const ErrorResponse = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
});

/**
 * The error answers a route can give, all in the ErrorResponse shape (server/src/plugins/errors.ts):
 * bad input (400), not logged in (401), forbidden or a cross-site write (403), missing or outside the
 * actor's scope (404), and the generic server error (500).
 */
export const ReadErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  500: ErrorResponse,
} as const;
/** …and a write's: a version conflict or duplicate (409), a body too large (413) or not JSON (415). */
export const WriteErrors = {
  ...ReadErrors,
  409: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
} as const;

/** 200 `ok` when the database answers `select 1`; 503 `degraded` (with `Retry-After` and a message) when not. */
export const Health = Type.Object({
  status: lit(['ok', 'degraded'] as const),
  db: lit(['pglite', 'postgres'] as const),
  message: Type.Optional(Type.String()),
});
export type Health = Static<typeof Health>;

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export const Me = Type.Object({
  username: Type.String(),
  fullName: Type.String(),
  roles: Type.Array(lit(ROLES)),
  orgUnitId: Id,
  orgUnitName: Type.String(),
  /** the password was set by an administrator: only the own-account routes answer until it is changed */
  mustChangePassword: Type.Boolean(),
});
export type Me = Static<typeof Me>;

export const OrgUnit = Type.Object({
  id: Id,
  parentId: Type.Union([Id, Type.Null()]),
  code: Type.String(),
  name: Type.String(),
  shortName: Type.Union([Type.String(), Type.Null()]),
  kind: lit(ORG_UNIT_KINDS),
  validFrom: DateString,
  validTo: Type.Union([DateString, Type.Null()]),
  mergedIntoId: Type.Union([Id, Type.Null()]),
  headPersonId: Type.Union([Id, Type.Null()]),
  version: Type.Integer(),
});
export type OrgUnit = Static<typeof OrgUnit>;

export const OrgUnitDetail = Type.Object({
  ...OrgUnit.properties,
  ancestors: Type.Array(Type.Object({ id: Id, name: Type.String() })),
  mergedFrom: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      kind: lit(ORG_UNIT_KINDS),
      validTo: Type.Union([DateString, Type.Null()]),
    }),
  ),
  mergedInto: Type.Union([Type.Object({ id: Id, name: Type.String() }), Type.Null()]),
  peopleCount: Type.Integer(),
  /** people whose unit is this one itself (not a sub-unit): those a merge moves, and a close refuses */
  ownPeopleCount: Type.Integer(),
  /** sub-units still active (a merge moves them under the target; a close refuses while there are any) */
  activeChildCount: Type.Integer(),
  /** kinds of unit that may be created directly under this one (server/src/domain/org-units/hierarchy.ts) */
  childKinds: Type.Array(lit(ORG_UNIT_KINDS)),
  /** a predecessor of the reader's subtree (merged into it): readable, never writable */
  readOnly: Type.Boolean(),
});
export type OrgUnitDetail = Static<typeof OrgUnitDetail>;

export const OrgUnitList = Type.Object({ items: Type.Array(OrgUnit) });

export const OrgUnitCreate = Type.Object(
  {
    parentId: Id,
    code: Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9_.-]+$' }),
    name: Name(),
    shortName: Type.Optional(Type.Union([Name(100), Type.Null()])),
    kind: lit(ORG_UNIT_KINDS),
    validFrom: DateString,
    validTo: Type.Optional(Type.Union([DateString, Type.Null()])),
  },
  { additionalProperties: false },
);
export const OrgUnitUpdate = Type.Object(
  {
    version: Version,
    parentId: Type.Optional(Id),
    name: Type.Optional(Name()),
    shortName: Type.Optional(Type.Union([Name(100), Type.Null()])),
    kind: Type.Optional(lit(ORG_UNIT_KINDS)),
    validFrom: Type.Optional(DateString),
    validTo: Type.Optional(Type.Union([DateString, Type.Null()])),
    mergedIntoId: Type.Optional(Type.Union([Id, Type.Null()])),
    headPersonId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false },
);

export const PersonSummary = Type.Object({
  id: Id,
  /** "Mã cán bộ", when the person has one */
  code: Type.Union([Type.String(), Type.Null()]),
  fullName: Type.String(),
  gender: lit(GENDERS),
  birthDate: Type.Union([DateString, Type.Null()]),
  category: lit(PERSON_CATEGORIES),
  directWorker: Type.Boolean(),
  orgUnitId: Id,
  orgUnitName: Type.String(),
  currentPosition: Type.Union([Type.String(), Type.Null()]),
  latestRating: Type.Union([Type.Object({ year: Type.Integer(), level: lit(RATING_LEVELS) }), Type.Null()]),
});
export type PersonSummary = Static<typeof PersonSummary>;

export const PeopleQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    orgUnitId: Type.Optional(Id),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
    offset: Type.Optional(Offset),
  },
  { additionalProperties: false },
);
export const PeopleList = Type.Object({
  items: Type.Array(PersonSummary),
  /** how many match; when `totalIsLowerBound`, counting stopped here and more match */
  total: Type.Integer({ minimum: 0 }),
  totalIsLowerBound: Type.Boolean({
    description: 'true when there are more than `total` matches (the count stops at a cap, e.g. 10,000)',
  }),
});

export const RatingEntry = Type.Object({
  id: Id,
  year: Type.Integer(),
  level: lit(RATING_LEVELS),
  version: Type.Integer(),
});
export const InitiativeEntry = Type.Object({
  id: Id,
  year: Type.Integer(),
  title: Type.String(),
  kind: lit(INITIATIVE_KINDS),
  scope: lit(INITIATIVE_SCOPES),
  version: Type.Integer(),
});
export const DisciplineEntry = Type.Object({
  id: Id,
  year: Type.Integer(),
  form: lit(DISCIPLINE_FORMS),
  decidedOn: Type.Union([DateString, Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
});
export const AwardEntry = Type.Object({
  id: Id,
  awardCode: Type.String(),
  awardName: Type.String(),
  year: Type.Integer(),
  type: lit(AWARD_RECORD_TYPES),
  decisionNo: Type.Union([Type.String(), Type.Null()]),
  decisionDate: Type.Union([DateString, Type.Null()]),
  issuer: Type.Union([Type.String(), Type.Null()]),
  version: Type.Integer(),
});
export const PositionEntry = Type.Object({
  id: Id,
  orgUnitId: Id,
  orgUnitName: Type.String(),
  title: Type.String(),
  isLeadership: Type.Boolean(),
  fromDate: DateString,
  toDate: Type.Union([DateString, Type.Null()]),
  version: Type.Integer(),
});
export const MembershipEntry = Type.Object({
  orgUnitId: Id,
  orgUnitName: Type.String(),
  fromDate: DateString,
  toDate: Type.Union([DateString, Type.Null()]),
});

export const PersonDetail = Type.Object({
  ...PersonSummary.properties,
  ethnicity: Type.String(),
  startedOn: Type.Union([DateString, Type.Null()]),
  version: Type.Integer(),
  memberships: Type.Array(MembershipEntry),
  positions: Type.Array(PositionEntry),
  ratings: Type.Array(RatingEntry),
  initiatives: Type.Array(InitiativeEntry),
  discipline: Type.Array(DisciplineEntry),
  awards: Type.Array(AwardEntry),
});
export type PersonDetail = Static<typeof PersonDetail>;

/** "Mã cán bộ": trimmed, unique among people whatever the case (409 `person_code_taken`). */
export const PersonCode = Type.String({ minLength: 1, maxLength: PERSON_CODE_MAX, pattern: NON_BLANK });

const personFields = {
  code: Type.Union([PersonCode, Type.Null()]),
  fullName: Name(),
  gender: lit(GENDERS),
  birthDate: Type.Union([DateString, Type.Null()]),
  ethnicity: Name(50),
  category: lit(PERSON_CATEGORIES),
  directWorker: Type.Boolean(),
  startedOn: Type.Union([DateString, Type.Null()]),
  orgUnitId: Id,
};
export const PersonCreate = Type.Object(
  {
    ...personFields,
    code: Type.Optional(personFields.code),
    birthDate: Type.Optional(personFields.birthDate),
    ethnicity: Type.Optional(personFields.ethnicity),
    directWorker: Type.Optional(personFields.directWorker),
    startedOn: Type.Optional(personFields.startedOn),
    /** the first post, in the person's unit from the day they start (or today) */
    position: Type.Optional(
      Type.Object(
        {
          title: Type.String({ minLength: 1, maxLength: 200, pattern: NON_BLANK }),
          isLeadership: Type.Optional(Type.Boolean()),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export const PersonUpdate = Type.Object(
  {
    version: Version,
    code: Type.Optional(personFields.code),
    fullName: Type.Optional(personFields.fullName),
    gender: Type.Optional(personFields.gender),
    birthDate: Type.Optional(personFields.birthDate),
    ethnicity: Type.Optional(personFields.ethnicity),
    category: Type.Optional(personFields.category),
    directWorker: Type.Optional(personFields.directWorker),
    startedOn: Type.Optional(personFields.startedOn),
    orgUnitId: Type.Optional(personFields.orgUnitId),
  },
  { additionalProperties: false },
);

export const RatingCreate = Type.Object(
  { year: Year, level: lit(RATING_LEVELS) },
  { additionalProperties: false },
);
export const InitiativeCreate = Type.Object(
  { year: Year, title: Name(500), kind: Type.Optional(lit(INITIATIVE_KINDS)), scope: lit(INITIATIVE_SCOPES) },
  { additionalProperties: false },
);
export const DisciplineCreate = Type.Object(
  {
    year: Year,
    form: lit(DISCIPLINE_FORMS),
    decidedOn: Type.Optional(Type.Union([DateString, Type.Null()])),
    reason: Type.Optional(Type.Union([Type.String({ maxLength: 1000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export const AwardCreate = Type.Object(
  {
    awardCode: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Z0-9_]+$' }),
    year: Year,
    type: Type.Optional(lit(AWARD_RECORD_TYPES)),
    decisionNo: Type.Optional(Type.Union([Type.String({ maxLength: 100 }), Type.Null()])),
    decisionDate: Type.Optional(Type.Union([DateString, Type.Null()])),
    issuer: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
  },
  { additionalProperties: false },
);
/** Updates carry the entry's version (optimistic concurrency) and any of the create fields. */
export const RatingUpdate = Type.Object(
  { version: Version, ...Type.Partial(RatingCreate).properties },
  { additionalProperties: false },
);
export const InitiativeUpdate = Type.Object(
  { version: Version, ...Type.Partial(InitiativeCreate).properties },
  { additionalProperties: false },
);
export const DisciplineUpdate = Type.Object(
  { version: Version, ...Type.Partial(DisciplineCreate).properties },
  { additionalProperties: false },
);
export const AwardUpdate = Type.Object(
  { version: Version, ...Type.Partial(AwardCreate).properties },
  { additionalProperties: false },
);
