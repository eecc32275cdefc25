/**
 * The access report a citizen reads (AVG art. 15): codes and data only, no sentences. The
 * words are the renderer's (citizen/words-*.ts), so the Dutch and the English page, the
 * CLI and the console all show one and the same content.
 */

export type ReportLang = 'nl' | 'en';

/** Who asks: the person themselves, or someone for them (a child's parent or guardian, a representative). */
export const REQUESTER_KINDS = ['self', 'parent', 'guardian', 'representative'] as const;
export type RequesterKind = (typeof REQUESTER_KINDS)[number];

/** A postal address as the vault holds it. */
export interface HeldAddress {
  readonly postcode: string;
  readonly houseNumber: number;
  readonly houseNumberSuffix: string;
}

/**
 * What the vault holds of the person, read with the broker's keys. `person` is absent when
 * the person's data key is erased (AVG art. 17) or nothing was stored; `content` is keyed
 * by `agency/signalId`, for signals the person is the subject of only.
 */
export interface HeldData {
  readonly person?: { readonly name: string; readonly birthDate: string };
  readonly content: ReadonlyMap<string, { readonly summary: string; readonly address: HeldAddress }>;
}

/** One recipient of a signal, repeated disclosures folded into one line. */
export interface RecipientGroup {
  readonly recipient: string;
  readonly recipientName: string;
  /** sent: an alert or picture the broker sent; viewed: a page a staff member opened. */
  readonly how: 'sent' | 'viewed';
  readonly times: number;
  /** How many different staff members opened it (views only). */
  readonly viewers: number;
  readonly first: string;
  readonly last: string;
  /** What of this person it showed: disclosable field names, only those about them. */
  readonly fields: readonly string[];
}

export interface CitizenSignal {
  readonly signalId: string;
  readonly agency: string;
  readonly agencyName: string;
  /** subject: the signal is about the person; related: the person is named in it. */
  readonly role: 'subject' | 'related';
  readonly category: string;
  readonly severity: string;
  readonly observedAt: string;
  readonly purpose: string;
  readonly outcome: string;
  readonly rule: string;
  readonly citation: string;
  readonly assumption: boolean;
  readonly retentionMonths: number;
  /** observedAt plus the retention: when the signal is removed at the latest. */
  readonly keptUntil: string;
  /** The copy of the data (AVG art. 15(3)): what the vault holds of this signal about the person. */
  readonly summary?: string;
  readonly address?: HeldAddress;
  readonly recipients: readonly RecipientGroup[];
}

export interface Withheld {
  /**
   * others: signals about other persons in the same picture (AVG 15(4));
   * reporter: who reported a concern (Jeugdwet 7.3.11, AVG 23(1)(i));
   * requester-involved: signals the requester is named in themselves (UAVG 41, Jeugdwet 7.3.11);
   * protected-address: a protected address, left out when someone else asks.
   */
  readonly reason: 'others' | 'reporter' | 'requester-involved' | 'protected-address';
  readonly count: number;
}

export interface CitizenReport {
  readonly generatedAt: string;
  readonly requester: {
    readonly kind: RequesterKind;
    /** Not the person themselves: a privacy officer must check the report before it is sent. */
    readonly needsCheck: boolean;
    readonly checkedBy?: string;
    /** The person is 16 or older while a parent or guardian asks: whether they may is a human's call. */
    readonly subjectAdult?: boolean;
  };
  /** The copy of the person's own data (absent: erased, or nothing held). */
  readonly person?: { readonly name: string; readonly birthDate: string };
  /** Where to send a request (rectification, erasure, objection). */
  readonly contact: string;
  readonly signals: readonly CitizenSignal[];
  readonly withheld: readonly Withheld[];
}
