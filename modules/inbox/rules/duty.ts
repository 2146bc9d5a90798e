/**
 * The responsibility list's judgement of a department's request (shared/contracts/inbox.md, "The
 * responsibility list"): pure, the time passed in. A request is judged by the list's version in
 * force when it arrives; the caller finds the item and the admission, this decides.
 */

export const DUTY_LISTS = ['own', 'assist', 'negative', 'cert', 'cert_abolished'] as const;
export type DutyList = (typeof DUTY_LISTS)[number];

export interface DutyItem {
  code: string;
  list: DutyList;
  title: string;
  /** The department the item names (the one usually asking). */
  department: string;
  legalBasis: string;
}

/** A one-off admission (一事一议) a city admin approved for one department and one code. */
export interface Admission {
  id: string;
  department: string;
  duty: string;
  /** Epoch seconds: valid from approval to `validUntil` inclusive. */
  approvedAt: number;
  validUntil: number;
}

export type DutyRefusal =
  | 'RX_DUTY_NO_RESOURCES'
  | 'RX_DUTY_NEGATIVE'
  | 'RX_DUTY_ABOLISHED'
  | 'RX_DUTY_UNLISTED';

/** Why a code not in the list was not let in by an admission. */
export type UnlistedWhy = 'no_admission' | 'other_department' | 'other_code' | 'not_valid_now';

export type Judgement =
  | { accepted: true; item: DutyItem | null; admission: Admission | null }
  /** `reason`: the item and its legal basis, or (RX_DUTY_UNLISTED) why no admission let it in. */
  | { accepted: false; code: DutyRefusal; item: DutyItem | null; reason: string };

export interface JudgedRequest {
  department: string;
  duty: string;
  /** Funding, staff or equipment given with an `assist` request. */
  resources?: string | null;
}

/** Whether an admission lets `request` in at `now` (its department, its code, still valid). */
export function admits(admission: Admission | undefined, request: JudgedRequest, now: number): boolean {
  return (
    admission !== undefined &&
    admission.department === request.department &&
    admission.duty === request.duty &&
    admission.approvedAt <= now &&
    now <= admission.validUntil
  );
}

/**
 * The contract's table: own and cert accepted; assist only with resources; negative and
 * cert_abolished refused naming the item and its legal basis; a code not in the list refused
 * unless a valid admission for that department and code comes with it.
 */
export function judgeRequest(
  request: JudgedRequest,
  item: DutyItem | undefined,
  admission: Admission | undefined,
  now: number,
): Judgement {
  if (!item) {
    if (admits(admission, request, now)) return { accepted: true, item: null, admission: admission ?? null };
    const why: UnlistedWhy =
      admission === undefined
        ? 'no_admission'
        : admission.department !== request.department
          ? 'other_department'
          : admission.duty !== request.duty
            ? 'other_code'
            : 'not_valid_now';
    return { accepted: false, code: 'RX_DUTY_UNLISTED', item: null, reason: why };
  }
  const basis = `${item.code} ${item.title} (${item.legalBasis})`;
  switch (item.list) {
    case 'own':
    case 'cert':
      return { accepted: true, item, admission: null };
    case 'assist':
      return request.resources?.trim()
        ? { accepted: true, item, admission: null }
        : { accepted: false, code: 'RX_DUTY_NO_RESOURCES', item, reason: basis };
    case 'negative':
      return { accepted: false, code: 'RX_DUTY_NEGATIVE', item, reason: basis };
    case 'cert_abolished':
      return { accepted: false, code: 'RX_DUTY_ABOLISHED', item, reason: basis };
  }
}
