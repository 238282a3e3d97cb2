// The case statuses of the API, without the schemas (schemas.ts): marketplace pages show a
// request's state and need these lists, not zod.

export const KNOWN_CASE_STATUSES = [
  'received', 'in_review', 'taken_down', 'rejected', 'needs_info',
  'withdrawn', 'counter_notice', 'reinstated',
] as const;
export const RESOLVED_CASE_STATUSES = ['taken_down', 'rejected', 'withdrawn', 'reinstated'] as const;
export const MEMBER_ACTION_STATUSES = ['needs_info', 'counter_notice'] as const;

export function isResolvedStatus(status: string): boolean {
  return (RESOLVED_CASE_STATUSES as readonly string[]).includes(status);
}
