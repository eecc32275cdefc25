import type { Msg } from 'nats';
import { SamenhangError } from '@samenhang/errors';
import { rvtOf, type Registry } from '@samenhang/pki';
import { askersOf, inboxPrefix } from '@samenhang/topology';
import { v1 } from '@samenhang/proto';
import type { Pseudonymizer } from '@samenhang/pseudonym';
import { deriveSystems, type FamilySystem, isSystemId, type Picture, regionEntries } from '@samenhang/family';
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
 * An RVT asks for the current picture of a household in its region, or of a system whose
 * alert notice it received (nats-server lets only that region's RVT, and the console acting
 * for it, publish on samenhang.picture.<region>). The content is read from the vault now,
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
  if (!policy || !rvt) return void empty('no picture can be shown now');
  let req: v1.PictureRequest;
  try {
    req = v1.PictureRequest.decode(m.data);
  } catch {
    return void empty('ERR_INPUT_INVALID: not a PictureRequest');
  }
  const cap = policy.linking.maxPersonsPerAddress;
  let system: FamilySystem | undefined;
  let picture: Picture | undefined;
  if (req.systemId) {
    if (!isSystemId(req.systemId)) return void empty('ERR_INPUT_INVALID: not a system id');
    picture = await d.systems.live(req.systemId);
    // By system id, only the content of a system this region was alerted to: the id comes from its notice.
    if (!picture?.systems[req.systemId]?.alerts[region]) return void empty('no alert of this system for this region');
    if (picture.systems[req.systemId]?.replacedBy)
      return void empty('this family system no longer exists as it was shown: see its correction');
    system = deriveSystems(picture, cap).find((s) => s.id === req.systemId);
  } else {
    if (!req.address?.postcode || !req.address.houseNumber)
      return void empty('ERR_INPUT_INVALID: address with postcode and house number, or a system id, required');
    const household = pseudonyms.household({
      postcode: req.address.postcode,
      houseNumber: req.address.houseNumber,
      houseNumberSuffix: req.address.houseNumberSuffix ?? '',
    });
    const id = await d.systems.systemOfHousehold(household);
    picture = id ? await d.systems.live(id) : undefined;
    const here = picture
      ? deriveSystems(picture, cap).filter((s) =>
          regionEntries(s.entries, region).some((e) => e.householdKey === household),
        )
      : [];
    // Unrelated families at one address (a shelter) are not one picture: each is asked for by its own id.
    if (here.length > 1) return void empty('several family systems at this address: ask by the system id of a notice');
    system = here[0];
  }
  if (!picture || !system || regionEntries(system.entries, region).length === 0)
    return void empty('no signals about this household for this region');
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
