/** What a reporter is told when their report moves (Chinese first, English after). */
import type { Message } from '@renxing/notify';
import type { Category, Report, ReportState } from '../store/reports.js';

export const REPORT_KIND = 'participation.report_state';
export const WARNING_KIND = 'participation.early_warning';

const STATE_ZH: Record<ReportState, string> = {
  submitted: '已提交',
  acknowledged: '已受理',
  assigned: '已分派',
  responded: '已答复',
  closed: '已办结',
};
const STATE_EN: Record<ReportState, string> = {
  submitted: 'submitted',
  acknowledged: 'acknowledged',
  assigned: 'assigned',
  responded: 'responded to',
  closed: 'closed',
};
export const CATEGORY_ZH: Record<Category, string> = {
  hazard: '安全隐患',
  suggestion: '建议',
  complaint: '投诉',
  health_symptom: '健康症状',
  need: '需求',
};

const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** The reporter's message for a report now in `state` (with the response's words when there are some). */
export function reportMessage(
  r: Pick<Report, 'id' | 'category' | 'text' | 'reporterUserId' | 'reporterPersonId' | 'contactEmail'>,
  state: ReportState,
  o: { words?: string | null; duplicateOf?: string | null; reopened?: boolean } = {},
): Message {
  const zhState = o.reopened ? '已重新打开' : STATE_ZH[state];
  const enState = o.reopened ? 'reopened' : STATE_EN[state];
  const lines = [
    `您的${CATEGORY_ZH[r.category]}报告“${excerpt(r.text)}”${zhState}。`,
    ...(o.duplicateOf ? ['已有居民报告相同问题：您的报告已并入该问题，并计为一名支持者。'] : []),
    ...(o.words ? [`答复：${o.words}`] : []),
    '',
    `Your report "${excerpt(r.text)}" has been ${enState}.`,
    ...(o.duplicateOf ? ['Residents reported the same issue: yours is joined to it as a supporter.'] : []),
    ...(o.words ? [`Response: ${o.words}`] : []),
    '',
    `编号 / Report: ${r.id}`,
  ];
  return {
    to: {
      ...(r.reporterUserId ? { userId: r.reporterUserId } : { personId: r.reporterPersonId }),
      ...(r.contactEmail ? { email: r.contactEmail } : {}),
    },
    subject: `报告${zhState} / Report ${enState}: ${excerpt(r.text)}`,
    text: lines.join('\n'),
    kind: REPORT_KIND,
    ref: r.id,
  };
}
