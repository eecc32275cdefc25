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
}

/**
 * A human decision recorded in the console, e.g. the review of an ACUTE disclosure
 * that the policy requires within 24 h. A fixed choice, no free text (no personal data).
 */
export interface ReviewRecord {
  readonly type: 'review';
  readonly reviewId: string;
  readonly time: string;
  readonly reviewer: string;
  readonly obligation: string;
  readonly decisionId: string;
  readonly signalId: string;
  readonly alertId: string;
  readonly outcome: 'UPHELD' | 'WITHDRAW';
}
