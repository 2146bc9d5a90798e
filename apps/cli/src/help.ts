import type { Locale } from '@renxing/contracts';

const GRID_FLAGS_EN = `  --preset NAME          default | chengdu-2021 (default: default)
  --origin LON,LAT       grid origin (default 106.55,29.56)
  --size M               cell edge in metres (default 800)
  --max-gap S            a ping covers until the next one when it comes within S s (default 1800)
  --tz-offset ±HH:MM     offset of instants written without one (default +08:00)`;
const QUERY_FLAGS_EN = `  --min-overlap S        seconds of overlap needed (default 600)
  --mode M               contiguous | cumulative (default contiguous)
  --min-cell-dwell S     a cell counts only if either subject dwelt there ≥ S s (default off)
  --dwell-window S       seconds before the case's end in which dwell is measured (default 1209600)`;

const EN = `renxing — Renxing (韧性) command line

Usage:
  renxing companions --pings P.csv --cases C.csv --out O.csv [options]
  renxing companions --index city.idx --cases C.csv --out O.csv [options]
  renxing index --pings P.csv --out city.idx [grid and stay options]
  renxing gen-city --phones N --days D --seed S --out-dir DIR
  renxing demo
  renxing user add --username U --role R --place PATH   < password on stdin (first line, ≥ 8 chars)
  renxing user add --username U --role resident --person UUID
  renxing import people FILE [--rejects R.csv] [--batch-size N] [--concurrency N]   CSV or XLSX
  renxing import pings FILE [--rejects R.csv] [--summary S.json] [--tz-offset ±HH:MM]
  renxing purge [--retention-days N]
  renxing purge --verify [--retention-days N]
  renxing audit verify

Companions (时空伴随): who shared a grid cell with a confirmed case, per
shared/contracts/companion-rule.md. Output: subject,case,cell,overlap_start,overlap_end,overlap_s.

Options:
  --rejects R.csv        bad rows, file,line,reason (default <out>.rejects.csv)
  --summary S.json       counts as JSON (pings, ping_rejects, duplicates, case_rejects, stays, companions, …)
${GRID_FLAGS_EN}
${QUERY_FLAGS_EN}
  --workers N            threads reading pings and answering cases (default: one per core, at most 4)
  -h, --help             this help

User add: R is one of city_admin, district_officer, street_officer, community_worker,
health_officer, lab_user, auditor, resident; PATH is a place path such as cq.yz.jd01.
Import people: columns name, phone, id_number, address, community (place path or code), household;
bad rows go to the rejects file (line, field, reason); re-running an import neither loses nor
duplicates people. Phones are pseudonymised with the city secret (RENXING_CITY_SECRET, else
<data dir>/city-secret).
Import pings: a pings CSV (subject,ts,lon,lat) into the trajectory store, kept per local day;
phone numbers are replaced by their pseudonym (HMAC with the city secret) before anything is
stored, bad rows go to the rejects file (line, reason), later duplicates are dropped, and the same
file twice is stored once.
Purge: deletes the stored days wholly before the retention window (default 21 days) and logs the
run; run it daily (cron). --verify checks that nothing older is stored: exit 0 holds, 1 broken.
Audit verify: checks the audit log's hash chain; exit 0 intact, 1 broken (names the first bad row).
Database: DATABASE_URL, else RENXING_DATA_DIR (default ./data).

Exit status: 0 done; 2 unusable input (missing file or column, bad option); 1 internal error or
audit log broken (audit verify).
Language follows RENXING_LANG / LC_ALL / LANG (zh → 中文, otherwise English).
`;

const ZH = `renxing — 韧性平台命令行

用法：
  renxing companions --pings P.csv --cases C.csv --out O.csv [选项]
  renxing companions --index city.idx --cases C.csv --out O.csv [选项]
  renxing index --pings P.csv --out city.idx [网格与停留选项]
  renxing gen-city --phones N --days D --seed S --out-dir DIR
  renxing demo
  renxing user add --username U --role R --place PATH   ‹ 密码从标准输入读取（第一行，至少 8 个字符）
  renxing user add --username U --role resident --person UUID
  renxing import people FILE [--rejects R.csv] [--batch-size N] [--concurrency N]   CSV 或 XLSX
  renxing import pings FILE [--rejects R.csv] [--summary S.json] [--tz-offset ±HH:MM]
  renxing purge [--retention-days N]
  renxing purge --verify [--retention-days N]
  renxing audit verify

时空伴随：找出与确诊病例在同一网格中共处的对象，规则见 shared/contracts/companion-rule.md。
输出列：subject,case,cell,overlap_start,overlap_end,overlap_s。

选项：
  --rejects R.csv        坏行清单 file,line,reason（默认 <out>.rejects.csv）
  --summary S.json       以 JSON 写出计数（pings、ping_rejects、duplicates、case_rejects、stays、companions 等）
  --preset NAME          default | chengdu-2021（默认 default）
  --origin LON,LAT       网格原点（默认 106.55,29.56）
  --size M               网格边长，米（默认 800）
  --max-gap S            下一个定位点在 S 秒内到达时，本点覆盖至下一点（默认 1800）
  --tz-offset ±HH:MM     未写时区的时间按此偏移解释（默认 +08:00）
  --min-overlap S        需要的重叠秒数（默认 600）
  --mode M               contiguous（连续）| cumulative（累计）（默认 contiguous）
  --min-cell-dwell S     任一方在该网格停留 ≥ S 秒时该网格才计入（默认关闭）
  --dwell-window S       计算停留时长的时间窗，秒（默认 1209600，即 14 天）
  --workers N            读取定位与查询病例的线程数（默认每核一个，最多 4）
  -h, --help             显示帮助

创建用户：R 为 city_admin、district_officer、street_officer、community_worker、health_officer、
lab_user、auditor、resident 之一；PATH 为地点路径，如 cq.yz.jd01。
导入人员：列 name、phone、id_number、address、community（地点路径或编码）、household；坏行写入拒收文件
（行号、字段、原因）；重复导入既不丢人也不重复。手机号以城市密钥做假名化（RENXING_CITY_SECRET，
否则 <数据目录>/city-secret）。
导入定位：将定位 CSV（subject,ts,lon,lat）存入轨迹库，按本地日期保存；手机号在存储前即替换为假名
（以城市密钥做 HMAC），坏行写入拒收文件（行号、原因），重复定位点只保留第一个，同一文件重复导入只存一次。
清除轨迹：删除完全早于保留期（默认 21 天）的日期并记录；请每日运行（cron）。--verify 检查是否仍有更早的
数据：合规退出码 0，不合规退出码 1。
校验审计日志：检查哈希链；完好退出码 0，损坏退出码 1（指出第一处损坏的行）。
数据库：DATABASE_URL，否则 RENXING_DATA_DIR（默认 ./data）。

退出码：0 完成；2 输入不可用（文件或列缺失、选项错误）；1 内部错误或审计日志损坏（audit verify）。
语言跟随 RENXING_LANG / LC_ALL / LANG（zh 开头为中文，否则英文）。
`;

export function helpText(locale: Locale): string {
  return locale === 'zh-CN' ? ZH : EN;
}
