"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.warInTomcat = warInTomcat;
/**
 * A Spring Boot app packaged as a WAR and copied into the webapps directory of the official tomcat image runs inside
 * that Tomcat: SpringBootServletInitializer starts it in the container's ServletContext, so Spring Boot makes no
 * embedded web server and reads none of `server.ssl.*` (knowledge tomcat.json springBootWar). A real case:
 * vietlecd/coin-price-be-java@39b1431 set server.ssl.* in such a WAR and took them out again nine days later.
 */
const path = __importStar(require("node:path"));
const dockerfile_stages_1 = require("../parse/dockerfile-stages");
const tomcat_1 = require("../knowledge/tomcat");
const dockerfile_java_1 = require("./dockerfile-java");
const WAR = /\.war$/i;
/**
 * Where the app's images run it as a WAR in Tomcat: only when every Dockerfile of the app does (one image that
 * starts it with `java -jar` may run the embedded server), each built on the official tomcat image (whose webapps
 * directory is known), copying a `.war` into webapps and starting Tomcat's own command.
 */
function warInTomcat(dockerfiles, appMounts) {
    const found = dockerfiles.map(warInTomcatOf);
    const [first] = found;
    if (!first || !found.every((f) => f !== undefined))
        return undefined;
    if (first.serverXml)
        return { ...first, serverXmlBy: 'image' };
    // A Compose service of the app that mounts a server.xml over the stock one (`./server.xml:/usr/local/tomcat/conf/server.xml`),
    // or a directory over the whole conf: its connectors, not the stock ones, serve the app.
    const conf = path.posix.join(path.posix.dirname((0, tomcat_1.officialTomcatWebapps)(first.image)), 'conf');
    const mount = appMounts.find((m) => {
        const target = path.posix.normalize(m.mount.target).replace(/\/$/, '');
        return target === `${conf}/server.xml` || target === conf;
    });
    return mount
        ? { ...first, serverXml: { file: mount.file, range: mount.mount.range }, serverXmlBy: 'compose' }
        : first;
}
function warInTomcatOf(doc) {
    const stage = (0, dockerfile_stages_1.runtimeStage)(doc.data);
    const webapps = stage?.image ? (0, tomcat_1.officialTomcatWebapps)(stage.image) : undefined;
    if (!stage || !webapps)
        return undefined;
    const starts = (0, dockerfile_stages_1.heldCommands)(doc.data).filter((c) => c.instruction === 'CMD' || c.instruction === 'ENTRYPOINT');
    // A start command that runs `java` itself: the embedded server then runs after all.
    if (starts.some((c) => dockerfile_java_1.RUNS_JAVA.test(c.joined)))
        return undefined;
    const copies = (0, dockerfile_stages_1.heldCopies)(doc.data);
    const war = copies.find((c) => placedUnder(c, webapps) && [...c.sources, c.destination ?? ''].some((p) => WAR.test(p)));
    if (!war)
        return undefined;
    const conf = path.posix.join(path.posix.dirname(webapps), 'conf');
    const serverXml = copies.find((c) => c.destination !== undefined &&
        (path.posix.normalize(c.destination) === `${conf}/server.xml` ||
            (placedUnder(c, conf) && c.sources.some((s) => path.posix.basename(s) === 'server.xml'))));
    const at = (c) => ({ file: doc.file.path, range: c.range });
    return {
        container: stage.written,
        image: stage.image,
        copy: at(war),
        ...(serverXml && { serverXml: at(serverXml) }),
    };
}
/** Whether a copy's destination is the directory `dir` or lies under it. */
function placedUnder(copy, dir) {
    if (copy.destination === undefined)
        return false;
    const destination = path.posix.normalize(copy.destination).replace(/\/$/, '');
    return destination === dir || destination.startsWith(`${dir}/`);
}
