/** Test helper: the first bytes of a PNG of this size (enough for pngSize), as Chrome's data URL. */
export function fakePngDataUrl(width: number, height: number, tag = 0): string {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  view.setUint32(29, tag); // makes each capture's bytes (and hash) differ
  return `data:image/png;base64,${btoa(String.fromCharCode(...bytes))}`;
}
