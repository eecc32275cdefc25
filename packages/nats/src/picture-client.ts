import type { NatsConnection } from 'nats';
import { v1 } from '@samenhang/proto';
import { subjects } from '@samenhang/topology';

/**
 * Asks the consent service for the current picture of a household (by address) or of a
 * system whose alert notice the region received (by system id), as an identity allowed to
 * ask for that region. The answer carries the content its decisions allow, read now; an
 * empty answer says why in `reason`. Every answer with entries is a logged disclosure.
 */
export async function requestPicture(
  nc: NatsConnection,
  region: string,
  request: v1.PictureRequest.$Properties,
  timeoutMs = 10_000,
): Promise<v1.HouseholdAlert> {
  const reply = await nc.request(subjects.picture(region), v1.PictureRequest.encode(request).finish(), {
    timeout: timeoutMs,
  });
  return v1.HouseholdAlert.decode(reply.data);
}
