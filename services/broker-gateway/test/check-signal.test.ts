import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePki } from '@samenhang/certs-dev';
import { homePaths, type HomePaths } from '@samenhang/config';
import { signEnvelope } from '@samenhang/envelope';
import { CertStore, loadRegistry } from '@samenhang/pki';
import { toTimestamp, v1 } from '@samenhang/proto';
import { DEFAULT_LIMITS, DEFAULT_REGION_TABLE_FILE, loadRegionTable, signalFromJson } from '@samenhang/signal';
import { loadSigner } from '@samenhang/client';
import { checkSignal, type SignalCheckContext } from '../src/verify-signal.js';

let root: string;
let paths: HomePaths;
let ctx: SignalCheckContext;
const now = Date.now();
const signal = () =>
  signalFromJson({
    signalId: 'g-1',
    agencyId: 'ggz-centraal',
    region: 'foodvalley',
    subject: { bsn: '999990007', name: 'M. Visser' },
    address: { postcode: '6717CD', houseNumber: 3 },
    category: 'PSYCHIATRIC_CRISIS',
    severity: 'HIGH',
    summary: 'x',
    legalGround: 'STATUTORY_TASK',
    observedAt: new Date(now - 1000).toISOString(),
    contact: { name: 'S', phone: '+31 318 000 003' },
  });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'samenhang-check-'));
  paths = homePaths(root);
  const registry = await generatePki(paths);
  ctx = {
    certs: CertStore.load(paths.caCert, paths.identities, registry),
    registry: loadRegistry(paths.registry),
    regions: loadRegionTable(DEFAULT_REGION_TABLE_FILE, registry.regions),
    isRevoked: () => false,
    maxEnvelopeBytes: 65536,
    limits: DEFAULT_LIMITS,
  };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function signed(props: v1.Signal.$Properties | Uint8Array, as = 'ggz-centraal') {
  const s = loadSigner(paths, as);
  const bytes = props instanceof Uint8Array ? props : v1.Signal.encode(props).finish();
  return signEnvelope(bytes, { key: s.key, kid: s.kid });
}

async function code(bytes: Uint8Array, subjectAgency = 'ggz-centraal') {
  const progress = { signalId: '' };
  try {
    await checkSignal(bytes, subjectAgency, now, ctx, progress);
    return { code: 'OK', progress };
  } catch (e) {
    return { code: (e as { code: string }).code, progress };
  }
}

describe('checkSignal: agency binding and content', () => {
  it('accepts a signal whose signer, subject and agency_id agree', async () => {
    expect((await code(await signed(signal()))).code).toBe('OK');
  });
  it('ERR_AGENCY_MISMATCH when published on another agency subject', async () => {
    expect((await code(await signed(signal()), 'lokaalteam-ede')).code).toBe('ERR_AGENCY_MISMATCH');
  });
  it('ERR_AGENCY_MISMATCH when agency_id names another agency, and the receipt still gets the signal id', async () => {
    const r = await code(await signed({ ...signal(), agencyId: 'politie-oost-nederland' }));
    expect(r.code).toBe('ERR_AGENCY_MISMATCH');
    expect(r.progress.signalId).toBe('g-1');
  });
  it('ERR_AGENCY_MISMATCH when a service certificate signs a signal', async () => {
    expect((await code(await signed(signal(), 'broker-gateway'), 'broker-gateway')).code).toBe('ERR_AGENCY_MISMATCH');
  });
  it('ERR_SIGNAL_MALFORMED when the signed payload is not a Signal', async () => {
    expect((await code(await signed(Buffer.from([0x0a, 0xff, 0xff])))).code).toBe('ERR_SIGNAL_MALFORMED');
  });
  it('ERR_REGION_NOT_ALLOWED for a region the agency does not serve', async () => {
    expect((await code(await signed({ ...signal(), region: 'twente' }))).code).toBe('ERR_REGION_NOT_ALLOWED');
  });
  it('judges time by when JetStream stored the envelope', async () => {
    const late = { ...signal(), observedAt: toTimestamp(now + 60 * 60_000) };
    expect((await code(await signed(late))).code).toBe('ERR_TIMESTAMP_INVALID');
  });
});
