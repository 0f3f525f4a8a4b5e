import { isSecretKey } from '../../src/parse/types';

describe('isSecretKey', () => {
  it.each([
    'cleartrust.net.ssl.keystore_passphrase',
    'cleartrust.agent.ssl.private_key_passphrase',
    'cleartrust.agent.key_client_secret',
    'keyStorePassword',
    'javax.net.ssl.trustStorePassword',
    'SSLKeyRepositoryPassword',
    'server.ssl.key-store-password',
    'keystorePass',
    'truststorePass',
    'keyPass',
    'certificateKeystorePassword',
    'db.pwd',
    'passwd',
    'api.pass',
    'DB_PASS',
    'oauth.token',
    'client_credentials',
    'com.ibm.ssl.keyStorePassword',
    'Connector@keystorePass',
    'private_key',
    // apereo/cas HttpClientTrustStoreProperties: the trust store's password.
    'cas.http-client.truststore.psw',
    'KEYSTORE_PSWD',
    // confluentinc/cp-demo@10846ae: the secret provider's own secrets stay secret.
    'CONNECT_CONFIG_PROVIDERS_SECRET_PARAM_MASTER_ENCRYPTION_KEY',
    'CONNECT_CONFIG_PROVIDERS_SECRET_PARAM_KAFKASTORE_SSL_TRUSTSTORE_PASSWORD',
    'CONNECT_CONFIG_PROVIDERS_SECRET_PARAM_KAFKASTORE_SASL_JAAS_CONFIG',
    'KAFKA_PASSWORD_ENCODER_SECRET',
  ])('%s is secret', (key) => expect(isSecretKey(key)).toBe(true));

  it.each([
    'proxy_pass',
    'fastcgi_pass',
    'grpc_pass',
    'bypass',
    'compass.url',
    'passenger_enabled',
    'cleartrust.net.ssl.use',
    'ssl_protocols',
    'sslPeerName',
    'cleartrust.agent.sso_token_name',
    // ptdeboer/piter.nl-sec@5c21f4a application-test.properties: the embedded LDAP's user name beside its password.
    'spring.ldap.embedded.credential.username',
    'credentials.user',
    'secret.user-name',
    'credentialUserName',
    // `psw` only as a word of its own (shell scripts' IPSW is an iOS firmware file).
    'IPSW',
    // confluentinc/cp-demo@10846ae: settings of Connect's secret provider, not secrets (a store path, a protocol).
    'CONNECT_CONFIG_PROVIDERS_SECRET_PARAM_KAFKASTORE_SSL_TRUSTSTORE_LOCATION',
    'CONNECT_CONFIG_PROVIDERS_SECRET_PARAM_KAFKASTORE_SECURITY_PROTOCOL',
    'CONNECT_CONFIG_PROVIDERS_SECRET_PARAM_KAFKASTORE_BOOTSTRAP_SERVERS',
    'CONNECT_CONFIG_PROVIDERS_SECRET_CLASS',
    'MYSQL_PASSWORD_FILE',
    'ssl_password_file',
    'keyStorePasswordFile',
  ])('%s is not secret', (key) => expect(isSecretKey(key)).toBe(false));
});
