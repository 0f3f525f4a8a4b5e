import { defineRule } from '../types';
import { ours, Phrase, said } from '../../core/phrase';
import { certificatesInStore, keyEntries, storeAliases } from '../../derive/stores';
import { springBootKeyAliasMissing } from '../../knowledge/spring-boot';
import { TOMCAT_ALIAS_NO_KEY_ENTRY } from '../../knowledge/tomcat';

/**
 * A Spring Boot web server or a Tomcat connector whose key alias (`server.ssl.key-alias`, `keyAlias`,
 * `certificateKeyAlias`) names no key entry of the key store the tree holds: it does not start. Tomcat's
 * SSLUtilBase.getKeyManagers refuses an alias that is no key entry, and Spring Boot, from 2.1.13, one the store does not
 * contain, before the server starts (data/tomcat.json aliasNoKeyEntry, data/spring-boot.json keyAliasMissing). Aliases
 * are compared ignoring case, as the JDK's JKS and PKCS12 stores compare them. An error when the run surely loads the
 * tree's store (a Spring Boot `classpath:` resource, a file a Dockerfile copies or Compose mounts at the written path),
 * else a warning, as cert/store-password-wrong: the store may be a sample another replaces. Said only for a store the tree holds
 * whose entries were read; a PEM certificate is not judged (Tomcat names its in-memory entry by the alias). For Spring
 * Boot, an alias naming a trusted-certificate entry is left to the embedded server, which Spring Boot's check passes.
 */
export default defineRule({
  meta: {
    id: 'cert/key-alias-missing',
    description:
      'Check that the key alias a Spring Boot web server or a Tomcat connector names is a key entry of its key store',
    severity: 'error',
    appliesTo: { components: ['spring.server', 'tomcat.connector'] },
    messages: {
      aliasMissing:
        "{{server}} names the key alias '{{alias}}', but its key store {{store}} holds no key entry of that name{{others}}: {{refusal}}, so no client reaches it. Name one of the store's key entries, or import the key and its chain under that alias",
      aliasMissingInTree:
        "{{server}} names the key alias '{{alias}}', but the key store {{store}} in the tree holds no key entry of that name{{others}}: if it is the store deployed, {{refusal}}. Check that it is, then name one of its key entries or import the key and its chain under that alias",
    },
    options: {},
    symptoms: [
      'does not identify a key entry',
      'Keystore does not contain specified alias',
      'Keystore does not contain alias',
    ],
  },
  check(ctx) {
    const all = ctx.deployment.derived.certificates;
    for (const component of ctx.deployment.components) {
      if (component.type !== 'spring.server' && component.type !== 'tomcat.connector') continue;
      const store = component.tls?.trust?.keyStore;
      const alias = component.tls?.trust?.keyAlias;
      const name = alias?.value.trim();
      if (!store?.file || !alias || !name) continue;
      // A store the reader did not open, or a PEM file (one chain, no alias), says nothing about its aliases.
      if (certificatesInStore(all, store.file).length === 0) continue;
      const entries = keyEntries(all, store.file);
      if (entries.some((e) => e.alias === '')) continue;
      const wanted = name.toLowerCase();
      if (entries.some((e) => e.alias.toLowerCase() === wanted)) continue;
      const listed = storeAliases(all, store.file).some((a) => a.toLowerCase() === wanted);
      if (listed && component.type === 'spring.server') continue;
      // Our words (the products' messages, from the knowledge base) around the tree's alias.
      const fill = (message: string): Phrase => {
        const [before = '', after = ''] = message.split('{{alias}}');
        return new Phrase([`'${before}`, `${after}'`], [name]);
      };
      const tomcatSays = fill(TOMCAT_ALIAS_NO_KEY_ENTRY.message);
      const springRefusals = springBootKeyAliasMissing();
      const springSays = springRefusals.map((r) => said`${fill(r.message)} from ${ours(r.since)}`);
      const listedSays = springSays.flatMap((p, i) => (i === 0 ? [p] : [ours(', '), p]));
      // The store the run loads for sure: a Spring Boot classpath resource (packaged with the app), or a file a
      // Dockerfile copies or Compose mounts at the written path. Else the tree's file may be a sample another replaces.
      const sure = store.path.value.trim().startsWith('classpath:') || !!store.copiedBy || !!store.mountedAt;
      ctx.report({
        messageId: sure ? 'aliasMissing' : 'aliasMissingInTree',
        ...(sure ? {} : { severity: 'warning' as const }),
        data: {
          server: said`${component.name}`,
          alias: said`${name}`,
          store: said`${store.path.value}`,
          others:
            entries.length > 0
              ? said` (its key entries: ${entries.map((e) => `'${e.alias}'`).join(', ')})`
              : said` (it holds trusted certificates only)`,
          refusal:
            component.type === 'spring.server'
              ? said`Spring Boot does not start the web server (${new Phrase(['', ...listedSays.map(() => '')], listedSays)}; before ${ours(springRefusals[0]?.since ?? '')} embedded Tomcat's ${tomcatSays})`
              : said`Tomcat does not start the connector (${tomcatSays})`,
        },
        location: alias.from.kind === 'file' ? alias.from.location : { file: store.file },
        related: [{ file: store.file, message: ours('the key store') }],
        fingerprint: [component.id, wanted],
      });
    }
  },
});
