import { auditSubjects } from '@samenhang/topology';
import { link } from './schema.js';

/**
 * The type a record may have on each subject: who may publish a subject decides what its
 * records can be (the console may write disclosures and actions, never a decision or an
 * erasure tombstone), so a record claiming another type is indexed as of none.
 */
const TYPE_OF_SUBJECT: Readonly<Record<string, string>> = {
  [auditSubjects.decisions]: 'decision',
  [auditSubjects.disclosures]: 'disclosure',
  [auditSubjects.erasures]: 'erasure',
  [auditSubjects.actions]: 'assignment',
};

/** What the read model keeps of one record besides the record itself: the columns and links it is found by. */
export interface RowFields {
  readonly type: string;
  readonly id: string | null;
  readonly time: string;
  readonly agency: string | null;
  readonly signal: string | null;
  readonly recipient: string | null;
  readonly viewer: string | null;
  /** For a decision: when its signal was observed (the learning figures' waiting times start there). */
  readonly observed: string | null;
  readonly links: readonly string[];
  /** For a disclosure: the decisions it carried (their agencies are linked once they are looked up). */
  readonly carried: readonly string[];
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The columns and links of a record as the log holds it on `subject`. Any record the log holds
 * gets a row, even one of a type this version does not know or that its subject does not
 * allow (it is in the tree, so the index must be too, or every later leaf index would be off
 * by one): its type is then 'unknown', and no query finds it as anything.
 */
export function rowFields(record: Record<string, unknown>, subject: string): RowFields {
  const claimed = str(record.type);
  const type = claimed !== null && TYPE_OF_SUBJECT[subject] === claimed ? claimed : 'unknown';
  const base = {
    type,
    agency: null,
    signal: null,
    recipient: null,
    viewer: null,
    observed: null,
    carried: [] as string[],
  };
  switch (type) {
    case 'decision': {
      const people = [str(record.subjectPseudonym), ...strs(record.relatedPseudonyms)].filter(
        (p): p is string => p !== null,
      );
      const household = str(record.householdKey);
      return {
        ...base,
        id: str(record.decisionId),
        time: str(record.decidedAt) ?? '',
        agency: str(record.sourceAgency),
        signal: str(record.signalId),
        recipient: str(record.recipient),
        observed: str((record.facts as Record<string, unknown> | undefined)?.observedAt),
        links: [...new Set(people)].map(link.person).concat(household ? [link.household(household)] : []),
      };
    }
    case 'disclosure': {
      const carried = [...new Set(strs(record.decisionIds))];
      return {
        ...base,
        id: str(record.disclosureId),
        time: str(record.time) ?? '',
        recipient: str(record.recipient),
        viewer: str(record.viewer),
        carried,
        links: [...new Set(strs(record.pseudonyms))].map(link.person).concat(carried.map(link.decision)),
      };
    }
    case 'erasure':
      return {
        ...base,
        id: str(record.erasureId),
        time: str(record.time) ?? '',
        links: str(record.person) ? [link.person(record.person as string)] : [],
      };
    case 'assignment':
      return { ...base, id: str(record.assignmentId), time: str(record.time) ?? '', links: [] };
    default:
      return {
        ...base,
        id: str(record.decisionId) ?? str(record.disclosureId) ?? null,
        time: str(record.time) ?? '',
        links: [],
      };
  }
}
