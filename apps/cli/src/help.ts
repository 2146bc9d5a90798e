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

Companions (时空伴随): who shared a grid cell with a confirmed case, per
shared/contracts/companion-rule.md. Output: subject,case,cell,overlap_start,overlap_end,overlap_s.

Options:
  --rejects R.csv        bad rows, file,line,reason (default <out>.rejects.csv)
  --summary S.json       counts as JSON (pings, ping_rejects, duplicates, case_rejects, stays, companions, …)
${GRID_FLAGS_EN}
${QUERY_FLAGS_EN}
  --workers N            threads reading pings and answering cases (default: one per core, at most 4)
  -h, --help             this help

Exit status: 0 done; 2 unusable input (missing file or column, bad option); 1 internal error.
Language follows RENXING_LANG / LC_ALL / LANG (zh → 中文, otherwise English).
`;

const ZH = `renxing — 韧性平台命令行

用法：
  renxing companions --pings P.csv --cases C.csv --out O.csv [选项]
  renxing companions --index city.idx --cases C.csv --out O.csv [选项]
  renxing index --pings P.csv --out city.idx [网格与停留选项]
  renxing gen-city --phones N --days D --seed S --out-dir DIR
  renxing demo

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

退出码：0 完成；2 输入不可用（文件或列缺失、选项错误）；1 内部错误。
语言跟随 RENXING_LANG / LC_ALL / LANG（zh 开头为中文，否则英文）。
`;

export function helpText(locale: Locale): string {
  return locale === 'zh-CN' ? ZH : EN;
}
