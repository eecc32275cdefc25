import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY_FILE } from '@samenhang/certs-dev';
import { loadRegistry, mayPublishForRegion, parseRegistry, registrySchema, rvtOf } from '@samenhang/pki';

const raw = JSON.parse(readFileSync(DEFAULT_REGISTRY_FILE, 'utf8'));

describe('participant registry', () => {
  it('has the development participants of the wire contract', () => {
    const r = loadRegistry(DEFAULT_REGISTRY_FILE);
    expect(r.participants.map((p) => `${p.id}:${p.kind}`)).toEqual([
      'politie-oost-nederland:POLICE',
      'ggz-centraal:MENTAL_HEALTH',
      'lokaalteam-ede:LOCAL_TEAM',
      'lokaalteam-almere:LOCAL_TEAM',
      'lokaalteam-enschede:LOCAL_TEAM',
      'rvt-foodvalley:RVT',
      'rvt-flevoland:RVT',
      'rvt-twente:RVT',
      'reclassering-nederland:JUSTICE',
      'privacy-officer:PRIVACY_OFFICER',
      'beheer:OPERATOR',
      'leren:PROGRAMME_OFFICE',
    ]);
    const ggz = r.participants.find((p) => p.id === 'ggz-centraal')!;
    expect(mayPublishForRegion(ggz, 'foodvalley')).toBe(true);
    expect(mayPublishForRegion(ggz, 'twente')).toBe(false);
    expect(rvtOf(r, 'twente')?.id).toBe('rvt-twente');
  });
  it('matches the published schema in docs/schemas', () => {
    const published = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../docs/schemas/registry.v1.json'), 'utf8'),
    );
    expect(published).toEqual(registrySchema);
  });
  it.each([
    [(r: any) => (r.participants[0].kind = 'BAKERY'), '/participants/0/kind'],
    [(r: any) => (r.participants[1].colour = 'red'), '/participants/1'],
    [(r: any) => (r.participants[2].regions = ['atlantis']), '/participants/2/regions/0'],
    [(r: any) => r.participants.push({ ...r.participants[0] }), '/participants/12/id'],
    [(r: any) => (r.version = 2), '/version'],
    // An organisation's own provider needs the console's client id there.
    [
      (r: any) =>
        (r.participants[0].identityProvider = {
          issuer: 'https://login.example',
          roleClaim: 'r',
          roles: { x: 'rvt-worker' },
        }),
      '/participants/0/identityProvider/issuer',
    ],
  ])('rejects an invalid registry with the failing path (%#)', (patch, path) => {
    const r = structuredClone(raw);
    patch(r);
    expect(() => parseRegistry(r)).toThrow(expect.objectContaining({ code: 'ERR_REGISTRY_INVALID', path }));
  });
});
