export { AgencyClient, loadSigner } from './agency-client.js';
export type { SignerKey } from './agency-client.js';
export { SERVICE_ENTRIES, startStack } from './run-stack.js';
export type { RunningStack, StackOptions } from './run-stack.js';
export { describeAlert, publishStep, runDemo } from './demo.js';
export type { ScenarioStep } from './demo.js';
