#!/usr/bin/env node
// An independent JOSE implementation (npm "jose") to mint and check JWS/JWT for the wpllm tests.
//
//   node tests/jose/jose.mjs sign ALG KEYFILE CLAIMS_JSON [HEADER_JSON]
//       prints a compact JWS whose payload is exactly the CLAIMS_JSON bytes (any JSON); header {"alg":ALG,"typ":"JWT"}
//       plus HEADER_JSON (which cannot change alg). HS*: KEYFILE holds the raw secret bytes; RS*/ES*: a PKCS#8 PEM.
//   node tests/jose/jose.mjs verify ALG KEYFILE TOKEN
//       jwtVerify with algorithms [ALG] and jose's default clock checks (exp, nbf; no tolerance); prints the payload
//       JSON, or "ERROR <jose error code>" and exits 1. HS*: raw secret file; RS*/ES*: an SPKI PEM.
//   node tests/jose/jose.mjs rfc7515
//       checks the tool against RFC 7515 Appendix A.1 (HS256, the RFC's key and token); prints the result as JSON.
//
// Exit status: 0 success, 1 verification failed, 2 usage or input error.
import { readFileSync } from 'node:fs';
import { CompactSign, compactVerify, importJWK, importPKCS8, importSPKI, jwtVerify } from 'jose';

const ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384'];

function usage(message) {
    process.stderr.write(`${message}\nusage: jose.mjs sign ALG KEYFILE CLAIMS_JSON [HEADER_JSON] | verify ALG KEYFILE TOKEN | rfc7515\n`);
    process.exit(2);
}

function checkAlg(alg) {
    if (!ALGORITHMS.includes(alg)) {
        usage(`unsupported alg ${JSON.stringify(alg)}; one of ${ALGORITHMS.join(', ')}`);
    }
    return alg;
}

function parseJson(json, what, objectOnly) {
    let value;
    try {
        value = JSON.parse(json);
    } catch (e) {
        usage(`${what} is not JSON: ${e.message}`);
    }
    if (objectOnly && (value === null || typeof value !== 'object' || Array.isArray(value))) {
        usage(`${what} must be a JSON object`);
    }
    return value;
}

async function loadKey(alg, file, kind) {
    const bytes = readFileSync(file);
    if (alg.startsWith('HS')) {
        return new Uint8Array(bytes);
    }
    const pem = bytes.toString('utf8');
    return kind === 'private' ? importPKCS8(pem, alg) : importSPKI(pem, alg);
}

async function sign([alg, keyFile, claims, header]) {
    if (claims === undefined) {
        usage('sign needs ALG KEYFILE CLAIMS_JSON');
    }
    checkAlg(alg);
    parseJson(claims, 'CLAIMS_JSON', false); // any JSON, so that tests can sign a payload that is no claims object
    const extra = header === undefined ? {} : parseJson(header, 'HEADER_JSON', true);
    const key = await loadKey(alg, keyFile, 'private');
    const jws = await new CompactSign(new TextEncoder().encode(claims))
        .setProtectedHeader({ alg, typ: 'JWT', ...extra, alg })
        .sign(key);
    process.stdout.write(jws + '\n');
}

async function verify([alg, keyFile, token]) {
    if (token === undefined) {
        usage('verify needs ALG KEYFILE TOKEN');
    }
    checkAlg(alg);
    try {
        const key = await loadKey(alg, keyFile, 'public');
        const { payload } = await jwtVerify(token, key, { algorithms: [alg] });
        process.stdout.write(JSON.stringify(payload) + '\n');
    } catch (e) {
        process.stdout.write(`ERROR ${e.code ?? e.name}\n`);
        process.exit(1);
    }
}

// RFC 7515 Appendix A.1: the JWK and the complete JWS from the RFC, byte for byte.
const RFC7515_A1_JWK = {
    kty: 'oct',
    k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
};
const RFC7515_A1_JWS = 'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9'
    + '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ'
    + '.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

async function rfc7515() {
    const key = await importJWK(RFC7515_A1_JWK, 'HS256');
    // compactVerify checks the signature only: the RFC's token expired in 2011, so jwtVerify's clock check would refuse it
    const { payload, protectedHeader } = await compactVerify(RFC7515_A1_JWS, key, { algorithms: ['HS256'] });
    const [head, body, signature] = RFC7515_A1_JWS.split('.');
    const outcome = async (jws, algorithms) => {
        try {
            await compactVerify(jws, key, { algorithms });
            return 'accepted';
        } catch (e) {
            return e.code ?? e.name;
        }
    };
    // first signature character changed: different bytes, must fail
    const tampered = await outcome(`${head}.${body}.${signature[0] === 'd' ? 'e' : 'd'}${signature.slice(1)}`, ['HS256']);
    // last character k -> l differs only in the 2 unused low bits of the final base64url character: the same bytes
    // decode, so this is accepted by jose (it does not insist on canonical base64url); recorded here, not judged
    const noncanonical = await outcome(`${head}.${body}.${signature.slice(0, -1)}l`, ['HS256']);
    const wrongAlg = await outcome(RFC7515_A1_JWS, ['HS384']);
    process.stdout.write(JSON.stringify({
        rfc: 'RFC 7515 A.1',
        alg: protectedHeader.alg,
        valid: true,
        protected_header: protectedHeader,
        payload: JSON.parse(new TextDecoder().decode(payload)),
        tampered_signature: tampered,
        noncanonical_last_char: noncanonical,
        other_alg_only: wrongAlg,
    }) + '\n');
}

const [command, ...args] = process.argv.slice(2);
const commands = { sign, verify, rfc7515 };
if (!Object.hasOwn(commands, command ?? '')) {
    usage(`unknown command ${JSON.stringify(command ?? '')}`);
}
try {
    await commands[command](args);
} catch (e) {
    process.stderr.write(`jose.mjs ${command}: ${e.code ?? e.name}: ${e.message}\n`);
    process.exit(2);
}
