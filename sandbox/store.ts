// The sandbox's state and its persistence. Everything lives in one JSON file,
// rewritten atomically (tmp + rename) after each change, so a killed sandbox
// never leaves a half-written file and cases survive restarts. Evidence bytes
// are separate content-addressed files, each with a small JSON sidecar that is
// written last: the sidecar's presence is what "the service holds it" means.
import fs from 'node:fs';
import path from 'node:path';
import type { Marketplace, Resolution, ResponseBody, TakedownSubmission } from '../src/shared/api/schemas.ts';

/** A case as the API shows it (every optional field present, null when unset). */
export interface CaseWire {
  caseId: string;
  clientRequestId: string;
  status: string;
  receivedAt: string;
  slaDueAt: string;
  updatedAt: string;
  resolvedAt: string | null;
  resolution: Resolution | null;
  respondBy: string | null;
}

export interface StoredCase extends CaseWire {
  memberId: string;
  marketplace: Marketplace;
  itemId: string;
  timeZone: string;
  /** The submission as received (unknown fields dropped), for tests to inspect. */
  submission: TakedownSubmission;
  /** The reviewer decides once per takedown whether the seller objects. */
  counterNoticeRolled?: boolean;
  /** The member's answers (POST …/responses), each recorded once by responseId. */
  responses?: StoredResponse[];
}

export interface StoredResponse extends ResponseBody {
  receivedAt: string;
  /** The status the answer was given to: needs_info or counter_notice. */
  answeredStatus: string;
}

export interface IdempotencyRecord {
  bodyHash: string;
  status: number;
  /** The exact bytes first answered, replayed as is. */
  body: string;
  createdAt: string;
}

export interface State {
  version: 1;
  seqByYear: Record<string, number>;
  cases: Record<string, StoredCase>;
  /** clientRequestId → caseId: the guarantee of one case per clientRequestId. */
  byClientRequestId: Record<string, string>;
  /** `${memberId} ${Idempotency-Key}` → the first answer. */
  idempotency: Record<string, IdempotencyRecord>;
  /** `${marketplace}:${itemId}` pairs answered with listing_unavailable (test control). */
  unavailableListings: string[];
}

export interface StoredEvidence {
  sha256: string;
  bytes: number;
  mediaType: string;
  receivedAt: string;
}

export function emptyState(): State {
  return { version: 1, seqByYear: {}, cases: {}, byClientRequestId: {}, idempotency: {}, unavailableListings: [] };
}

function writeAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, file);
}

export class Store {
  readonly state: State;
  private readonly stateFile: string;
  private readonly evidenceDir: string;

  constructor(dataDir: string) {
    this.stateFile = path.join(dataDir, 'state.json');
    this.evidenceDir = path.join(dataDir, 'evidence');
    fs.mkdirSync(this.evidenceDir, { recursive: true });
    this.state = fs.existsSync(this.stateFile)
      ? { ...emptyState(), ...(JSON.parse(fs.readFileSync(this.stateFile, 'utf8')) as Partial<State>) }
      : emptyState();
  }

  save(): void {
    writeAtomic(this.stateFile, JSON.stringify(this.state, null, 1));
  }

  evidenceInfo(sha256: string): StoredEvidence | undefined {
    const sidecar = path.join(this.evidenceDir, `${sha256}.json`);
    if (!fs.existsSync(sidecar)) return undefined;
    return JSON.parse(fs.readFileSync(sidecar, 'utf8')) as StoredEvidence;
  }

  hasEvidence(sha256: string): boolean {
    return fs.existsSync(path.join(this.evidenceDir, `${sha256}.json`));
  }

  /** Stores bytes already verified against `sha256`; returns the record and whether it is new. */
  putEvidence(sha256: string, bytes: Buffer, mediaType: string, now: Date): { info: StoredEvidence; created: boolean } {
    const existing = this.evidenceInfo(sha256);
    if (existing) return { info: existing, created: false };
    const info: StoredEvidence = { sha256, bytes: bytes.length, mediaType, receivedAt: now.toISOString() };
    writeAtomic(path.join(this.evidenceDir, sha256), bytes);
    writeAtomic(path.join(this.evidenceDir, `${sha256}.json`), JSON.stringify(info));
    return { info, created: true };
  }

  /** Forgets a stored file (what a service losing it looks like to clients); false when absent. */
  deleteEvidence(sha256: string): boolean {
    if (!this.hasEvidence(sha256)) return false;
    fs.rmSync(path.join(this.evidenceDir, `${sha256}.json`));
    fs.rmSync(path.join(this.evidenceDir, sha256), { force: true });
    return true;
  }

  evidenceBytes(sha256: string): Buffer | undefined {
    if (!this.hasEvidence(sha256)) return undefined;
    return fs.readFileSync(path.join(this.evidenceDir, sha256));
  }
}
