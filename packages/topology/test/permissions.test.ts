import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY_FILE } from '@samenhang/certs-dev';
import { loadRegistry } from '@samenhang/pki';
import { homePaths } from '@samenhang/config';
import { renderServerConfig } from '@samenhang/launcher';
import {
  askersOf,
  natsUsers,
  participantPermissions,
  permitsPublish,
  servicePermissions,
  subjects,
} from '@samenhang/topology';

const registry = loadRegistry(DEFAULT_REGISTRY_FILE);
const byId = (id: string) => registry.participants.find((p) => p.id === id)!;
/** The server configuration of the development registry, every identity a user. */
const renderedConfig = (host?: string) =>
  renderServerConfig({
    paths: homePaths('/nonexistent'),
    serverName: 's',
    port: 1,
    monitorPort: 2,
    storeDir: '/nonexistent',
    users: natsUsers(registry, new Set()),
    ...(host ? { host } : {}),
  });

describe('least-privilege permissions from the registry', () => {
  it('lets an agency publish only its own ingress and consent, and read only its own receipts', () => {
    const p = participantPermissions(byId('ggz-centraal'));
    expect(p.publish).toContain('samenhang.ingress.ggz-centraal');
    expect(p.publish).toContain('samenhang.consent.ggz-centraal');
    expect(p.publish).toContain('$JS.API.CONSUMER.CREATE.RECEIPTS.*.samenhang.receipts.ggz-centraal');
    // Flow control of its own readers is the only wildcard; no stream rights, no pulling, no deleting.
    expect(p.publish.filter((s) => s.includes('>') || s.includes('STREAM'))).toEqual(['$JS.FC.RECEIPTS.>']);
    expect(p.publish.filter((s) => /MSG\.NEXT|DELETE|INFO/.test(s))).toEqual([]);
    expect(p.denyPublish).toEqual([
      '$JS.API.CONSUMER.CREATE.*.broker-gateway.>',
      '$JS.API.CONSUMER.CREATE.*.consent.>',
      '$JS.API.CONSUMER.CREATE.*.audit.>',
      '$JS.API.CONSUMER.CREATE.*.audit-index.>',
    ]);
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
    expect(p.publish).toEqual(['$JS.API.CONSUMER.CREATE.AUDIT.*.samenhang.audit.>', '$JS.FC.AUDIT.>']);
    // Its filter is the audit service's own: the durable's name is denied outright.
    expect(permitsPublish(p, '$JS.API.CONSUMER.CREATE.AUDIT.audit.samenhang.audit.>')).toBe(false);
    // Nor the read model's: an update through it could stop the console's index following the log.
    expect(permitsPublish(p, '$JS.API.CONSUMER.CREATE.AUDIT.audit-index.samenhang.audit.>')).toBe(false);
    expect(permitsPublish(p, '$JS.API.CONSUMER.CREATE.AUDIT.rX1.samenhang.audit.>')).toBe(true);
  });
  it("gives the operators' organisation nothing but its own inbox, rendered as a denial of everything", () => {
    const p = participantPermissions(byId('beheer'));
    expect(p.publish).toEqual([]);
    expect(p.subscribe).toEqual(['_INBOX_beheer.>']);
    // nats-server reads an empty allow list as no limit at all: it must become a deny.
    const rendered = renderedConfig();
    const line = rendered.split('\n').find((l) => l.includes('participant/beheer'))!;
    expect(line).toContain('publish: { deny: [">"] }');
    expect(line).not.toContain('allow: []');
    expect(rendered).not.toContain('allow: []');
  });
  it('gives the programme office nothing but its own inbox either, rendered as a denial of everything', () => {
    const p = participantPermissions(byId('leren'));
    expect(p.publish).toEqual([]);
    expect(p.subscribe).toEqual(['_INBOX_leren.>']);
    const line = renderedConfig()
      .split('\n')
      .find((l) => l.includes('participant/leren'))!;
    expect(line).toContain('publish: { deny: [">"] }');
    expect(line).not.toContain('allow: []');
  });
  it('lets services answer only those who may ask them, by inbox, without reply grants', () => {
    const askers = askersOf(registry);
    expect(askers.health).toEqual(['broker-admin']);
    const rvts = registry.participants.filter((p) => p.kind === 'RVT').map((p) => p.id);
    expect(askers.pictures).toEqual([...rvts, 'console']);
    const inboxes = (id: string) =>
      servicePermissions(registry.services.find((s) => s.id === id)!, askers).publish.filter((x) =>
        x.startsWith('_INBOX'),
      );
    // Only the responder answers participants, and it may publish nothing else.
    const responder = servicePermissions(registry.services.find((s) => s.id === 'picture-responder')!, askers);
    expect(responder.publish).toEqual([...rvts.map((id) => `_INBOX_${id}.>`), '_INBOX_console.>']);
    expect(responder.subscribe).toEqual(['samenhang.picture.*']);
    // The consent service answers erasure requests, which only the operator and the console may send.
    expect(askers.erasures).toEqual(['console', 'broker-admin']);
    expect(inboxes('consent')).toEqual(['_INBOX_broker-admin.>', '_INBOX_console.>']);
    expect(inboxes('broker-gateway')).toEqual(['_INBOX_broker-admin.>']);
    expect(inboxes('audit')).toEqual(['_INBOX_broker-admin.>']);
    expect(inboxes('console')).toEqual([]);
    const rendered = renderedConfig();
    expect(rendered).not.toContain('allow_responses');
    // Monitoring on loopback even when clients are served on every interface.
    const open = renderServerConfig({
      paths: homePaths('/nonexistent'),
      serverName: 's',
      host: '0.0.0.0',
      port: 1,
      monitorPort: 2,
      storeDir: '/nonexistent',
      users: [],
    });
    expect(open).toContain('listen: "0.0.0.0:1"');
    expect(open).toContain('http: "127.0.0.1:2"');
    expect(rendered).toContain('"_INBOX_rvt-foodvalley.>"');
  });
  it('lets only the operator and the console ask for an erasure, and only the consent service hear it', () => {
    const askers = askersOf(registry);
    const may = (id: string) =>
      servicePermissions(registry.services.find((s) => s.id === id)!, askers).publish.includes(subjects.erasure);
    expect(registry.services.filter((s) => s.role !== 'admin' && may(s.id)).map((s) => s.id)).toEqual(['console']);
    for (const p of registry.participants) expect(participantPermissions(p).publish).not.toContain(subjects.erasure);
    const hears = registry.services.filter((s) => servicePermissions(s, askers).subscribe.includes(subjects.erasure));
    expect(hears.map((s) => s.id)).toEqual(['consent']);
  });
  it('leaves revoked identities out of the server users', () => {
    const users = natsUsers(registry, new Set(['lokaalteam-ede']));
    expect(users.map((u) => u.user)).not.toContain('spiffe://samenhang.dev/participant/lokaalteam-ede');
    expect(users.map((u) => u.user)).toContain('spiffe://samenhang.dev/participant/ggz-centraal');
    expect(users).toHaveLength(registry.participants.length + registry.services.length - 1);
  });
});
