export {
  emptyPicture,
  mergePictures,
  pictureDecision,
  union,
  withCapped,
  withDecisions,
  withEntry,
  withWithdrawal,
} from './picture.js';
export type {
  AlertState,
  Picture,
  PictureDecision,
  PictureEntry,
  Redecision,
  SystemState,
} from './picture.js';
export { deriveSystems, isLive, isSystemId, systemIdOf } from './derive.js';
export type { FamilySystem } from './derive.js';
export { alertReason, regionEntries, regionsOf, viewSha256 } from './view.js';
export { hasUnsent, nextAlerts, systemNamed, toSend } from './versions.js';
export { recipientFor } from './recipient.js';
export { byPerson, factsOfEntry, redecide } from './redecide.js';
export type { RedecideInputs } from './redecide.js';
export { signalsAbout, withErasure } from './erasure.js';
