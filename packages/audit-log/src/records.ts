/** DESIGN §5 disclosure record: what was sent to whom under which decisions — never the content. */
export interface DisclosureRecord {
  readonly type: 'disclosure';
  readonly disclosureId: string;
  readonly kind: 'alert' | 'picture';
  readonly time: string;
  readonly recipient: string;
  readonly purpose: string;
  readonly decisionIds: readonly string[];
  readonly legalBasis: readonly { readonly signalId: string; readonly rule: string; readonly citation: string; readonly assumption: boolean }[];
  readonly fieldsSent: readonly { readonly signalId: string; readonly fields: readonly string[] }[];
  readonly contentSha256: string;
  readonly sourceSignals: readonly string[];
  readonly pseudonyms: readonly string[];
  readonly systemId: string;
  readonly alertId?: string;
  readonly version?: number;
}
