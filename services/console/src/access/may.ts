import type { Registry } from '@samenhang/pki';
import {
  STREAMS,
  auditSubjects,
  participantPermissions,
  permitsPublish,
  readSubject,
  subjects,
} from '@samenhang/topology';
import type { Identity } from './identity.js';

/**
 * What a signed-in identity may do on the console is exactly what its own NATS
 * permissions allow (packages/topology/src/permissions.ts): the console acts with its
 * service identity, and asks this before every action on the identity's behalf.
 */
export const may = {
  publish: (who: Identity, subject: string) => permitsPublish(participantPermissions(who), subject),
  read: (who: Identity, stream: string, filter: string) =>
    permitsPublish(participantPermissions(who), readSubject(stream, filter)),
};

/** The regions whose alerts this identity may read (an RVT: its own). */
export function alertRegions(who: Identity, registry: Registry): string[] {
  return registry.regions.filter((r) => may.read(who, STREAMS.ALERTS, subjects.alerts(r)));
}

export function mayAskPicture(who: Identity, region: string): boolean {
  return may.publish(who, subjects.picture(region));
}

export function mayReadAudit(who: Identity): boolean {
  return may.read(who, STREAMS.AUDIT, auditSubjects.all);
}
