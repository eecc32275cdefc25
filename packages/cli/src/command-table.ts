import { findCommand } from './argv.js';
import type { Command } from './command.js';
import { audit } from './commands/audit.js';
import { bench, benchAudit } from './commands/bench.js';
import { certs } from './commands/certs.js';
import { consoleSignIn } from './commands/console.js';
import { deploy, streams } from './commands/deploy.js';
import { doctor } from './commands/doctor.js';
import { erase } from './commands/erase.js';
import { health } from './commands/health.js';
import { consent, publish } from './commands/publish.js';
import { replay } from './commands/replay.js';
import { stats } from './commands/stats.js';
import { alerts, picture } from './commands/rvt.js';
import { up } from './commands/up.js';
import { renderCommandHelp, renderGlobalHelp } from './help.js';
import { requireDevLogin, requireIdentity, requireParticipant, requireRegion } from './identities.js';
import { EXIT, out } from './output.js';
import { cliVersion } from './package-info.js';

const STACK = 'run a stack';
const PARTICIPANTS = 'agencies and RVTs';
const OFFICER = 'privacy officer';
const ANALYSIS = 'policy and performance';
const HELP = 'help';

/**
 * The audit subcommands: all read the AUDIT stream as the privacy officer. The queries
 * (decisions, disclosures, access-report, prove) answer from the audit index
 * (<home>/index/audit.sqlite), caught up with the stream first.
 */
const AUDIT: readonly Command[] = [
  {
    name: 'verify',
    summary: 'verify the Merkle log and its signed checkpoints',
    description:
      "Recomputes the Merkle tree from the AUDIT stream (or an exported copy), checks every checkpoint's signature, chain, listed leaves and root, and that the log is consistent with the last checkpoint this officer verified (kept in <home>/privacy-officer/verified-checkpoint.json). A failure names the first bad entry or checkpoint. The live log is read once as a stream, and in the same pass the audit index is compared with it row by row: an index that differs fails too.",
    flags: [
      { flag: 'file', value: '<copy>', text: 'verify an exported copy (audit export) instead of the live stream' },
      { flag: 'witnesses' },
      { flag: 'witness-keys' },
      { flag: 'max-age' },
      { flag: 'witness' },
      { flag: 'json', text: 'print the report as one JSON object' },
    ],
    examples: [
      'samenhang audit verify',
      'samenhang audit verify --file audit-copy.jsonl',
      'samenhang audit verify --witnesses 2 --witness-keys witnesses.txt --witness /srv/w-politie,/srv/w-ggz',
    ],
    exits: '0 the log is intact (and witnessed as asked), 1 it is not (or cannot be read), 2 usage error',
    run: (c) => audit(c.paths, 'verify', c.flags),
  },
  {
    name: 'witness',
    summary: 'check the log as a witness and cosign its newest checkpoint',
    description:
      "Keeps its state in a directory of its own, outside the broker's home: an Ed25519 key, its name, its verifier key (witness.vkey, to hand to whoever verifies) and the last checkpoint it cosigned. Verifies the whole log, and that it extends the checkpoint this witness cosigned before; then adds a cosignature (c2sp.org/tlog-cosignature) to the newest checkpoint's signed note (c2sp.org/tlog-checkpoint). A log rolled back or forked since is refused.",
    flags: [
      { flag: 'state', required: true },
      { flag: 'name' },
      { flag: 'file', value: '<copy>', text: 'witness an exported copy instead of the live stream' },
      { flag: 'json', text: 'print the cosigned note as JSON' },
    ],
    examples: [
      'samenhang audit witness --state /srv/w-politie --name witness.politie.example/1',
      'samenhang audit witness --state /srv/w-politie',
    ],
    exits: '0 cosigned, 1 refused (the log does not verify, or was rolled back or forked), 2 usage error',
    run: (c) => audit(c.paths, 'witness', c.flags),
  },
  {
    name: 'decisions',
    summary: 'why each signal was shown as it was',
    description:
      'For each decision record: when, which signal from which agency, the outcome for the RVT, the deciding rule with its legal citation, why, what was refused, the fields it may show, obligations, and the policy version and digest.',
    flags: [
      { flag: 'agency', text: 'only signals of this agency (a signal id is unique per agency only)' },
      { flag: 'signal' },
      { flag: 'since' },
      { flag: 'until' },
      { flag: 'limit' },
      { flag: 'offset' },
      { flag: 'json', choice: 'format', text: 'print each decision record as one JSON line' },
      { flag: 'csv', choice: 'format' },
    ],
    examples: [
      'samenhang audit decisions --agency politie-oost-nederland --signal p-9001',
      'samenhang audit decisions --since 2026-01-01 --json | jq .outcome',
    ],
    exits: '0 (also when nothing matches), 1 the log cannot be read, 2 usage error',
    run: (c) => audit(c.paths, 'decisions', c.flags),
  },
  {
    name: 'disclosures',
    summary: 'what was disclosed to whom and when, under which rules',
    description:
      '--bsn and --household are turned into pseudonyms with the broker key, so the log itself holds neither.',
    maxArgs: 2,
    flags: [
      { flag: 'bsn', choice: 'who', text: 'disclosures about this person' },
      { flag: 'household', choice: 'who', text: 'disclosures about signals at this address' },
      { flag: 'recipient', choice: 'who' },
      { flag: 'viewer' },
      { flag: 'since' },
      { flag: 'until' },
      { flag: 'limit' },
      { flag: 'offset' },
      { flag: 'json', choice: 'format', text: 'print each disclosure record as one JSON line' },
      { flag: 'csv', choice: 'format' },
    ],
    examples: [
      'samenhang audit disclosures --bsn 999990019',
      'samenhang audit disclosures --household 6717CD 3 B --csv',
      'samenhang audit disclosures --recipient foodvalley --json',
    ],
    exits: '0 success, 1 the log cannot be read, 2 usage error',
    run: (c) => audit(c.paths, 'disclosures', c.flags, [...c.args]),
  },
  {
    name: 'access-report',
    summary: "the report for a citizen's access request (AVG art. 15), in words",
    description:
      "What concerns this person, as they can read it (Dutch at B1 level, or English): per signal its source, purpose, legal basis explained, who saw it (repeats grouped), how long it is kept, and a copy of the data the vault holds; then what is withheld and why, and the person's rights. The same report as the console's access report page. An invalid BSN is a usage error (exit 2). With --requester other than self, --requester-bsn is needed: signals that name the requester are withheld (docs/audit.md), and the report says a privacy officer must check it unless --checked-by names who did.",
    flags: [
      { flag: 'bsn', required: true, text: 'the citizen the report is about' },
      { flag: 'lang' },
      { flag: 'requester' },
      { flag: 'requester-bsn' },
      { flag: 'checked-by' },
      { flag: 'policy', text: 'the policy whose retention periods to state (default: the default policy)' },
      { flag: 'html', choice: 'format' },
      { flag: 'json', choice: 'format', text: 'print the report as one JSON document' },
    ],
    examples: [
      'samenhang audit access-report --bsn 999990019',
      'samenhang audit access-report --bsn 999990007 --lang en --html report.html',
      'samenhang audit access-report --bsn 999990020 --requester parent --requester-bsn 999990019',
    ],
    exits: '0 success, 1 the log or the vault cannot be read, 2 usage error (an invalid BSN too)',
    run: (c) => audit(c.paths, 'access-report', c.flags),
  },
  {
    name: 'prove',
    summary: 'write an inclusion or consistency proof to a file',
    description:
      'With --record: an inclusion proof of one record (decision, disclosure, erasure or assignment: any row an answer shows) against the newest signed checkpoint, made from the audit index in one pass; an index that does not match the signed root is refused (reindex). With --consistency: a proof that the log signed at that tree size is a prefix of a later signed one. Either is checked offline with audit verify-proof.',
    flags: [
      { flag: 'record', choice: 'what', required: true },
      { flag: 'consistency', choice: 'what', required: true },
      { flag: 'to', text: 'with --consistency: up to this tree size (default: the newest checkpoint)' },
      { flag: 'out', text: 'the proof file (default <record>.proof.json or consistency-<size>.proof.json)' },
    ],
    examples: [
      'samenhang audit prove --record d-0f3a… --out proof.json',
      'samenhang audit prove --consistency 64 --to 128',
    ],
    exits: '0 proof written, 1 no such record or tree size, 2 usage error',
    run: (c) => audit(c.paths, 'prove', c.flags),
  },
  {
    name: 'verify-proof',
    summary: 'check an inclusion or consistency proof offline',
    description: 'Needs only the proof file and the trust anchor (the CA certificate): no stack, no network.',
    args: '<file>',
    maxArgs: 1,
    flags: [{ flag: 'ca', text: "the trust anchor (default: the home's CA certificate)" }],
    examples: ['samenhang audit verify-proof proof.json --ca ca.crt'],
    exits: '0 the proof holds, 1 it does not, 2 usage error',
    run: (c) => audit(c.paths, 'verify-proof', c.flags, [...c.args]),
  },
  {
    name: 'reindex',
    summary: 'rebuild the audit index from the log',
    description:
      'The audit index (<home>/index/audit.sqlite) is a read model: disposable, derived from the AUDIT stream, kept current by the console and by every query. This empties it and takes in the whole log again, in place; queries asked meanwhile wait for it. Use it after audit verify reports that the index differs from the log, or after an upgrade that changed its schema.',
    flags: [],
    examples: ['samenhang audit reindex'],
    exits: '0 rebuilt, 1 the log or the index cannot be read',
    run: (c) => audit(c.paths, 'reindex', c.flags),
  },
  {
    name: 'export',
    summary: 'write a copy of the log (JSON lines)',
    description: 'Each line is {seq, subject, data} with data in base64; audit verify --file checks such a copy.',
    flags: [{ flag: 'out', required: true }],
    examples: ['samenhang audit export --out audit-copy.jsonl'],
    exits: '0 success, 1 the log cannot be read, 2 usage error',
    run: (c) => audit(c.paths, 'export', c.flags),
  },
];

/**
 * Every command of `samenhang`, in the order the global help lists them. A command's
 * usage line is made from its flags (help.ts), so what it takes is written once, here.
 */
export const COMMANDS: readonly Command[] = [
  {
    name: 'up',
    group: STACK,
    summary: "start nats-server (JetStream, mutual TLS) and every service; prints 'ready'",
    description:
      'Runs until Ctrl-C (SIGINT) or SIGTERM. A service that crashes is restarted after 0.5 s, backing off to 15 s while it keeps failing; the rest keeps running. The home keeps its ports from one start to the next.',
    flags: [
      { flag: 'demo' },
      {
        flag: 'instances',
        choice: 'shape',
        text: 'run this many copies of the gateway, consent and audit services (1 to 8)',
      },
      { flag: 'cluster', choice: 'shape' },
    ],
    examples: [
      'samenhang up',
      'samenhang up --demo',
      'samenhang up --instances 2',
      'samenhang up --cluster 3 --home /tmp/cluster',
    ],
    exits: '0 stopped on request, 1 could not start, 2 usage error',
    run: (c) => up(c.paths, c.env, c.flags),
  },
  {
    name: 'health',
    group: STACK,
    summary: 'every service instance: ready, or why not',
    flags: [{ flag: 'json', text: 'print the report as one JSON document' }],
    examples: ['samenhang health', 'samenhang health --json'],
    exits: '0 every service has a ready instance, 1 one has not (or no stack runs), 2 usage error',
    run: (c) => health(c.paths, c.flags),
  },
  {
    name: 'doctor',
    group: STACK,
    summary: 'check prerequisites and say the command that fixes each',
    description:
      'Checks Node.js against the version package.json requires, nats-server 2.9 or newer, the build, a writable home, and says whether a PKI and a stack exist.',
    flags: [{ flag: 'json', text: 'print {ok, checks: [{name, ok, detail, fix}]}' }],
    examples: ['samenhang doctor'],
    exits: '0 all present, 1 something is missing, 2 usage error',
    run: (c) => doctor(c.paths, c.env, c.flags),
  },
  {
    name: 'certs',
    group: STACK,
    summary: 'create the development PKI anew, or revoke an identity',
    description:
      'Without flags, writes a new CA and a certificate and key for every identity in the registry; a running stack must then be restarted. With --revoke, a running nats-server is reloaded so the identity can no longer connect.',
    flags: [{ flag: 'revoke' }, { flag: 'registry', text: 'issue for this registry instead of the development one' }],
    examples: ['samenhang certs', 'samenhang certs --revoke lokaalteam-ede'],
    exits: '0 success, 1 failure, 2 usage error (also an unknown identity)',
    run: (c) => {
      requireIdentity(c.paths, c.flags.revoke);
      return certs(c.paths, c.flags);
    },
  },
  {
    name: 'deploy',
    group: STACK,
    summary: 'files for docker-compose.yml: PKI, broker keys, three nats-server configurations',
    description:
      'Writes <dir>/home (PKI and broker keys, created on first use) and <dir>/nats-1.conf … nats-3.conf; then run docker-compose up.',
    home: false,
    flags: [{ flag: 'out', value: '<dir>', required: true, text: 'the directory to write' }],
    examples: ['samenhang deploy --out deploy'],
    exits: '0 success, 1 failure, 2 usage error',
    run: (c) => deploy(c.flags),
  },
  {
    name: 'streams',
    group: STACK,
    summary: 'create streams, buckets and consumers on $SAMENHANG_SERVERS (compose init)',
    description:
      "Connects as broker-admin to $SAMENHANG_SERVERS (comma-separated), else to the home's running stack; three servers get three replicas.",
    flags: [],
    examples: ['SAMENHANG_SERVERS=tls://nats-1:4222,tls://nats-2:4222,tls://nats-3:4222 samenhang streams'],
    exits: '0 success, 1 failure, 2 usage error',
    run: (c) => streams(c.paths, c.env),
  },
  {
    name: 'publish',
    group: PARTICIPANTS,
    summary: 'sign signals as an agency, publish them, print each receipt',
    description:
      "The file holds one signal or an array of them (signal JSON as in examples/signal.json); observedAt defaults to now. Each signal is signed with the agency's key and published on its ingress subject; one line per receipt: ACCEPTED, DUPLICATE or REJECTED with the error code.",
    flags: [
      { flag: 'agency', required: true },
      { flag: 'file', value: '<json>', required: true, text: 'one signal, or an array of signals' },
      { flag: 'json', text: 'print each receipt as one JSON line' },
      { flag: 'timeout' },
    ],
    examples: [
      'samenhang publish --agency politie-oost-nederland --file examples/signal.json',
      'samenhang publish --agency lokaalteam-ede --file batch.json --json',
    ],
    exits: '0 every signal accepted, 1 any rejected (or a failure), 2 usage error (also an unknown agency)',
    run: (c) => {
      requireParticipant(c.paths, c.flags.agency, 'agency');
      return publish(c.paths, c.flags);
    },
  },
  {
    name: 'consent',
    group: PARTICIPANTS,
    summary: 'register consent, its withdrawal or an objection',
    description:
      'The file holds one ConsentRecord or an array of them (as in examples/consent.json), signed and published like signals; one line per receipt.',
    flags: [
      { flag: 'agency', required: true },
      { flag: 'file', value: '<json>', required: true, text: 'one consent record, or an array of them' },
      { flag: 'json', text: 'print each receipt as one JSON line' },
      { flag: 'timeout' },
    ],
    examples: ['samenhang consent --agency lokaalteam-ede --file examples/consent.json'],
    exits: '0 every record accepted, 1 any rejected (or a failure), 2 usage error (also an unknown agency)',
    run: (c) => {
      requireParticipant(c.paths, c.flags.agency, 'agency');
      return consent(c.paths, c.flags);
    },
  },
  {
    name: 'alerts',
    group: PARTICIPANTS,
    summary: "follow a region's alerts as its RVT (JSON lines)",
    description:
      "Each family system's newest notice is opened as its current picture — a logged disclosure — and printed as one JSON line; then new ones as they come, until Ctrl-C. The notices on the stream carry no content: --notices prints them as they are and fetches nothing.",
    flags: [{ flag: 'rvt', required: true }, { flag: 'once' }, { flag: 'notices' }],
    examples: ['samenhang alerts --rvt foodvalley', 'samenhang alerts --rvt twente --once --notices'],
    exits: '0 success, 1 failure (no stack), 2 usage error (also an unknown region)',
    run: (c) => {
      requireRegion(c.paths, c.flags.rvt);
      return alerts(c.paths, c.flags);
    },
  },
  {
    name: 'picture',
    group: PARTICIPANTS,
    summary: 'the current family-system picture of a household (a logged disclosure)',
    maxArgs: 2,
    flags: [
      { flag: 'rvt', required: true },
      { flag: 'household', required: true },
    ],
    examples: ['samenhang picture --rvt foodvalley --household 6717CD 3 B'],
    exits: '0 a picture was shown, 1 none may be shown (or no answer), 2 usage error (also an unknown region)',
    run: (c) => {
      requireRegion(c.paths, c.flags.rvt);
      return picture(c.paths, c.flags, [...c.args]);
    },
  },
  {
    name: 'console',
    group: PARTICIPANTS,
    summary: 'where people sign in to the web console',
    description:
      "People sign in as themselves, at their organisation's identity provider (OpenID Connect): the address of the console's sign-in page. No key of an organisation is used.\n\nWith --as (development): the address that starts the sign-in for that test user's organisation at once, on the development identity provider's form (any password). Only for organisations that sign in through the home's development identity provider.",
    flags: [
      {
        flag: 'as',
        text: 'a test user of the development identity provider (certs-dev/dev-users.json), e.g. fv-medewerker-1 or fg-broker',
      },
    ],
    examples: ['samenhang console', 'samenhang console --as fv-medewerker-1', 'samenhang console --as fg-broker'],
    exits:
      '0 success, 1 no console runs, 2 usage error (also a login the development identity provider does not have, or whose organisation does not sign in through it)',
    run: (c) => consoleSignIn(c.paths, c.flags.as === undefined ? undefined : requireDevLogin(c.paths, c.flags.as)),
  },
  {
    name: 'audit',
    group: OFFICER,
    summary: "the privacy officer's audit log: verify, report, prove",
    description: 'Every subcommand reads the AUDIT stream as the privacy-officer identity, the only one that may.',
    flags: [],
    examples: ['samenhang audit verify', 'samenhang audit access-report --bsn 999990019'],
    heapCapped: true,
    subcommands: AUDIT,
  },
  {
    name: 'erase',
    group: OFFICER,
    summary: 'erase a person (AVG art. 17, a court order): their signals, links and data, for good',
    description:
      "Run by the operator (as broker-admin). The consent service takes the person's signals out of their family's picture, with the links they made (other members' signals stay), destroys the signals' sealed content and the person's data key (crypto-shredding), sends every RVT alerted about the family a correction, and appends a tombstone to the audit log: the person's pseudonym, how many signals, when, the reason, the order's reference and who asked — never the BSN, a name or content. The BSN is pseudonymised here and never sent. Asking again is safe.",
    flags: [
      { flag: 'bsn', required: true, text: 'the person to erase' },
      { flag: 'reason', required: true },
      { flag: 'order' },
      { flag: 'json', text: 'print the result as one JSON object' },
    ],
    examples: [
      'samenhang erase --bsn 999990019 --reason AVG17_REQUEST',
      'samenhang erase --bsn 999990019 --reason COURT_ORDER --order "ECLI:NL:RBGEL:2026:1234" --json',
    ],
    exits: '0 erased, 1 not erased (ERR_ERASURE_FAILED: ask again), 2 usage error (an invalid BSN, reason or order)',
    run: (c) => erase(c.paths, c.flags),
  },
  {
    name: 'replay',
    group: ANALYSIS,
    summary: 'which decisions and alerts another policy would change (writes nothing)',
    description:
      'Re-decides every stored, unexpired signal under the policy, in memory, and prints what would change by rule. Nothing is written or disclosed.',
    flags: [
      { flag: 'policy', required: true },
      { flag: 'as-of' },
      { flag: 'json', text: 'print the summary and every change as one JSON document' },
    ],
    examples: [
      'samenhang replay --policy my-policy.json',
      'samenhang replay --policy packages/policy/policies/default.json --as-of 2027-01-01',
    ],
    exits: '0 success, 1 failure, 2 usage error',
    run: (c) => replay(c.paths, c.flags),
  },
  {
    name: 'stats',
    group: ANALYSIS,
    summary: 'the learning figures per month and region: counts only, small cells suppressed',
    description:
      "Catches the audit index (<home>/index/audit.sqlite) up with the log as the privacy officer, then prints its learning figures per month and region: signals, decisions per outcome and deciding rule, decisions on an assumption, obligations met on time, how long holds lasted, alerts, the time to a family system's first alert, corrections and splits. A count under 10 reads '< 10' and no mean or share is derived from it (docs/learning.md). No person, signal, family or decision is named.",
    flags: [
      { flag: 'json', choice: 'format', text: 'print {rows: [...]} as one JSON document' },
      { flag: 'csv', choice: 'format' },
    ],
    examples: ['samenhang stats', 'samenhang stats --json', 'samenhang stats --csv'],
    heapCapped: true,
    exits: '0 success, 1 failure (no stack runs, or the index cannot be used), 2 usage error',
    run: (c) => stats(c.paths, c.flags),
  },
  {
    name: 'bench',
    group: ANALYSIS,
    summary: 'measure the pipeline, a raw JetStream baseline, latency, verification, replay and memory',
    description:
      'Starts its own stack in a temporary home, so it needs no --home. Reports; never fails on a figure. The JSON report is written to --out (default bench-results/).',
    home: false,
    flags: [
      { flag: 'signals' },
      { flag: 'systems' },
      { flag: 'agencies' },
      { flag: 'rate' },
      { flag: 'latency-signals' },
      { flag: 'latency-warmup' },
      { flag: 'replay' },
      { flag: 'cluster' },
      { flag: 'out', text: 'where to write the JSON report' },
      { flag: 'json', text: 'print the JSON report instead of the table' },
    ],
    examples: ['samenhang bench', 'samenhang bench --signals 20000 --rate 200'],
    exits: '0 success, 1 failure, 2 usage error',
    run: (c) => bench(c.env, c.flags),
    subcommands: [
      {
        name: 'audit',
        summary: "measure the privacy officer's tools at national scale: index, queries, verify, proof",
        description:
          "Makes an audit log of --records synthetic records in a temporary directory (real decision records of the default policy, alerts, console views, a signed checkpoint every 64 records; made outside the measured time), then measures: building the audit index from it, an access report, decisions by signal, disclosures to one RVT over a month and the console's page of them, audit verify's pass over the whole log (with the index compared) against bare SHA-256 of the same bytes, one inclusion proof, and peak memory. Reports; never fails on a figure. Needs about 5 GiB of disk per million records.",
        home: false,
        flags: [
          { flag: 'records' },
          { flag: 'dir', text: 'where to make the temporary log and index (default: the system temp directory)' },
          { flag: 'out', text: 'where to write the JSON report' },
          { flag: 'json', text: 'print the JSON report instead of the table' },
        ],
        examples: ['samenhang bench audit', 'samenhang bench audit --records 1000000 --json'],
        exits: '0 success, 1 failure, 2 usage error',
        run: (c) => benchAudit(c.flags),
      },
    ],
  },
  {
    name: 'help',
    group: HELP,
    summary: "a command's usage, flags and examples",
    args: '[command]',
    maxArgs: 2,
    home: false,
    flags: [],
    examples: ['samenhang help publish', 'samenhang help audit verify'],
    exits: '0 success, 2 unknown command',
    run: async (c) => {
      out(helpFor(c.args));
      return EXIT.OK;
    },
  },
  {
    name: 'version',
    group: HELP,
    summary: "print samenhang's version",
    home: false,
    flags: [],
    examples: ['samenhang version', 'samenhang --version'],
    exits: '0',
    run: async () => {
      out(versionLine());
      return EXIT.OK;
    },
  },
];

export const versionLine = () => `samenhang ${cliVersion()}`;

/** The help for a command named by its words (`audit verify`), or the global help for none. */
export function helpFor(words: readonly string[]): string {
  const path: Command[] = [];
  let level = COMMANDS;
  for (const w of words) {
    const c = findCommand(level, w, path);
    path.push(c);
    if (!c.subcommands) break;
    level = c.subcommands;
  }
  return path.length ? renderCommandHelp(path) : renderGlobalHelp(COMMANDS);
}
