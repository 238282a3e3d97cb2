// Demo members the sandbox knows out of the box. The second member exists so
// that "an IP right of another member" (unknown_ip_right) and "only your own
// cases" can be exercised with a real, valid token.
import type { IpRight } from '../src/shared/api/schemas.ts';

export interface MemberConfig {
  memberId: string;
  memberName: string;
  ipRights: IpRight[];
}

export const DEMO_TOKEN = 'sandbox-demo-token';
export const OTHER_TOKEN = 'sandbox-other-token';

export const DEMO_TRADEMARK_ID = 'ipr_demo_tm';
export const DEMO_COPYRIGHT_ID = 'ipr_demo_cr';
export const OTHER_TRADEMARK_ID = 'ipr_other_tm';

export const DEMO_MEMBER: MemberConfig = {
  memberId: 'm_demo',
  memberName: 'Demo Brand Ltd.',
  ipRights: [
    {
      id: DEMO_TRADEMARK_ID,
      kind: 'trademark',
      title: 'DEMOBRAND (word mark)',
      registrationNumber: '12345678',
      jurisdiction: 'CN',
      classes: [18, 25],
      brand: 'DemoBrand',
    },
    {
      id: DEMO_COPYRIGHT_ID,
      kind: 'copyright',
      title: 'DemoBrand 2026 product photography',
      registrationNumber: null,
      jurisdiction: 'SG',
      classes: null,
      brand: 'DemoBrand',
    },
  ],
};

export const OTHER_MEMBER: MemberConfig = {
  memberId: 'm_other',
  memberName: 'Other Label Co.',
  ipRights: [
    {
      id: OTHER_TRADEMARK_ID,
      kind: 'trademark',
      title: 'OTHERLABEL (figurative mark)',
      registrationNumber: '87654321',
      jurisdiction: 'MY',
      classes: [3],
      brand: 'OtherLabel',
    },
  ],
};

export function demoTokens(): Record<string, MemberConfig> {
  return { [DEMO_TOKEN]: DEMO_MEMBER, [OTHER_TOKEN]: OTHER_MEMBER };
}
