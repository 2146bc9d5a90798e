/** What the inbox's screens share: department names, badges, values and a CSV download. */
import { useI18n, useT } from '@renxing/ui/i18n';
import { useApi } from '@renxing/ui/use-api';
import { useMemo } from 'react';
import { type Department, type DutyList, type FieldValue, listDepartments, type Priority } from './api.js';

/** The departments, and a function naming one by its code in the console's language. */
export function useDepartments(): {
  departments: Department[] | undefined;
  name: (code: string) => string;
  /** Several departments named, joined as the language joins a list. */
  names: (codes: readonly string[]) => string;
} {
  const { lang } = useI18n();
  const loaded = useApi((signal) => listDepartments(signal), []);
  const departments = loaded.data;
  const name = useMemo(() => {
    const byCode = new Map((departments ?? []).map((d) => [d.code, d]));
    return (code: string) => {
      const d = byCode.get(code);
      if (!d) return code;
      return lang === 'en' && d.nameEn ? d.nameEn : d.name;
    };
  }, [departments, lang]);
  const names = useMemo(
    () => (codes: readonly string[]) => codes.map(name).join(lang === 'en' ? ', ' : '、'),
    [name, lang],
  );
  return { departments, name, names };
}

export function DepartmentOptions({ departments }: { departments: Department[] | undefined }) {
  const { lang } = useI18n();
  return (departments ?? []).map((d) => (
    <option key={d.code} value={d.code}>
      {`${lang === 'en' && d.nameEn ? d.nameEn : d.name} (${d.code})`}
    </option>
  ));
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const t = useT();
  return priority === 'urgent' ? (
    <span className="badge overdue" data-priority="urgent">
      {t('wi.priority.urgent')}
    </span>
  ) : (
    <span className="badge">{t('wi.priority.normal')}</span>
  );
}

export function ListBadge({ list }: { list: DutyList }) {
  const t = useT();
  const tone =
    list === 'negative' || list === 'cert_abolished'
      ? 'colour-red'
      : list === 'assist'
        ? 'colour-yellow'
        : 'colour-green';
  return (
    <span className={`badge ${tone}`} data-list={list}>
      {t(`duty.list.${list}`)}
    </span>
  );
}

/** A value as the console shows it (booleans as yes / no). */
export function useShowValue(): (v: FieldValue | null | undefined) => string {
  const t = useT();
  return (v) =>
    v === null || v === undefined ? '—' : typeof v === 'boolean' ? (v ? t('wi.yes') : t('wi.no')) : String(v);
}

/** A share (0..1) as a percentage. */
export const percent = (x: number | undefined) => `${Math.round((x ?? 0) * 1000) / 10}%`;

/** A datetime-local value (city time, +08:00) as an instant with its offset. */
export const cityInstant = (local: string) => `${local.length === 16 ? `${local}:00` : local}+08:00`;

/** Epoch seconds as a datetime-local value in city time. */
export const cityLocal = (seconds: number) =>
  new Date((seconds + 8 * 3600) * 1000).toISOString().slice(0, 16);
