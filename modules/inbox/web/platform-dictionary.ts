/**
 * The words of items other areas raise in a community's inbox (screening's re-test and re-sample
 * tasks, first): their origin's label, their subject and their detail. zh-CN first, en the same
 * keys (the compiler checks it), in the console's language (the same switch as every screen's).
 * An origin or a detail key with no entry reads as itself.
 */
import { fill, type Lang, useI18n } from '@renxing/ui/i18n';

/** The origins the console names (and offers as a filter); others show as they are. */
export const KNOWN_ORIGINS = ['screening.retest', 'screening.resample', 'federation.handoff'] as const;
type Origin = (typeof KNOWN_ORIGINS)[number];

const WORDS = {
  origin: '来源',
  'origin.filter': '平台事项',
  subject: '对象人员',
  'subject.none': '（人员已删除）',
  ref: '关联编号',
  detail: '详情',
  lead: '由平台{origin}生成的事项：对象人员结果回传后自动办结，也可手动办结。',
  finished: '事项已办结。',
} as const;
type Word = keyof typeof WORDS;

/** What an area puts in an item's detail, as far as the console names it. */
const DETAIL_KEYS = [
  'barcode',
  'round',
  'site',
  'sampledAt',
  'result',
  'closeNote',
  'peer',
  'reason',
  'case',
  'cell',
  'colour',
  'openTasks',
] as const;
type DetailKey = (typeof DETAIL_KEYS)[number];

interface Dictionary {
  words: Record<Word, string>;
  origins: Record<Origin, string>;
  detail: Record<DetailKey, string>;
}

const DICTIONARIES: Record<Lang, Dictionary> = {
  'zh-CN': {
    words: WORDS,
    origins: {
      'screening.retest': '核酸复检',
      'screening.resample': '重新采样',
      'federation.handoff': '外市移交',
    },
    detail: {
      barcode: '试管条码',
      round: '筛查轮次',
      site: '采样点',
      sampledAt: '采样时间',
      result: '检测结果',
      closeNote: '办结说明',
      peer: '移交城市',
      reason: '移交原因',
      case: '关联病例',
      cell: '伴随网格',
      colour: '健康码',
      openTasks: '未完成任务',
    },
  },
  en: {
    words: {
      origin: 'Raised by',
      'origin.filter': 'Platform items',
      subject: 'Person',
      'subject.none': '(person deleted)',
      ref: 'Reference',
      detail: 'Details',
      lead: 'Raised by the platform ({origin}): it closes itself when the person’s result arrives, or finish it by hand.',
      finished: 'Done.',
    },
    origins: {
      'screening.retest': 'Re-test',
      'screening.resample': 'Re-sample',
      'federation.handoff': 'Hand-off from another city',
    },
    detail: {
      barcode: 'Tube barcode',
      round: 'Screening round',
      site: 'Sampling site',
      sampledAt: 'Sampled at',
      result: 'Result',
      closeNote: 'Closing note',
      peer: 'From city',
      reason: 'Why',
      case: 'Case',
      cell: 'Shared cell',
      colour: 'Health code',
      openTasks: 'Open tasks',
    },
  },
};

const isOrigin = (o: string): o is Origin => (KNOWN_ORIGINS as readonly string[]).includes(o);
const isDetailKey = (k: string): k is DetailKey => (DETAIL_KEYS as readonly string[]).includes(k);

export interface PlatformWords {
  t: (word: Word, params?: Record<string, string | number>) => string;
  /** An origin's label: 核酸复检 for 'screening.retest'; the origin itself when unknown. */
  origin: (origin: string) => string;
  /** A detail key's label: 试管条码 for 'barcode'; the key itself when unknown. */
  detailLabel: (key: string) => string;
}

export function usePlatformWords(): PlatformWords {
  const dict = DICTIONARIES[useI18n().lang];
  return {
    t: (word, params) => fill(dict.words[word], params),
    origin: (origin) => (isOrigin(origin) ? dict.origins[origin] : origin),
    detailLabel: (key) => (isDetailKey(key) ? dict.detail[key] : key),
  };
}
