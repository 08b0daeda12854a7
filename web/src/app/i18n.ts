/**
 * Every string the user interface shows, in Vietnamese (the default) and English, composed from the
 * application's dictionary (app/messages.ts: name, menu, common, errors, and the names of the contract's
 * vocabularies) and one dictionary per feature (features/<feature>/messages.ts). `useT()` gives the
 * composed object; in each dictionary `vi` defines the shape and `en` must match it (the type checker
 * enforces it).
 */
import type { Lang } from '../../../contract/vocabulary';
import { authMessages } from '../features/auth/messages';
import { eligibilityMessages } from '../features/eligibility/messages';
import { orgUnitsMessages } from '../features/org-units/messages';
import { overviewMessages } from '../features/overview/messages';
import { peopleMessages } from '../features/people/messages';
import type { Dictionary } from './language';
import { appMessages, vocabularyMessages } from './messages';

export type {
  AwardRecordType,
  DisciplineForm,
  Gender,
  InitiativeKind,
  InitiativeScope,
  Lang,
  OrgUnitKind,
  PersonCategory,
  RatingLevel,
  Role,
} from '../../../contract/vocabulary';

/** One dictionary's strings in a language, typed by its Vietnamese shape. */
function inLang<T>(dictionary: Dictionary<T>, lang: Lang): T {
  return dictionary[lang];
}

function compose(lang: Lang) {
  return {
    ...vocabularyMessages(lang),
    ...inLang(appMessages, lang),
    ...inLang(authMessages, lang),
    ...inLang(overviewMessages, lang),
    ...inLang(orgUnitsMessages, lang),
    ...inLang(peopleMessages, lang),
    ...inLang(eligibilityMessages, lang),
  };
}

export type Messages = ReturnType<typeof compose>;

export const messages: Record<Lang, Messages> = { vi: compose('vi'), en: compose('en') };
