"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isServerEndpoint = exports.isNginx = exports.isJmsConnectionFactory = exports.isMqChannel = exports.isCleartrust = void 0;
const isCleartrust = (c) => c.type.startsWith('cleartrust.');
exports.isCleartrust = isCleartrust;
const isMqChannel = (c) => c.type === 'mq.svrconn' || c.type === 'mq.sender' || c.type === 'mq.clntconn' || c.type === 'mq.ccdt-channel';
exports.isMqChannel = isMqChannel;
const isJmsConnectionFactory = (c) => c.type === 'jms.connection-factory';
exports.isJmsConnectionFactory = isJmsConnectionFactory;
const isNginx = (c) => c.type === 'nginx.server' || c.type === 'nginx.tls-policy';
exports.isNginx = isNginx;
const isServerEndpoint = (c) => c.type === 'spring.server' ||
    c.type === 'quarkus.server' ||
    c.type === 'liberty.https-endpoint' ||
    c.type === 'jboss.https-listener' ||
    c.type === 'dropwizard.https-connector' ||
    c.type === 'jetty.https-connector' ||
    c.type === 'tomcat.connector' ||
    c.type === 'haproxy.bind' ||
    c.type === 'httpd.server' ||
    c.type === 'activemq.listener' ||
    (0, exports.isNginx)(c);
exports.isServerEndpoint = isServerEndpoint;
