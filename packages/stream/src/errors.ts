/** The streaming path's error codes (merged into the one catalogue of @renxing/contracts). */
import { type Catalogued, defineErrors } from '@renxing/contracts';

export const STREAM_ERRORS = defineErrors('stream', {
  RX_STREAM_CONFIG: {
    status: 500,
    en: 'the stream configuration is not usable: {detail}',
    'zh-CN': '流处理配置不可用：{detail}',
  },
  RX_STREAM_UNAVAILABLE: {
    status: 503,
    en: 'NATS at {servers} is not reachable: {detail}',
    'zh-CN': '无法连接 NATS（{servers}）：{detail}',
  },
  RX_STREAM_PUBLISH: {
    status: 503,
    en: 'publishing to {subject} failed: {detail}',
    'zh-CN': '向 {subject} 发布失败：{detail}',
  },
  RX_STREAM_NO_SHARD: {
    status: 503,
    en: 'no index worker answers shard {shard}: {detail}',
    'zh-CN': '没有索引进程响应分片 {shard}：{detail}',
  },
  RX_STREAM_SHARD_ANSWER: {
    status: 500,
    en: 'shard {shard} answered with an error: {detail}',
    'zh-CN': '分片 {shard} 返回错误：{detail}',
  },
  RX_STREAM_NOT_CAUGHT_UP: {
    status: 503,
    en: 'the stream did not catch up within {seconds} s: {detail}',
    'zh-CN': '流处理未在 {seconds} 秒内追上：{detail}',
  },
  RX_STREAM_TOO_LARGE: {
    status: 413,
    en: 'a shard request of {bytes} bytes exceeds the NATS message limit of {limit} bytes',
    'zh-CN': '分片请求 {bytes} 字节，超过 NATS 消息上限 {limit} 字节',
  },
});

declare module '@renxing/contracts' {
  interface ErrorCatalogue extends Catalogued<typeof STREAM_ERRORS> {}
}
