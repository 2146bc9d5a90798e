import { describe, expect, it } from 'vitest';
import { LINKED_KINDS, recordHref } from './records.js';

describe("a record's page", () => {
  it("links each known kind to its area's page", () => {
    expect(recordHref('infra_asset', 'S-17', 'cq.yz.jd01.sq01')).toBe('/infrastructure/assets/S-17');
    expect(recordHref('shelter', 'a b', 'cq')).toBe('/shelters/a%20b');
    expect(recordHref('supply_item', 'i1', 'cq.yz.jd01.sq01')).toBe('/supplies/gaps?under=cq.yz.jd01.sq01');
    expect(recordHref('plan', 'p1', 'cq')).toBe('/plans/p1');
    expect(recordHref('corrective_action', 'c1', 'cq')).toBe('/plans/actions');
    expect(recordHref('volunteer', 'v1', 'cq')).toBe('/volunteers');
    expect(recordHref('aid_request', 'r1', 'cq')).toBe('/aid');
    expect(recordHref('report', 'r1', 'cq')).toBe('/participation');
    expect(recordHref('follow_up_task', 't1', 'cq')).toBe('/inbox/tasks');
    expect(recordHref('work_request', 'w1', 'cq')).toBe('/requests/w1');
    expect(recordHref('inbox_item', 'i1', 'cq')).toBe('/inbox/items/i1');
    for (const kind of LINKED_KINDS) expect(recordHref(kind, 'x', 'cq')).toMatch(/^\//);
  });

  it('has no link for a kind the console does not know', () => {
    expect(recordHref('city_value', 'x', 'cq')).toBeNull();
    expect(recordHref('toString', 'x', 'cq')).toBeNull();
  });
});
