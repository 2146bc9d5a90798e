/** The CLI's words in each locale (error messages live in the contracts catalogue). */
import type { Locale } from '@renxing/contracts';

const en = {
  reading: 'reading pings',
  building: 'building stays and index',
  querying: 'querying cases',
  writing: 'writing',
  phase_sort: 'sorting subjects',
  phase_stays: 'building stays',
  phase_index: 'indexing stays',
  summary: 'Summary',
  pings: 'pings kept',
  ping_rejects: 'ping rows rejected',
  duplicates: 'duplicate pings',
  subjects: 'subjects',
  stays: 'stays',
  cases: 'cases',
  case_rejects: 'case rows rejected',
  companions: 'companions',
  index_bytes: 'index size',
  bytes_per_stay: 'bytes per indexed stay',
  seconds: 'time',
  throughput: 'throughput',
  out: 'output',
  rejects_file: 'rejects',
  see_rejects: 'see the rejects file for each bad row',
  generated: 'generated',
  demo_title: 'Renxing demo: a synthetic city, its confirmed cases and their companions (时空伴随)',
  demo_case: 'case',
  demo_top: 'companions by case',
  demo_line: '{n} companions; longest overlap: {who} in cell {cell}, {from} → {to} ({s} s)',
  per_second: 'pings/s',
  demo_next: 'Next: `npx renxing --help`; the full test suite: `npm test`.',
};

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  reading: '读取位置数据',
  building: '构建停留与索引',
  querying: '查询病例',
  writing: '写出',
  phase_sort: '排序对象',
  phase_stays: '构建停留段',
  phase_index: '建立索引',
  summary: '汇总',
  pings: '有效定位点',
  ping_rejects: '被拒定位行',
  duplicates: '重复定位点',
  subjects: '对象数',
  stays: '停留段',
  cases: '病例',
  case_rejects: '被拒病例行',
  companions: '时空伴随者',
  index_bytes: '索引大小',
  bytes_per_stay: '每个停留段字节数',
  seconds: '耗时',
  throughput: '吞吐量',
  out: '输出',
  rejects_file: '拒收文件',
  see_rejects: '每一条坏行见拒收文件',
  generated: '已生成',
  demo_title: '韧性演示：一座合成城市、其确诊病例及其时空伴随者',
  demo_case: '病例',
  demo_top: '各病例的时空伴随者',
  demo_line: '{n} 名时空伴随者；重叠最长：{who}，网格 {cell}，{from} → {to}（{s} 秒）',
  per_second: '定位点/秒',
  demo_next: '下一步：`npx renxing --help`；完整测试：`npm test`。',
};

export function messages(locale: Locale): Record<MessageKey, string> {
  return locale === 'zh-CN' ? zh : en;
}
