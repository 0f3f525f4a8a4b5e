/**
 * The RabbitMQ broker's TLS facts (data/rabbitmq.json): where the official image reads its configuration file, the
 * peer verification the broker does when `ssl_options.verify` is not written, and what its Erlang/OTP does with an
 * expired CA of its cacertfile.
 */
import data from './data/rabbitmq.json';

export const RABBITMQ_BROKER = {
  imageConfigFiles: data.imageConfigFiles.value,
  verifyDefault: data.verifyDefault.value,
};

/** `3.13` → [3, 13]. */
const numbers = (dotted: string): number[] => dotted.split('.').map(Number);
const atLeast = (a: string, b: string): boolean => {
  const [x, y] = [numbers(a), numbers(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return true;
};

/** The official image's tag, as Compose names it (`rabbitmq:3.13-management`, `docker.io/library/rabbitmq:4.0.5`). */
const IMAGE_SERIES = /^(?:docker\.io\/)?(?:library\/)?rabbitmq:(\d+\.\d+)(?:[.-]|$)/;

/**
 * Whether the Erlang/OTP of a broker run from the official image `image` checks a trust anchor's dates (OTP 23.3 and
 * later: data erlangAnchorDates): so when its RabbitMQ series requires an OTP release at least that recent (data
 * minimumErlang; a later series never requires an older one). Undefined when the tag names no series (`latest`,
 * `management`, a digest) or one whose OTP may be older: then the tree does not settle it.
 */
export function rabbitmqImageChecksAnchorDates(image: string | undefined): { series: string; otp: string } | undefined {
  const series = image && IMAGE_SERIES.exec(image.trim())?.[1];
  if (!series) return undefined;
  const known = data.minimumErlang.value.filter((m) => atLeast(series, m.series)).at(-1);
  return known && atLeast(known.otp, data.erlangAnchorDates.checkedFrom) ? { series, otp: known.otp } : undefined;
}

/** The first Erlang/OTP release that checks a trust anchor's dates (data erlangAnchorDates). */
export const ERLANG_ANCHOR_DATES_FROM = data.erlangAnchorDates.checkedFrom;
