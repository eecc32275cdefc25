import type { Msg } from 'nats';
import { SamenhangError } from '@samenhang/errors';
import { rvtOf, type Registry } from '@samenhang/pki';
import { askersOf, inboxPrefix } from '@samenhang/topology';
import { v1 } from '@samenhang/proto';
import type { Pseudonymizer } from '@samenhang/pseudonym';
import { deriveSystems, type FamilySystem, isSystemId, type Picture, regionEntries } from '@samenhang/family';
import { isValidBsn } from '@samenhang/signal';
import { PURPOSE, type ConsentDeps } from '../deps.js';
import { buildAlert } from './build.js';

/** The identity that answers picture requests (registry role `responder`). */
export function responderIdentity(registry: Registry): string {
  const id = registry.services.find((s) => s.role === 'responder')?.id;
  if (!id)
    throw new SamenhangError(
      'ERR_REGISTRY_INVALID',
      'the registry names no service with role responder: pictures cannot be answered safely',
    );
  return id;
}

/**
 * Whether `reply` is an inbox of the region's RVT or of the console acting for it. nats-server
 * already lets the responder publish only into askers' inboxes; this also keeps one RVT from
 * steering a picture into another's inbox.
 */
export function replyAllowed(reply: string | undefined, region: string, registry: Registry): boolean {
  if (!reply) return false;
  const rvt = rvtOf(registry, region)?.id;
  const consoles = askersOf(registry).pictures.filter((id) => registry.services.some((s) => s.id === id));
  return [...(rvt ? [rvt] : []), ...consoles].some((id) => reply.startsWith(`${inboxPrefix(id)}.`));
}

/**
 * An RVT asks for the current picture of a family system that alerted it: by the system id of
 * a notice it received, or by searching an address or a BSN (nats-server lets only that
 * region's RVT, and the console acting for it, publish on samenhang.picture.<region>). The content is read from the vault now,
 * so what retention, withdrawal or erasure removed is not shown. Answering is a disclosure:
 * the record is written first, and without a policy nothing is shown.
 */
export async function answerPicture(m: Msg, region: string, pseudonyms: Pseudonymizer, d: ConsentDeps): Promise<void> {
  const now = Date.now();
  if (!replyAllowed(m.reply, region, d.registry)) {
    d.log.warn({ region }, 'picture request ignored: its reply subject is not an inbox of who may ask');
    return;
  }
  const empty = (reason: string) => m.respond(v1.HouseholdAlert.encode({ region, reason }).finish());
  const policy = d.policy.policy;
  const rvt = rvtOf(d.registry, region);
  if (!policy || !rvt) return void empty('NO_POLICY: no picture can be shown now');
  let req: v1.PictureRequest;
  try {
    req = v1.PictureRequest.decode(m.data);
  } catch {
    return void empty('ERR_INPUT_INVALID: not a PictureRequest');
  }
  const found = await findSystem(req, region, pseudonyms, policy.linking.maxPersonsPerAddress, d);
  if (typeof found === 'string') return void empty(found);
  const { picture, system } = found;
  const state = picture.systems[system.id];
  const { bytes, disclosure } = await buildAlert(
    { id: system.id, entries: system.entries, persons: system.persons, mergedFrom: state?.mergedFrom ?? [] },
    {
      region,
      recipient: rvt.id,
      version: state?.alerts[region]?.version ?? 0,
      now,
      kind: 'picture',
      purpose: PURPOSE,
    },
    policy,
    d.vault,
  );
  await d.audit.disclosure(disclosure);
  m.respond(bytes);
}

/**
 * The family system a request names, as this region may see it, or why there is none (a
 * reason starting with its stable code). By system id: the id of a notice the region
 * received. By address or BSN: a search, answered only for a system that alerted this region
 * — what stayed below the alert threshold is the local team's, not the RVT's (subsidiarity).
 */
async function findSystem(
  req: v1.PictureRequest,
  region: string,
  pseudonyms: Pseudonymizer,
  cap: number,
  d: ConsentDeps,
): Promise<{ picture: Picture; system: FamilySystem } | string> {
  const alerted = (picture: Picture | undefined, id: string) => picture?.systems[id]?.alerts[region] !== undefined;
  if (req.systemId) {
    if (!isSystemId(req.systemId)) return 'ERR_INPUT_INVALID: not a system id';
    const picture = await d.systems.live(req.systemId);
    // By system id, only the content of a system this region was alerted to: the id comes from its notice.
    if (!picture || !alerted(picture, req.systemId)) return 'NOT_ALERTED: no alert of this system for this region';
    if (picture.systems[req.systemId]?.replacedBy)
      return 'CORRECTED: this family system no longer exists as it was shown: see its correction';
    const system = deriveSystems(picture, cap).find((s) => s.id === req.systemId);
    return system && regionEntries(system.entries, region).length > 0
      ? { picture, system }
      : 'NOT_ALERTED: no signals about this family system for this region';
  }
  let found: (s: FamilySystem) => boolean;
  let root: string | undefined;
  if (req.bsn) {
    if (!isValidBsn(req.bsn)) return 'ERR_INPUT_INVALID: not a BSN';
    const person = pseudonyms.person(req.bsn);
    root = await d.systems.systemOf(person);
    found = (s) => s.persons.includes(person);
  } else if (req.address?.postcode && req.address.houseNumber) {
    const household = pseudonyms.household({
      postcode: req.address.postcode,
      houseNumber: req.address.houseNumber,
      houseNumberSuffix: req.address.houseNumberSuffix ?? '',
    });
    root = await d.systems.systemOfHousehold(household);
    found = (s) => regionEntries(s.entries, region).some((e) => e.householdKey === household);
  } else {
    return 'ERR_INPUT_INVALID: an address with postcode and house number, a BSN, or a system id is required';
  }
  const picture = root ? await d.systems.live(root) : undefined;
  const here = picture
    ? deriveSystems(picture, cap).filter(
        (s) => alerted(picture, s.id) && !picture.systems[s.id]?.replacedBy && found(s),
      )
    : [];
  // Unrelated families at one address (a shelter) are not one picture: each is asked for by its own id.
  if (here.length > 1)
    return 'SEVERAL_SYSTEMS: several family systems at this address: ask by the system id of a notice';
  // Not there, or not alerted to this region: one answer, so a search tells nothing below the threshold.
  if (!picture || !here[0] || regionEntries(here[0].entries, region).length === 0)
    return 'NOT_ALERTED: no family system alerted to this region matches';
  return { picture, system: here[0] };
}
