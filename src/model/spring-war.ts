/**
 * A Spring Boot app packaged as a WAR and copied into the webapps directory of the official tomcat image runs inside
 * that Tomcat: SpringBootServletInitializer starts it in the container's ServletContext, so Spring Boot makes no
 * embedded web server and reads none of `server.ssl.*` (knowledge tomcat.json springBootWar). A real case:
 * vietlecd/coin-price-be-java@39b1431 set server.ssl.* in such a WAR and took them out again nine days later.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { type DockerfileData } from '../parse/dockerfile';
import { heldCommands, heldCopies, runtimeStage } from '../parse/dockerfile-stages';
import type { DockerCopy } from '../parse/dockerfile-copies';
import type { ParsedDocument } from '../parse/types';
import { officialTomcatWebapps } from '../knowledge/tomcat';
import { RUNS_JAVA } from './dockerfile-java';
import type { TreeMount } from './types';

/** The image that runs the app's WAR in Tomcat, and where its Dockerfile deploys it. */
export interface WarInTomcat {
  /** The image as written (`tomcat:9.0.96-jdk8-corretto-al2`). */
  container: string;
  /** The image with its variables filled in, as the knowledge base looks it up. */
  image: string;
  /** The COPY/ADD that puts the WAR into webapps. */
  copy: Location;
  /**
   * What puts a server.xml of the tree into that Tomcat's conf, when something does: the image's COPY/ADD, or a
   * Compose bind mount of the server.xml (or of the whole conf directory) into a container of the app's image.
   */
  serverXml?: Location;
  /** Which of the two puts it there. */
  serverXmlBy?: 'image' | 'compose';
}

const WAR = /\.war$/i;

/**
 * Where the app's images run it as a WAR in Tomcat: only when every Dockerfile of the app does (one image that
 * starts it with `java -jar` may run the embedded server), each built on the official tomcat image (whose webapps
 * directory is known), copying a `.war` into webapps and starting Tomcat's own command.
 */
export function warInTomcat(
  dockerfiles: readonly ParsedDocument<DockerfileData>[],
  appMounts: readonly TreeMount[],
): WarInTomcat | undefined {
  const found = dockerfiles.map(warInTomcatOf);
  const [first] = found;
  if (!first || !found.every((f) => f !== undefined)) return undefined;
  if (first.serverXml) return { ...first, serverXmlBy: 'image' };
  // A Compose service of the app that mounts a server.xml over the stock one (`./server.xml:/usr/local/tomcat/conf/server.xml`),
  // or a directory over the whole conf: its connectors, not the stock ones, serve the app.
  const conf = path.posix.join(path.posix.dirname(officialTomcatWebapps(first.image)!), 'conf');
  const mount = appMounts.find((m) => {
    const target = path.posix.normalize(m.mount.target).replace(/\/$/, '');
    return target === `${conf}/server.xml` || target === conf;
  });
  return mount
    ? { ...first, serverXml: { file: mount.file, range: mount.mount.range }, serverXmlBy: 'compose' }
    : first;
}

function warInTomcatOf(doc: ParsedDocument<DockerfileData>): WarInTomcat | undefined {
  const stage = runtimeStage(doc.data);
  const webapps = stage?.image ? officialTomcatWebapps(stage.image) : undefined;
  if (!stage || !webapps) return undefined;
  const starts = heldCommands(doc.data).filter((c) => c.instruction === 'CMD' || c.instruction === 'ENTRYPOINT');
  // A start command that runs `java` itself: the embedded server then runs after all.
  if (starts.some((c) => RUNS_JAVA.test(c.joined))) return undefined;
  const copies = heldCopies(doc.data);
  const war = copies.find(
    (c) => placedUnder(c, webapps) && [...c.sources, c.destination ?? ''].some((p) => WAR.test(p)),
  );
  if (!war) return undefined;
  const conf = path.posix.join(path.posix.dirname(webapps), 'conf');
  const serverXml = copies.find(
    (c) =>
      c.destination !== undefined &&
      (path.posix.normalize(c.destination) === `${conf}/server.xml` ||
        (placedUnder(c, conf) && c.sources.some((s) => path.posix.basename(s) === 'server.xml'))),
  );
  const at = (c: DockerCopy): Location => ({ file: doc.file.path, range: c.range });
  return {
    container: stage.written,
    image: stage.image!,
    copy: at(war),
    ...(serverXml && { serverXml: at(serverXml) }),
  };
}

/** Whether a copy's destination is the directory `dir` or lies under it. */
function placedUnder(copy: DockerCopy, dir: string): boolean {
  if (copy.destination === undefined) return false;
  const destination = path.posix.normalize(copy.destination).replace(/\/$/, '');
  return destination === dir || destination.startsWith(`${dir}/`);
}
