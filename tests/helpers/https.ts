import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { identityFiles, type HomePaths } from '@samenhang/config';

export interface HttpsAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json(): any;
}

/** One HTTPS request over real TLS, trusting only the broker's CA; `as` presents that identity's client certificate. */
export function https(
  paths: HomePaths,
  url: string,
  o: { method?: string; as?: string; body?: Uint8Array | string; type?: string; headers?: Record<string, string> } = {},
): Promise<HttpsAnswer> {
  const files = o.as ? identityFiles(paths, o.as) : undefined;
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: o.method ?? (o.body === undefined ? 'GET' : 'POST'),
        ca: readFileSync(paths.caCert),
        ...(files ? { cert: readFileSync(files.cert), key: readFileSync(files.key) } : {}),
        headers: { ...(o.type ? { 'content-type': o.type } : {}), ...o.headers },
        timeout: 20_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.end(o.body);
  });
}
