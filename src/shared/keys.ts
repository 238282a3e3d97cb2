// Keys of listings and sellers, kept apart from model.ts so that the content script of
// every marketplace page can use them without loading zod and the schemas.

export const itemKey = (l: { marketplace: string; itemId: string }) => `${l.marketplace}:${l.itemId}`;
export const sellerKey = (l: { marketplace: string; seller: { id: string | null; name: string } }) =>
  `${l.marketplace}:${l.seller.id ?? l.seller.name}`;
