/**
 * What the pipeline's services send per signal, as counted over 20,000 signals of ten per
 * system (docs/history/performance-rounds.md): the gateway writes the index, content, signal
 * and receipt once, a person record 0.70 and a data key 0.30 times; the consent service reads
 * 0.90 pictures, writes one picture and 0.80 links, and 0.90 of the signals alert (a
 * disclosure record and an alert); the audit service writes its state per batch and a
 * checkpoint every 64 records.
 */
export const FLOOR_SHAPE = {
  personPut: 0.7,
  keyCreate: 0.3,
  pictureGet: 0.9,
  linkPut: 0.8,
  alert: 0.9,
  checkpointEvery: 64,
} as const;

/** Message sizes: the pipeline's own where it measured them, the rest estimated (a picture entry ~1 KB). */
export interface FloorBytes {
  readonly ingress: number;
  readonly signal: number;
  readonly receipt: number;
  readonly audit: number;
  readonly alert: number;
  readonly index: number;
  readonly content: number;
  readonly person: number;
  readonly key: number;
  readonly disclosure: number;
  readonly pictureEntry: number;
  readonly link: number;
  readonly state: number;
}

export const ESTIMATED_BYTES = {
  index: 160,
  content: 700,
  person: 300,
  key: 120,
  disclosure: 1500,
  pictureEntry: 1060,
  link: 120,
  state: 3000,
} as const;
