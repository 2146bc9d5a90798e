/** What volunteers' screens share: who may do what, a form's action, figures, skills and badges. */
import type { Role } from '@renxing/ui/api-types';
import { type ApiError, asApiError } from '@renxing/ui/client';
import { useUser } from '@renxing/ui/session';
import { type FormEvent, useState } from 'react';
import { ACCESS } from '../access.js';
import { SKILLS, type Skill, type VolunteerState } from './api.js';
import { useWords } from './dictionary.js';

type Operation = keyof typeof ACCESS;

/** Whether the signed-in user may call `operation` (the access table the API enforces). */
export function useMay(): (operation: Operation) => boolean {
  const user = useUser();
  return (operation) => (ACCESS[operation] as readonly Role[]).includes(user.role);
}

export interface Action {
  busy: boolean;
  error: ApiError | null;
  run: (work: () => Promise<void>) => Promise<void>;
  submit: (work: () => Promise<void>) => (e: FormEvent) => void;
}

/** One call to the API at a time, its refusal kept to show. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }
  const submit = (work: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault();
    void run(work);
  };
  return { busy, error, run, submit };
}

const isSkill = (s: string): s is Skill => (SKILLS as readonly string[]).includes(s);

/** A skill's name in the console's language (one the console does not know, as written). */
export function useSkillName(): (skill: string) => string {
  const { t } = useWords();
  return (skill) => (isSkill(skill) ? t(`skill.${skill}`) : skill);
}

export function Skills({ skills }: { skills: readonly string[] }) {
  const name = useSkillName();
  return (
    <span className="skills">
      {skills.map((s) => (
        <span key={s} className="badge skill" data-skill={s}>
          {name(s)}
        </span>
      ))}
    </span>
  );
}

export function VerificationBadge({ state }: { state: VolunteerState }) {
  const { t } = useWords();
  return (
    <span className={`badge volunteer-${state}`} data-state={state}>
      {t(`verification.${state}`)}
    </span>
  );
}

/** Figures as the dashboard shows them: a label over a number. */
export function Figures({
  figures,
  testId,
}: {
  figures: readonly { key: string; label: string; value: number | undefined; tone?: string }[];
  testId?: string;
}) {
  return (
    <dl className="figures" data-testid={testId}>
      {figures.map((f) => (
        <div
          key={f.key}
          className={`figure ${f.tone ? `figure-${f.tone}` : ''}`}
          data-figure={f.key}
          data-value={f.value}
        >
          <dt>{f.label}</dt>
          <dd>{f.value === undefined ? '…' : f.value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}
