/** What volunteers' screens share: who may do what, a form's action, figures, skills and badges. */
import { useMayIn } from '@renxing/ui/actions';
import { ACCESS } from '../access.js';
import { SKILLS, type Skill, type VolunteerState } from './api.js';
import { useWords } from './dictionary.js';

/** Whether the signed-in user may call an operation of the module (the access table the API enforces). */
export const useMay = () => useMayIn(ACCESS);

export { type Action, useAction } from '@renxing/ui/actions';

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
