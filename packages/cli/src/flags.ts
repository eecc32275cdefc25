/**
 * Every flag of the `samenhang` command, declared once: its type, the placeholder its
 * value is shown with, and what it means unless a command says more. Commands name the
 * flags they take (command-table.ts); the parser, the usage lines and the help read
 * these, so a flag's format is written in one place.
 */
export interface FlagDef {
  readonly type: 'string' | 'boolean';
  /** How the value is shown in usage lines and help, e.g. `<id>`. */
  readonly value?: string;
  readonly text: string;
  /** A one-letter alias, e.g. `-h`. */
  readonly short?: string;
}

export const FLAGS = {
  home: { type: 'string', value: '<dir>', text: "the stack's home (else $SAMENHANG_HOME, else .samenhang/ here)" },
  help: { type: 'boolean', short: 'h', text: 'show this help' },
  version: { type: 'boolean', text: "print samenhang's version" },
  agency: { type: 'string', value: '<id>', text: 'the agency that signs and publishes (an identity of the home)' },
  file: { type: 'string', value: '<file>', text: 'the input file' },
  json: { type: 'boolean', text: 'print JSON instead of text' },
  csv: { type: 'boolean', text: 'print CSV with a header row' },
  timeout: {
    type: 'string',
    value: '<ms>',
    text: 'how long one envelope may take from its first publish to its receipt',
  },
  revoke: { type: 'string', value: '<id>', text: 'revoke every certificate of this identity' },
  registry: { type: 'string', value: '<file>', text: 'the participant registry to issue certificates for' },
  demo: { type: 'boolean', text: 'replay the Meneer M demo once the stack is ready' },
  rvt: { type: 'string', value: '<region>', text: 'act as the RVT of this region' },
  household: { type: 'string', value: '<postcode> <number> [suffix]', text: 'a household by its address' },
  once: { type: 'boolean', text: 'print what is there, then stop' },
  notices: { type: 'boolean', text: 'print the notices only: no content is fetched, nothing is disclosed' },
  out: { type: 'string', value: '<file>', text: 'where to write' },
  signal: { type: 'string', value: '<id>', text: 'only this signal' },
  since: { type: 'string', value: '<date>', text: 'only from this date or time on' },
  until: { type: 'string', value: '<date>', text: 'only up to this date or time' },
  bsn: { type: 'string', value: '<bsn>', text: 'a citizen by BSN' },
  recipient: { type: 'string', value: '<id>', text: 'only disclosures to this recipient (an RVT or its region)' },
  record: { type: 'string', value: '<id>', text: 'a decision or disclosure id' },
  viewer: {
    type: 'string',
    value: '<person:id>',
    text: "only what this person was shown in the console (their identity provider's pseudonymous id)",
  },
  limit: { type: 'string', value: '<n>', text: 'at most this many rows (a page; all by default)' },
  offset: { type: 'string', value: '<n>', text: 'skip this many rows first (the next page)' },
  ca: { type: 'string', value: '<cert>', text: 'the trust anchor (CA certificate) to verify against' },
  consistency: { type: 'string', value: '<tree size>', text: 'prove the log grew from this tree size' },
  to: { type: 'string', value: '<tree size>', text: 'up to this tree size (default: the newest checkpoint)' },
  cluster: { type: 'string', value: '3', text: 'a 3-node JetStream cluster' },
  instances: { type: 'string', value: '<n>', text: 'copies of each service (1 to 8, single node)' },
  signals: { type: 'string', value: '<n>', text: 'signals through the pipeline (default 100000)' },
  systems: { type: 'string', value: '<n>', text: 'family systems they belong to (default signals / 10)' },
  agencies: { type: 'string', value: '<n>', text: 'agencies publishing (default 5)' },
  rate: { type: 'string', value: '<per second>', text: 'rate of the latency run (default 500)' },
  'latency-signals': { type: 'string', value: '<n>', text: 'signals measured for latency (default rate × 5)' },
  'latency-warmup': {
    type: 'string',
    value: '<n>',
    text: 'signals before the latency measurement (default: as many as measured)',
  },
  replay: { type: 'string', value: '<n>', text: "decisions in replay's evaluation run (default 1000000)" },
  records: { type: 'string', value: '<n>', text: 'audit records in the synthetic log (default 10000000)' },
  dir: { type: 'string', value: '<dir>', text: 'a directory to work in' },
  policy: { type: 'string', value: '<file>', text: 'the policy to re-decide under' },
  'as-of': { type: 'string', value: '<date>', text: 'decide as on this date (default now)' },
  as: { type: 'string', value: '<login>', text: 'the person who signs in' },
  state: { type: 'string', value: '<dir>', text: "a witness's own directory (its key and what it cosigned)" },
  name: {
    type: 'string',
    value: '<name>',
    text: "a witness's name, set on its first run (e.g. witness.politie.example/1)",
  },
  witnesses: {
    type: 'string',
    value: '<n>',
    text: 'fail unless at least this many witnesses saw a checkpoint the log extends',
  },
  'max-age': {
    type: 'string',
    value: '<minutes>',
    text: 'with --witnesses: a witness whose newest cosignature is older does not count',
  },
  'witness-keys': {
    type: 'string',
    value: '<file>',
    text: "the witnesses' verifier keys, one per line, each obtained from that witness",
  },
  witness: {
    type: 'string',
    value: '<dir>,<dir>…',
    text: "where the witnesses' cosigned notes are (each directory's cosigned.note)",
  },
  lang: { type: 'string', value: 'nl|en', text: 'the language of the report (default nl)' },
  html: { type: 'string', value: '<file>', text: 'write the report as an HTML document (print it to make a PDF)' },
  requester: {
    type: 'string',
    value: 'self|parent|guardian|representative',
    text: 'who asks for the report (default self)',
  },
  'requester-bsn': { type: 'string', value: '<bsn>', text: "the BSN of who asks, when it is not the person's own" },
  'checked-by': {
    type: 'string',
    value: '<name>',
    text: 'the privacy officer who checked a report asked for by another',
  },
  reason: { type: 'string', value: '<code>', text: 'why: AVG17_REQUEST, COURT_ORDER or UNLAWFUL_PROCESSING' },
  order: { type: 'string', value: '<ref>', text: "the court order's reference (required for COURT_ORDER)" },
} as const satisfies Record<string, FlagDef>;

export type FlagName = keyof typeof FLAGS;

/** Parsed flag values: strings for string flags, `true` for boolean ones. */
export type FlagValues = { -readonly [K in FlagName]?: (typeof FLAGS)[K]['type'] extends 'boolean' ? boolean : string };

/** Flags every command takes. */
export const GLOBAL_FLAGS: readonly FlagName[] = ['home', 'help'];

/** `--agency <id>`, `-h, --help`: a flag as it is typed. */
export function flagSyntax(name: FlagName, value?: string): string {
  const def: FlagDef = FLAGS[name];
  const v = value ?? def.value;
  return `${def.short ? `-${def.short}, ` : ''}--${name}${def.type === 'string' && v ? ` ${v}` : ''}`;
}
