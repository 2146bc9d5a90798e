// biome-ignore-all format: generated
// biome-ignore-all lint: generated
/**
 * Generated from the API's /openapi.json (the paths tagged supplies) by openapi-typescript
 * (modules/supplies/http/openapi.test.ts). Do not edit: run
 * `UPDATE_SUPPLIES_TYPES=1 npx vitest run modules/supplies/http/openapi.test.ts` after changing a route's schema.
 */
export interface paths {
    "/api/supplies/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The books set right after a count, with a written reason (one lot, or the item in the store) */
        post: operations["adjustStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alerts standing now: lots expiring within 30 days, gaps above zero, stores below an item’s minimum */
        get: operations["listSupplyAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/alerts/raise": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The alerts standing now raised as items in the inbox of each store's or place's place
         * @description An alert raised before (same origin and reference) is not raised again.
         */
        post: operations["raiseSupplyAlerts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/expiries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Writes off what is past its expiry: one lot, or every expired lot of a store (a movement per lot) */
        post: operations["expireStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stock (lots) and the gaps at or under a place within yours, as an XLSX workbook */
        get: operations["exportSupplies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/gaps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Supply gaps at a horizon: per community requirement, usable stock and gap; per street, district and city its own stock against the gaps below it
         * @description A community's requirement for an item: Σ over the norms covering it of the norm per resident × residents homed there; usable stock: lots in stores at or under it not expired at the horizon; gap = max(0, requirement − stock). A higher place covers the gaps of the places under it with its own stores: its gap = max(0, gaps below − own stock).
         */
        get: operations["getSupplyGaps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stock issued from a store, the lots expiring first taken first (FEFO)
         * @description Refused whole (409 RX_SUPPLY_INSUFFICIENT, naming the item, the store and what is usable) when the store holds less usable stock than asked; expired lots are never issued.
         */
        post: operations["issueStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The city's catalogue of supplies (code, name, unit, shelf life, minimum per store) */
        get: operations["listSupplyItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/items/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The catalogue from a file (CSV or XLSX: code,name,unit[,shelf_life_days][,min_per_store])
         * @description New codes are added and changed ones rewritten; rows that cannot be used come back as rejects with their line and reason (a bad code, no name or unit, a shelf life or minimum that is not a whole number, a code repeated in the file). Importing the same file again changes nothing.
         */
        post: operations["importSupplyItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Movements in or out of stores at or under a place within yours, newest first */
        get: operations["listMovements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/norms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The norms per resident reaching your place, by source (emergency plans, incidents) */
        get: operations["listSupplyNorms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stock received into a store (a lot; more of the lot with the same expiry) */
        post: operations["receiveStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lots holding stock in stores at or under a place within yours, by store, item and expiry */
        get: operations["listStock"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stores at or under a place within yours */
        get: operations["listSupplyStores"];
        put?: never;
        /** A store at a place within yours (city, district, street, community or grid) */
        post: operations["createSupplyStore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/supplies/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Stock out of one store into another in one transaction (FEFO; each lot keeps its expiry) */
        post: operations["transferStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            /** @description stable RX_ code from the error catalogue */
            code: string;
            /** @description the input that is wrong, e.g. body.username */
            field?: string;
            /** @description in the locale asked for by Accept-Language */
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    adjustStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description more (+) or less (−) than the books say */
                    delta: number;
                    /**
                     * Format: date-time
                     * @description a surplus without a lot: its expiry
                     */
                    expiresAt?: string | null;
                    item: string;
                    /**
                     * Format: uuid
                     * @description the lot found wrong; without one a shortfall is taken first expiring first
                     */
                    lot?: string;
                    reason: string;
                    /** Format: uuid */
                    store: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        at: string;
                        /** Format: uuid */
                        id: string;
                        item: string;
                        itemName: string;
                        /** @enum {string} */
                        kind: "receive" | "issue" | "transfer" | "adjust" | "expire";
                        /** @description what it did to each lot */
                        lots: {
                            delta: number;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** Format: uuid */
                            lotId: string;
                            /** Format: uuid */
                            storeId: string;
                        }[];
                        /** @description how much (an adjustment's signed) */
                        quantity: number;
                        reason: string | null;
                        /** @description the store it changes (a transfer: the one it leaves) */
                        store: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            placePath: string;
                        };
                        toStore: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            placePath: string;
                        } | null;
                        unit: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSupplyAlerts: {
        parameters: {
            query?: {
                under?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        at: string;
                        belowMinimum: {
                            item: string;
                            itemName: string;
                            minimum: number;
                            placePath: string;
                            stock: number;
                            /** Format: uuid */
                            storeId: string;
                            storeName: string;
                            unit: string;
                        }[];
                        expiring: {
                            expired: boolean;
                            /** Format: date-time */
                            expiresAt: string;
                            item: string;
                            itemName: string;
                            /** Format: uuid */
                            lotId: string;
                            placePath: string;
                            quantity: number;
                            /** Format: uuid */
                            storeId: string;
                            storeName: string;
                            unit: string;
                        }[];
                        gaps: {
                            /** @description a community: max(0, requirement − stock); above: max(0, gapsBelow − stock) */
                            gap: number;
                            /** @description above community level: the gaps its children leave */
                            gapsBelow: number;
                            item: string;
                            itemName: string;
                            /** @enum {string} */
                            level: "city" | "district" | "street" | "community" | "grid";
                            name: string;
                            parent: string | null;
                            path: string;
                            /** @description a community's: Σ norm per resident × residents; above, the sum of those under it */
                            requirement: number;
                            residents: number;
                            /** @description usable at the horizon: a community’s in stores at or under it; above, in stores at the place */
                            stock: number;
                            unit: string;
                        }[];
                        under: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    raiseSupplyAlerts: {
        parameters: {
            query?: {
                under?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        belowMinimum: number;
                        expiring: number;
                        gaps: number;
                        /** @description inbox items new (an alert raised before is not raised again) */
                        raised: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    expireStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description one lot; default every lot past its expiry
                     */
                    lot?: string;
                    /** Format: uuid */
                    store: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        at: string;
                        /** Format: uuid */
                        id: string;
                        item: string;
                        itemName: string;
                        /** @enum {string} */
                        kind: "receive" | "issue" | "transfer" | "adjust" | "expire";
                        /** @description what it did to each lot */
                        lots: {
                            delta: number;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** Format: uuid */
                            lotId: string;
                            /** Format: uuid */
                            storeId: string;
                        }[];
                        /** @description how much (an adjustment's signed) */
                        quantity: number;
                        reason: string | null;
                        /** @description the store it changes (a transfer: the one it leaves) */
                        store: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            placePath: string;
                        };
                        toStore: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            placePath: string;
                        } | null;
                        unit: string;
                    }[];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportSupplies: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD (through the end of that day, city time) or an instant; default now */
                horizon?: string;
                under?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                };
            };
        };
    };
    getSupplyGaps: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD (through the end of that day, city time) or an instant; default now */
                horizon?: string;
                item?: string;
                /** @description a place within yours; default your place */
                under?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        horizon: string;
                        items: {
                            code: string;
                            name: string;
                            unit: string;
                        }[];
                        places: {
                            lat: number | null;
                            /** @enum {string} */
                            level: "city" | "district" | "street" | "community" | "grid";
                            lon: number | null;
                            name: string;
                            parent: string | null;
                            path: string;
                            residents: number;
                        }[];
                        rows: {
                            /** @description a community: max(0, requirement − stock); above: max(0, gapsBelow − stock) */
                            gap: number;
                            /** @description above community level: the gaps its children leave */
                            gapsBelow: number;
                            item: string;
                            /** @enum {string} */
                            level: "city" | "district" | "street" | "community" | "grid";
                            name: string;
                            parent: string | null;
                            path: string;
                            /** @description a community's: Σ norm per resident × residents; above, the sum of those under it */
                            requirement: number;
                            residents: number;
                            /** @description usable at the horizon: a community’s in stores at or under it; above, in stores at the place */
                            stock: number;
                        }[];
                        under: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    issueStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    item: string;
                    quantity: number;
                    /** @description to whom, what for */
                    reason?: string;
                    /** Format: uuid */
                    store: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        at: string;
                        /** Format: uuid */
                        id: string;
                        item: string;
                        itemName: string;
                        /** @enum {string} */
                        kind: "receive" | "issue" | "transfer" | "adjust" | "expire";
                        /** @description what it did to each lot */
                        lots: {
                            delta: number;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** Format: uuid */
                            lotId: string;
                            /** Format: uuid */
                            storeId: string;
                        }[];
                        /** @description how much (an adjustment's signed) */
                        quantity: number;
                        reason: string | null;
                        /** @description the store it changes (a transfer: the one it leaves) */
                        store: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            placePath: string;
                        };
                        toStore: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            placePath: string;
                        } | null;
                        unit: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSupplyItems: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description the least every store should hold; null: none */
                        minPerStore: number | null;
                        name: string;
                        /** @description days from receipt to expiry; null: it does not expire */
                        shelfLifeDays: number | null;
                        unit: string;
                        /** Format: date-time */
                        updatedAt: string;
                    }[];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    importSupplyItems: {
        parameters: {
            query?: {
                /** @description the file's name, for the audit */
                name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: number;
                        rejects: {
                            line: number;
                            message: {
                                en: string;
                                "zh-CN": string;
                            };
                            reason: string;
                        }[];
                        /** @description data rows read (the header not counted) */
                        rows: number;
                        /** @description rows stating an item as it already is */
                        unchanged: number;
                        updated: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listMovements: {
        parameters: {
            query?: {
                item?: string;
                limit?: number;
                offset?: number;
                store?: string;
                /** @description a place within yours; default your place */
                under?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        movements: {
                            actor: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            /** Format: date-time */
                            at: string;
                            /** Format: uuid */
                            id: string;
                            item: string;
                            itemName: string;
                            /** @enum {string} */
                            kind: "receive" | "issue" | "transfer" | "adjust" | "expire";
                            /** @description what it did to each lot */
                            lots: {
                                delta: number;
                                /** Format: date-time */
                                expiresAt: string | null;
                                /** Format: uuid */
                                lotId: string;
                                /** Format: uuid */
                                storeId: string;
                            }[];
                            /** @description how much (an adjustment's signed) */
                            quantity: number;
                            reason: string | null;
                            /** @description the store it changes (a transfer: the one it leaves) */
                            store: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                placePath: string;
                            };
                            toStore: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                                placePath: string;
                            } | null;
                            unit: string;
                        }[];
                        total: number;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSupplyNorms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        item: string;
                        itemName: string;
                        perResident: number;
                        places: {
                            name: string;
                            path: string;
                        }[];
                        /** Format: date-time */
                        setAt: string;
                        /** @description who set it: 'plan:<id>', 'incident:<id>', 'demo:flood' */
                        source: string;
                        unit: string;
                    }[];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    receiveStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description default: now + the item's shelf life; null: it does not expire
                     */
                    expiresAt?: string | null;
                    item: string;
                    quantity: number;
                    /** @description where it came from */
                    reason?: string;
                    /** Format: uuid */
                    store: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        at: string;
                        /** Format: uuid */
                        id: string;
                        item: string;
                        itemName: string;
                        /** @enum {string} */
                        kind: "receive" | "issue" | "transfer" | "adjust" | "expire";
                        /** @description what it did to each lot */
                        lots: {
                            delta: number;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** Format: uuid */
                            lotId: string;
                            /** Format: uuid */
                            storeId: string;
                        }[];
                        /** @description how much (an adjustment's signed) */
                        quantity: number;
                        reason: string | null;
                        /** @description the store it changes (a transfer: the one it leaves) */
                        store: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            placePath: string;
                        };
                        toStore: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            placePath: string;
                        } | null;
                        unit: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listStock: {
        parameters: {
            query?: {
                item?: string;
                store?: string;
                /** @description a place within yours; default your place */
                under?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description expired from this instant on
                         */
                        expiresAt: string | null;
                        item: string;
                        itemName: string;
                        /** Format: uuid */
                        lotId: string;
                        placeName: string;
                        placePath: string;
                        quantity: number;
                        /** Format: date-time */
                        receivedAt: string;
                        /** Format: uuid */
                        storeId: string;
                        storeName: string;
                        unit: string;
                    }[];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listSupplyStores: {
        parameters: {
            query?: {
                /** @description a place within yours; default your place */
                under?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        placeLevel: "city" | "district" | "street" | "community" | "grid";
                        placeName: string;
                        placePath: string;
                    }[];
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createSupplyStore: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    place: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** @enum {string} */
                        placeLevel: "city" | "district" | "street" | "community" | "grid";
                        placeName: string;
                        placePath: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    transferStock: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    from: string;
                    item: string;
                    quantity: number;
                    reason?: string;
                    /** Format: uuid */
                    to: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        actor: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        /** Format: date-time */
                        at: string;
                        /** Format: uuid */
                        id: string;
                        item: string;
                        itemName: string;
                        /** @enum {string} */
                        kind: "receive" | "issue" | "transfer" | "adjust" | "expire";
                        /** @description what it did to each lot */
                        lots: {
                            delta: number;
                            /** Format: date-time */
                            expiresAt: string | null;
                            /** Format: uuid */
                            lotId: string;
                            /** Format: uuid */
                            storeId: string;
                        }[];
                        /** @description how much (an adjustment's signed) */
                        quantity: number;
                        reason: string | null;
                        /** @description the store it changes (a transfer: the one it leaves) */
                        store: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            placePath: string;
                        };
                        toStore: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            placePath: string;
                        } | null;
                        unit: string;
                    };
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
