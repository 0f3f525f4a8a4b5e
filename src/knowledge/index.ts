/**
 * The knowledge base: versioned TLS facts as data (src/knowledge/data/*.json, schemas in
 * schemas/knowledge/) behind typed accessors. Rules ask here; they never test versions themselves.
 * See docs/knowledge.md.
 */
export type { CipherSuite, MqCipherSpec } from './types';
export { knownFeature, parseJavaVersion, vendorFromRelease, formatJdk, describeJdk, javaVersionText } from './version';
export {
  jdkProfile,
  serverCipherOrderDefault,
  isJsseLegacySuite,
  firstUpdatesDisabling,
  knownJdkReleases,
  REFERENCE_JDK,
  referenceJdkProtocols,
} from './jdk';
export { sameDefaultsEveryUpdate, updateSpans, disabledInEveryUpdate } from './jdk-updates';
export { splitAlgorithmList, disabledEntryFor, disabledSuiteMatcher, protocolDisabledBy } from './algorithms';
export { effectiveJdkTls, suitesUsableAt, INPUT_PROPERTIES as JSSE_LIST_PROPERTIES } from './effective';
export {
  findCipherSuite,
  allCipherSuites,
  jsseName,
  normaliseProtocol,
  parseProtocol,
  protocolRank,
  protocolRetirement,
  protocolsBetween,
  type ProtocolName,
} from './ciphers';
export {
  findCipherSpec,
  allCipherSpecs,
  mqServerOrder,
  mqReasonCode,
  jmsSuiteForCipherSpec,
  cipherSpecMatchesAlias,
  jmsAliasProtocols,
  mqHandshakeLog,
  mqReleaseFromImage,
  isMqImage,
  mqImageScripts,
  mqImageChannels,
  renderedMqImageScript,
  type MqImageScript,
  mqReenablingSwitches,
  mqReleaseFromOperatorVersion,
  mqOperatorDeveloperLicence,
  mqReleaseSpeaksTls13,
  mqReleaseOrderDocumented,
  mqEnabledProtocols,
  mqQueueManagerKeyRepository,
  isMqContainerImage,
} from './mq';
export { mssqlServerImage, MSSQL } from './mssql';
export { mysqlServerFromImage, mysqlReleaseSpeaking, CONNECTOR_J } from './mysql';
export { pgjdbcKnowsMode, postgresServerImage, POSTGRES } from './postgres';
export { mqCipherSpecDefaultState, type MqDefaultState } from './mq-deprecation';
export { mqCipherSpecKnownIn } from './mq-introduction';
export { explainJdk } from './explain';
export {
  mqQmgrDefault,
  mqAuthinfoDefault,
  mqDefaultChlauthRecords,
  mqInboundChannelType,
  isMqAdminUser,
  mqAmqpFacts,
} from './mq-access';
export { agentNeedsBackwardCompatibleListPort } from './cleartrust';
export {
  COMMAND_LINE_ORDER,
  imageJavaHome,
  jdkFromImage,
  jdkFromPackage,
  jdkFromArchive,
  jdkHomeFilesOfImage,
  jdkFromPath,
  jlinkEcProvider,
  jvmOptionVariable,
  keytoolPemByteOrderMark,
  ownCacertsSourceOf,
  readsOptionVariable,
  splitImageReference,
  type NamedJdk,
} from './jdk-locations';
export {
  systemCaStoreOf,
  systemCaStoreOfPackage,
  systemJavaStoreAt,
  type SystemCaStore,
  type SystemJavaStore,
} from './system-ca-stores';
export { packageSecurityFileSource } from './jdk-package-files';
export {
  springBootHas,
  springBootManagedKafka,
  springKafkaBinds,
  springKafkaProperty,
  type SpringKafkaObject,
  springBootJavaFloor,
  springBootManagedTomcat,
  springBootSince,
  springEmbeddedServer,
} from './spring-boot';
export { KAFKA_CLIENT_SSL_SETTINGS, KAFKA_UNSET_BY_DEFAULT, kafkaClientDefaults } from './kafka';
