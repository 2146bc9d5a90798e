/**
 * Sparkplug B payloads encoded by protobufjs from the specification's own schema (Eclipse Tahu's
 * sparkplug_b.proto, the parts a DDATA metric uses): an encoder independent of the hand decoder
 * under test. Tests only.
 */
import protobuf from 'protobufjs';

const PROTO = `
syntax = "proto2";
package org.eclipse.tahu.protobuf;
message Payload {
  message Template {
    message Parameter {
      optional string name = 1;
      optional uint32 type = 2;
      oneof value { uint32 int_value = 3; uint64 long_value = 4; float float_value = 5; double double_value = 6;
                    bool boolean_value = 7; string string_value = 8; }
    }
    optional string version = 1;
    repeated Metric metrics = 2;
    repeated Parameter parameters = 3;
    optional string template_ref = 4;
    optional bool is_definition = 5;
  }
  message PropertyValue {
    optional uint32 type = 1;
    optional bool is_null = 2;
    oneof value { uint32 int_value = 3; uint64 long_value = 4; float float_value = 5; double double_value = 6;
                  bool boolean_value = 7; string string_value = 8; }
  }
  message PropertySet {
    repeated string keys = 1;
    repeated PropertyValue values = 2;
  }
  message MetaData {
    optional bool is_multi_part = 1;
    optional string content_type = 2;
    optional uint64 size = 3;
    optional uint64 seq = 4;
    optional string file_name = 5;
    optional string file_type = 6;
    optional string md5 = 7;
    optional string description = 8;
  }
  message Metric {
    optional string name = 1;
    optional uint64 alias = 2;
    optional uint64 timestamp = 3;
    optional uint32 datatype = 4;
    optional bool is_historical = 5;
    optional bool is_transient = 6;
    optional bool is_null = 7;
    optional MetaData metadata = 8;
    optional PropertySet properties = 9;
    oneof value {
      uint32 int_value = 10;
      uint64 long_value = 11;
      float float_value = 12;
      double double_value = 13;
      bool boolean_value = 14;
      string string_value = 15;
      bytes bytes_value = 16;
      Template template_value = 18;
    }
  }
  optional uint64 timestamp = 1;
  repeated Metric metrics = 2;
  optional uint64 seq = 3;
  optional string uuid = 4;
  optional bytes body = 5;
}
`;

const Payload = protobuf.parse(PROTO).root.lookupType('org.eclipse.tahu.protobuf.Payload');

/** Sparkplug B datatypes. */
export const DATATYPE = {
  Int8: 1,
  Int16: 2,
  Int32: 3,
  Int64: 4,
  UInt32: 7,
  UInt64: 8,
  Float: 9,
  Double: 10,
  Boolean: 11,
  String: 12,
} as const;

/** A payload object in protobufjs's field names (camelCase; 64-bit integers may be decimal strings), encoded. */
export function encodeSparkplug(payload: Record<string, unknown>): Uint8Array {
  const message = Payload.fromObject(payload);
  const problem = Payload.verify(message);
  if (problem) throw new Error(`bad test payload: ${problem}`);
  return Payload.encode(message).finish();
}
