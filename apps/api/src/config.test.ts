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

  it('refuses a bad value, naming the variable', () => {
    expect(() => readConfig({ RENXING_MQTT_URL: 'http://127.0.0.1:1883' })).toThrow(/bad RENXING_MQTT_URL/);
    expect(() => readConfig({ RENXING_MQTT_URL: 'not a url' })).toThrow(/bad RENXING_MQTT_URL/);
    expect(() => readConfig({ RENXING_CITY: 'cq/#' })).toThrow(/bad RENXING_CITY/);
    expect(() => readConfig({ RENXING_OFFLINE_TICK_SECONDS: '-1' })).toThrow(
      /bad RENXING_OFFLINE_TICK_SECONDS/,
    );
  });
});
