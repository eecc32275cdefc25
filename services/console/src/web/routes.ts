import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NatsConnection } from 'nats';
import {
  citizenReport,
  erasureGroundsProblem,
  type ErasureReason,
  readHeldData,
  reportContext,
  type ReportContext,
  type VaultReader,
} from '@samenhang/audit-log';
import { DECISION_COLUMNS, DISCLOSURE_COLUMNS, decisionCells, disclosureCells, toCsv } from '@samenhang/audit-index';
import { isSystemId } from '@samenhang/family';
import { SamenhangError } from '@samenhang/errors';
import type { Logger } from '@samenhang/logging';
import type { Registry } from '@samenhang/pki';
import { fromTimestamp, type v1 } from '@samenhang/proto';
import type { Pseudonymizer } from '@samenhang/pseudonym';
import { isValidBsn } from '@samenhang/signal';
import { requestPicture } from '@samenhang/nats';
import { signalKey } from '@samenhang/topology';
import { accessRequest } from './access-request.js';
import { CITIZEN_REPORT_CSS } from '@samenhang/audit-log';
import { participant, type Identity, type Revocations } from '../access/identity.js';
import type { OidcSignIn } from '../access/oidc.js';
import { agencyPart } from '../access/agency-part.js';
import { auditScope, mayAssign, mayLearn, mayOperate, roleFits } from '../access/roles.js';
import { alertRegions, mayAskPicture } from '../access/may.js';
import type { Session, Sessions } from '../access/sessions.js';
import { cookieValue, readBody } from '../http.js';
import type { AlertsFeed } from './alerts-feed.js';
import {
  AUDIT_EXPORT_ROWS,
  AUDIT_PAGE_ROWS,
  accessReportBody,
  decisionsBody,
  disclosuresBody,
  statusBody,
  whatIfBody,
  type Filters,
  type ReplayResult,
} from './audit-pages.js';
import type { AuditView } from './audit-view.js';
import { h, type Raw } from './html.js';
import { langOf, translator, type Lang } from './i18n.js';
import { page, type PageContext } from './layout.js';
import {
  type AgencyNames,
  alertCard,
  alertsBody,
  type CardView,
  emptyWords,
  familyBody,
  familyName,
  searchBody,
} from './rvt-pages.js';
import { healthFigures } from '../operations/health-figures.js';
import { barChart } from '../learning/charts.js';
import { learningFilter } from '../learning/learning-filter.js';
import { learningBody, monthLabels, outcomeBars, signalBars } from './learning-page.js';
import type { Assignments } from '../staff/assignments.js';
import type { People } from '../staff/people.js';
import type { LastLooked } from './last-looked.js';
import { operationsBody } from './operations-page.js';
import { byUrgency } from './work-order.js';
import { erasureBody, erasureConfirmBody } from './erasure-page.js';
import { requestErasure } from './request-erasure.js';
import { choiceFits, type HumanChoice, isHumanChoice, publishHumanDecision } from './human-decisions.js';
import { actorOf, entriesOf, type ConsoleAudit } from './view-records.js';

export interface WebDeps {
  readonly nc: NatsConnection;
  readonly registry: Registry;
  readonly revocations: Revocations;
  readonly sessions: Sessions;
  readonly oidc: OidcSignIn;
  readonly lastLooked: LastLooked;
  readonly people: People;
  readonly assignments: Assignments;
  readonly feed: AlertsFeed;
  readonly audit: ConsoleAudit;
  readonly auditView: AuditView;
  /** The learning figures (the audit index's figures table), for the programme analyst. */
  readonly pseudonyms: Pseudonymizer;
  /** The vault, read for the copy of a person's data in an access report (AVG art. 15(3)). */
  readonly vault: VaultReader;
  /** The policy's retention periods, stated per signal in an access report. */
  readonly retention: ReportContext['retention'];
  /** The console's own origin, which request paths are read against. */
  readonly origin: string;
  readonly assetsDir: string;
  readonly purpose: string;
  readonly log: Logger;
}

/** Live pages one session may keep open at once (tabs), each an event stream and a listener. */
const MAX_STREAMS_PER_SESSION = 4;

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
const ASSETS: Record<string, string> = {
  '/assets/console.css': 'text/css; charset=utf-8',
  '/assets/console.js': 'text/javascript; charset=utf-8',
};
const COOKIE = 'samenhang_session';
/**
 * The state of a sign-in in progress at an identity provider. `__Host-`: only this origin can
 * set it (Secure, Path=/, no Domain), so no other page on the host can plant its own state.
 */
const OIDC_COOKIE = '__Host-samenhang_oidc';

interface Req {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly url: URL;
  readonly lang: Lang;
  readonly t: ReturnType<typeof translator>;
}
interface Authed extends Req {
  readonly session: Session;
  readonly who: Identity;
  readonly ctx: PageContext;
}

function send(
  res: ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string | string[]> = {},
): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS, ...headers });
  res.end(html);
}
/** A CSV export, downloaded (never shown in the page) and never cached. */
function sendCsv(res: ServerResponse, name: string, body: string): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}"`,
  });
  res.end(body);
}
const redirect = (res: ServerResponse, to: string, headers: Record<string, string> = {}) => {
  res.writeHead(303, { location: to, ...SECURITY_HEADERS, ...headers });
  res.end();
};

async function form(req: IncomingMessage): Promise<URLSearchParams> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded'))
    throw new SamenhangError('ERR_MEDIA_TYPE', 'a form post is expected');
  return new URLSearchParams((await readBody(req, 8 * 1024 * 1024)).toString('utf8'));
}

/** The web console (server TLS; people sign in through their organisation's identity provider, see /login). */
export class WebConsole {
  /**
   * Per session, the decisions it handed to the consent service: shown to that session as
   * taken until the next alert version shows what was applied. Bounded: oldest sessions go first.
   */
  private readonly decided = new Map<string, Map<string, HumanChoice>>();
  /** Live event streams open per session: a few tabs, not an unbounded number. */
  private readonly streams = new Map<string, number>();

  private decidedIn(session: string): Map<string, HumanChoice> {
    const known = this.decided.get(session);
    if (known) return known;
    if (this.decided.size >= 10_000) this.decided.delete(this.decided.keys().next().value!);
    const mine = new Map<string, HumanChoice>();
    this.decided.set(session, mine);
    return mine;
  }

  /** Participants by the names people know them by (the registry's display names). */
  private readonly agencies: AgencyNames;

  constructor(private readonly d: WebDeps) {
    this.agencies = Object.fromEntries(d.registry.participants.map((p) => [p.id, p.displayName]));
  }

  /** How a session sees the cards of its region. */
  private view(a: Authed, extra: Partial<CardView> = {}): CardView {
    return {
      csrf: a.session.csrf,
      decided: this.decidedIn(a.session.id),
      agencies: this.agencies,
      me: a.session.person.id,
      ...extra,
    };
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.d.origin);
    const chosen = langOf(url.searchParams.get('lang'));
    const lang = chosen ?? langOf(cookieValue(req, 'samenhang_lang')) ?? 'nl';
    const langCookie: Record<string, string> = chosen
      ? { 'set-cookie': `samenhang_lang=${chosen}; Path=/; Secure; SameSite=Strict; Max-Age=31536000` }
      : {};
    url.searchParams.delete('lang');
    const r: Req = { req, res, url, lang, t: translator(lang) };
    try {
      // The access report's print stylesheet: one text for the CLI's document and this page.
      if (req.method === 'GET' && url.pathname === '/assets/access-report.css') {
        res.writeHead(200, {
          'content-type': 'text/css; charset=utf-8',
          ...SECURITY_HEADERS,
          'cache-control': 'max-age=300',
        });
        return void res.end(CITIZEN_REPORT_CSS);
      }
      if (req.method === 'GET' && ASSETS[url.pathname]) {
        res.writeHead(200, {
          'content-type': ASSETS[url.pathname]!,
          ...SECURITY_HEADERS,
          'cache-control': 'max-age=300',
        });
        return void res.end(readFileSync(`${this.d.assetsDir}/${url.pathname.slice(8)}`));
      }
      if (req.method === 'GET' && url.pathname === '/login') return this.signInChoice(r, langCookie);
      if (req.method === 'GET' && url.pathname === '/login/oidc') return await this.signInStart(r);
      if (req.method === 'GET' && url.pathname === '/oidc/callback') return await this.signInFinish(r);
      // A live page's stream (and its reconnects) is no use of the session: it does not renew it.
      const session = this.d.sessions.get(cookieValue(req, COOKIE), Date.now(), url.pathname !== '/rvt/events');
      if (!session) {
        const expired = cookieValue(req, COOKIE) !== undefined;
        return send(
          res,
          401,
          page(
            { lang, path: url.pathname },
            r.t('loginTitle'),
            h`<p role="alert">${expired ? r.t('sessionExpired') : ''}</p>${this.organisationLinks(r)}`,
          ),
          langCookie,
        );
      }
      const who = participant(this.d.registry, session.identity);
      if ((await this.d.revocations.current()).has(who.id)) {
        await this.d.sessions.end(session.id);
        return send(
          res,
          401,
          page({ lang, path: url.pathname }, r.t('loginTitle'), h`<p role="alert">${r.t('sessionExpired')}</p>`),
        );
      }
      const body = req.method === 'POST' ? await form(req) : undefined;
      if (body && body.get('csrf') !== session.csrf) throw new SamenhangError('ERR_FORBIDDEN', 'form token mismatch');
      const nav = [
        ...(alertRegions(who, this.d.registry).length
          ? [
              { href: '/rvt', label: r.t('rvtNav') },
              { href: '/rvt/picture', label: r.t('pictureNav') },
            ]
          : []),
        ...(auditScope(session, who) === 'all'
          ? [
              { href: '/audit', label: r.t('auditTitle') },
              { href: '/audit/disclosures', label: r.t('disclosures') },
              { href: '/audit/decisions', label: r.t('decisions') },
              { href: '/audit/access-report', label: r.t('accessReport') },
              { href: '/audit/what-if', label: r.t('whatIf') },
              { href: '/audit/erase', label: r.t('eraseTitle') },
            ]
          : auditScope(session, who)
            ? [
                { href: '/audit/disclosures', label: r.t('disclosures') },
                { href: '/audit/decisions', label: r.t('decisions') },
              ]
            : []),
        ...(mayOperate(session, who) ? [{ href: '/beheer', label: r.t('operationsNav') }] : []),
        ...(mayLearn(session, who) ? [{ href: '/leren', label: r.t('learnNav') }] : []),
      ];
      const a: Authed = {
        ...r,
        session,
        who,
        ctx: { lang, who, csrf: session.csrf, nav, path: url.pathname + url.search },
      };
      if (!(await this.route(a, body))) send(res, 404, page(a.ctx, '404', h`<p>—</p>`));
    } catch (e) {
      const code = e instanceof SamenhangError ? e.code : 'ERR_INTERNAL';
      if (code === 'ERR_INTERNAL') this.d.log.error({ err: e, path: url.pathname }, 'console request failed');
      // The audit index that cannot be used is the broker's problem, said in words (audit reindex repairs it).
      const status = code === 'ERR_FORBIDDEN' ? 403 : code === 'ERR_INTERNAL' || code === 'ERR_AUDIT_INDEX' ? 503 : 400;
      const text =
        code === 'ERR_FORBIDDEN'
          ? r.t('forbidden')
          : code === 'ERR_INTERNAL'
            ? r.t('auditUnavailable')
            : code === 'ERR_AUDIT_INDEX'
              ? r.t('auditIndexUnavailable')
              : r.t('invalidInput', code);
      if (code === 'ERR_AUDIT_INDEX')
        this.d.log.error({ err: e, path: url.pathname }, 'the audit index cannot be used');
      if (!res.headersSent)
        send(res, status, page({ lang, path: url.pathname }, String(status), h`<p role="alert">${text}</p>`));
      else res.end();
    }
  }

  /** Where a person chooses the organisation they sign in for. */
  private signInChoice(r: Req, headers: Record<string, string>): void {
    send(r.res, 200, page({ lang: r.lang, path: '/login' }, r.t('loginTitle'), this.organisationLinks(r)), headers);
  }

  private organisationLinks(r: Req) {
    return h`<p>${r.t('loginHelp')}</p><ul class="sign-in">${this.d.oidc
      .organisations()
      .map(
        (o) =>
          h`<li><a href="/login/oidc?org=${encodeURIComponent(o.id)}">${r.t('signInWith', o.displayName)}</a></li>`,
      )}</ul>`;
  }

  /** Off to the organisation's identity provider; this browser's state travels in a short-lived cookie. */
  private async signInStart(r: Req): Promise<void> {
    let started: { url: string; cookie: string };
    try {
      started = await this.d.oidc.start(r.url.searchParams.get('org') ?? '');
    } catch (e) {
      // No such organisation, no client at its provider, or the provider unreachable: the log has the code.
      return this.refuseSignIn(r, e, h`<p role="alert">${r.t('signInFailed')}</p>${this.organisationLinks(r)}`, {});
    }
    const { url, cookie } = started;
    // Lax: it must come back with the provider's redirect, a top-level navigation from its site.
    redirect(r.res, url, {
      'set-cookie': `${OIDC_COOKIE}=${cookie}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=600`,
    });
  }

  /**
   * Back from the identity provider: the person it names, in a role their organisation
   * gives them, gets a session. The page then moves on by itself: a navigation from this
   * site, so the session cookie (SameSite=Strict) goes with it.
   */
  private async signInFinish(r: Req): Promise<void> {
    const clear = `${OIDC_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0`;
    try {
      const { person, name } = await this.d.oidc.finish(r.url, cookieValue(r.req, OIDC_COOKIE));
      const who = participant(this.d.registry, person.organisation);
      if ((await this.d.revocations.current()).has(who.id))
        throw new SamenhangError('ERR_CERT_REVOKED', 'this organisation is revoked');
      if (!roleFits(person.role, who, this.d.registry))
        throw new SamenhangError('ERR_FORBIDDEN', 'no console views for this role here');
      const s = await this.d.sessions.create(person);
      // The staff list a coordinator assigns from: who works here, by the name their provider gives.
      if (who.kind === 'RVT') await this.d.people.signedIn({ ...person, name });
      this.d.log.info({ identity: who.id, person: person.id, role: person.role }, 'signed in');
      send(
        r.res,
        200,
        `<!doctype html><html lang="${r.lang}"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/"><title>${r.t('loginTitle')}</title></head><body><p><a href="/">${r.t('signedIn')}</a></p></body></html>`,
        { 'set-cookie': [this.d.sessions.cookie(s), clear] },
      );
    } catch (e) {
      this.refuseSignIn(r, e, h`<p role="alert">${r.t('signInFailed')}</p>${this.organisationLinks(r)}`, {
        'set-cookie': clear,
      });
    }
  }

  /** A sign-in refused: logged by its code only (no token, login or claim), said in words. */
  private refuseSignIn(r: Req, e: unknown, body: ReturnType<typeof h>, headers: Record<string, string>): void {
    this.d.log.warn({ code: (e as SamenhangError).code ?? 'ERR_INTERNAL' }, 'sign-in refused');
    send(r.res, 401, page({ lang: r.lang, path: '/login' }, r.t('loginTitle'), body), headers);
  }

  /** The region's name as people know it: its RVT's, without the words every RVT's name shares. */
  private regionName(t: Authed['t'], region: string): string {
    if (region === '*') return t('learnAllRegions');
    const rvt = this.d.registry.participants.find((p) => p.kind === 'RVT' && p.id === `rvt-${region}`);
    return rvt ? rvt.displayName.replace(/^Regionaal veiligheidsteam /, '') : region;
  }

  /**
   * The programme analyst's page and its charts: the learning figures of the filter in the
   * query, suppressed. The page's view is recorded before it is sent, as every page that
   * shows something is; a chart shows the same figures again and is not recorded apart.
   */
  private async learning(a: Authed, path: string): Promise<void> {
    const { t, res, url, who } = a;
    const index = await this.d.auditView.current();
    const dims = index.learningDimensions();
    const filter = learningFilter(url.searchParams, dims);
    const rows = index.learning(filter);
    const monthRows = index.learning(filter, 'month');
    const regionName = (r: string) => this.regionName(t, r);
    if (path !== '/leren') {
      const signals = path.endsWith('/signalen.svg');
      const svg = await barChart({
        bars: signals ? signalBars(t, rows, regionName) : outcomeBars(t, monthRows),
        xs: monthLabels(t, rows),
        xTitle: t('learnMonth'),
        yTitle: signals ? t('learnSignals') : t('learnDecisions'),
        seriesTitle: signals ? t('learnRegion') : t('learnOutcome'),
      });
      res.writeHead(200, { 'content-type': 'image/svg+xml; charset=utf-8', ...SECURITY_HEADERS });
      res.end(svg);
      return;
    }
    await this.d.audit.viewedLearning({ filter, rows, monthRows }, who, a.session);
    send(res, 200, page(a.ctx, t('learnTitle'), learningBody(t, { dims, filter, rows, monthRows, regionName })));
  }

  private async route(a: Authed, body: URLSearchParams | undefined): Promise<boolean> {
    const { url, req, res, t, who } = a;
    const key = `${req.method} ${url.pathname}`;
    const region = alertRegions(who, this.d.registry)[0];
    const rvt = () => {
      if (!region) throw new SamenhangError('ERR_FORBIDDEN', 'not an RVT');
      return region;
    };
    const scope = auditScope(a.session, who);
    /** The whole log: the broker's privacy officer only. */
    const auditor = () => {
      if (scope !== 'all') throw new SamenhangError('ERR_FORBIDDEN', 'not the broker’s privacy officer');
    };
    switch (key) {
      case 'GET /':
        redirect(
          res,
          region
            ? '/rvt'
            : scope === 'all'
              ? '/audit'
              : mayOperate(a.session, who)
                ? '/beheer'
                : mayLearn(a.session, who)
                  ? '/leren'
                  : '/audit/disclosures',
        );
        return true;
      case 'GET /leren':
      case 'GET /leren/grafiek/signalen.svg':
      case 'GET /leren/grafiek/besluiten.svg':
        if (!mayLearn(a.session, who)) throw new SamenhangError('ERR_FORBIDDEN', 'not a programme analyst');
        await this.learning(a, url.pathname);
        return true;
      case 'GET /beheer': {
        if (!mayOperate(a.session, who)) throw new SamenhangError('ERR_FORBIDDEN', 'not an operator');
        const [figures, checkpoint] = await Promise.all([
          healthFigures(this.d.nc),
          this.d.auditView.latestCheckpoint(),
        ]);
        const now = Date.now();
        send(
          res,
          200,
          page(a.ctx, t('operationsTitle'), operationsBody(t, figures, checkpoint, this.d.sessions.active(now), now)),
        );
        return true;
      }
      case 'POST /logout/everywhere':
        // A person's every session, on every console instance (a lost laptop, a shared desk).
        await this.d.sessions.endEverywhere(a.session.person.id);
        redirect(res, '/login', { 'set-cookie': `${COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0` });
        return true;
      case 'POST /logout':
        await this.d.sessions.end(a.session.id);
        redirect(res, '/login', { 'set-cookie': `${COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0` });
        return true;
      case 'GET /rvt': {
        const all = byUrgency(this.d.feed.current(rvt()));
        const position = this.d.feed.position(); // what the live stream continues from
        // What is new since this person last looked (none marked on a first look).
        const person = a.session.person;
        const since = await this.d.lastLooked.get(person.id);
        const owners = await this.d.assignments.of(
          rvt(),
          all.map((x) => x.systemId),
        );
        const mineOnly = url.searchParams.get('mine') === '1';
        const alerts = mineOnly ? all.filter((x) => owners.get(x.systemId)?.worker === person.id) : all;
        // Every alert shown is a disclosure to this person: recorded first, or nothing is shown.
        for (const x of alerts) await this.d.audit.viewedAlert(x, who, a.session, this.d.purpose);
        if (!mineOnly) await this.d.lastLooked.set(person.id, Date.now()); // looked at only once shown
        const cards = alerts.map((alert) => ({
          alert,
          view: this.view(a, {
            notice: true,
            isNew: since !== undefined && (fromTimestamp(alert.createdAt) ?? 0) > since,
            assignment: owners.get(alert.systemId),
          }),
        }));
        send(res, 200, page(a.ctx, t('alertsTitle', region), alertsBody(t, cards, position, mineOnly)));
        return true;
      }
      case 'GET /rvt/events':
        this.events(a, rvt());
        return true;
      case 'GET /rvt/picture':
      case 'POST /rvt/picture':
        await this.picture(a, rvt(), body);
        return true;
      case 'POST /rvt/assign': {
        const region = rvt();
        if (!mayAssign(a.session)) throw new SamenhangError('ERR_FORBIDDEN', 'not a coordinator');
        // A family alerted to this region, and a worker of this RVT from its staff list.
        const systemId = body!.get('systemId') ?? '';
        if (!this.d.feed.current(region).some((x) => x.systemId === systemId))
          throw new SamenhangError('ERR_INPUT_INVALID', 'no such family in this region');
        const worker = await this.d.people.get(who.id, body!.get('worker') ?? '');
        if (!worker) throw new SamenhangError('ERR_INPUT_INVALID', 'no such worker here');
        const localName = (body!.get('localName') ?? '').trim().slice(0, 120);
        const localPhone = (body!.get('localPhone') ?? '').trim().slice(0, 40);
        // Recorded first: no assignment without its record in the audit log.
        await this.d.audit.assigned(
          { region, systemId, assignee: worker.id, localTeamContact: localName !== '' },
          who,
          a.session,
          this.d.purpose,
        );
        await this.d.assignments.set(region, {
          systemId,
          worker: worker.id,
          workerName: worker.name,
          ...(localName ? { localTeam: { name: localName, phone: localPhone } } : {}),
          by: a.session.person.id,
          at: new Date().toISOString(),
        });
        redirect(res, '/rvt');
        return true;
      }
      case 'POST /rvt/reviews': {
        const region = rvt();
        // The newest notice of the system the form was shown for (from a notice or a picture page).
        const alert = this.d.feed.current(region).find((x) => x.systemId === body!.get('systemId'));
        const e = alert && entriesOf(alert).find((x) => x.decisionId === body!.get('decisionId'));
        const choice = body!.get('outcome') ?? '';
        if (!alert || !e || !isHumanChoice(choice) || !choiceFits(choice, e))
          throw new SamenhangError('ERR_INPUT_INVALID', 'no such decision due');
        // The person, by pseudonymous id (never a name).
        await publishHumanDecision(this.d.nc.jetstream(), region, {
          systemId: alert.systemId,
          decisionId: e.decisionId,
          choice,
          by: actorOf(a.session),
          organisation: who.id,
        });
        this.decidedIn(a.session.id).set(e.decisionId, choice);
        redirect(res, '/rvt');
        return true;
      }
      case 'GET /audit': {
        auditor();
        send(
          res,
          200,
          page(
            a.ctx,
            t('auditTitle'),
            statusBody(t, a.session.csrf, await this.d.auditView.latestCheckpoint(), this.d.auditView.lastVerification),
          ),
        );
        return true;
      }
      case 'POST /audit/verify':
        auditor();
        await this.d.auditView.verify();
        redirect(res, '/audit');
        return true;
      case 'GET /audit/disclosures':
      case 'GET /audit/decisions': {
        if (!scope) throw new SamenhangError('ERR_FORBIDDEN', 'not a privacy officer');
        const asked: Filters = Object.fromEntries(
          ['recipient', 'agency', 'viewer', 'signal', 'since', 'until']
            .map((k) => [k, url.searchParams.get(k) || undefined])
            .filter(([, v]) => v),
        );
        for (const d of [asked.since, asked.until])
          if (d !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))))
            throw new SamenhangError('ERR_INPUT_INVALID', 'a date is written as YYYY-MM-DD');
        // An agency's privacy officer: that agency's signals only, whatever the form asks.
        const f: Filters = scope === 'all' ? asked : { ...asked, agency: scope.agency };
        const csv = url.searchParams.get('format') === 'csv';
        // Pages past the millionth are asked for by no one: the bound keeps the offset a number SQLite takes.
        const pageNo = Math.min(1_000_000, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
        // A page of the answer, or all of it as a CSV export.
        const window = csv ? {} : { limit: AUDIT_PAGE_ROWS, offset: (pageNo - 1) * AUDIT_PAGE_ROWS };
        const index = await this.d.auditView.current();
        const kind = url.pathname.endsWith('disclosures') ? 'disclosures' : 'decisions';
        // An export is built in memory, on the thread every page shares: a query too large for
        // that is refused with a word on narrowing it (by time window, recipient or agency).
        if (csv) {
          const total = (
            kind === 'disclosures' ? index.disclosures({ ...f, limit: 0 }) : index.decisions({ ...f, limit: 0 })
          ).total;
          if (total > AUDIT_EXPORT_ROWS) {
            const title = t(kind);
            send(res, 400, page(a.ctx, title, h`<p role="alert">${t('exportTooLarge', total, AUDIT_EXPORT_ROWS)}</p>`));
            return true;
          }
        }
        // What the answer is, as a page and as CSV, and the ids its view record hashes.
        let shown: { ids: string[]; file: string; csv: () => string; body: () => Raw };
        if (kind === 'disclosures') {
          const found = index.disclosures({ ...f, ...window });
          // An agency's officer sees of each disclosure only its own agency's entries.
          const rows =
            scope === 'all'
              ? found.rows
              : agencyPart(
                  {
                    decisions: index.decisionsById(found.rows.flatMap((d) => d.decisionIds)),
                    disclosures: [...found.rows],
                    assignments: [],
                    erasures: [],
                  },
                  scope.agency,
                ).disclosures;
          shown = {
            ids: rows.map((d) => d.disclosureId),
            file: 'verstrekkingen.csv',
            csv: () => toCsv(DISCLOSURE_COLUMNS, disclosureCells, rows),
            body: () => disclosuresBody(t, f, rows, { total: found.total, page: pageNo }),
          };
        } else {
          const found = index.decisions({ ...f, ...window });
          // An agency's officer: decisions of its own signals by what each record says, not by the index's column alone.
          const rows = scope === 'all' ? found.rows : found.rows.filter((d) => d.sourceAgency === scope.agency);
          shown = {
            ids: rows.map((d) => d.decisionId),
            file: 'beslissingen.csv',
            csv: () => toCsv(DECISION_COLUMNS, decisionCells, rows),
            body: () => decisionsBody(t, f, rows, { total: found.total, page: pageNo }),
          };
        }
        // Recorded before it is sent, as who looked: no record, no answer.
        await this.d.audit.viewedAuditRecords(
          { kind, format: csv ? 'csv' : 'page', filter: { ...f, ...window }, rows: shown.ids.length },
          shown.ids,
          who,
          a.session,
        );
        if (csv) sendCsv(res, shown.file, shown.csv());
        else send(res, 200, page(a.ctx, t(kind), shown.body()));
        return true;
      }
      case 'GET /audit/access-report':
        auditor();
        send(res, 200, page(a.ctx, t('accessReport'), accessReportBody(t, a.session.csrf)));
        return true;
      case 'POST /audit/access-report': {
        auditor();
        const form = accessRequest(body!, t.lang);
        if ('problem' in form) {
          const problem = t('invalidInput', t(form.problem));
          send(res, 400, page(a.ctx, t('accessReport'), accessReportBody(t, a.session.csrf, undefined, problem)));
          return true;
        }
        const person = this.d.pseudonyms.person(form.bsn);
        const records = (await this.d.auditView.current()).concerning(person);
        const held = await readHeldData(this.d.vault, records, person, signalKey);
        const requester = form.requesterBsn ? this.d.pseudonyms.person(form.requesterBsn) : undefined;
        const report = citizenReport(
          records,
          person,
          held,
          reportContext(this.d.registry, this.d.retention, {
            kind: form.kind,
            ...(requester ? { pseudonym: requester } : {}),
          }),
        );
        // Recorded (and acknowledged) before the page is sent: no record, no report.
        await this.d.audit.viewedAccessReport(report, person, requester, who, a.session);
        send(
          res,
          200,
          page(a.ctx, t('accessReport'), accessReportBody(t, a.session.csrf, { model: report, lang: form.lang })),
        );
        return true;
      }
      case 'GET /audit/erase':
        auditor();
        send(res, 200, page(a.ctx, t('eraseTitle'), erasureBody(t, a.session.csrf)));
        return true;
      case 'POST /audit/erase': {
        // The broker's privacy officer only: an agency's officer or a worker gets 403 above all else.
        auditor();
        const bsn = (body!.get('bsn') ?? '').trim();
        const reason = body!.get('reason') ?? '';
        const order = (body!.get('order') ?? '').trim() || undefined;
        const problem = !isValidBsn(bsn) ? t('invalidInput', t('bsn')) : erasureGroundsProblem(reason, order);
        if (problem) {
          send(res, 400, page(a.ctx, t('eraseTitle'), erasureBody(t, a.session.csrf, undefined, problem)));
          return true;
        }
        const person = this.d.pseudonyms.person(bsn);
        if (body!.get('confirm') !== 'yes') {
          // Nothing is destroyed before the officer saw what the log holds about this person.
          const theirs = (await this.d.auditView.current())
            .concerning(person)
            .decisions.filter((d) => d.subjectPseudonym === person);
          const signals = new Set(theirs.map((d) => `${d.sourceAgency}/${d.signalId}`)).size;
          const agencies = [...new Set(theirs.map((d) => this.agencies[d.sourceAgency] ?? d.sourceAgency))];
          send(
            res,
            200,
            page(
              a.ctx,
              t('eraseTitle'),
              erasureConfirmBody(
                t,
                a.session.csrf,
                { bsn, reason, ...(order ? { order } : {}) },
                { signals, agencies },
              ),
            ),
          );
          return true;
        }
        const result = await requestErasure(this.d.nc, {
          person,
          reason: reason as ErasureReason,
          ...(order ? { order } : {}),
          by: a.session.person.id,
          byRole: a.session.person.role,
        });
        const failed = result.ok ? undefined : `${result.code}: ${result.message}`;
        send(res, result.ok ? 200 : 503, page(a.ctx, t('eraseTitle'), erasureBody(t, a.session.csrf, result, failed)));
        return true;
      }
      case 'GET /audit/what-if':
      case 'POST /audit/what-if': {
        auditor();
        let result: ReplayResult | undefined;
        let problem: string | undefined;
        if (body) {
          try {
            result = parseReplay(body.get('replay') ?? '');
          } catch {
            problem = 'samenhang replay --json';
          }
        }
        send(res, problem ? 400 : 200, page(a.ctx, t('whatIf'), whatIfBody(t, a.session.csrf, result, problem)));
        return true;
      }
      default:
        return false;
    }
  }

  /** Server-sent events: each new alert version is recorded as a view, then pushed to the page. */
  private events(a: Authed, region: string): void {
    const { res, req, who, t, url } = a;
    const open = this.streams.get(a.session.id) ?? 0;
    if (open >= MAX_STREAMS_PER_SESSION) {
      res.writeHead(429, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      return void res.end('too many live pages for this session');
    }
    this.streams.set(a.session.id, open + 1);
    res.writeHead(200, { 'content-type': 'text/event-stream', ...SECURITY_HEADERS, connection: 'keep-alive' });
    res.write(': connected\n\n');
    let chain = Promise.resolve();
    const show = (alert: v1.HouseholdAlert, position: number) => {
      chain = chain
        .then(async () => {
          if (res.writableEnded) return;
          // Expired, signed out or revoked meanwhile: the stream ends with the session.
          if (!this.d.sessions.valid(a.session.id) || (await this.d.revocations.current()).has(who.id))
            return void res.end();
          await this.d.audit.viewedAlert(alert, who, a.session, this.d.purpose);
          const assignment = (await this.d.assignments.of(region, [alert.systemId])).get(alert.systemId);
          const html = alertCard(t, alert, this.view(a, { notice: true, isNew: true, assignment })).html;
          // A reader that does not keep up is cut off: it reconnects with the last event id it
          // has and gets the rest then, instead of the console holding an ever longer queue.
          if (
            !res.write(`id: ${position}\nevent: alert\ndata: ${JSON.stringify({ systemId: alert.systemId, html })}\n\n`)
          )
            res.end();
        })
        .catch((e: unknown) => {
          this.d.log.error({ err: e }, 'live alert not shown: audit record failed');
          res.end();
        });
    };
    // What came in since the page was rendered (or since the last event this stream sent,
    // when the browser reconnects), then everything new: both in this one turn, so none is
    // lost. Without a position the stream starts now: a bare request replays nothing.
    const since = Number(req.headers['last-event-id'] ?? url.searchParams.get('after') ?? Number.NaN);
    if (Number.isSafeInteger(since) && since >= 0)
      for (const x of this.d.feed.after(region, since)) show(x.alert, x.position);
    const stop = this.d.feed.listen(region, show);
    const beat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    // A session that ends (expired, signed out, revoked) ends its live page at once, saying so.
    const watch = setInterval(() => {
      void (async () => {
        if (this.d.sessions.valid(a.session.id) && !(await this.d.revocations.current()).has(who.id)) return;
        if (!res.writableEnded) res.end('event: ended\ndata: {}\n\n');
      })().catch(() => res.end());
    }, 1000);
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      clearInterval(beat);
      clearInterval(watch);
      stop();
      const left = (this.streams.get(a.session.id) ?? 1) - 1;
      if (left > 0) this.streams.set(a.session.id, left);
      else this.streams.delete(a.session.id);
    };
    req.once('close', close);
    res.once('close', close);
  }

  /**
   * A family's page, by the system id of a notice (GET), or found by a posted BSN or address
   * (POST: neither ever in a URL). Only a family alerted to this region is found (the consent
   * service decides, and records the disclosure); the console records the view.
   */
  private async picture(a: Authed, region: string, body: URLSearchParams | undefined): Promise<void> {
    const { url, res, t, who } = a;
    if (!mayAskPicture(who, region)) throw new SamenhangError('ERR_FORBIDDEN', 'may not ask for pictures');
    const search = (problem?: string) =>
      send(res, problem ? 400 : 200, page(a.ctx, t('pictureTitle'), searchBody(t, a.session.csrf, problem)));
    let request: v1.PictureRequest.$Properties;
    if (body) {
      const bsn = (body.get('bsn') ?? '').trim();
      const postcode = (body.get('postcode') ?? '').replace(/\s+/g, '').toUpperCase();
      const houseNumber = Number.parseInt(body.get('number') ?? '', 10);
      if (bsn) {
        if (!isValidBsn(bsn)) return search(t('emptyInvalid'));
        request = { bsn };
      } else if (/^[0-9]{4}[A-Z]{2}$/.test(postcode) && Number.isInteger(houseNumber) && houseNumber > 0) {
        request = { address: { postcode, houseNumber, houseNumberSuffix: (body.get('suffix') ?? '').trim() } };
      } else return search(t('emptyInvalid'));
    } else {
      // A system id comes from an alert notice this region received (the link on the work list).
      const systemId = url.searchParams.get('system');
      if (!systemId) return search();
      if (!isSystemId(systemId)) throw new SamenhangError('ERR_INPUT_INVALID', 'system id');
      request = { systemId };
    }
    // The consent service decides and records this disclosure; the console records the view.
    const reply = await requestPicture(this.d.nc, region, request);
    if (reply.entries.length === 0) return search(emptyWords(t, reply.reason));
    await this.d.audit.viewedAlert(reply, who, a.session, this.d.purpose);
    const assignment = (await this.d.assignments.of(region, [reply.systemId])).get(reply.systemId);
    const staff = mayAssign(a.session) ? await this.d.people.of(who.id) : undefined;
    send(res, 200, page(a.ctx, familyName(t, reply), familyBody(t, reply, this.view(a, { assignment }), staff)));
  }
}

/** The summary of `samenhang replay --json` output; anything else is refused. */
function parseReplay(text: string): ReplayResult {
  const o = JSON.parse(text) as ReplayResult;
  const counts = (x: unknown) =>
    typeof x === 'object' && x !== null && Object.values(x).every((n) => Number.isInteger(n));
  if (
    typeof o?.policy?.version !== 'string' ||
    typeof o.asOf !== 'string' ||
    !Number.isInteger(o.evaluated) ||
    !Number.isInteger(o.changed) ||
    !counts(o.byChange) ||
    !counts(o.alerts)
  ) {
    throw new SamenhangError('ERR_INPUT_INVALID', 'not a replay result');
  }
  return {
    policy: { version: o.policy.version, digest: String(o.policy.digest) },
    asOf: o.asOf,
    evaluated: o.evaluated,
    changed: o.changed,
    byChange: o.byChange,
    alerts: o.alerts,
  };
}
