import { servicesExecutingMqsc } from '../../src/model/mq-exec';
import { composeFormat } from '../../src/parse/compose';
import { parseEmbedded } from '../../src/parse/embedded';

const compose = (path: string, text: string) => composeFormat.parse({ path, text, hadBom: false }, 'compose');
/** The MQSC a script feeds runmqsc, as the parser embeds it. */
const mqscIn = (text: string) => {
  const source = { path: '/t/setup.sh', text, hadBom: false };
  const [doc] = parseEmbedded(source, source.path, text).documents;
  if (!doc) throw new Error('no embedded MQSC');
  return doc;
};
const QM1 = compose('/t/docker-compose.yml', 'services:\n  mq:\n    image: ibmcom/mq\n    container_name: qm1\n');
const DEFINE = 'DEFINE QLOCAL(Q1)\n';

describe('the Compose service a script runs an MQSC in', () => {
  it('docker exec <container_name>: the service with that container_name, and the command that ties it', () => {
    const mqsc = mqscIn(`#!/bin/sh\ndocker exec -i qm1 runmqsc QM1 <<EOF\n${DEFINE}EOF\n`);
    const [found, ...rest] = servicesExecutingMqsc(mqsc, [QM1]);
    expect(rest).toEqual([]);
    expect(found?.service.name).toBe('mq');
    expect(found?.execs?.range?.start.line).toBe(1);
    expect(found?.execs?.message).toContain('container_name: qm1');
  });

  it('a variable the script assigns once to a literal names the container', () => {
    const mqsc = mqscIn(`#!/bin/sh\nC=qm1\ndocker exec -i "$C" runmqsc QM1 <<EOF\n${DEFINE}EOF\n`);
    expect(servicesExecutingMqsc(mqsc, [QM1]).map((s) => s.service.name)).toEqual(['mq']);
  });

  it('a container name two services share ties the MQSC to neither', () => {
    const other = compose('/t/b/compose.yaml', 'services:\n  mq2:\n    image: ibmcom/mq\n    container_name: qm1\n');
    const mqsc = mqscIn(`#!/bin/sh\ndocker exec -i qm1 runmqsc QM1 <<EOF\n${DEFINE}EOF\n`);
    expect(servicesExecutingMqsc(mqsc, [QM1, other])).toEqual([]);
  });

  it.each([
    ['a service name is not a container name', `docker exec -i mq runmqsc QM1 <<EOF`],
    ['a name the script assigns twice', `C=qm1\n[ -n "$X" ] && C=qm2\ndocker exec -i "$C" runmqsc QM1 <<EOF`],
    ['runmqsc run on the host', `runmqsc QM1 <<EOF`],
    ['docker compose -f names another Compose file', `docker compose -f other/compose.yaml exec mq runmqsc QM1 <<EOF`],
  ])('%s: none', (_name, opener) => {
    const mqsc = mqscIn(`#!/bin/sh\n${opener}\n${DEFINE}EOF\n`);
    expect(servicesExecutingMqsc(mqsc, [QM1])).toEqual([]);
  });

  it('docker compose exec <service> in the Compose file -f names', () => {
    const mqsc = mqscIn(`#!/bin/sh\ndocker compose -f docker-compose.yml exec -T mq runmqsc QM1 <<EOF\n${DEFINE}EOF\n`);
    expect(servicesExecutingMqsc(mqsc, [QM1]).map((s) => s.service.name)).toEqual(['mq']);
  });
});
