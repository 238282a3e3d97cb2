// The evidence kinds without the rest of the format (format.ts and its zod schemas): the
// popup's rows look up a request's capture manifest by kind on the first screen.

/** Evidence kinds (alliance-api.md "Evidence kinds"); the service stores unknown kinds as opaque. */
export const EVIDENCE_KIND = {
  screenshot: 'screenshot',
  screenshotFull: 'screenshot_full',
  pageArchive: 'page_archive',
  metadata: 'metadata',
  manifest: 'capture_manifest',
  timestampToken: 'timestamp_token',
} as const;
export type EvidenceKindName = (typeof EVIDENCE_KIND)[keyof typeof EVIDENCE_KIND];
