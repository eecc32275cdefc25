export {
  SERVICE_CONFIG_PROPERTIES,
  SERVICE_CONFIG_REQUIRED,
  exitGracefully,
  serviceBase,
} from './service-lifecycle.js';
export type { ServiceFields } from './service-lifecycle.js';
export { readStackInfo, removeStackInfo, writeStackInfo } from './stack-file.js';
export type { ExitRecord, NodeSpec, ServiceState, ServiceStatus, StackInfo } from './stack-file.js';
export { ensureBrokerKeys, loadBrokerKeys } from './broker-keys.js';
export type { BrokerKeys } from './broker-keys.js';
export { ensureIdpClient, readIdpClientSecret, readIdpInfo, writeIdpInfo } from './idp-file.js';
export type { IdpClient, IdpInfo } from './idp-file.js';
