import { describe, expect, it } from 'vitest';
import { DEFAULT_CITY, DEFAULT_MQTT_URL, readConfig } from './config.js';

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
