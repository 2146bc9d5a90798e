/** The assignee picker of the inbox (single task and bulk): the staff under the user's place (listStaff). */

import type { StaffMember } from '@renxing/ui/api-types';
import { Field } from '@renxing/ui/controls';
import { listPlaces, listStaff } from '@renxing/ui/endpoints';
import { type Translate, useI18n } from '@renxing/ui/i18n';
import { placeName } from '@renxing/ui/place-name';
import { useUser } from '@renxing/ui/session';
import { useApi } from '@renxing/ui/use-api';

/** `keep`: leave as it is (bulk only); `none`: unassign; otherwise a user id. */
export type AssigneeChoice = 'keep' | 'none' | string;

/** 陈晓红 · worker2（社区工作者 · 较场口社区）: the person, their role and their place's name. */
const staffLabel = (t: Translate, u: Pick<StaffMember, 'username' | 'displayName' | 'role'>, place: string) =>
  t('inbox.staffOf', {
    name: u.displayName ? `${u.displayName} · ${u.username}` : u.username,
    role: t(`role.${u.role}`),
    place,
  });

export function AssigneeSelect({
  value,
  onChange,
  keep,
  current,
}: {
  value: AssigneeChoice;
  onChange: (value: AssigneeChoice) => void;
  /** Offer "keep the assignee" (bulk reassignment). */
  keep?: boolean;
  /** The task's assignee now, listed even when outside the list (e.g. another place's staff). */
  current?: { id: string; username: string | null } | null;
}) {
  const { t, lang } = useI18n();
  const user = useUser();
  const staff = useApi((signal) => listStaff({}, signal), []);
  const places = useApi((signal) => listPlaces({}, signal), []);
  const nameOf = new Map((places.data ?? []).map((p) => [p.path, placeName(p, lang)]));
  const others = (staff.data?.users ?? []).filter((u) => u.id !== user.id);
  const listed = current && current.id !== user.id && !others.some((u) => u.id === current.id);
  return (
    <Field
      label={t('inbox.assignee')}
      hint={staff.data?.truncated ? t('inbox.staffTruncated') : staff.error ? staff.error.message : undefined}
    >
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)} data-testid="assignee">
          {keep ? <option value="keep">{t('inbox.assignee.keep')}</option> : null}
          <option value="none">{keep ? t('inbox.assignee.none') : t('inbox.unassigned')}</option>
          <option value={user.id}>{t('inbox.assignee.me')}</option>
          {listed ? <option value={current.id}>{current.username ?? current.id.slice(0, 8)}</option> : null}
          {others.map((u) => (
            <option key={u.id} value={u.id}>
              {staffLabel(t, u, nameOf.get(u.placePath) ?? u.placePath)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
