/**
 * Saves bytes as a file through an `<a download>` on a blob URL: an extension page may do
 * this without the `downloads` permission.
 */
export function download(data: Uint8Array | string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the bytes once it started; give slow disks a generous margin.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
