// The case statuses of the API, without the schemas (schemas.ts): marketplace pages show a
// request's state and need these lists, not zod.

export const KNOWN_CASE_STATUSES = [
  'received', 'in_review', 'taken_down', 'rejected', 'needs_info',
  'withdrawn', 'counter_notice', 'reinstated',
] as const;
export const RESOLVED_CASE_STATUSES = ['taken_down', 'rejected', 'withdrawn', 'reinstated'] as const;
export const MEMBER_ACTION_STATUSES = ['needs_info', 'counter_notice'] as const;

/** The reasons a request may give (the Reason schema in schemas.ts is built from these). */
export const REASON_CODES = ['counterfeit', 'trademark_misuse', 'copyright_image', 'patent', 'other'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The marketplaces the API knows (the Marketplace schema in schemas.ts is built from these). */
export const MARKETPLACES = ['taobao', 'tmall', 'lazada', 'aliexpress', '1688'] as const;

export function isResolvedStatus(status: string): boolean {
  return (RESOLVED_CASE_STATUSES as readonly string[]).includes(status);
}
