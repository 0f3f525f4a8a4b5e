"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.goYamlPlain = goYamlPlain;
/**
 * A plain (unquoted) YAML scalar as Docker Compose reads it: compose-spec/compose-go decodes Compose files with
 * go-yaml (go.yaml.in/yaml/v4, gopkg.in/yaml.v3 before it), whose resolver differs from YAML 1.2's core schema
 * (the yaml library's default) where it types plain scalars: after dropping `_`, an integer is whatever Go's
 * strconv.ParseInt(s, 0, 64) accepts, so `0123` is octal (83), `0b101` is 5 and `1_000` is 1000 (the core schema
 * reads `0123` as 123 and leaves `0b101` and `1_000` strings); `on`/`yes` stay strings (YAML 1.2 booleans only).
 * Compose then turns a number into the text a container sees with Go's fmt.Sprint (compose-go types/mapping.go
 * mappingValue): an integer in decimal, a float in Go's %v form (`1e3` is 1000, `1e6` is `1e+06`).
 *
 * Sources: yaml/go-yaml@068e4d63881bdd1923f069559870b6d153b15478 (v4.0.0-rc.4) internal/libyaml/resolver.go resolve(),
 * the same as go-yaml/yaml@f6f7691b1fdeb513f56608cd2c32c51f8194bf51 (v3.0.1) resolve.go;
 * compose-spec/compose-go@e70e961c3a3acebf0800b882f1afb3dbf1fb74a2 types/mapping.go.
 */
const TRUE = /^(?:true|True|TRUE)$/;
const FALSE = /^(?:false|False|FALSE)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
/** go-yaml's yamlStyleFloat. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** Go's strconv.ParseInt/ParseUint with base 0 (underscores already dropped): sign, then 0x, 0o, 0b, 0 or decimal. */
const GO_INTEGER = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]+)|([0-9]+))$/;
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
/** The text Compose passes on for a plain scalar written as `source`; undefined for null (the variable is unset). */
function goYamlPlain(source) {
    if (TRUE.test(source))
        return 'true';
    if (FALSE.test(source))
        return 'false';
    if (NULL.test(source))
        return undefined;
    if (/^\.(?:nan|NaN|NAN)$/.test(source))
        return 'NaN';
    if (/^\+?\.(?:inf|Inf|INF)$/.test(source))
        return '+Inf';
    if (/^-\.(?:inf|Inf|INF)$/.test(source))
        return '-Inf';
    const first = source.charAt(0);
    if (first === '.') {
        const value = Number(source);
        return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(source) && Number.isFinite(value) ? goFloat(value) : source;
    }
    if (!/[-+0-9]/.test(first))
        return source;
    // go-yaml reads a plain `2001-12-14` (and with a time) as a timestamp: Compose's text of it is not modelled.
    if (/^\d{4}-/.test(source))
        return source;
    const plain = source.replace(/_/g, '');
    const integer = GO_INTEGER.exec(plain);
    if (integer) {
        const [, sign, hex, octal, binary, zeroOctal, decimal] = integer;
        const magnitude = hex
            ? BigInt(`0x${hex}`)
            : octal
                ? BigInt(`0o${octal}`)
                : binary
                    ? BigInt(`0b${binary}`)
                    : zeroOctal
                        ? BigInt(`0o${zeroOctal}`)
                        : BigInt(decimal);
        const value = sign === '-' ? -magnitude : magnitude;
        // ParseInt's int64, else ParseUint's uint64 (no sign); beyond both, a float if it looks like one.
        if (value >= -INT64_MAX - 1n && value <= INT64_MAX)
            return String(value);
        if (sign === '' && value <= UINT64_MAX)
            return String(value);
    }
    if (YAML_STYLE_FLOAT.test(plain))
        return goFloat(Number(plain));
    return source;
}
/** Go's fmt.Sprint of a float64 (%v: strconv 'g' with the shortest digits, %e when the exponent is < -4 or >= 6: strconv ftoa.go formatDigits, shortest). */
function goFloat(value) {
    if (!Number.isFinite(value))
        return value > 0 ? '+Inf' : value < 0 ? '-Inf' : 'NaN';
    if (value === 0)
        return Object.is(value, -0) ? '-0' : '0';
    const [mantissa, exponentText] = value.toExponential().split('e');
    const exponent = Number(exponentText);
    if (exponent < -4 || exponent >= 6)
        return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return String(value);
}
