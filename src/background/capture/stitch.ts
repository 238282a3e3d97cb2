import type { DeviceCrop } from './full-page-plan.ts';

export interface StitchPart {
  png: ArrayBuffer;
  crop: DeviceCrop;
}

/**
 * Draws the viewport captures' parts one under the other into one PNG, in the worker
 * (OffscreenCanvas and createImageBitmap need no page). Each bitmap is released as soon as
 * it is drawn: a long page is a dozen full-size images.
 */
export async function stitch(parts: StitchPart[], width: number, height: number): Promise<ArrayBuffer> {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this worker');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  for (const { png, crop } of parts) {
    const h = Math.min(crop.height, height - crop.dy);
    if (h <= 0) continue;
    const bitmap = await createImageBitmap(new Blob([png], { type: 'image/png' }));
    try {
      const w = Math.min(width, bitmap.width);
      ctx.drawImage(bitmap, 0, crop.sy, w, h, 0, crop.dy, w, h);
    } finally {
      bitmap.close();
    }
  }
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return blob.arrayBuffer();
}
