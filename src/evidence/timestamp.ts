import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

// RFC 3161 requests and answers (shared/spec/timestamps.md), parsed and verified with pkijs
// and asn1js: the worker checks each answer before keeping it, verify-bundle checks the
// kept ones again offline. Only the worker and the CLI import this module (pkijs is large:
// never the content script, never the popup).

const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const SIGNED_DATA_OID = '1.2.840.113549.1.7.2';
const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4';
const EKU_OID = '2.5.29.37';
const TIME_STAMPING_OID = '1.3.6.1.5.5.7.3.8';

export const TIMESTAMP_QUERY_TYPE = 'application/timestamp-query';

const hex = (b: ArrayBuffer | Uint8Array) => [...new Uint8Array(b)].map((x) => x.toString(16).padStart(2, '0')).join('');
/** An INTEGER's value as hex without leading zero bytes, so equal numbers compare equal. */
const intHex = (b: ArrayBuffer | Uint8Array) => hex(b).replace(/^(00)+(?=.)/, '');

/** A random positive 64-bit nonce, as the bytes of a minimal DER INTEGER. */
export function newNonce(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): Uint8Array {
  const b = random(8);
  if (b[0] === 0) b[0] = 1;
  return b[0]! & 0x80 ? Uint8Array.of(0, ...b) : b;
}

/** A DER TimeStampReq: version 1, SHA-256 imprint, the nonce, certReq true, no policy. */
export function timeStampRequest(imprint: Uint8Array, nonce: Uint8Array): Uint8Array {
  const req = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }),
      hashedMessage: new asn1js.OctetString({ valueHex: imprint }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  return new Uint8Array(req.toSchema().toBER(false));
}

export interface TokenInfo {
  /** When the TSA says it saw the imprint (RFC 3339, UTC). */
  genTime: string;
  /** The signing certificate's subject, e.g. "CN=Sandbox TSA, O=…". */
  tsa: string;
  serial: string;
  policy: string;
  imprintSha256: string;
  nonce: string | null;
}

export type TokenCheck = { ok: true; info: TokenInfo } | { ok: false; code: TokenFailure; message: string };
export type TokenFailure = 'malformed' | 'rejected' | 'wrong_imprint' | 'wrong_nonce' | 'bad_signature' | 'untrusted';

const fail = (code: TokenFailure, message: string): TokenCheck => ({ ok: false, code, message });

const STATUS = ['granted', 'grantedWithMods', 'rejection', 'waiting', 'revocationWarning', 'revocationNotification'];

function subjectOf(cert: pkijs.Certificate): string {
  const names: Record<string, string> = { '2.5.4.3': 'CN', '2.5.4.10': 'O', '2.5.4.11': 'OU', '2.5.4.6': 'C' };
  return cert.subject.typesAndValues
    .map((tv) => `${names[tv.type] ?? tv.type}=${String(tv.value.valueBlock.value)}`)
    .reverse()
    .join(', ');
}

function isTimeStampingCert(cert: pkijs.Certificate): boolean {
  const eku = cert.extensions?.find((e) => e.extnID === EKU_OID)?.parsedValue as pkijs.ExtKeyUsage | undefined;
  return Boolean(eku?.keyPurposes.includes(TIME_STAMPING_OID));
}

function parse<T>(der: Uint8Array | ArrayBuffer, make: (schema: asn1js.AsnType) => T): T | null {
  const asn = asn1js.fromBER(der instanceof Uint8Array ? (der.slice().buffer as ArrayBuffer) : der);
  if (asn.offset === -1) return null;
  try {
    return make(asn.result);
  } catch {
    return null;
  }
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate | null {
  return parse(der, (schema) => new pkijs.Certificate({ schema }));
}

/** The DER of the first certificate in a PEM (or DER) file's bytes. */
export function certificateDer(file: Uint8Array): Uint8Array | null {
  const text = new TextDecoder().decode(file);
  const m = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(text);
  if (!m) return parseCertificate(file) ? file : null;
  const bin = atob(m[1]!.replace(/\s+/g, ''));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/**
 * Checks a DER TimeStampResp: granted, a SignedData over a TSTInfo whose imprint is the
 * SHA-256 of `data` (the stamped bytes: a capture manifest) and whose nonce is `nonce` when
 * given, signed by the certificate inside it, which is a time-stamping certificate. With
 * `trustedRoots` (DER certificates) the signer's chain must also lead to one of them.
 */
export async function checkTimeStampResp(
  der: Uint8Array,
  expected: { data: Uint8Array; nonce?: Uint8Array },
  trustedRoots: Uint8Array[] = [],
): Promise<TokenCheck> {
  const wanted = new Uint8Array(await crypto.subtle.digest('SHA-256', expected.data as BufferSource));
  const resp = parse(der, (schema) => new pkijs.TimeStampResp({ schema }));
  if (!resp) return fail('malformed', 'the answer is not a DER TimeStampResp');
  const status = resp.status.status;
  if (status !== 0 && status !== 1) {
    const why = resp.status.statusStrings?.map((s) => String(s.valueBlock.value)).join('; ');
    return fail('rejected', `the TSA answered ${STATUS[status] ?? `status ${status}`}${why ? `: ${why}` : ''}`);
  }
  const token = resp.timeStampToken;
  if (!token || token.contentType !== SIGNED_DATA_OID) return fail('malformed', 'a granted answer without a signed token');
  let signed: pkijs.SignedData;
  let tst: pkijs.TSTInfo;
  try {
    signed = new pkijs.SignedData({ schema: token.content });
    const content = signed.encapContentInfo;
    if (content.eContentType !== TST_INFO_OID || !content.eContent) return fail('malformed', 'the token does not hold a TSTInfo');
    tst = parse(content.eContent.getValue(), (schema) => new pkijs.TSTInfo({ schema }))!;
    if (!tst) return fail('malformed', 'the TSTInfo is not DER');
  } catch (err) {
    return fail('malformed', `the token cannot be read (${(err as Error).message})`);
  }

  const imprint = tst.messageImprint;
  if (imprint.hashAlgorithm.algorithmId !== SHA256_OID) return fail('wrong_imprint', `the token stamps a hash of another algorithm (${imprint.hashAlgorithm.algorithmId})`);
  const stamped = hex(imprint.hashedMessage.valueBlock.valueHexView);
  if (stamped !== hex(wanted)) return fail('wrong_imprint', `the token stamps ${stamped}, not ${hex(wanted)}`);
  const nonce = tst.nonce ? intHex(tst.nonce.valueBlock.valueHexView) : null;
  if (expected.nonce && nonce !== intHex(expected.nonce)) return fail('wrong_nonce', `the token answers nonce ${nonce ?? '(none)'}, not the one asked`);

  const certs = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  let signer: pkijs.Certificate | null = null;
  try {
    // pkijs checks the TSTInfo's imprint against the data again, then the CMS signature.
    const data = expected.data.slice().buffer as ArrayBuffer;
    const result = await signed.verify({ signer: 0, data, checkChain: false, extendedMode: true });
    signer = result.signerCertificate ?? null;
    if (!result.signatureVerified) return fail('bad_signature', 'the token signature does not verify with the certificate inside it');
  } catch (err) {
    const message = (err as { message?: string }).message ?? String(err);
    return fail('bad_signature', `the token signature does not verify with the certificate inside it (${message})`);
  }
  if (!signer) return fail('bad_signature', 'the token holds no signing certificate (asked with certReq)');
  if (!isTimeStampingCert(signer)) return fail('bad_signature', 'the signing certificate is not a time-stamping certificate');

  if (trustedRoots.length > 0) {
    const roots = trustedRoots.map(parseCertificate).filter((c): c is pkijs.Certificate => c !== null);
    const chain = new pkijs.CertificateChainValidationEngine({ trustedCerts: roots, certs: [signer, ...certs.filter((c) => c !== signer)], checkDate: tst.genTime });
    const verdict = await chain.verify().catch((err: unknown) => ({ result: false, resultMessage: String((err as Error).message ?? err) }));
    if (!verdict.result) return fail('untrusted', `the TSA certificate does not lead to the given root (${verdict.resultMessage})`);
  }

  return {
    ok: true,
    info: {
      genTime: tst.genTime.toISOString(),
      tsa: subjectOf(signer),
      serial: intHex(tst.serialNumber.valueBlock.valueHexView),
      policy: tst.policy,
      imprintSha256: stamped,
      nonce,
    },
  };
}
