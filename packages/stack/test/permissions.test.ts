import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY_FILE } from '@samenhang/certs-dev';
import { loadRegistry } from '@samenhang/pki';
import { homePaths } from '@samenhang/config';
import { askersOf, natsUsers, participantPermissions, renderServerConfig, servicePermissions } from '@samenhang/stack';

const registry = loadRegistry(DEFAULT_REGISTRY_FILE);
const byId = (id: string) => registry.participants.find((p) => p.id === id)!;

describe('least-privilege permissions from the registry', () => {
  it('lets an agency publish only its own ingress and consent, and read only its own receipts', () => {
    const p = participantPermissions(byId('ggz-centraal'));
    expect(p.publish).toContain('samenhang.ingress.ggz-centraal');
    expect(p.publish).toContain('samenhang.consent.ggz-centraal');
    expect(p.publish).toContain('$JS.API.CONSUMER.CREATE.RECEIPTS.*.samenhang.receipts.ggz-centraal');
    expect(p.publish.filter((s) => s.includes('>') || s.includes('STREAM'))).toEqual([]);
    expect(p.subscribe).toEqual(['_INBOX_ggz-centraal.>']);
  });
  it("lets an RVT read only its own region's alerts and pictures", () => {
    const p = participantPermissions(byId('rvt-twente'));
    expect(p.publish).toContain('$JS.API.CONSUMER.CREATE.ALERTS.*.samenhang.alerts.twente');
    expect(p.publish).toContain('samenhang.picture.twente');
    expect(p.publish.join()).not.toMatch(/foodvalley|flevoland/);
  });
  it('lets a privacy officer read the audit log and publish nothing', () => {
    const p = participantPermissions(byId('privacy-officer'));
    expect(p.publish.every((s) => s.startsWith('$JS.API.CONSUMER.') && s.includes('.AUDIT.'))).toBe(true);
  });
  it('lets services answer only those who may ask them, by inbox, without reply grants', () => {
    const askers = askersOf(registry);
    expect(askers.health).toEqual(['broker-admin']);
    const rvts = registry.participants.filter((p) => p.kind === 'RVT').map((p) => p.id);
    expect(askers.pictures).toEqual([...rvts, 'console']);
    const inboxes = (id: string) => servicePermissions(registry.services.find((s) => s.id === id)!, askers).publish.filter((x) => x.startsWith('_INBOX'));
    expect(inboxes('consent')).toEqual(['_INBOX_broker-admin.>', ...rvts.map((id) => `_INBOX_${id}.>`), '_INBOX_console.>']);
    expect(inboxes('broker-gateway')).toEqual(['_INBOX_broker-admin.>']);
    expect(inboxes('audit')).toEqual(['_INBOX_broker-admin.>']);
    expect(inboxes('console')).toEqual([]);
    const rendered = renderServerConfig({ paths: homePaths('/nonexistent'), serverName: 's', port: 1, monitorPort: 2, storeDir: '/nonexistent', users: natsUsers(registry, new Set()) });
    expect(rendered).not.toContain('allow_responses');
    expect(rendered).toContain('"_INBOX_rvt-foodvalley.>"');
  });
  it('leaves revoked identities out of the server users', () => {
    const users = natsUsers(registry, new Set(['lokaalteam-ede']));
    expect(users.map((u) => u.user)).not.toContain('spiffe://samenhang.dev/participant/lokaalteam-ede');
    expect(users.map((u) => u.user)).toContain('spiffe://samenhang.dev/participant/ggz-centraal');
    expect(users).toHaveLength(registry.participants.length + registry.services.length - 1);
  });
});
