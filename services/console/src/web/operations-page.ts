import type { Checkpoint } from '@samenhang/audit-log';
import type { HealthFigures } from '../operations/health-figures.js';
import { h, type Raw } from './html.js';
import type { Translator } from './i18n.js';
import { localTime, word } from './labels.js';

/** A count as people here write it (12.345), or "unknown" when it could not be read. */
const count = (t: Translator, n: number | undefined) =>
  n === undefined ? t('unknown') : n.toLocaleString(t.lang === 'nl' ? 'nl-NL' : 'en-GB');

function size(t: Translator, bytes: number | undefined): string {
  if (bytes === undefined) return t('unknown');
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toLocaleString(t.lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: u === 0 ? 0 : 1 })} ${units[u]}`;
}

/** How long ago, in the largest whole unit that fits: "4 min", "2 u", "3 d". */
function age(t: Translator, ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return t.lang === 'nl' ? 'minder dan 1 min' : 'under 1 min';
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} ${t.lang === 'nl' ? 'u' : 'h'}` : `${Math.floor(hours / 24)} d`;
}

/**
 * The operator's page: is the broker keeping up, and is the log being sealed. Sizes, backlogs,
 * the newest checkpoint's age and how many sessions are open — nothing of any person.
 */
export function operationsBody(
  t: Translator,
  figures: HealthFigures,
  checkpoint: Checkpoint | undefined,
  sessions: number,
  now: number,
): Raw {
  const lang = t.lang;
  return h`<p>${t('operationsHelp')}</p>
<section aria-labelledby="ops-streams"><h2 id="ops-streams">${t('streamsTitle')}</h2>
<table><thead><tr><th scope="col">${t('stream')}</th><th scope="col">${t('messages')}</th><th scope="col">${t('storedSize')}</th></tr></thead><tbody>
${figures.streams.map((s) => h`<tr data-stream="${s.name}"><th scope="row">${word(lang, 'stream', s.name)}</th><td>${count(t, s.messages)}</td><td>${size(t, s.bytes)}</td></tr>`)}
</tbody></table></section>
<section aria-labelledby="ops-services"><h2 id="ops-services">${t('servicesTitle')}</h2>
<table><thead><tr><th scope="col">${t('service')}</th><th scope="col">${t('pending')}</th><th scope="col">${t('unacknowledged')}</th></tr></thead><tbody>
${figures.consumers.map((c) => h`<tr data-service="${c.service}"><th scope="row">${word(lang, 'service', c.service)}</th><td>${count(t, c.pending)}</td><td>${count(t, c.unacknowledged)}</td></tr>`)}
</tbody></table></section>
<section aria-labelledby="ops-checkpoint"><h2 id="ops-checkpoint">${t('latestCheckpoint')}</h2>
<p id="checkpoint-age">${checkpoint ? t('checkpointAge', age(t, now - Date.parse(checkpoint.time)), localTime(checkpoint.time, lang), count(t, checkpoint.treeSize)) : t('noCheckpoint')}</p></section>
<section aria-labelledby="ops-sessions"><h2 id="ops-sessions">${t('sessionsTitle')}</h2>
<p id="sessions">${t('sessionsNow', count(t, sessions))}</p></section>`;
}
