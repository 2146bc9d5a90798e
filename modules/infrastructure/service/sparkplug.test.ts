import { describe, expect, it } from 'vitest';
import { readingsOfMessage } from './mqtt.js';
import { decodeSparkplug, SparkplugError } from './sparkplug.js';
import { DATATYPE, encodeSparkplug } from './sparkplug-test-support.js';

const MS = 1_765_000_000_123;

describe('Sparkplug B payloads', () => {
  it('decodes the metrics a DDATA message carries: name, timestamp, datatype and scalar value', () => {
    const bytes = encodeSparkplug({
      timestamp: MS,
      seq: 7,
      metrics: [
        { name: 'V1', timestamp: MS + 1, datatype: DATATYPE.Double, doubleValue: 10.25 },
        { name: 'F1', datatype: DATATYPE.Float, floatValue: 1.5 },
        { name: 'I8', datatype: DATATYPE.Int8, intValue: 0xff }, // −1 as Sparkplug sends it
        { name: 'I32', datatype: DATATYPE.Int32, intValue: 0xfffffffe },
        { name: 'U32', datatype: DATATYPE.UInt32, intValue: 4_000_000_000 },
        { name: 'I64', datatype: DATATYPE.Int64, longValue: '18446744073709551611' }, // −5
        { name: 'B', datatype: DATATYPE.Boolean, booleanValue: true },
        {
          name: 'META',
          datatype: DATATYPE.Double,
          doubleValue: 3,
          metadata: { contentType: 'x', size: 5, description: '跳过' },
          properties: { keys: ['unit'], values: [{ type: DATATYPE.String, stringValue: 'kV' }] },
        },
        { name: 'S', datatype: DATATYPE.String, stringValue: 'on' },
        { name: 'NUL', datatype: DATATYPE.Double, isNull: true },
        { alias: 12, datatype: DATATYPE.Double, doubleValue: 1 },
      ],
    });
    const p = decodeSparkplug(bytes);
    expect(p.timestamp).toBe(MS);
    expect(p.seq).toBe(7);
    expect(p.metrics.map((m) => [m.name, m.timestamp, m.value, m.isNull])).toEqual([
      ['V1', MS + 1, 10.25, false],
      ['F1', null, 1.5, false],
      ['I8', null, -1, false],
      ['I32', null, -2, false],
      ['U32', null, 4_000_000_000, false],
      ['I64', null, -5, false],
      ['B', null, 1, false],
      ['META', null, 3, false],
      ['S', null, null, false],
      ['NUL', null, null, true],
      [null, null, 1, false],
    ]);
    expect(p.metrics[10].alias).toBe(12);
  });

  it('refuses what is not protobuf of that shape', () => {
    expect(() => decodeSparkplug(Buffer.from('{"ts":1,"value":2}'))).toThrow(SparkplugError);
    expect(() => decodeSparkplug(Uint8Array.from([0x12, 0x05, 0x0a]))).toThrow(/truncated/);
    expect(decodeSparkplug(new Uint8Array())).toEqual({ timestamp: null, seq: null, metrics: [] });
  });
});

describe('MQTT messages as readings', () => {
  const json = (o: unknown) => Buffer.from(JSON.stringify(o));

  it('takes renxing/<city>/<asset>/<sensor> with a JSON {ts, value}', () => {
    expect(readingsOfMessage('renxing/cq/S-YZ1/V1', json({ ts: 1_765_000_000, value: 10.5 }), 'cq')).toEqual({
      readings: [{ asset: 'S-YZ1', sensor: 'V1', ts: 1_765_000_000, value: 10.5 }],
      malformed: [],
    });
    expect(
      readingsOfMessage('renxing/cq/S-YZ1/V1', json({ ts: '2026-12-06T12:00:00+08:00', value: 1 }), 'cq')
        .readings,
    ).toEqual([{ asset: 'S-YZ1', sensor: 'V1', ts: '2026-12-06T12:00:00+08:00', value: 1 }]);
  });

  it('names why a message holds no reading', () => {
    const reason = (topic: string, payload: Uint8Array) =>
      readingsOfMessage(topic, payload, 'cq').malformed.map((m) => m.reason);
    expect(reason('renxing/cq/S-YZ1/V1', Buffer.from('not json'))).toEqual(['not_json']);
    expect(reason('renxing/cq/S-YZ1/V1', json([1, 2]))).toEqual(['not_a_reading']);
    expect(reason('renxing/cq/S-YZ1/V1', json({ ts: 1, value: '3' }))).toEqual(['not_a_reading']);
    expect(reason('renxing/cq/S-YZ1', json({ ts: 1, value: 3 }))).toEqual(['bad_topic']);
    expect(reason('renxing/sh/S-YZ1/V1', json({ ts: 1, value: 3 }))).toEqual(['bad_topic']);
    expect(reason('spBv1.0/cq/DDATA/gw1/S-YZ1', Buffer.from([0xff]))).toEqual(['not_sparkplug']);
    expect(
      reason(
        'spBv1.0/cq/DDATA/gw1/S-YZ1',
        encodeSparkplug({
          metrics: [
            { alias: 3, doubleValue: 1 },
            { name: 'V1', isNull: true },
          ],
        }),
      ),
    ).toEqual(['metric_without_name', 'metric_without_value']);
  });

  it("takes each metric of a Sparkplug DDATA as a reading of the device's asset, at its timestamp or the payload's", () => {
    const payload = encodeSparkplug({
      timestamp: MS,
      metrics: [
        { name: 'V1', timestamp: MS + 1000, datatype: DATATYPE.Double, doubleValue: 10 },
        { name: 'V2', datatype: DATATYPE.Float, floatValue: 2.5 },
      ],
    });
    expect(readingsOfMessage('spBv1.0/cq/DDATA/gateway-1/S-YZ1', payload, 'cq')).toEqual({
      readings: [
        { asset: 'S-YZ1', sensor: 'V1', ts: (MS + 1000) / 1000, value: 10 },
        { asset: 'S-YZ1', sensor: 'V2', ts: MS / 1000, value: 2.5 },
      ],
      malformed: [],
    });
  });
});
