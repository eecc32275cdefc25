/** The disclosure record (docs/policy.md): what was sent to whom under which decisions — never the content. */
export interface DisclosureRecord {
  readonly type: 'disclosure';
  readonly disclosureId: string;
  /** alert or picture: sent by the consent service; view: shown on a console page. */
  readonly kind: 'alert' | 'picture' | 'view';
  readonly time: string;
  readonly recipient: string;
  readonly purpose: string;
  readonly decisionIds: readonly string[];
  readonly legalBasis: readonly {
    readonly signalId: string;
    readonly rule: string;
    readonly citation: string;
    readonly assumption: boolean;
  }[];
  readonly fieldsSent: readonly { readonly signalId: string; readonly fields: readonly string[] }[];
  readonly contentSha256: string;
  readonly sourceSignals: readonly string[];
  readonly pseudonyms: readonly string[];
  readonly systemId: string;
  readonly alertId?: string;
  readonly version?: number;
  /**
   * An alert version that corrects the earlier ones (AVG 19): persons they showed as one
   * family system are no longer linked. `replacedBy`: for a system that no longer exists,
   * the systems its persons are now shown in.
   */
  readonly correction?: { readonly replacedBy: readonly string[] };
  /** For a view: the disclosure whose content was shown, and the signed-in identity. */
  readonly viewOf?: string;
  readonly viewer?: string;
  /** For a view by a signed-in person: the role they acted in. */
  readonly viewerRole?: string;
  /**
   * A privacy officer's page or export of the log (purpose PRIVACY_SUPERVISION): which list,
   * under which filter (ids and dates, never a BSN), and how many rows; contentSha256 is the
   * hash of the rows' ids.
   */
  readonly shown?: {
    readonly kind: 'decisions' | 'disclosures';
    readonly format: 'page' | 'csv';
    readonly filter: Readonly<Partial<Record<string, string | number>>>;
    readonly rows: number;
  };
}

/**
 * A person's action in the console that is not a decision about a signal: a coordinator
 * assigns a family system to an RVT worker and names its local-team contact (the family's
 * "vaste duo"). Who, for whom, what and when, by pseudonymous ids; never a name: that the
 * contact was named is recorded, not who it is.
 */
export interface AssignmentRecord {
  readonly type: 'assignment';
  readonly assignmentId: string;
  readonly time: string;
  /** The organisation the people act for (the RVT) and its region. */
  readonly organisation: string;
  readonly region: string;
  readonly systemId: string;
  /** The worker the family is assigned to (a person's pseudonymous id). */
  readonly assignee: string;
  readonly localTeamContact: boolean;
  readonly by: string;
  readonly byRole: string;
  readonly purpose: string;
}
