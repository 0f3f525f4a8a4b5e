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

/**
 * The shape of aztekmq/ibmMQArchitectureLab@HEAD's build_mq_mft.sh.sh: `define_dev_objects` runs its heredoc MQSC
 * through `docker exec "$cname" bash -lc "cat <<'MQSC' | runmqsc ${qmgr} …"` and is called once per container.
 */
describe('docker exec "$1" in a shell function: the containers of its calls', () => {
  const TWO = compose(
    '/t/docker-compose.yml',
    'services:\n  coord:\n    image: ibmcom/mq\n    container_name: qmcoord\n  cmd:\n    image: ibmcom/mq\n    container_name: qmcmd\n',
  );
  const script = (body: string, calls: string) =>
    mqscIn(
      `#!/bin/bash\ndefine_dev_objects() {\n${body}\n  docker exec "$cname" bash -lc "cat <<'MQSC' | runmqsc \${qmgr}\n${DEFINE}MQSC"\n}\n\n${calls}\n`,
    );
  const LOCALS = '  local cname="$1" qmgr="$2"';

  it('each call with a literal container: one service per call, tied by that call', () => {
    const found = servicesExecutingMqsc(
      script(LOCALS, 'define_dev_objects "qmcoord" QMCOORD\ndefine_dev_objects qmcmd QMCMD'),
      [TWO],
    );
    expect(found.map((s) => s.service.name)).toEqual(['coord', 'cmd']);
    expect(found.map((s) => s.execs?.range?.start.line)).toEqual([8, 9]);
    expect(found[0]?.execs?.message).toContain('this call of define_dev_objects runs the MQSC');
  });

  it('"$1" itself, and a call argument the script assigns once to a literal', () => {
    const mqsc = mqscIn(
      `#!/bin/bash\nC=qmcmd\nsetup() {\n  docker exec -i "$1" runmqsc QM <<EOF\n${DEFINE}EOF\n}\nsetup qmcoord\nsetup "$C"\n`,
    );
    expect(servicesExecutingMqsc(mqsc, [TWO]).map((s) => s.service.name)).toEqual(['coord', 'cmd']);
  });

  it.each([
    [
      'a call whose argument the script does not settle',
      LOCALS,
      'define_dev_objects "$(pick)" QM\ndefine_dev_objects qmcmd QMCMD',
      ['cmd'],
    ],
    [
      'a local the function assigns twice',
      `${LOCALS}\n  [ -n "$X" ] && cname=other`,
      'define_dev_objects qmcoord QMCOORD',
      [],
    ],
    ['a local that is no parameter', '  local cname=qmcoord qmgr="$2"', 'define_dev_objects qmcmd QMCMD', []],
    ['a function never called', LOCALS, 'echo done', []],
  ])('%s', (_name, body, calls, services) => {
    expect(servicesExecutingMqsc(script(body, calls), [TWO]).map((s) => s.service.name)).toEqual(services);
  });
});
