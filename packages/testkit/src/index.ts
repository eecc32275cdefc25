// Fixtures for the tests, and nothing production code needs: a whole stack in a temporary
// home, scenario steps published as their agencies, JetStream streams read back, a person
// signed in to the console through the development identity provider. It also
// hands the tests the bench's synthetic load and the launcher they start stacks with, so a
// test imports fixtures from here alone (the launcher still lives in the CLI package).
export { bareStack, stackPerSuite, startTestStack } from './stack.js';
export { copyRunPki } from './pki-template.js';
export type { TestStack } from './stack.js';
export { publishSteps, publishStepsOneByOne } from './publish-scenario.js';
export { devProviderLogin, signInBrowser, signInHttps } from './sign-in.js';
export { consumerIdle, readStream, receipts, streamCount, verifiedConsents, verifiedSignals } from './streams.js';
export {
  WORKLOAD_AGENCIES,
  acuteSignals,
  publishSigned,
  signWorkload,
  syntheticWorkload,
  testBsns,
} from '@samenhang/bench';
export type { WorkloadItem } from '@samenhang/bench';
export { healthReports, stackHealth } from '@samenhang/cli';
export { CORE_SERVICES, SERVICE_ENTRIES, startStack } from '@samenhang/launcher';
export type { RunningStack, StackOptions } from '@samenhang/launcher';
