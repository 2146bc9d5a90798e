/**
 * The help, generated from the commands' declarations (commands/index.ts, flags.ts): the usage
 * lines and options of `renxing --help`, and `renxing <command> --help` with the flags that
 * command takes. The prose between is written here, in each locale.
 */
import type { Locale } from '@renxing/contracts';
import type { Command, FlagSpec } from './command.js';

const WORDS = {
  en: {
    usage: 'Usage:',
    options: 'Options:',
    help: 'this help',
    more: 'renxing <command> --help: that command’s options',
  },
  'zh-CN': {
    usage: '用法：',
    options: '选项：',
    help: '显示帮助',
    more: 'renxing <命令> --help：该命令的选项',
  },
} as const;

const INTRO = {
  en: `renxing — Renxing (韧性) command line

`,
  'zh-CN': `renxing — 韧性平台命令行

`,
} as const;

const ABOUT = {
  en: `Companions (时空伴随): who shared a grid cell with a confirmed case; the rule is in
docs/rules/companions.md. Every rule: docs/rules/README.md. Output: subject,case,cell,overlap_start,overlap_end,overlap_s.`,
  'zh-CN': `时空伴随：找出与确诊病例在同一网格中共处的对象，规则见 docs/rules/companions.md；全部规则见 docs/rules/README.md。
输出列：subject,case,cell,overlap_start,overlap_end,overlap_s。`,
} as const;

const NOTES = {
  en: `User add: R is one of city_admin, district_officer, street_officer, community_worker,
health_officer, department_officer, lab_user, auditor, resident; PATH is a place path such as
cq.yz.jd01. A department_officer acts for one department over PATH: --department CODE names it
(it must exist, e.g. wsjkw).
Import people: columns name, phone, id_number, address, community (place path or code), household;
bad rows go to the rejects file (line, field, reason); re-running an import neither loses nor
duplicates people. Phones are pseudonymised with the city secret (RENXING_CITY_SECRET, else
<data dir>/city-secret).
Import pings: a pings CSV (subject,ts,lon,lat) into the trajectory store, kept per local day;
phone numbers are replaced by their pseudonym (HMAC with the city secret) before anything is
stored, bad rows go to the rejects file (line, reason), later duplicates are dropped, and a ping
already stored (same subject, instant and position) is not stored again.
Purge: deletes the stored days wholly before the retention window (default 21 days) and logs the
run; run it daily (cron). --verify checks that nothing older is stored: exit 0 holds, 1 broken.
Audit verify: checks the audit log's hash chain; exit 0 intact, 1 broken (names the first bad row).
Database: DATABASE_URL, else RENXING_DATA_DIR (default ./data).

Exit status: 0 done; 2 unusable input (missing file or column, bad option); 1 internal error or
audit log broken (audit verify).
Language follows RENXING_LANG / LC_ALL / LANG (zh → 中文, otherwise English).
`,
  'zh-CN': `创建用户：R 为 city_admin、district_officer、street_officer、community_worker、health_officer、
department_officer、lab_user、auditor、resident 之一；PATH 为地点路径，如 cq.yz.jd01。部门工作人员
（department_officer）在 PATH 范围内代表一个部门：用 --department CODE 指定（须已存在，如 wsjkw）。
导入人员：列 name、phone、id_number、address、community（地点路径或编码）、household；坏行写入拒收文件
（行号、字段、原因）；重复导入既不丢人也不重复。手机号以城市密钥做假名化（RENXING_CITY_SECRET，
否则 <数据目录>/city-secret）。
导入定位：将定位 CSV（subject,ts,lon,lat）存入轨迹库，按本地日期保存；手机号在存储前即替换为假名
（以城市密钥做 HMAC），坏行写入拒收文件（行号、原因），重复定位点只保留第一个，
已存储的定位点（同一对象、时刻与位置）不再重复存储。
清除轨迹：删除完全早于保留期（默认 21 天）的日期并记录；请每日运行（cron）。--verify 检查是否仍有更早的
数据：合规退出码 0，不合规退出码 1。
校验审计日志：检查哈希链；完好退出码 0，损坏退出码 1（指出第一处损坏的行）。
数据库：DATABASE_URL，否则 RENXING_DATA_DIR（默认 ./data）。

退出码：0 完成；2 输入不可用（文件或列缺失、选项错误）；1 内部错误或审计日志损坏（audit verify）。
语言跟随 RENXING_LANG / LC_ALL / LANG（zh 开头为中文，否则英文）。
`,
} as const;

function flagLine(name: string, spec: FlagSpec, locale: Locale): string {
  const left = `--${name}${spec.value ? ` ${spec.value}` : ''}`;
  return `  ${left.padEnd(21)}  ${spec.help[locale]}`;
}

const helpLine = (locale: Locale) => `  ${'-h, --help'.padEnd(21)}  ${WORDS[locale].help}`;

const usageLines = (c: Command, locale: Locale) => c.usage[locale].split('\n').map((line) => `  ${line}`);

/** `renxing --help`: every command's usage, what they do, every flag once. */
export function helpText(locale: Locale, commands: readonly Command[]): string {
  const flags = new Map<string, FlagSpec>();
  for (const c of commands) for (const [name, spec] of Object.entries(c.flags)) flags.set(name, spec);
  return [
    INTRO[locale] + WORDS[locale].usage,
    ...commands.flatMap((c) => usageLines(c, locale)),
    '',
    ABOUT[locale],
    '',
    WORDS[locale].options,
    ...[...flags].map(([name, spec]) => flagLine(name, spec, locale)),
    helpLine(locale),
    `  ${WORDS[locale].more}`,
    '',
    NOTES[locale],
  ].join('\n');
}

/** `renxing <command> --help`: its usage and the flags it takes. */
export function commandHelp(command: Command, locale: Locale): string {
  return [
    WORDS[locale].usage,
    ...usageLines(command, locale),
    '',
    WORDS[locale].options,
    ...Object.entries(command.flags).map(([name, spec]) => flagLine(name, spec, locale)),
    helpLine(locale),
    '',
  ].join('\n');
}
