/**
 * The burden on communities (shared/contracts/inbox.md, "Burden"), and the age rule the derived
 * fields use. Pure.
 */

export interface BurdenCounts {
  /** Requests × communities reached. */
  demands: number;
  /** Items after merging. */
  items: number;
  /** Sum over demands of their field counts. */
  fieldsRequested: number;
  /** Values the community typed. */
  fieldsEntered: number;
  /** Values confirmed from a pre-fill. */
  fieldsPrefilled: number;
}

export interface Burden extends BurdenCounts {
  /** 1 − items / demands (0 without demands). */
  itemsSaved: number;
  /** 1 − fields_entered / fields_requested (0 without fields requested). */
  fieldsSaved: number;
}

export function burden(c: BurdenCounts): Burden {
  return {
    ...c,
    itemsSaved: c.demands === 0 ? 0 : 1 - c.items / c.demands,
    fieldsSaved: c.fieldsRequested === 0 ? 0 : 1 - c.fieldsEntered / c.fieldsRequested,
  };
}

/**
 * Age in whole years on `date` (YYYY-MM-DD) from an ID number's birth date (18 characters:
 * positions 7–14; 15 characters: 19YYMMDD at 7–12); null when it holds no valid date.
 */
export function ageOn(idNumber: string | null, date: string): number | null {
  if (!idNumber) return null;
  const birth =
    idNumber.length === 18
      ? idNumber.slice(6, 14)
      : idNumber.length === 15
        ? `19${idNumber.slice(6, 12)}`
        : '';
  if (!/^\d{8}$/.test(birth)) return null;
  const [y, m, d] = [Number(birth.slice(0, 4)), Number(birth.slice(4, 6)), Number(birth.slice(6, 8))];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  const [ty, tm, td] = date.split('-').map(Number);
  const age = ty - y - (tm < m || (tm === m && td < d) ? 1 : 0);
  return age >= 0 ? age : null;
}
