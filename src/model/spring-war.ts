/**
 * A Spring Boot app packaged as a WAR and copied into the webapps directory of the official tomcat image runs inside
 * that Tomcat: SpringBootServletInitializer starts it in the container's ServletContext, so Spring Boot makes no
 * embedded web server and reads none of `server.ssl.*` (knowledge tomcat.json springBootWar). A real case:
 * vietlecd/coin-price-be-java@39b1431 set server.ssl.* in such a WAR and took them out again nine days later.
 */
import * as path from 'node:path';
import type { Location } from '../core/types';
import { heldCommands, heldCopies, runtimeStage, type DockerfileData } from '../parse/dockerfile';
import type { DockerCopy } from '../parse/dockerfile-copies';
import type { ParsedDocument } from '../parse/types';
import { officialTomcatWebapps } from '../knowledge/tomcat';
import { RUNS_JAVA } from './dockerfile-java';

/** The image that runs the app's WAR in Tomcat, and where its Dockerfile deploys it. */
export interface WarInTomcat {
  /** The image as written (`tomcat:9.0.96-jdk8-corretto-al2`). */
  container: string;
  /** The COPY/ADD that puts the WAR into webapps. */
  copy: Location;
  /** The COPY/ADD that puts a server.xml of the tree into that Tomcat's conf, when one does. */
  serverXml?: Location;
}

const WAR = /\.war$/i;

/**
 * Where the app's images run it as a WAR in Tomcat: only when every Dockerfile of the app does (one image that
 * starts it with `java -jar` may run the embedded server), each built on the official tomcat image (whose webapps
 * directory is known), copying a `.war` into webapps and starting Tomcat's own command.
 */
export function warInTomcat(dockerfiles: readonly ParsedDocument<DockerfileData>[]): WarInTomcat | undefined {
  const found = dockerfiles.map(warInTomcatOf);
  const [first] = found;
  return first && found.every((f) => f !== undefined) ? first : undefined;
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
  return { container: stage.written, copy: at(war), ...(serverXml && { serverXml: at(serverXml) }) };
}

/** Whether a copy's destination is the directory `dir` or lies under it. */
function placedUnder(copy: DockerCopy, dir: string): boolean {
  if (copy.destination === undefined) return false;
  const destination = path.posix.normalize(copy.destination).replace(/\/$/, '');
  return destination === dir || destination.startsWith(`${dir}/`);
}
