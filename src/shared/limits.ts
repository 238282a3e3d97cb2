/**
 * Caps chosen so a hostile page cannot bloat the queue; the API allows far less anyway.
 * Kept apart from model.ts so that site adapters, which run on every marketplace page, can
 * use them without loading zod and the schemas.
 */
export const LIMITS = {
  title: 500,
  sellerName: 200,
  id: 64,
  url: 2048,
  images: 12,
  note: 2000,
  batch: 500,
} as const;
