"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALL_RULES = void 0;
const expired_1 = __importDefault(require("./cert/expired"));
const expires_soon_1 = __importDefault(require("./cert/expires-soon"));
const hostname_mismatch_1 = __importDefault(require("./cert/hostname-mismatch"));
const key_alias_missing_1 = __importDefault(require("./cert/key-alias-missing"));
const shared_private_key_1 = __importDefault(require("./cert/shared-private-key"));
const signature_disabled_by_runtime_1 = __importDefault(require("./cert/signature-disabled-by-runtime"));
const store_password_wrong_1 = __importDefault(require("./cert/store-password-wrong"));
const weak_key_1 = __importDefault(require("./cert/weak-key"));
const wrong_key_usage_1 = __importDefault(require("./cert/wrong-key-usage"));
const admin_api_ssl_mismatch_1 = __importDefault(require("./cleartrust/admin-api-ssl-mismatch"));
const agent_backward_compatible_required_1 = __importDefault(require("./cleartrust/agent-backward-compatible-required"));
const anon_cipher_disabled_1 = __importDefault(require("./cleartrust/anon-cipher-disabled"));
const auth_without_keystore_1 = __importDefault(require("./cleartrust/auth-without-keystore"));
const keyserver_ssl_mode_mismatch_1 = __importDefault(require("./cleartrust/keyserver-ssl-mode-mismatch"));
const runtime_api_security_mismatch_1 = __importDefault(require("./cleartrust/runtime-api-security-mismatch"));
const runtime_api_security_too_high_1 = __importDefault(require("./cleartrust/runtime-api-security-too-high"));
const ssl_mode_invalid_1 = __importDefault(require("./cleartrust/ssl-mode-invalid"));
const ssl_mode_mismatch_1 = __importDefault(require("./cleartrust/ssl-mode-mismatch"));
const ssl_settings_ignored_1 = __importDefault(require("./cleartrust/ssl-settings-ignored"));
const bind_without_certificate_1 = __importDefault(require("./haproxy/bind-without-certificate"));
const certificate_without_key_1 = __importDefault(require("./haproxy/certificate-without-key"));
const crt_directory_stray_file_1 = __importDefault(require("./haproxy/crt-directory-stray-file"));
const httpclient_verify_disabled_1 = __importDefault(require("./haproxy/httpclient-verify-disabled"));
const removed_keyword_1 = __importDefault(require("./haproxy/removed-keyword"));
const server_verify_disabled_1 = __importDefault(require("./haproxy/server-verify-disabled"));
const verify_without_ca_file_1 = __importDefault(require("./haproxy/verify-without-ca-file"));
const certificate_missing_1 = __importDefault(require("./httpd/certificate-missing"));
const directive_refused_1 = __importDefault(require("./httpd/directive-refused"));
const protocol_overridden_1 = __importDefault(require("./httpd/protocol-overridden"));
const proxy_engine_off_1 = __importDefault(require("./httpd/proxy-engine-off"));
const proxy_peer_name_mismatch_1 = __importDefault(require("./httpd/proxy-peer-name-mismatch"));
const proxy_ssl_ignored_1 = __importDefault(require("./httpd/proxy-ssl-ignored"));
const proxy_verify_without_ca_1 = __importDefault(require("./httpd/proxy-verify-without-ca"));
const security_level_refuses_certificate_1 = __importDefault(require("./httpd/security-level-refuses-certificate"));
const start_refused_1 = __importDefault(require("./httpd/start-refused"));
const tls_vhost_behind_plain_1 = __importDefault(require("./httpd/tls-vhost-behind-plain"));
const global_setting_not_applied_1 = __importDefault(require("./ihs/global-setting-not-applied"));
const server_cert_label_missing_1 = __importDefault(require("./ihs/server-cert-label-missing"));
const cacerts_copied_where_unread_1 = __importDefault(require("./java/cacerts-copied-where-unread"));
const cacerts_unreadable_1 = __importDefault(require("./java/cacerts-unreadable"));
const cipher_name_unsupported_1 = __importDefault(require("./java/cipher-name-unsupported"));
const disabled_algorithms_weakened_1 = __importDefault(require("./java/disabled-algorithms-weakened"));
const https_only_in_profile_1 = __importDefault(require("./java/https-only-in-profile"));
const ibm_default_tls_v1_1 = __importDefault(require("./java/ibm-default-tls-v1"));
const jlink_runtime_without_ec_1 = __importDefault(require("./java/jlink-runtime-without-ec"));
const protocol_disabled_by_runtime_1 = __importDefault(require("./java/protocol-disabled-by-runtime"));
const protocol_unsupported_by_runtime_1 = __importDefault(require("./java/protocol-unsupported-by-runtime"));
const runtime_ambiguous_1 = __importDefault(require("./java/runtime-ambiguous"));
const runtime_unprofiled_1 = __importDefault(require("./java/runtime-unprofiled"));
const security_file_without_providers_1 = __importDefault(require("./java/security-file-without-providers"));
const spring_boot_jdk_too_old_1 = __importDefault(require("./java/spring-boot-jdk-too-old"));
const spring_ssl_bundle_unsupported_1 = __importDefault(require("./java/spring-ssl-bundle-unsupported"));
const spring_ssl_ignored_in_war_1 = __importDefault(require("./java/spring-ssl-ignored-in-war"));
const connect_client_not_inheriting_1 = __importDefault(require("./kafka/connect-client-not-inheriting"));
const hostname_verification_disabled_1 = __importDefault(require("./kafka/hostname-verification-disabled"));
const librdkafka_verification_disabled_1 = __importDefault(require("./kafka/librdkafka-verification-disabled"));
const placeholder_not_expanded_1 = __importDefault(require("./kafka/placeholder-not-expanded"));
const ssl_bundle_with_store_1 = __importDefault(require("./kafka/ssl-bundle-with-store"));
const https_port_closed_1 = __importDefault(require("./liberty/https-port-closed"));
const include_missing_1 = __importDefault(require("./liberty/include-missing"));
const address_map_allows_all_1 = __importDefault(require("./mq/address-map-allows-all"));
const amqp_channel_without_tls_1 = __importDefault(require("./mq/amqp-channel-without-tls"));
const blockuser_override_removes_admin_block_1 = __importDefault(require("./mq/blockuser-override-removes-admin-block"));
const channel_runs_as_admin_1 = __importDefault(require("./mq/channel-runs-as-admin"));
const channel_without_tls_1 = __importDefault(require("./mq/channel-without-tls"));
const chlauth_disabled_1 = __importDefault(require("./mq/chlauth-disabled"));
const chlauth_refuses_certificate_1 = __importDefault(require("./mq/chlauth-refuses-certificate"));
const cipher_name_for_wrong_jre_1 = __importDefault(require("./mq/cipher-name-for-wrong-jre"));
const cipherspec_deprecated_1 = __importDefault(require("./mq/cipherspec-deprecated"));
const cipherspec_mismatch_1 = __importDefault(require("./mq/cipherspec-mismatch"));
const cipherspec_newer_than_release_1 = __importDefault(require("./mq/cipherspec-newer-than-release"));
const cipherspec_not_negotiated_1 = __importDefault(require("./mq/cipherspec-not-negotiated"));
const connauth_disabled_1 = __importDefault(require("./mq/connauth-disabled"));
const mapping_to_blocked_user_1 = __importDefault(require("./mq/mapping-to-blocked-user"));
const message_channel_cipherspec_mismatch_1 = __importDefault(require("./mq/message-channel-cipherspec-mismatch"));
const mqsc_command_fails_1 = __importDefault(require("./mq/mqsc-command-fails"));
const oam_disabled_1 = __importDefault(require("./mq/oam-disabled"));
const replication_without_tls_1 = __importDefault(require("./mq/replication-without-tls"));
const sslcauth_optional_with_sslpeer_1 = __importDefault(require("./mq/sslcauth-optional-with-sslpeer"));
const sslpeer_no_match_1 = __importDefault(require("./mq/sslpeer-no-match"));
const sslpeer_syntax_1 = __importDefault(require("./mq/sslpeer-syntax"));
const system_channels_not_blocked_1 = __importDefault(require("./mq/system-channels-not-blocked"));
const tls_channel_without_mcauser_1 = __importDefault(require("./mq/tls-channel-without-mcauser"));
const certificate_key_mismatch_1 = __importDefault(require("./nginx/certificate-key-mismatch"));
const certificate_missing_2 = __importDefault(require("./nginx/certificate-missing"));
const listen_spdy_removed_1 = __importDefault(require("./nginx/listen-spdy-removed"));
const proxy_ssl_ignored_2 = __importDefault(require("./nginx/proxy-ssl-ignored"));
const proxy_ssl_name_mismatch_1 = __importDefault(require("./nginx/proxy-ssl-name-mismatch"));
const proxy_target_unknown_1 = __importDefault(require("./nginx/proxy-target-unknown"));
const security_level_refuses_certificate_2 = __importDefault(require("./nginx/security-level-refuses-certificate"));
const security_level_refuses_dh_parameters_1 = __importDefault(require("./nginx/security-level-refuses-dh-parameters"));
const spdy_directive_removed_1 = __importDefault(require("./nginx/spdy-directive-removed"));
const ssl_directive_removed_1 = __importDefault(require("./nginx/ssl-directive-removed"));
const verify_without_ca_certificates_1 = __importDefault(require("./nginx/verify-without-ca-certificates"));
const certificate_validation_disabled_1 = __importDefault(require("./rabbitmq/certificate-validation-disabled"));
const hostname_verification_disabled_2 = __importDefault(require("./rabbitmq/hostname-verification-disabled"));
const plaintext_secret_1 = __importDefault(require("./security/plaintext-secret"));
const certificate_trust_unknown_1 = __importDefault(require("./tls/certificate-trust-unknown"));
const cipher_disabled_by_runtime_1 = __importDefault(require("./tls/cipher-disabled-by-runtime"));
const cipher_string_unknown_to_openssl_1 = __importDefault(require("./tls/cipher-string-unknown-to-openssl"));
const cipher_unknown_to_runtime_1 = __importDefault(require("./tls/cipher-unknown-to-runtime"));
const client_certificate_required_1 = __importDefault(require("./tls/client-certificate-required"));
const incomplete_chain_1 = __importDefault(require("./tls/incomplete-chain"));
const link_outcome_unknown_1 = __importDefault(require("./tls/link-outcome-unknown"));
const negotiates_unexpected_cipher_1 = __importDefault(require("./tls/negotiates-unexpected-cipher"));
const no_common_cipher_1 = __importDefault(require("./tls/no-common-cipher"));
const no_common_protocol_1 = __importDefault(require("./tls/no-common-protocol"));
const plain_call_to_tls_port_1 = __importDefault(require("./tls/plain-call-to-tls-port"));
const server_allows_legacy_protocols_1 = __importDefault(require("./tls/server-allows-legacy-protocols"));
const untrusted_server_certificate_1 = __importDefault(require("./tls/untrusted-server-certificate"));
const weak_cipher_enabled_1 = __importDefault(require("./tls/weak-cipher-enabled"));
const weak_protocol_enabled_1 = __importDefault(require("./tls/weak-protocol-enabled"));
const ajp_without_secret_1 = __importDefault(require("./tomcat/ajp-without-secret"));
const attribute_ignored_1 = __importDefault(require("./tomcat/attribute-ignored"));
const legacy_connector_attributes_1 = __importDefault(require("./tomcat/legacy-connector-attributes"));
const native_ciphers_match_nothing_1 = __importDefault(require("./tomcat/native-ciphers-match-nothing"));
const no_default_ssl_host_config_1 = __importDefault(require("./tomcat/no-default-ssl-host-config"));
const ssl_not_enabled_1 = __importDefault(require("./tomcat/ssl-not-enabled"));
const https_transport_without_keyring_1 = __importDefault(require("./was-plugin/https-transport-without-keyring"));
const insecure_fallback_1 = __importDefault(require("./was-plugin/insecure-fallback"));
/** Every built-in rule, sorted by id. */
exports.ALL_RULES = [
    expired_1.default,
    expires_soon_1.default,
    hostname_mismatch_1.default,
    key_alias_missing_1.default,
    shared_private_key_1.default,
    signature_disabled_by_runtime_1.default,
    store_password_wrong_1.default,
    weak_key_1.default,
    wrong_key_usage_1.default,
    admin_api_ssl_mismatch_1.default,
    agent_backward_compatible_required_1.default,
    anon_cipher_disabled_1.default,
    auth_without_keystore_1.default,
    keyserver_ssl_mode_mismatch_1.default,
    runtime_api_security_mismatch_1.default,
    runtime_api_security_too_high_1.default,
    ssl_mode_invalid_1.default,
    ssl_mode_mismatch_1.default,
    ssl_settings_ignored_1.default,
    bind_without_certificate_1.default,
    certificate_without_key_1.default,
    crt_directory_stray_file_1.default,
    httpclient_verify_disabled_1.default,
    removed_keyword_1.default,
    server_verify_disabled_1.default,
    verify_without_ca_file_1.default,
    certificate_missing_1.default,
    directive_refused_1.default,
    protocol_overridden_1.default,
    proxy_engine_off_1.default,
    proxy_peer_name_mismatch_1.default,
    proxy_ssl_ignored_1.default,
    proxy_verify_without_ca_1.default,
    security_level_refuses_certificate_1.default,
    start_refused_1.default,
    tls_vhost_behind_plain_1.default,
    global_setting_not_applied_1.default,
    server_cert_label_missing_1.default,
    cacerts_copied_where_unread_1.default,
    cacerts_unreadable_1.default,
    cipher_name_unsupported_1.default,
    disabled_algorithms_weakened_1.default,
    https_only_in_profile_1.default,
    ibm_default_tls_v1_1.default,
    jlink_runtime_without_ec_1.default,
    protocol_disabled_by_runtime_1.default,
    protocol_unsupported_by_runtime_1.default,
    runtime_ambiguous_1.default,
    runtime_unprofiled_1.default,
    security_file_without_providers_1.default,
    spring_boot_jdk_too_old_1.default,
    spring_ssl_bundle_unsupported_1.default,
    spring_ssl_ignored_in_war_1.default,
    connect_client_not_inheriting_1.default,
    hostname_verification_disabled_1.default,
    librdkafka_verification_disabled_1.default,
    placeholder_not_expanded_1.default,
    ssl_bundle_with_store_1.default,
    https_port_closed_1.default,
    include_missing_1.default,
    address_map_allows_all_1.default,
    amqp_channel_without_tls_1.default,
    blockuser_override_removes_admin_block_1.default,
    channel_runs_as_admin_1.default,
    channel_without_tls_1.default,
    chlauth_disabled_1.default,
    chlauth_refuses_certificate_1.default,
    cipher_name_for_wrong_jre_1.default,
    cipherspec_deprecated_1.default,
    cipherspec_mismatch_1.default,
    cipherspec_newer_than_release_1.default,
    cipherspec_not_negotiated_1.default,
    connauth_disabled_1.default,
    mapping_to_blocked_user_1.default,
    message_channel_cipherspec_mismatch_1.default,
    mqsc_command_fails_1.default,
    oam_disabled_1.default,
    replication_without_tls_1.default,
    sslcauth_optional_with_sslpeer_1.default,
    sslpeer_no_match_1.default,
    sslpeer_syntax_1.default,
    system_channels_not_blocked_1.default,
    tls_channel_without_mcauser_1.default,
    certificate_key_mismatch_1.default,
    certificate_missing_2.default,
    listen_spdy_removed_1.default,
    proxy_ssl_ignored_2.default,
    proxy_ssl_name_mismatch_1.default,
    proxy_target_unknown_1.default,
    security_level_refuses_certificate_2.default,
    security_level_refuses_dh_parameters_1.default,
    spdy_directive_removed_1.default,
    ssl_directive_removed_1.default,
    verify_without_ca_certificates_1.default,
    certificate_validation_disabled_1.default,
    hostname_verification_disabled_2.default,
    plaintext_secret_1.default,
    certificate_trust_unknown_1.default,
    cipher_disabled_by_runtime_1.default,
    cipher_string_unknown_to_openssl_1.default,
    cipher_unknown_to_runtime_1.default,
    client_certificate_required_1.default,
    incomplete_chain_1.default,
    link_outcome_unknown_1.default,
    negotiates_unexpected_cipher_1.default,
    no_common_cipher_1.default,
    no_common_protocol_1.default,
    plain_call_to_tls_port_1.default,
    server_allows_legacy_protocols_1.default,
    untrusted_server_certificate_1.default,
    weak_cipher_enabled_1.default,
    weak_protocol_enabled_1.default,
    ajp_without_secret_1.default,
    attribute_ignored_1.default,
    legacy_connector_attributes_1.default,
    native_ciphers_match_nothing_1.default,
    no_default_ssl_host_config_1.default,
    ssl_not_enabled_1.default,
    https_transport_without_keyring_1.default,
    insecure_fallback_1.default,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : 1));
