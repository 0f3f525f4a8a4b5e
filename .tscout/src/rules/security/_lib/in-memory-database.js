"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.inMemoryDatabaseUrl = inMemoryDatabaseUrl;
const jboss_1 = require("../../../parse/jboss");
/**
 * A JDBC URL of a database that lives inside the JVM that opens it: H2's `mem:` ("only visible within the same virtual
 * machine and class loader", H2 Features "In-Memory Databases"; not `tcp://…/mem:`, which reaches one through a server),
 * HSQLDB's `mem:` (HSQLDB Guide "In-Process Access"), Derby's `memory:` (Derby Developer's Guide "Using in-memory
 * databases"). Another process reaches it only through a server the application starts itself.
 */
const IN_MEMORY_JDBC = /^jdbc:(?:h2:mem:|hsqldb:mem:|derby:memory:)[^;?]*/i;
/**
 * The URL (up to its first `;` or `?`: parameters may hold credentials) of the in-memory database whose password this
 * entry writes: a WildFly / JBoss `<datasource>`'s `<security password>` with that `<connection-url>` (WildFly's stock
 * ExampleDS: `jdbc:h2:mem:test`, user and password `sa`), or a Spring `spring.datasource.password` beside that
 * `spring.datasource.url` in the same file.
 */
function inMemoryDatabaseUrl(doc, entry) {
    if (doc.kind === jboss_1.JBOSS_SERVER_KIND) {
        const security = doc.data.elements.find((e) => e.path === entry.section);
        const datasource = security?.localName === 'security' ? security.parent : undefined;
        if (datasource?.localName !== 'datasource')
            return undefined;
        return inMemory(childText(datasource, 'connection-url'));
    }
    if ((doc.kind === 'spring.properties' || doc.kind === 'spring.yaml') && entry.key === 'spring.datasource.password')
        return inMemory(doc.entries.find((e) => e.key === 'spring.datasource.url')?.value);
    return undefined;
}
function childText(element, localName) {
    return element.children.find((c) => c.localName === localName)?.text;
}
function inMemory(url) {
    return url === undefined ? undefined : IN_MEMORY_JDBC.exec(url.trim())?.[0];
}
