import type { Msg } from 'nats';
import { rvtOf } from '@samenhang/pki';
import { v1 } from '@samenhang/proto';
import type { Pseudonymizer } from '@samenhang/pseudonym';
import { buildAlert } from './alert-builder.js';
import { PURPOSE, type ConsentDeps } from './deps.js';
import { alertReason, regionEntries } from './region-view.js';

/**
 * An RVT asks for the current picture of a household in its region (nats-server
 * lets only that region's RVT publish on samenhang.picture.<region>). Answering
 * is a disclosure: the record is written first, and without a policy nothing is shown.
 */
export async function answerPicture(m: Msg, region: string, pseudonyms: Pseudonymizer, d: ConsentDeps): Promise<void> {
  const now = Date.now();
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
  if (!req.address?.postcode || !req.address.houseNumber) return void empty('ERR_INPUT_INVALID: address with postcode and house number required');
  const household = pseudonyms.household({ postcode: req.address.postcode, houseNumber: req.address.houseNumber, houseNumberSuffix: req.address.houseNumberSuffix ?? '' });
  const systemId = await d.systems.systemOfHousehold(household);
  const root = systemId ? await d.systems.root(systemId) : undefined;
  const picture = root ? (await d.systems.pictures.get(root))?.value : undefined;
  if (!picture || regionEntries(picture, region).length === 0) return void empty('no signals about this household for this region');
  const { bytes, disclosure } = await buildAlert(
    picture,
    { region, recipient: rvt.id, version: picture.alerts[region]?.version ?? 0, reason: alertReason(picture, region, policy, now).reason, now, kind: 'picture', purpose: PURPOSE },
    d.vault,
  );
  await d.audit.disclosure(disclosure);
  m.respond(bytes);
}
