/** The sentences of the person's own view, zh-CN and en. Placeholders are `{name}` (contracts `fill`). */
import type { Text } from '@renxing/contracts';
import type { Colour, RuleId } from './types.js';

export const COLOUR_NAMES: Record<Colour, Text> = {
  green: { en: 'green', 'zh-CN': '绿码' },
  yellow: { en: 'yellow', 'zh-CN': '黄码' },
  red: { en: 'red', 'zh-CN': '红码' },
};

export const RULE_NAMES: Record<RuleId, Text> = {
  companion_yellow: { en: 'companion of a case', 'zh-CN': '时空伴随' },
  confirmed_red: { en: 'confirmed case', 'zh-CN': '确诊病例' },
  close_contact_red: { en: 'close contact', 'zh-CN': '密切接触者' },
  two_negatives_green: { en: 'negative PCR tests', 'zh-CN': '核酸检测阴性' },
  isolation_complete_green: { en: 'isolation completed', 'zh-CN': '隔离期满' },
  discharge_monitoring_green: { en: 'monitoring after discharge completed', 'zh-CN': '出院后健康监测期满' },
  positive_red: { en: 'positive PCR test', 'zh-CN': '核酸检测阳性' },
  override: { en: 'reviewed override', 'zh-CN': '人工复核调整' },
  pooled_positive: { en: 'pooled tube positive', 'zh-CN': '混采管阳性' },
  retest_negative_green: { en: 'single-tube re-test negative', 'zh-CN': '单管复核阴性' },
};

export const T = {
  headline: { en: 'Your health code is {colour}.', 'zh-CN': '您的健康码为{colour}。' },
  headlineSince: {
    en: 'Your health code has been {colour} since {since}.',
    'zh-CN': '您的健康码自 {since} 起为{colour}。',
  },
  timeline: { en: '{at}: {from} → {to} ({rule}).', 'zh-CN': '{at}：{from} → {to}（{rule}）。' },
  and: { en: ' and ', 'zh-CN': '、' },

  // Why
  initial: {
    en: 'Everyone starts green, and nothing has changed your code.',
    'zh-CN': '每个人的健康码初始为绿码，您的健康码未曾变化。',
  },
  companion: {
    en: 'On {at}, you were found in grid cell {cell} at the same time as case {caseLabel}, from {start} to {end}.',
    'zh-CN': '{at}，经核查，您于 {start} 至 {end} 与病例 {caseLabel} 同处网格 {cell}（时空伴随）。',
  },
  confirmed_case: { en: 'You were confirmed as a case on {at}.', 'zh-CN': '您于 {at} 被确认为病例。' },
  close_contact: {
    en: 'On {at}, {unit} designated you a close contact.',
    'zh-CN': '{at}，{unit}将您判定为密切接触者。',
  },
  positive_test: {
    en: 'Your PCR test taken at {takenAt} was positive.',
    'zh-CN': '您于 {takenAt} 采样的核酸检测结果为阳性。',
  },
  negative_tests: {
    en: 'Your PCR tests taken at {list} were negative.',
    'zh-CN': '您于 {list} 采样的核酸检测结果均为阴性。',
  },
  isolation_complete: {
    en: 'You completed your isolation from {start} to {end}, with a negative PCR test taken at {takenAt}.',
    'zh-CN': '您已完成隔离（{start} 至 {end}），并于 {takenAt} 采样核酸检测阴性。',
  },
  discharge_monitoring: {
    en: 'You were discharged on {dischargedAt} and your health monitoring ended at {end}.',
    'zh-CN': '您于 {dischargedAt} 出院，健康监测已于 {end} 期满。',
  },
  override: {
    en: 'Your code was changed at {at} by an override requested and approved by two different officers.',
    'zh-CN': '您的健康码于 {at} 经两名不同工作人员申请并批准后人工调整。',
  },
  pooled_positive: {
    en: 'Pooled tube {tube} positive, awaiting single-tube re-test: the pooled tube you were sampled into at {sampledAt} was reported positive at {at}.',
    'zh-CN': '混采管 {tube} 阳性，待单管复核：您于 {sampledAt} 采样的混采管于 {at} 报告为阳性。',
  },
  retest_negative: {
    en: 'Your single-tube re-test taken at {takenAt} after pooled tube {tube} was negative.',
    'zh-CN': '您在混采管 {tube} 之后于 {takenAt} 采样的单管复核结果为阴性。',
  },

  // What turns it green: yellow
  pooledRetest: {
    en: 'One single-tube negative PCR test sampled after {sampledAt} turns your code green.',
    'zh-CN': '在 {sampledAt} 之后采样的一次单管核酸检测为阴性，即转为绿码。',
  },
  yellowAll: {
    en: '{n} negative PCR tests taken at or after {from}, at least {spacing} apart, turn your code green.',
    'zh-CN': '自 {from} 起采样的 {n} 次核酸检测均为阴性且相邻两次间隔至少 {spacing}，即转为绿码。',
  },
  yellowAllWindow: {
    en: '{n} negative PCR tests at least {spacing} apart, all taken between {from} and {windowEnd}, turn your code green.',
    'zh-CN':
      '在 {from} 至 {windowEnd} 之间采样的 {n} 次核酸检测均为阴性且相邻两次间隔至少 {spacing}，即转为绿码。',
  },
  moreOne: { en: 'One more negative PCR test', 'zh-CN': '再有一次核酸检测阴性' },
  moreMany: {
    en: '{r} more negative PCR tests, each at least {spacing} after the one before, the first',
    'zh-CN': '再有 {r} 次核酸检测阴性（相邻两次至少间隔 {spacing}）',
  },
  whichFirst: { en: 'first', 'zh-CN': '第一次' },
  whichLatest: { en: 'latest counted', 'zh-CN': '最近一次计入的' },
  yellowMore: {
    en: '{more} taken at or after {next} ({spacing} after your {which} negative test, taken at {last}) will turn your code green.',
    'zh-CN':
      '{more}即可转为绿码，采样时间须在 {next} 或之后（即您{which}阴性检测采样时间 {last} 之后 {spacing}）。',
  },
  yellowMoreWindow: {
    en: '{more} taken between {next} and {windowEnd} ({spacing} after your {which} negative test, taken at {last}) will turn your code green.',
    'zh-CN':
      '{more}即可转为绿码，采样时间须在 {next} 至 {windowEnd} 之间（即您{which}阴性检测采样时间 {last} 之后 {spacing}）。',
  },
  yellowWindowPassed: {
    en: 'The {window} for clearing your yellow code by tests ended at {windowEnd}; only a negative PCR test taken between {next} and {windowEnd} whose result has not arrived yet can still clear it. Otherwise it stays yellow until an override requested and approved by two different officers changes it.',
    'zh-CN':
      '通过核酸检测解除黄码的 {window}期限已于 {windowEnd} 结束；只有在 {next} 至 {windowEnd} 之间采样、结果尚未返回的阴性检测仍可解除。否则黄码将保持，直至经两名不同工作人员申请并批准的人工调整。',
  },
  yellowClosed: {
    en: 'Your yellow code can no longer be cleared by PCR tests: the negatives had to be taken within {window} of {from}, that is by {windowEnd}. It stays yellow until an override requested and approved by two different officers changes it.',
    'zh-CN':
      '您的黄码已无法通过核酸检测解除：阴性检测须在 {from} 起 {window}内（即 {windowEnd} 前）采样。黄码将保持，直至经两名不同工作人员申请并批准的人工调整。',
  },

  // What turns it green: red
  caseAwaitDischarge: {
    en: 'After a health officer discharges you, {monitoring} of health monitoring follow; your code turns green when they end.',
    'zh-CN': '经医生确认出院后，还需进行 {monitoring}健康监测，期满后转为绿码。',
  },
  caseMonitoring: {
    en: 'Your health monitoring after discharge ends at {end}; your code then turns green.',
    'zh-CN': '您出院后的健康监测将于 {end} 期满，届时转为绿码。',
  },
  isolationNotStarted: {
    en: 'Your isolation has not started yet; once it has run {period}, a negative PCR test taken within its last {window} turns your code green.',
    'zh-CN': '您的隔离尚未开始；隔离满 {period}且在隔离最后 {window}内采样的核酸检测为阴性后，转为绿码。',
  },
  isolationEnds: {
    en: 'Your isolation ends at {end}; then a negative PCR test taken within its last {window} (between {from} and {end}) turns your code green.',
    'zh-CN':
      '您的隔离将于 {end} 期满；隔离最后 {window}内（{from} 至 {end}）采样的核酸检测为阴性后，转为绿码。',
  },
  isolationTestReady: {
    en: 'Your isolation ends at {end}; your negative PCR test taken at {takenAt} is within its last {window}, so your code turns green then.',
    'zh-CN':
      '您的隔离将于 {end} 期满；您于 {takenAt} 采样的阴性核酸检测在隔离最后 {window}内，届时即转为绿码。',
  },
  isolationExtended: {
    en: 'Your isolation reached {period} at {end}, but no negative PCR test was taken within its last {window}; it goes on until you take a negative PCR test, and your code turns green when that result arrives.',
    'zh-CN':
      '您的隔离已于 {end} 满 {period}，但隔离最后 {window}内没有阴性核酸检测；隔离将持续到您再次采样且结果为阴性，届时转为绿码。',
  },
  positiveFollowUp: {
    en: 'A health officer will follow up on your positive result. Once you are confirmed as a case and discharged, your code turns green after {monitoring} of health monitoring.',
    'zh-CN': '工作人员将跟进您的阳性结果。确诊并出院后，再经 {monitoring}健康监测，转为绿码。',
  },
  redOverride: {
    en: 'Your red code was set by an override; only another override, requested and approved by two different officers, changes it.',
    'zh-CN': '您的红码由人工复核设定，只有经两名不同工作人员申请并批准的人工调整才能改变。',
  },
} as const satisfies Record<string, Text>;
