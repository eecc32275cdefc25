import type { Msg } from 'nats';
import { type ErasureResult, parseErasureRequest } from '@samenhang/audit-log';
import { isSamenhangError } from '@samenhang/errors';
import { askersOf, inboxPrefix } from '@samenhang/topology';
import { erasePerson } from './deciding/erase-person.js';
import type { ConsentDeps } from './deps.js';

/**
 * Answers a request to erase a person (samenhang.erasure): nats-server lets only the operator
 * and the console publish it, and the consent service publish answers only into their inboxes;
 * the reply subject is checked here as well, so no one else's inbox is written to. The answer
 * says what was erased, or the error code; a failure half-way is answered as one, and the
 * erasure may be asked again (it is idempotent).
 */
export async function answerErasure(m: Msg, d: ConsentDeps): Promise<void> {
  const askers = askersOf(d.registry).erasures;
  if (!m.reply || !askers.some((id) => m.reply!.startsWith(`${inboxPrefix(id)}.`))) {
    d.log.warn({}, 'erasure request ignored: its reply subject is not an inbox of who may ask');
    return;
  }
  const answer = (r: ErasureResult) => m.respond(Buffer.from(JSON.stringify(r)));
  try {
    const record = await erasePerson(parseErasureRequest(m.data), Date.now(), d);
    answer({
      ok: true,
      erasureId: record.erasureId,
      person: record.person,
      signals: record.signals,
      systems: record.systems,
      time: record.time,
    });
  } catch (e) {
    if (isSamenhangError(e) && e.code === 'ERR_ERASURE_INVALID')
      return void answer({ ok: false, code: e.code, message: e.message });
    d.log.error({ err: e }, 'erasure failed; it may be asked again');
    answer({ ok: false, code: 'ERR_ERASURE_FAILED', message: 'the erasure did not complete; ask again' });
  }
}
