/**
 * The SQL behind the inbox's resilience indicator (inbox.fields_saved): the burden's field counts
 * (as burdenCounts in ./requests.ts defines them: departments' demands only, never the items other
 * areas raise) for every community asked for at once, grouped instead of counted per community,
 * and values entered after `before` left out so a past date gives that date's answer.
 */
import { type Db, subtree } from '@renxing/db';

export interface ItemFields {
  id: string;
  title: string;
  requested: number;
  entered: number;
  prefilled: number;
}

export interface FieldCounts {
  community: string;
  demands: number;
  items: number;
  fieldsRequested: number;
  fieldsEntered: number;
  fieldsPrefilled: number;
  /** The items with the most fields typed first, at most `limit`. */
  records: ItemFields[];
}

/**
 * Per community (place id among `communities`): departments' demands that arrived on a date in
 * [from, to] at the community or under it, the fields they asked, and the values given on their
 * items before `before` (typed, or confirmed from a pre-fill). Communities with no demand are left
 * out.
 */
export async function fieldCounts(
  db: Db,
  o: { communities: readonly string[]; from: string; to: string; before: Date; limit: number },
): Promise<FieldCounts[]> {
  const { rows } = await db.query<{
    community: string;
    demands: string | number;
    items: string | number;
    requested: string | number;
    entered: string | number;
    prefilled: string | number;
    records: { id: string; title: string; requested: number; entered: number; prefilled: number }[];
  }>(
    `WITH cp AS MATERIALIZED (
       SELECT c.id AS community, p.id AS place_id
         FROM unnest($1::uuid[]) AS q (id)
         JOIN places c ON c.id = q.id
         JOIN places p ON ${subtree('p.path', 'c.path')}),
     dm AS (
       SELECT d.item_id, count(*) AS demands, sum(jsonb_array_length(r.fields)) AS requested
         FROM work_demands d
         JOIN work_requests r ON r.id = d.request_id
         JOIN work_items i ON i.id = d.item_id
        WHERE d.arrived_on BETWEEN $2::date AND $3::date AND i.origin IS NULL
        GROUP BY d.item_id),
     fv AS (
       SELECT v.item_id, count(*) FILTER (WHERE NOT v.prefilled) AS entered,
              count(*) FILTER (WHERE v.prefilled) AS prefilled
         FROM field_values v
        WHERE v.item_id IN (SELECT item_id FROM dm) AND v.entered_at < $4
        GROUP BY v.item_id),
     found AS (
       SELECT u.community, i.id, i.title, dm.demands, dm.requested,
              coalesce(fv.entered, 0) AS entered, coalesce(fv.prefilled, 0) AS prefilled,
              row_number() OVER (PARTITION BY u.community ORDER BY coalesce(fv.entered, 0) DESC, dm.requested DESC, i.id) AS rn
         FROM dm
         JOIN work_items i ON i.id = dm.item_id
         JOIN cp u ON u.place_id = i.place_id
         LEFT JOIN fv ON fv.item_id = dm.item_id)
     SELECT community, sum(demands) AS demands, count(*) AS items, sum(requested) AS requested,
            sum(entered) AS entered, sum(prefilled) AS prefilled,
            jsonb_agg(jsonb_build_object('id', id, 'title', title, 'requested', requested,
                                         'entered', entered, 'prefilled', prefilled) ORDER BY rn)
              FILTER (WHERE rn <= $5) AS records
       FROM found GROUP BY community`,
    [o.communities, o.from, o.to, o.before, o.limit],
  );
  return rows.map((r) => ({
    community: r.community,
    demands: Number(r.demands),
    items: Number(r.items),
    fieldsRequested: Number(r.requested),
    fieldsEntered: Number(r.entered),
    fieldsPrefilled: Number(r.prefilled),
    records: r.records.map((x) => ({
      id: x.id,
      title: x.title,
      requested: Number(x.requested),
      entered: Number(x.entered),
      prefilled: Number(x.prefilled),
    })),
  }));
}
