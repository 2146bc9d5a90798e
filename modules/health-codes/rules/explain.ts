/**
 * The person's own view of their code: the colour, why (from the evidence, naming the case only
 * by its anonymised label and an officer only by their unit), and exactly what turns it green.
 */
import { fill, type Locale, type Text } from '@renxing/contracts';
import { COLOUR_NAMES, RULE_NAMES, T } from './explain-text.js';
import { DEFAULT_UTC_OFFSET, formatDuration, formatInstant } from './format.js';
import { negativeChain } from './pcr.js';
import { pooledPendingOf } from './pooled.js';
import { DEFAULT_PRESET, type HealthCodePreset, negativeWindowEnd } from './presets.js';
import type { Colour, EpochSeconds, HealthCodeState, PersonReason, Transition } from './types.js';

export interface ExplainOptions {
  /** The preset the person's city applies (default: `default`). */
  preset?: HealthCodePreset;
  /** Seconds east of UTC in which instants are shown (default +08:00). */
  utcOffset?: number;
}

export interface Explanation {
  colour: Colour;
  /** "Your health code is yellow since …". */
  headline: string;
  /** Why the code has its colour. */
  why: string[];
  /** What turns it green; empty when it is green. */
  toGreen: string[];
  /** One line per change of the person's code, oldest first. */
  timeline: string[];
}

interface Ctx {
  locale: Locale;
  preset: HealthCodePreset;
  at: (t: EpochSeconds) => string;
  dur: (s: number) => string;
  say: (text: Text, params?: Record<string, string | number>) => string;
}

/** Explains `state` (with the person's `history` of transitions) in a locale. */
export function explain(
  state: HealthCodeState,
  history: readonly Transition[],
  locale: Locale,
  options: ExplainOptions = {},
): Explanation {
  const utcOffset = options.utcOffset ?? DEFAULT_UTC_OFFSET;
  const c: Ctx = {
    locale,
    preset: options.preset ?? DEFAULT_PRESET,
    at: (t) => formatInstant(t, utcOffset),
    dur: (s) => formatDuration(s, locale),
    say: (text, params) => fill(text[locale], params),
  };
  const colour = c.say(COLOUR_NAMES[state.colour]);
  return {
    colour: state.colour,
    headline:
      state.since === null
        ? c.say(T.headline, { colour })
        : c.say(T.headlineSince, { colour, since: c.at(state.since) }),
    why: [reasonSentence(state.reason, c)],
    toGreen: toGreen(state, c),
    timeline: history
      .filter((t) => t.personId === state.personId)
      .map((t) =>
        c.say(T.timeline, {
          at: c.at(t.at),
          from: c.say(COLOUR_NAMES[t.from]),
          to: c.say(COLOUR_NAMES[t.to]),
          rule: c.say(RULE_NAMES[t.rule]),
        }),
      ),
  };
}

function reasonSentence(r: PersonReason, c: Ctx): string {
  switch (r.kind) {
    case 'initial':
      return c.say(T.initial);
    case 'companion':
      return c.say(T.companion, {
        at: c.at(r.at),
        cell: r.cell,
        caseLabel: r.caseLabel,
        start: c.at(r.overlapStart),
        end: c.at(r.overlapEnd),
      });
    case 'confirmed_case':
      return c.say(T.confirmed_case, { at: c.at(r.at) });
    case 'close_contact':
      return c.say(T.close_contact, { at: c.at(r.at), unit: r.officerUnit });
    case 'positive_test':
      return c.say(T.positive_test, { takenAt: c.at(r.test.takenAt) });
    case 'negative_tests':
      return c.say(T.negative_tests, { list: r.tests.map((t) => c.at(t.takenAt)).join(c.say(T.and)) });
    case 'isolation_complete':
      return c.say(T.isolation_complete, {
        start: c.at(r.isolationStart),
        end: c.at(r.isolationEnd),
        takenAt: c.at(r.test.takenAt),
      });
    case 'discharge_monitoring':
      return c.say(T.discharge_monitoring, {
        dischargedAt: c.at(r.dischargedAt),
        end: c.at(r.monitoringEnd),
      });
    case 'override':
      return c.say(T.override, { at: c.at(r.at) });
    case 'pooled_positive':
      return c.say(T.pooled_positive, { tube: r.tube, sampledAt: c.at(r.sampledAt), at: c.at(r.at) });
    case 'retest_negative':
      return c.say(T.retest_negative, { tube: r.tube, takenAt: c.at(r.test.takenAt) });
  }
}

function toGreen(s: HealthCodeState, c: Ctx): string[] {
  const p = c.preset;
  if (s.colour === 'green') return [];
  if (s.colour === 'yellow' && s.reason.kind === 'pooled_positive') {
    // The wait is there while this yellow is (pooled.ts); the reason's tube is its fallback.
    const sampledAt = (pooledPendingOf(s) ?? s.reason).sampledAt;
    return [c.say(T.pooledRetest, { sampledAt: c.at(sampledAt) })];
  }
  if (s.colour === 'yellow') return s.yellowSince === null ? [] : [yellowToGreen(s, s.yellowSince, c)];
  switch (s.redBasis) {
    case 'case':
      if (s.dischargedAt === null)
        return [c.say(T.caseAwaitDischarge, { monitoring: c.dur(p.monitoringPeriod) })];
      return [c.say(T.caseMonitoring, { end: c.at(s.dischargedAt + p.monitoringPeriod) })];
    case 'close_contact': {
      const period = c.dur(p.isolationPeriod);
      const window = c.dur(p.finalTestWindow);
      if (s.isolationStart === null) return [c.say(T.isolationNotStarted, { period, window })];
      const end = s.isolationStart + p.isolationPeriod;
      const from = Math.max(s.isolationStart, end - p.finalTestWindow);
      const ready = s.tests.findLast((t) => t.result === 'negative' && t.takenAt >= from && t.takenAt <= end);
      if (ready)
        return [c.say(T.isolationTestReady, { end: c.at(end), takenAt: c.at(ready.takenAt), window })];
      if (s.clock !== null && s.clock > end)
        return [c.say(T.isolationExtended, { period, end: c.at(end), window })];
      return [c.say(T.isolationEnds, { end: c.at(end), from: c.at(from), window })];
    }
    case 'positive':
      return [c.say(T.positiveFollowUp, { monitoring: c.dur(p.monitoringPeriod) })];
    default:
      return [c.say(T.redOverride)];
  }
}

/** What clears a yellow begun at `since`: the negatives still needed and when they may be taken. */
function yellowToGreen(s: HealthCodeState, since: EpochSeconds, c: Ctx): string {
  const p = c.preset;
  const spacing = c.dur(p.negativeSpacing);
  const windowEnd = negativeWindowEnd(p, since);
  const chain = negativeChain(s.tests, since, windowEnd, p.negativeSpacing, p.yellowNegatives);
  const last = chain[chain.length - 1];
  const next = last === undefined ? since : last.takenAt + p.negativeSpacing;
  const remaining = p.yellowNegatives - chain.length;
  if (windowEnd !== null) {
    const window = c.dur(p.negativeWindow!);
    // The earliest-first chain is the best possible: if it cannot finish in the window, nothing can.
    if (next + (remaining - 1) * p.negativeSpacing > windowEnd) {
      return c.say(T.yellowClosed, { window, from: c.at(since), windowEnd: c.at(windowEnd) });
    }
    if (s.clock !== null && s.clock > windowEnd) {
      return c.say(T.yellowWindowPassed, { window, next: c.at(next), windowEnd: c.at(windowEnd) });
    }
  }
  if (last === undefined) {
    const params = { n: p.yellowNegatives, from: c.at(since), spacing };
    return windowEnd === null
      ? c.say(T.yellowAll, params)
      : c.say(T.yellowAllWindow, { ...params, windowEnd: c.at(windowEnd) });
  }
  const params = {
    more: remaining === 1 ? c.say(T.moreOne) : c.say(T.moreMany, { r: remaining, spacing }),
    next: c.at(next),
    spacing,
    which: c.say(chain.length === 1 ? T.whichFirst : T.whichLatest),
    last: c.at(last.takenAt),
  };
  return windowEnd === null
    ? c.say(T.yellowMore, params)
    : c.say(T.yellowMoreWindow, { ...params, windowEnd: c.at(windowEnd) });
}
