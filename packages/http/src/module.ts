/**
 * How an area plugs into the apps. The API reads its configuration once into an AppContext and
 * hands it to every module; each module describes itself with a RenxingModule, and the API
 * registers them in a loop (apps/api/src/modules.ts lists them).
 */
import type { AccessTable } from '@renxing/contracts';
import type { Db } from '@renxing/db';
import type { GridParams } from '@renxing/engine';
import type { Notifier } from '@renxing/notify';
import type { StreamClient } from '@renxing/stream';
import type { FastifyInstance } from 'fastify';
import type { ImportGate } from './import-gate.js';

/** Everything a module may know about the running platform: read and validated once, in apps/. */
export interface AppContext {
  readonly db: Db;
  /** The clock, epoch seconds. */
  readonly now: () => number;
  /** The city's rule preset (companions and health codes), already checked: `default`, `chengdu-2021`. */
  readonly preset: string;
  /** The city profile's grid (origin, cell size). */
  readonly grid: GridParams;
  /** Where the server keeps its files (keys, the embedded database). */
  readonly dataDir: string;
  /** The key of phone pseudonyms (read or created on first use). */
  readonly citySecret: () => Buffer;
  /**
   * The audit log's seals: RENXING_AUDIT_KEY when the key is not kept in `dataDir`, the folder of
   * seal files (default `<dataDir>/audit-seals`), and how often the head is sealed (0: never).
   */
  readonly audit: { readonly key?: string; readonly sealDir?: string; readonly sealSeconds: number };
  /** Key material given by configuration (PEM text), when not kept in `dataDir`. */
  readonly keys: { readonly signingKey?: string; readonly previousSigningKeys?: string };
  /** Sessions: the server secret (≥ 32 characters, keys CSRF tokens), cookie flags, lifetime. */
  readonly session: { readonly secret: string; readonly secureCookies: boolean; readonly seconds?: number };
  /** Requests per IP (and username) per minute. */
  readonly limits: { readonly login: number; readonly verify: number };
  /** Uploads parsed whole (people, pings): one per user, a few per server. */
  readonly imports: ImportGate;
  /** Background work the app runs for its modules (each module adds its queue to `Queues`). */
  readonly queues: Queues;
  /**
   * Live sensors: the MQTT broker the infrastructure module subscribes to (null: none), the city's
   * code in the topics (`renxing/<city>/<asset>/<sensor>`), and how often sensors silent past
   * their timeout are marked offline (seconds; 0: never).
   */
  readonly sensors: {
    readonly mqttUrl: string | null;
    readonly city: string;
    readonly offlineTickSeconds: number;
  };
  /**
   * The one outbound channel (packages/notify): in-app always, e-mail over SMTP when
   * RENXING_SMTP_URL is set. Call it after your transaction commits; it never throws.
   */
  readonly notifier: Notifier;
  /**
   * How often the residents' early warning runs (seconds; absent or 0: never — apps built without
   * a configuration). RENXING_EARLY_WARNING_SECONDS, default hourly.
   */
  readonly earlyWarningSeconds?: number;
  /** The longest wait between deliveries of a message to a peer city (seconds; default 600). */
  readonly federationRetryMax?: number;
  /** RENXING_FEDERATION_ID: this instance's code in federation messages (default its city's). */
  readonly federationId?: string;
  /**
   * Mutual aid's scheduled matching: a run every `everySeconds` within `maxKm` (absent or 0: none —
   * apps built without a configuration; runAidMatching still runs on demand).
   */
  readonly aidMatching?: { readonly everySeconds: number; readonly maxKm?: number };
  /**
   * City-scale streaming (RENXING_NATS_URL): the open JetStream client the pings import publishes
   * to, detection queries and the stream's status reads (absent or null: streaming is off).
   */
  readonly stream?: StreamClient | null;
}

/** Filled in by modules: `declare module '@renxing/http' { interface Queues { detection: … } }`. */
// biome-ignore lint/suspicious/noEmptyInterface: augmented by the modules that own a queue
export interface Queues {}

/** One mission area as the API sees it. */
export interface RenxingModule {
  /** The folder name under modules/, e.g. `follow-up`. */
  readonly name: string;
  /** Who may call each of its operations (by operationId); the API enforces it. */
  readonly access: AccessTable;
  /** Its routes under /api. */
  readonly routes?: (api: FastifyInstance, ctx: AppContext) => Promise<void>;
  /** Its routes at the root, outside /api (e.g. /.well-known/jwks.json). */
  readonly rootRoutes?: (app: FastifyInstance, ctx: AppContext) => Promise<void>;
}
