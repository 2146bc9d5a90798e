import { describe, expect, it } from 'vitest';
import { DEFAULT_CITY, DEFAULT_MQTT_URL, readConfig, STREAM_DEFAULTS } from './config.js';

describe('the configuration of live sensors', () => {
  it('subscribes to the machine’s broker for the demo city by default, checking offline every 2 s', () => {
    expect(readConfig({}).sensors).toEqual({
      mqttUrl: DEFAULT_MQTT_URL,
      city: DEFAULT_CITY,
      offlineTickSeconds: 2,
    });
    expect(DEFAULT_MQTT_URL).toBe('mqtt://127.0.0.1:1883');
    expect(DEFAULT_CITY).toBe('cq');
  });

  it('reads RENXING_MQTT_URL (off: none), RENXING_CITY and RENXING_OFFLINE_TICK_SECONDS', () => {
    expect(
      readConfig({
        RENXING_MQTT_URL: 'mqtts://broker.example:8883',
        RENXING_CITY: 'sh',
        RENXING_OFFLINE_TICK_SECONDS: '5',
      }).sensors,
    ).toEqual({ mqttUrl: 'mqtts://broker.example:8883', city: 'sh', offlineTickSeconds: 5 });
    expect(readConfig({ RENXING_MQTT_URL: 'off' }).sensors.mqttUrl).toBeNull();
    expect(readConfig({ RENXING_MQTT_URL: '' }).sensors.mqttUrl).toBe(DEFAULT_MQTT_URL);
  });

  it('simulates the demo city’s sensors unless RENXING_SENSOR_SIM is off, 0 or false', () => {
    expect(readConfig({}).sensorSimulator).toBe(true);
    for (const off of ['off', '0', 'false'])
      expect(readConfig({ RENXING_SENSOR_SIM: off }).sensorSimulator).toBe(false);
    expect(readConfig({ RENXING_SENSOR_SIM: 'on' }).sensorSimulator).toBe(true);
  });

  it('reads RENXING_SMTP_URL (default off), RENXING_MAIL_FROM and RENXING_EARLY_WARNING_SECONDS', () => {
    expect(readConfig({}).mail).toEqual({ smtpUrl: null, from: '韧性平台 <noreply@renxing.local>' });
    expect(readConfig({}).earlyWarningSeconds).toBe(3600);
    expect(readConfig({ RENXING_SMTP_URL: 'smtp://127.0.0.1:2525' }).mail.smtpUrl).toBe(
      'smtp://127.0.0.1:2525',
    );
    expect(() => readConfig({ RENXING_SMTP_URL: 'http://x' })).toThrow(/bad RENXING_SMTP_URL/);
    expect(() => readConfig({ RENXING_MAIL_FROM: 'noaddress' })).toThrow(/bad RENXING_MAIL_FROM/);
    expect(() => readConfig({ RENXING_EARLY_WARNING_SECONDS: '-1' })).toThrow(
      /RENXING_EARLY_WARNING_SECONDS/,
    );
  });

  it('matches aid requests every 180 s within 3 km unless told otherwise', () => {
    expect(readConfig({}).aidMatching).toEqual({ everySeconds: 180, maxKm: 3 });
    expect(readConfig({ RENXING_AID_MATCH_SECONDS: '0', RENXING_AID_MAX_KM: '5' }).aidMatching).toEqual({
      everySeconds: 0,
      maxKm: 5,
    });
  });

  it('refuses a bad value, naming the variable', () => {
    expect(() => readConfig({ RENXING_MQTT_URL: 'http://127.0.0.1:1883' })).toThrow(/bad RENXING_MQTT_URL/);
    expect(() => readConfig({ RENXING_MQTT_URL: 'not a url' })).toThrow(/bad RENXING_MQTT_URL/);
    expect(() => readConfig({ RENXING_CITY: 'cq/#' })).toThrow(/bad RENXING_CITY/);
    expect(() => readConfig({ RENXING_OFFLINE_TICK_SECONDS: '-1' })).toThrow(
      /bad RENXING_OFFLINE_TICK_SECONDS/,
    );
  });
});

describe('the configuration of streaming at city scale', () => {
  it('is off by default: no NATS, and /metrics from this machine only', () => {
    const config = readConfig({});
    expect(config.stream).toBeNull();
    expect(config.metricsToken).toBeNull();
    expect(readConfig({ RENXING_NATS_URL: 'off' }).stream).toBeNull();
    expect(readConfig({ RENXING_NATS_URL: '' }).stream).toBeNull();
  });

  it('reads RENXING_NATS_URL and the RENXING_STREAM_* settings, with their defaults', () => {
    expect(readConfig({ RENXING_NATS_URL: 'nats://127.0.0.1:4222' }).stream).toEqual({
      servers: ['nats://127.0.0.1:4222'],
      prefix: STREAM_DEFAULTS.prefix,
      partitions: 16,
      shards: 8,
      replicas: 1,
      snapshotDir: null,
      snapshotEverySeconds: 10,
      leaseSeconds: 10,
      roles: 'none',
      retentionDays: 21,
    });
    // The stream keeps the store's window unless told otherwise.
    expect(
      readConfig({ RENXING_NATS_URL: '127.0.0.1:4222', RENXING_RETENTION_DAYS: '14' }).stream?.retentionDays,
    ).toBe(14);
    expect(
      readConfig({
        RENXING_NATS_URL: 'nats://10.0.0.1:4222, 10.0.0.2:4222,tls://nats.city.example:4222',
        RENXING_STREAM_PREFIX: 'cq',
        RENXING_STREAM_PARTITIONS: '64',
        RENXING_STREAM_SHARDS: '32',
        RENXING_STREAM_REPLICAS: '3',
        RENXING_STREAM_SNAPSHOTS: '/var/lib/renxing/snapshots',
        RENXING_STREAM_SNAPSHOT_SECONDS: '30',
        RENXING_STREAM_LEASE_SECONDS: '15',
        RENXING_STREAM_ROLES: 'all',
        RENXING_STREAM_RETENTION_DAYS: '28',
        RENXING_METRICS_TOKEN: 'scrape-token-0123456789',
      }),
    ).toMatchObject({
      stream: {
        servers: ['nats://10.0.0.1:4222', '10.0.0.2:4222', 'tls://nats.city.example:4222'],
        prefix: 'cq',
        partitions: 64,
        shards: 32,
        replicas: 3,
        snapshotDir: '/var/lib/renxing/snapshots',
        snapshotEverySeconds: 30,
        leaseSeconds: 15,
        roles: 'all',
        retentionDays: 28,
      },
      metricsToken: 'scrape-token-0123456789',
    });
    for (const roles of ['builder', 'index', 'none'] as const)
      expect(
        readConfig({ RENXING_NATS_URL: '127.0.0.1:4222', RENXING_STREAM_ROLES: roles }).stream?.roles,
      ).toBe(roles);
  });

  it('refuses a bad value, naming the variable — checked even while streaming is off', () => {
    const on = { RENXING_NATS_URL: 'nats://127.0.0.1:4222' };
    expect(() => readConfig({ RENXING_NATS_URL: 'http://127.0.0.1:4222' })).toThrow(/bad RENXING_NATS_URL/);
    expect(() => readConfig({ RENXING_NATS_URL: 'nats://a:4222,::' })).toThrow(/bad RENXING_NATS_URL/);
    for (const [name, value] of [
      ['RENXING_STREAM_PARTITIONS', '0'],
      ['RENXING_STREAM_PARTITIONS', 'many'],
      ['RENXING_STREAM_SHARDS', '-1'],
      ['RENXING_STREAM_REPLICAS', '6'],
      ['RENXING_STREAM_SNAPSHOT_SECONDS', '0'],
      ['RENXING_STREAM_LEASE_SECONDS', '1.5'],
      ['RENXING_STREAM_PREFIX', 'rx.city'],
      ['RENXING_STREAM_ROLES', 'both'],
      ['RENXING_STREAM_RETENTION_DAYS', '0'],
    ]) {
      expect(() => readConfig({ ...on, [name]: value })).toThrow(new RegExp(`bad ${name}`));
      expect(() => readConfig({ [name]: value })).toThrow(new RegExp(`bad ${name}`));
    }
    // Roles in this process need a stream to work on.
    expect(() => readConfig({ RENXING_STREAM_ROLES: 'all' })).toThrow(
      /RENXING_STREAM_ROLES.*RENXING_NATS_URL/,
    );
    expect(() => readConfig({ RENXING_METRICS_TOKEN: 'short' })).toThrow(/bad RENXING_METRICS_TOKEN/);
  });
});
