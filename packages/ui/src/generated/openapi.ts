// biome-ignore-all format: generated
// biome-ignore-all lint: generated
/**
 * Generated from the API's /openapi.json by openapi-typescript (apps/api/src/openapi-types.ts).
 * Do not edit: run `npm run api-types -w @renxing/api` after changing a route's schema.
 */
export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys (JWKS, Ed25519 / EdDSA) of health-code tokens: the signing key first, then earlier keys still accepted */
        get: operations["getJwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One-off admissions, newest first (a department officer: their department’s) */
        get: operations["listAdmissions"];
        put?: never;
        /** A one-off admission (一事一议): one department may send one code outside the list until a date */
        post: operations["approveAdmission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/aid/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the optimal batch matching now over the open requests of your place (audited)
         * @description Expired requests are swept first (into their community’s inbox). Verified volunteers with capacity left today are matched: most weight (urgent 3, normal 1), then least distance. Each match is an offer to the volunteer; each unmatched request has its reason.
         */
        post: operations["runAidMatching"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/aid/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your offers as a volunteer: who, where, what, when — the requester's phone only once you accepted */
        get: operations["listMyOffers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/aid/offers/{id}/respond": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept or decline an offer made to you (audited)
         * @description Accept: the request is accepted, the requester's phone is in the answer and yours is told to the requester. Decline: the request is open again for the next run (you are not offered it again).
         */
        post: operations["respondAidMatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/aid/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Aid requests: staff see those of their place, a resident only their own; newest first */
        get: operations["listAidRequests"];
        put?: never;
        /**
         * Ask for help: a resident for themself, staff for a person of their place (audited)
         * @description A live request (open, matched or accepted) with the same requester, need and an overlapping window is the same request: nothing is created, the answer is 200 with created false and duplicateOf naming it. A new one is 201. The point defaults to the home's (the centre of the person's home place).
         */
        post: operations["createAidRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/aid/requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A request with its history (every state change) and its offers (the volunteer's phone once accepted) */
        get: operations["getAidRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/aid/requests/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a live request (its offer with it); the requester is told (audited) */
        post: operations["cancelAidRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/aid/requests/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an accepted request done (its volunteer, or staff of its place): the volunteer's hours are recorded */
        post: operations["completeAidRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/aid/requests/duplicate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** As the form is filled: the live request a new one would duplicate (same requester, need, overlapping window) */
        get: operations["findAidDuplicate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/aid/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Matching runs, newest first, and the newest one’s matches and unmatched requests (of your place) */
        get: operations["listAidRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit log rows in seq order (auditor, city_admin), filtered, one keyset page at a time, with the hash check of the page */
        get: operations["listAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Checks the whole audit hash chain and its seals kept outside the database (auditor, city_admin) */
        get: operations["verifyAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/burden": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What departments ask of communities over a period, and what merging and pre-filling saved */
        get: operations["getBurdenStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases visible from your place, newest first */
        get: operations["listCases"];
        put?: never;
        /** Register a confirmed case (a person or a phone, and the window to search); detection starts */
        post: operations["createCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case, with the state and progress of its detection */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The case's transmission chain: companions of companions, generation by generation, with their evidence (audited)
         * @description At most 300 nodes and 1200 edges, whole generations first (truncated: more were found).
         */
        get: operations["getTransmissionChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cases/{id}/companions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One page of the companions of a case living under your place, with their evidence (audited) */
        get: operations["listCaseCompanions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/corrective-actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Corrective actions, each closed one with the revision that closed it and its diff */
        get: operations["listCorrectiveActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/departments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The departments that send work to communities */
        get: operations["listDepartments"];
        put?: never;
        /** Add a department (city admins) */
        post: operations["createDepartment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/duty-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The responsibility list in force (or a version): items by code, searchable; and its versions */
        get: operations["listDutyItems"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/duty-items/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a new version of the responsibility list from a CSV or XLSX (code,list,title,department,legal_basis) */
        post: operations["importDutyList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/federation/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A peer city's signed message (a hand-off or the answer to one): refused with a reason, or stored once */
        post: operations["receiveHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/federation/peers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The peer cities this city exchanges hand-offs with */
        get: operations["listPeerCities"];
        put?: never;
        /** Registers (or updates) a peer city: its URL, the places it covers, the agreement; its keys read from its JWKS */
        post: operations["registerPeerCity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handoffs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hand-offs sent and received that concern places within yours, newest first */
        get: operations["listHandoffs"];
        put?: never;
        /** Hands a case, companion, close contact or resident to the peer city they live in (signed, delivered until acknowledged) */
        post: operations["sendHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handoffs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One hand-off with its deliveries and its audit trail */
        get: operations["getHandoff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handoffs/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accepts a received hand-off: the person's case or companion, health-code event, task and inbox item here; the answer goes back */
        post: operations["acceptHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/handoffs/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rejects a received hand-off with a reason, which goes back to the sender */
        post: operations["rejectHandoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/health-codes/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify a scanned token online (no sign-in): valid or the reason, its claims, and the colour now */
        post: operations["verifyHealthCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/inbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A community's one list: every item under your place (or `place`), open ones by due date and priority */
        get: operations["listInbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Incidents over places at, under or above yours, newest first */
        get: operations["listIncidents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An incident: its timeline, objectives and corrective actions, and what closing it lacks */
        get: operations["getIncident"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close an incident whose review is complete
         * @description Refused (422 RX_INCIDENT_INCOMPLETE) while an objective is unrated or rated S, M or U without a corrective action; the message names each.
         */
        post: operations["closeIncident"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/incidents/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rate objectives P/S/M/U, add objectives and corrective actions (owner, due, capability element)
         * @description May be sent in parts while the incident is open: ratings replace earlier ones, actions add up.
         */
        post: operations["submitAfterActionReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/infra/alarms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Alarms of the assets within your place, newest raise first */
        get: operations["listAlarms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/infra/alarms/{id}/acknowledge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Acknowledge an alarm: who saw it, and when (audited; again changes nothing) */
        post: operations["acknowledgeAlarm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/infra/assets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The network you see: assets (with working, offline, open alarms), the links between them, the kinds
         * @description You see the assets standing at or under your place, or operated from a place at or under it. Working: the asset reaches working sources and providers with nothing failed.
         */
        get: operations["listAssets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/infra/assets/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An asset: its links in and out, sensors, open alarms, and the N-1 impact of its failure */
        get: operations["getAsset"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/infra/drills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A drill: fail assets at once (by id, or every asset inside an area) and see what is lost
         * @description The communities at or under your place that lose a service, with their people, and the shelters and supply stores in them. Nothing is changed; the drill is audited. 演练：多个设施同时失效的影响。
         */
        post: operations["runDrill"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/infra/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the network: assets or links (CSV or XLSX), or both as GeoJSON; the N-1 analysis is recomputed
         * @description Assets: id, kind, type (source/node/sink) and, as needed, community and population (sinks: the community served, as a place path or id, and its people), name, place, operator (place path or id: whose inbox gets its alarms; default its place's district), lon, lat. Links: from, to, relation (feeds: same kind; needs: `to` needs `from`). GeoJSON: a FeatureCollection of Point features (assets, properties as the columns) and LineString features (links). New ids are created, known ones updated; rows that cannot be used come back as rejects with their line (or feature index) and reason, the rest is kept. The same file again changes nothing. 设施、连接导入；导入后重新计算 N-1 分析。
         */
        post: operations["importAssets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/infra/n-1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stored N-1 analysis: rows of your communities and their single points of failure
         * @description Recomputed after every change of the network. People at risk of a community: the largest population lost of its rows (the most people there one failure leaves without a service).
         */
        get: operations["getN1Analysis"];
        put?: never;
        /** Recompute the N-1 analysis of the whole network now and store it (audited) */
        post: operations["runN1Analysis"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/infra/readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Readings by file: JSON {readings:[{sensor,ts,value}]} or CSV sensor,ts,value (one batch)
         * @description Every good reading is stored; one older than its sensor’s newest is kept but drives no alarm. The rest drive the sensors’ rules, raising and clearing alarms. Bad entries come back by index (JSON) or line (CSV) with the reason; sensors outside your place read as unknown.
         */
        post: operations["ingestReadings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/infra/sensors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sensors of the assets within your place, with their newest reading, offline flag and rules
         * @description An assetId outside your place reads as no such asset (404).
         */
        get: operations["listSensors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/infra/sensors/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Create or redefine a sensor of an asset: quantity, unit, offline timeout, rules (audited)
         * @description Rules are above T or below T with hysteresis H ≥ 0 and for D ≥ 0 seconds. Redefining keeps the unchanged rules with their state; a changed or removed rule closes its open alarm. combine any/all joins the rules into the asset’s OR/AND alarm.
         */
        put: operations["defineSensor"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/infra/sensors/{id}/readings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sensor's readings in a time window, in time order (a chart's series) */
        get: operations["listReadings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: sets the HTTP-only session cookie, returns the user and a CSRF token */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revokes the session (needs the x-csrf-token header) */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/health-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own health code: colour, why, what turns it green, history */
        get: operations["getMyHealthCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/health-code/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own QR code (signed token, valid 5 minutes) as PNG, or JSON with ?format=json */
        get: operations["getMyHealthCodeQr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications (sent to your account or, for a resident, to you as a person), newest first */
        get: operations["listMyNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark your notifications read: these ids (others’ are left alone), or all */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending override requests for people in your area, oldest first */
        get: operations["listOverrides"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overrides/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve another user’s override request (not your own), with a reason; the code changes now */
        post: operations["approveOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/overrides/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject another user’s override request (not your own), with a reason */
        post: operations["rejectOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participation/early-warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Early warnings raised from residents’ symptom reports within your place, with the reports behind them */
        get: operations["listEarlyWarnings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participation/early-warnings/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the early-warning rule now for every community (it also runs hourly) */
        post: operations["runEarlyWarnings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participation/public-responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Responses made public (where the reporter allowed it), without who reported */
        get: operations["listPublicResponses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participation/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reports: a resident’s own, or those within your place (filters: category, state, place, period) */
        get: operations["listReports"];
        put?: never;
        /**
         * Submit a report (a resident; or staff for a resident): hazard, suggestion, complaint, health_symptom, need
         * @description Place: the reporter’s home community unless named. A near-duplicate (same category and community, text trigram Jaccard ≥ 0.6, last 7 days) is linked to the earliest report of its issue and counted as a supporter. At most 10 reports per resident per hour (429). The text is stored as plain text. 提交居民报告（隐患、建议、投诉、健康症状、需求）。
         */
        post: operations["submitReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participation/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report with its history (a resident: their own) */
        get: operations["getReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participation/reports/{id}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The report’s photo, as the image type its bytes proved (never HTML) */
        get: operations["getReportPhoto"];
        /** Attach the report’s photo (the image file itself: JPEG, PNG or WebP by its bytes, at most 5 MB) */
        put: operations["attachReportPhoto"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participation/reports/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reopen your report within 7 days of its response */
        post: operations["reopenReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participation/reports/{id}/respond": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Act on a report: acknowledge, assign, respond (with words; public if both you and the reporter allow), close
         * @description Its near-duplicates follow their original; every reporter is told. 受理、分派、答复、办结。
         */
        post: operations["respondReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participation/slas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service levels per report category: hours to acknowledge and to respond (defaults 24 and 72) */
        get: operations["listReportSlas"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participation/slas/{category}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a category’s service level (the city) */
        put: operations["setReportSla"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/participation/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per place and period: counts by state, share within SLA, median hours to respond, breaches */
        get: operations["getParticipationStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Find people in your area by name, phone or ID number; every search is audited */
        get: operations["listPeople"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One person in your area, phone included; every read is audited */
        get: operations["getPerson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/close-contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Designate a close contact (green or yellow → red, showing your unit), optionally starting the isolation; with a written reason (audited) */
        post: operations["designateCloseContact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/discharge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Discharge a confirmed case: 14 days of monitoring begin, then green by rule; with a written reason (audited) */
        post: operations["dischargeCase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/health-code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person’s health code: colour, why, what turns it green, history, pending overrides (audited) */
        get: operations["getHealthCode"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/health-code/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person’s QR code (signed token, valid 5 minutes) as PNG, or JSON with ?format=json (audited) */
        get: operations["getHealthCodeQr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/isolation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a designated close contact’s 14-day isolation (green after it, with a negative test in its last 24 h); with a written reason (audited) */
        post: operations["startIsolation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for a colour by hand, with a written reason; a second user must approve it */
        post: operations["requestOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/{id}/test-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A person’s test results, by sampling time (audited) */
        get: operations["listTestResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/people/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import people from a CSV or XLSX file sent as the body; bad rows come back as rejects */
        post: operations["importPeople"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/pings/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a pings CSV (subject,ts,lon,lat) sent as the body into the trajectory store
         * @description Phone numbers are replaced by their pseudonyms before anything is stored; bad rows come back as rejects (line, reason), the rest are kept; the same file twice is stored once. Up to 512 MiB.
         */
        post: operations["importPings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The place at `under` (default: your own) and everything under it, in path order */
        get: operations["listPlaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Plans covering a place at, under or above yours, newest first */
        get: operations["listPlans"];
        put?: never;
        /** An emergency plan for a hazard, owned by a place within yours, covering places within it */
        post: operations["createPlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A plan with its versions, one of them whole (default the newest) and its draft */
        get: operations["getPlan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate the plan's newest published version at a level over places: opens an incident
         * @description Each task of the level becomes an item in the inbox of every community covered; the level's supply gaps are noted and its shelters opened. The places lie within the plan's and yours (a community worker: their own community).
         */
        post: operations["activatePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What version `to` added, removed and changed against version `from`, level by level */
        get: operations["diffPlanVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Save the version being edited (levels with their tasks, norms and shelters) */
        put: operations["savePlanDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish the next version: frozen from now on, used by the next activation
         * @description The change note says what changed and why (required from the second version on); `closes` names the corrective actions this revision closes.
         */
        post: operations["publishPlanVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/plans/loop-metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The learning loop per plan and place: actions open and overdue, closed by a revision, days to revision */
        get: operations["getLoopMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resilience/assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Self-assessments of places within your place, newest first (state=submitted: the reviewers’ queue; canReview says which are yours to review) */
        get: operations["listSelfAssessments"];
        put?: never;
        /**
         * Submit a self-assessment of a community or street within your place (audited)
         * @description Every question of the bank answered once with a whole score of its scale; evidence is required for a score above the scale's minimum (at most 2,000 characters). A reviewer may be named (an official whose place is above the place, not you); otherwise any such official may review it. One submission per place and bank awaits review at a time (409); a returned one is answered again by submitting anew, and every submission is kept.
         */
        post: operations["submitSelfAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resilience/assessments/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve or return a submitted self-assessment (audited)
         * @description The reviewer is the one named at submission if one was, else any official whose place is strictly above the assessed place, never the submitter (403 otherwise). Only a submitted one can be reviewed (409). Returning needs a note saying what to answer again.
         */
        post: operations["reviewSelfAssessment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resilience/assessments/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A community's or street's self-assessments: the latest and every one, newest first, with answers and summary */
        get: operations["getSelfAssessment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resilience/banks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The self-assessment question banks, in full (sections, questions, scale, evidence asked)
         * @description Shipped as data and versioned: one organised by the UNDRR Ten Essentials for Making Cities Resilient and one by the three mechanisms (engineering, institutional, social) × three traits, questions in our own words. Every question names its mechanism and trait, so answers show as a radar beside the computed index.
         */
        get: operations["listQuestionBanks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resilience/communities/{path}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A community's scores, values, history, what to do next and its latest self-assessment */
        get: operations["getCommunityResilience"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resilience/communities/{path}/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A community's index explained: mechanisms and traits down to each indicator (with key: its records) */
        get: operations["explainResilienceScore"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resilience/communities/{path}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a next step to the community's inbox as a task (once per indicator and date; audited) */
        post: operations["sendResilienceTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resilience/index": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The index of the communities within your place on a computed date, with their ranks in the city */
        get: operations["getResilienceIndex"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resilience/index/compute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Compute every community's index for a city date now (replacing that date's run; audited) */
        post: operations["computeResilienceIndex"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resilience/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The index's indicators (the platform's and the city's own), which are on, and the hazards the city lists */
        get: operations["listResilienceIndicators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resilience/indicators/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Switch an indicator on or off for the next computations (audited) */
        patch: operations["updateResilienceIndicator"];
        trace?: never;
    };
    "/api/resilience/indicators/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The city's own indicators (CSV or XLSX: key,mechanism,trait,direction,unit,title,title_en,definition[,definition_en])
         * @description A row adds or updates one of the city’s indicators; a key may not be the platform’s. Rows that cannot be used come back as rejects with their line and reason; the rest is kept (one transaction, audited).
         */
        post: operations["importResilienceIndicators"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/resilience/values/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Values of the city's own indicators (CSV or XLSX: community,key,value[,date])
         * @description community is a place path, key one of the city’s indicators, date a city date (default today). The computation of a date uses the newest value dated on or before it. Rows that cannot be used come back as rejects; the rest is kept.
         */
        post: operations["importResilienceValues"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screening/pool-size": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The pool size with the fewest expected lab tests at a prevalence (Dorfman), or at the prevalence observed in recent rounds
         * @description Members of a positive pooled tube are re-tested in single tubes: never re-pool them.
         */
        get: operations["getPoolSizeAdvice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screening/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Result files imported, newest first, with their rejects */
        get: operations["listResultImports"];
        put?: never;
        /**
         * A lab's result file (CSV or XLSX: tube,result,reported_at) resolving every member of its tubes
         * @description Rows that cannot be used come back as rejects with their line and reason (unknown tube, result not negative/positive/invalid, unparseable time, reported before sampling, a result differing from the first); the rest is kept. The same result again is a no-op: re-sending a file changes nothing.
         */
        post: operations["importTubeResults"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screening/rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Rounds reaching your place, newest first */
        get: operations["listScreeningRounds"];
        put?: never;
        /**
         * A screening round over places and a window, with its sites and pooling per zone
         * @description The round expects the residents homed under its places now; pooling defaults to sealed 1, controlled 10, prevention 20 per tube.
         */
        post: operations["createScreeningRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screening/rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A round with its sites */
        get: operations["getScreeningRound"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screening/rounds/{id}/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A round's coverage: expected, tested and untested people per community, its counts and a countdown */
        get: operations["getRoundCoverage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screening/rounds/{id}/exemptions/{personId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Exempt an expected person from a round with a reason (bedridden, away, infant, other), or clear it */
        put: operations["setScreeningExemption"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screening/rounds/{id}/sites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a sampling site to a round (its zone defaults to its place’s zone in the round) */
        post: operations["addScreeningSite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screening/rounds/{id}/untested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Expected people not yet tested, by community and household (JSON pages, or the whole list as XLSX/CSV for door-to-door work) */
        get: operations["listUntested"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screening/samples": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A sampler scans a person (ID, phone or their health-code QR) and a tube: one swab registered
         * @description The first scan opens the tube (its sampling time). The same person into the same tube again changes nothing (duplicate: true). Refused: RX_TUBE_FULL, RX_TUBE_SEALED, RX_REPOOL_REFUSED (a member of a positive pool into another pooled tube).
         */
        post: operations["registerSample"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screening/tubes/{barcode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A tube, its result and its members in scan order */
        get: operations["getTube"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/screening/tubes/{barcode}/seal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Seal a tube (it may hold fewer swabs than its size); a sealed tube takes no more */
        post: operations["sealTube"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and the CSRF token (e.g. after a page reload) */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shelters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Shelters reaching your place (at, under or above it) with their places left now, and totals
         * @description Available = capacity − occupancy, the night capacity from 20:00 to 08:00 city time and the day capacity otherwise.
         */
        get: operations["listShelters"];
        put?: never;
        /** Register a shelter at a place within yours (closed until opened; audited) */
        post: operations["createShelter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shelters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A shelter with the people checked in now
         * @description A shelter above your place lists the people homed within yours and those you checked in; the others are counted only.
         */
        get: operations["getShelter"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a shelter's entry: name, place, location, capacities, type, offers (audited)
         * @description A capacity lowered below the people inside leaves available below zero: nobody more comes in.
         */
        patch: operations["updateShelter"];
        trace?: never;
    };
    "/api/shelters/{id}/check-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a person, a household or a number of people into a shelter (audited)
         * @description Refused when the shelter is closed, when available would go below zero (also under concurrent check-ins), or when the person or household is checked in somewhere already.
         */
        post: operations["checkInShelter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shelters/{id}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open or close a shelter within your place (audited; the same state again changes nothing)
         * @description A closed shelter takes nobody in; those inside stay until they check out.
         */
        post: operations["setShelterState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shelters/check-ins/{id}/check-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a stay out, freeing its places (audited; checking out twice changes nothing) */
        post: operations["checkOutShelter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shelters/evacuees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** People homed within your place by part of the name or a whole phone or ID number, with their household and shelter (audited) */
        get: operations["findEvacuees"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shelters/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Shelter status for other systems: GeoJSON points (capacity, available, state) or OASIS EDXL-HAVE-style XML
         * @description The shelters reaching your place (or under `under`), as of now. GeoJSON: a FeatureCollection of points (lon, lat; WGS 84) with their capacities, occupancy, available and state. EDXL-HAVE: a HospitalStatus document, one Hospital per shelter, its places as bed capacity (day and night), its state as facility status.
         */
        get: operations["exportShelters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shelters/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A shelters file (CSV or XLSX: place,name,lon,lat,capacity_day,capacity_night,type[,offers,address]) creating or updating shelters
         * @description A row names a shelter by its place and name: a new one is created (closed), a known one updated. Rows that cannot be used come back as rejects with their line and reason; the rest is kept. Type: indoor/outdoor (室内/室外); offers: beds, accessible, medical, pets (床位、无障碍、医疗、宠物). The same file again changes nothing.
         */
        post: operations["importShelters"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shelters/nearest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The nearest open shelter with room for a party, from a household’s or person’s home, a place or a point
         * @description Among the open shelters reaching your place with available ≥ people now, the least great-circle distance from the home (its community’s centre: homes have no location of their own), ties by id; with a few alternatives. Give one of household, person, place, or lon and lat.
         */
        get: operations["findShelterWithRoom"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/cells": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Grid cells where companions living under your place met a case, as GeoJSON squares
         * @description At most 2 s old, like getPlaceStats.
         */
        get: operations["getCompanionCells"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stats/places": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Counts for a place (default: yours) and for each place directly under it
         * @description The figures are at most 2 s old: one count serves everyone watching the place.
         */
        get: operations["getPlaceStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/stream/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The city-scale stream: per partition and shard progress, lag and owner; live members
         * @description Off (`{ enabled: false }`) unless the service runs with RENXING_NATS_URL. Lag counts messages published but not yet built (partitions) or applied (shards). 503 RX_STREAM_UNAVAILABLE when NATS does not answer.
         */
        get: operations["getStreamStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
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
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The inbox: tasks under your place and those assigned to you */
        get: operations["listTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One task */
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Work a task: state, outcome and note; or assign it to someone or move it to another place */
        patch: operations["updateTask"];
        trace?: never;
    };
    "/api/tasks/reassign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move many open tasks to another place and/or person at once */
        post: operations["reassignTasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/test-results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record a PCR result and apply it to the person’s code; re-sending the same sample changes nothing */
        post: operations["recordTestResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trajectories/days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stored trajectory days: pings, chunks and stored bytes each, oldest first */
        get: operations["listTrajectoryDays"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trajectories/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete the stored days wholly before the retention window (default 21 days); logged and audited */
        post: operations["purgeTrajectories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/trajectories/retention": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether any stored day is older than the retention window, and the latest purge runs */
        get: operations["verifyTrajectoryRetention"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active staff users in your area, to assign work to */
        get: operations["listStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Volunteers of the communities within your place (phones masked), with rosters of officials posted down */
        get: operations["listVolunteers"];
        put?: never;
        /**
         * Register a volunteer (unverified): staff for someone of a community within their place, a resident for themself
         * @description Staff give name, phone, skills and community, and may create the volunteer's account (role volunteer) or link an existing volunteer account, or post an official down (posted, with their unit as organisation). A resident gives skills (and a phone, location, capacity, windows): the rest comes from their record, and their own account becomes the volunteer's. One phone, person or account is one volunteer (409).
         */
        post: operations["registerVolunteer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A volunteer of a community within your place (phone masked), with their hours served */
        get: operations["getVolunteer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteers/{id}/hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record hours served by a volunteer of a community within your place (audited; a source is recorded once) */
        post: operations["recordVolunteerHours"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteers/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify a volunteer of a community within your place: only verified volunteers are matched (audited)
         * @description Verifying a verified volunteer again changes nothing (changed false).
         */
        post: operations["verifyVolunteer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteers/{id}/windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace a volunteer's availability windows (merged where they overlap; audited) */
        put: operations["setVolunteerWindows"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteers/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A volunteers file (CSV or XLSX: name,phone,skills,community[,lon,lat,capacity,organisation,from,to]) registering or updating volunteers
         * @description A row names a volunteer by phone: a new one is registered (unverified), a known one updated. Several rows with one phone add availability windows (from,to: instants, or city time YYYY-MM-DD HH:mm). Skills separated by ; (codes or Chinese words); organisation by its name; lon,lat default to the community's centre; capacity default 2. Rows that cannot be used come back as rejects with their line and reason; the rest is kept. The same file again changes nothing.
         */
        post: operations["importVolunteers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteers/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your own volunteer record (your account as a volunteer), with your hours served */
        get: operations["getMyVolunteer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteers/me/windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Replace your availability windows (merged where they overlap; audited) */
        put: operations["setMyVolunteerWindows"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/volunteers/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Organisations reaching your place (at, under or above it): social organisations, teams, property managers, enterprises, units */
        get: operations["listOrganisations"];
        put?: never;
        /** Register an organisation at a place within yours (audited; names are unique in the city) */
        post: operations["createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-items/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An item: the departments and requests behind it, its fields with pre-fills (source, date) and answers */
        get: operations["getWorkItem"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Move an item along: open → in_progress → done */
        patch: operations["updateWorkItem"];
        trace?: never;
    };
    "/api/work-items/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Answer fields once for every department behind the item; complete answers finish it */
        post: operations["answerWorkItem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Requests, newest first: a department officer's department's, or (city admin) every department's */
        get: operations["listWorkRequests"];
        put?: never;
        /**
         * A department's task or form for communities: judged by the responsibility list, merged per community
         * @description Accepted: the communities reached and the item each demand joined. Refused (422): RX_DUTY_NEGATIVE, RX_DUTY_NO_RESOURCES, RX_DUTY_ABOLISHED or RX_DUTY_UNLISTED naming the rule and its legal basis; the refusal is kept in listWorkRequests and nothing reaches a community.
         */
        post: operations["submitWorkRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request with each community it reached: the item, its state and the answers to its fields */
        get: operations["getWorkRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work-requests/{id}/answers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A request's answers as a spreadsheet: one row per community, one column per field (CSV or XLSX) */
        get: operations["exportWorkRequestAnswers"];
        put?: never;
        post?: never;
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
        Case: {
            companionCount: number;
            /** Format: date-time */
            confirmedAt: string;
            /** Format: date-time */
            createdAt?: string;
            detection: {
                error?: string | null;
                /** Format: date-time */
                finishedAt?: string | null;
                progress?: {
                    done?: number;
                    /** @enum {string} */
                    phase?: "loading" | "indexing" | "querying" | "storing";
                    total?: number;
                } | null;
                /** Format: date-time */
                startedAt?: string | null;
                /** @enum {string} */
                state: "pending" | "running" | "done" | "failed";
            };
            /** Format: uuid */
            id: string;
            /** @description the anonymised label residents see */
            label: string;
            number: number;
            personId?: string | null;
            placePath?: string | null;
            preset: string;
            /** @enum {string} */
            status: "confirmed" | "discharged" | "closed";
            /** Format: date-time */
            windowFrom?: string | null;
            /** Format: date-time */
            windowTo?: string | null;
        };
        Error: {
            /** @description stable RX_ code from the error catalogue */
            code: string;
            /** @description the input that is wrong, e.g. body.username */
            field?: string;
            /** @description in the locale asked for by Accept-Language */
            message: string;
        };
        Place: {
            code: string;
            /** Format: uuid */
            id: string;
            lat: number | null;
            /** @enum {string} */
            level: "city" | "district" | "street" | "community" | "grid";
            lon: number | null;
            name: string;
            nameEn: string | null;
            parentId: string | null;
            /** @description materialised path of codes, e.g. cq.yz.jd01 */
            path: string;
        };
        Task: {
            assignedTo?: string | null;
            assignedUsername?: string | null;
            /** Format: uuid */
            caseId: string;
            caseLabel: string;
            cell?: string | null;
            /** Format: date-time */
            createdAt?: string;
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            finishedAt?: string | null;
            /** Format: uuid */
            id: string;
            note?: string | null;
            /** @enum {string|null} */
            outcome?: "reached" | "tested" | "isolated_at_home" | "transferred" | "unreachable" | null;
            overdue: boolean;
            /** Format: date-time */
            overlapEnd?: string | null;
            /** Format: date-time */
            overlapStart?: string | null;
            /** @description null: a phone not in the registry (city queue) */
            personId?: string | null;
            personName?: string | null;
            /** @description 138****8000; the full number through getPerson */
            phoneMasked?: string | null;
            placeName?: string;
            placePath: string;
            /** @enum {string} */
            state: "pending" | "in_progress" | "done" | "not_executable";
            /** Format: date-time */
            updatedAt?: string;
        };
        User: {
            displayName: string | null;
            /** Format: uuid */
            id: string;
            /** @description the root of what the user may see */
            placePath: string | null;
            role: string;
            username: string;
        };
        WorkItem: {
            conflicts?: boolean;
            /** Format: date-time */
            createdAt?: string;
            /** @description requests gathered in this item */
            demands?: number;
            departments: string[];
            /** @description what the area that raised it tells the community (barcode, round, …); {} for departments’ items */
            detail: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            due: string;
            duty: string;
            /** Format: date-time */
            finishedAt?: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "task" | "form";
            /** @description the area that raised it ('screening.retest', 'screening.resample'); null: departments' demands */
            origin: string | null;
            /** @description what it is about in the area that raised it (a tube barcode); null for departments’ items */
            originRef: string | null;
            /** @description past due and not done: escalated to the street */
            overdue?: boolean;
            placeName: string;
            placePath: string;
            /** @enum {string} */
            priority: "normal" | "urgent";
            /** @enum {string} */
            state: "open" | "in_progress" | "done";
            /** @description the person a platform item is for; the phone masked as community screens show it */
            subject: {
                /** Format: uuid */
                id: string;
                name: string;
                /** @description 138****8000 */
                phoneMasked: string | null;
            } | null;
            title: string;
            /** Format: date-time */
            updatedAt?: string;
            window?: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            };
        };
        WorkRequest: {
            admission?: string | null;
            communities?: number;
            department: string;
            done?: number;
            /** Format: date-time */
            due: string;
            duty: string;
            dutyVersion?: number | null;
            fields?: {
                key: string;
                label: string;
                /** @enum {string} */
                type: "integer" | "number" | "text" | "boolean" | "date";
            }[];
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "task" | "form";
            /** @enum {string} */
            priority: "normal" | "urgent";
            refusalCode?: string | null;
            refusalReason?: string | null;
            resources?: string | null;
            /** @enum {string} */
            status: "accepted" | "refused";
            /** Format: date-time */
            submittedAt: string;
            submittedBy?: string | null;
            targets: string[];
            title: string;
            window?: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            } | null;
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
    getJwks: {
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
                        keys: {
                            alg: string;
                            crv: string;
                            kid: string;
                            kty: string;
                            use: string;
                            x: string;
                        }[];
                    };
                };
            };
        };
    };
    listAdmissions: {
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
                        admissions: {
                            /** @description epoch seconds */
                            approvedAt?: number;
                            approvedBy?: string | null;
                            department?: string;
                            duty?: string;
                            id?: string;
                            reason?: string;
                            /** @description epoch seconds */
                            validUntil?: number;
                        }[];
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
    approveAdmission: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    department: string;
                    duty: string;
                    reason: string;
                    /** Format: date-time */
                    validUntil: string;
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
                        /** Format: uuid */
                        id: string;
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
    runAidMatching: {
        parameters: {
            query?: {
                /** @description max_km (default 3) */
                maxKm?: number;
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
                        /** @description requests the sweep before the run expired */
                        expired: string[];
                        /** @description the requests of your place: matches first, then unmatched */
                        rows: {
                            distanceM: number | null;
                            need: string;
                            placeName: string;
                            /** @enum {string|null} */
                            reason: "no skill" | "no availability" | "too far" | "no capacity" | null;
                            /** Format: uuid */
                            request: string;
                            requesterName: string;
                            /**
                             * @description the request's state now
                             * @enum {string}
                             */
                            state: "open" | "matched" | "accepted" | "done" | "cancelled" | "expired";
                            /** @enum {string} */
                            urgency: "urgent" | "normal";
                            volunteer: string | null;
                            volunteerName: string | null;
                        }[];
                        run: {
                            /** Format: date-time */
                            at: string;
                            /** @description total distance of the matches, metres */
                            distanceM: number;
                            /** Format: uuid */
                            id: string;
                            matched: number;
                            maxKm: number;
                            /** @description time the matching took */
                            ms: number;
                            requests: number;
                            /** @enum {string} */
                            trigger: "on_demand" | "scheduled";
                            unmatchedCount: number;
                            volunteers: number;
                            /** @description sum of the weights of the matched requests (urgent 3, normal 1) */
                            weight: number;
                        };
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
    listMyOffers: {
        parameters: {
            query?: {
                limit?: number;
                state?: ("offered" | "accepted" | "declined" | "expired" | "done" | "cancelled")[];
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
                        offers: {
                            /** Format: date-time */
                            answeredAt: string | null;
                            /** Format: date-time */
                            at: string;
                            distanceM: number;
                            /** Format: uuid */
                            id: string;
                            request: {
                                address: string | null;
                                /** Format: date-time */
                                from: string;
                                /** Format: uuid */
                                id: string;
                                lat: number;
                                lon: number;
                                need: string;
                                notes: string;
                                /** @description the requester's phone: only once you accepted */
                                phone: string | null;
                                placeName: string;
                                requesterName: string;
                                /** @enum {string} */
                                state: "open" | "matched" | "accepted" | "done" | "cancelled" | "expired";
                                /** Format: date-time */
                                to: string;
                                /** @enum {string} */
                                urgency: "urgent" | "normal";
                            };
                            /** @enum {string} */
                            state: "offered" | "accepted" | "declined" | "expired" | "done" | "cancelled";
                        }[];
                        volunteerId: string;
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
    respondAidMatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    answer: "accept" | "decline";
                    note?: string;
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
                        accepted: boolean;
                        offer: {
                            /** Format: date-time */
                            answeredAt: string | null;
                            /** Format: date-time */
                            at: string;
                            distanceM: number;
                            /** Format: uuid */
                            id: string;
                            request: {
                                address: string | null;
                                /** Format: date-time */
                                from: string;
                                /** Format: uuid */
                                id: string;
                                lat: number;
                                lon: number;
                                need: string;
                                notes: string;
                                /** @description the requester's phone: only once you accepted */
                                phone: string | null;
                                placeName: string;
                                requesterName: string;
                                /** @enum {string} */
                                state: "open" | "matched" | "accepted" | "done" | "cancelled" | "expired";
                                /** Format: date-time */
                                to: string;
                                /** @enum {string} */
                                urgency: "urgent" | "normal";
                            };
                            /** @enum {string} */
                            state: "offered" | "accepted" | "declined" | "expired" | "done" | "cancelled";
                        };
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
    listAidRequests: {
        parameters: {
            query?: {
                limit?: number;
                /** @description one skill of the city vocabulary */
                need?: "medicine_delivery" | "food_delivery" | "transport" | "elderly_care" | "translation" | "medical" | "psychological" | "logistics";
                personId?: string;
                state?: ("open" | "matched" | "accepted" | "done" | "cancelled" | "expired")[];
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
                        requests: {
                            address: string | null;
                            /** @description whether the point is the home's */
                            atHome: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy?: string | null;
                            /** Format: date-time */
                            from: string;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            need: string;
                            notes: string;
                            /** Format: uuid */
                            placeId: string;
                            placeName: string;
                            placePath: string;
                            /** Format: uuid */
                            requesterId: string;
                            requesterName: string;
                            /** @enum {string} */
                            state: "open" | "matched" | "accepted" | "done" | "cancelled" | "expired";
                            /** Format: date-time */
                            to: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            urgency: "urgent" | "normal";
                        }[];
                        /** @description how many match (limit aside) */
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
    createAidRequest: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a point; default the home's (the centre of the person's home place) */
                    location?: {
                        lat: number;
                        lon: number;
                    } | null;
                    /**
                     * @description one skill of the city vocabulary
                     * @enum {string}
                     */
                    need: "medicine_delivery" | "food_delivery" | "transport" | "elderly_care" | "translation" | "medical" | "psychological" | "logistics";
                    notes?: string;
                    /**
                     * Format: uuid
                     * @description the person helped (staff); a resident asks for themself and may omit it
                     */
                    personId?: string;
                    /** @enum {string} */
                    urgency: "urgent" | "normal";
                    window: {
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                    };
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
                        created: boolean;
                        /** @description the live request this one duplicates (nothing new was created), or null */
                        duplicateOf: string | null;
                        request: {
                            address: string | null;
                            /** @description whether the point is the home's */
                            atHome: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy?: string | null;
                            /** Format: date-time */
                            from: string;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            need: string;
                            notes: string;
                            /** Format: uuid */
                            placeId: string;
                            placeName: string;
                            placePath: string;
                            /** Format: uuid */
                            requesterId: string;
                            requesterName: string;
                            /** @enum {string} */
                            state: "open" | "matched" | "accepted" | "done" | "cancelled" | "expired";
                            /** Format: date-time */
                            to: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            urgency: "urgent" | "normal";
                        };
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: boolean;
                        /** @description the live request this one duplicates (nothing new was created), or null */
                        duplicateOf: string | null;
                        request: {
                            address: string | null;
                            /** @description whether the point is the home's */
                            atHome: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy?: string | null;
                            /** Format: date-time */
                            from: string;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            need: string;
                            notes: string;
                            /** Format: uuid */
                            placeId: string;
                            placeName: string;
                            placePath: string;
                            /** Format: uuid */
                            requesterId: string;
                            requesterName: string;
                            /** @enum {string} */
                            state: "open" | "matched" | "accepted" | "done" | "cancelled" | "expired";
                            /** Format: date-time */
                            to: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            urgency: "urgent" | "normal";
                        };
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
    getAidRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        events: {
                            /** Format: date-time */
                            at: string;
                            byUser: string | null;
                            note: string;
                            offerId: string | null;
                            /** @enum {string} */
                            state: "open" | "matched" | "accepted" | "done" | "cancelled" | "expired" | "declined";
                        }[];
                        offers: {
                            /** Format: date-time */
                            answeredAt: string | null;
                            /** Format: date-time */
                            at: string;
                            distanceM: number;
                            /** Format: uuid */
                            id: string;
                            runId: string | null;
                            /** @enum {string} */
                            state: "offered" | "accepted" | "declined" | "expired" | "done" | "cancelled";
                            /** Format: uuid */
                            volunteerId: string;
                            volunteerName: string;
                            /** @description only once the volunteer accepted */
                            volunteerPhone: string | null;
                        }[];
                        request: {
                            address: string | null;
                            /** @description whether the point is the home's */
                            atHome: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy?: string | null;
                            /** Format: date-time */
                            from: string;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            need: string;
                            notes: string;
                            /** Format: uuid */
                            placeId: string;
                            placeName: string;
                            placePath: string;
                            /** Format: uuid */
                            requesterId: string;
                            requesterName: string;
                            /** @enum {string} */
                            state: "open" | "matched" | "accepted" | "done" | "cancelled" | "expired";
                            /** Format: date-time */
                            to: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            urgency: "urgent" | "normal";
                        };
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
    cancelAidRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
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
                        request: {
                            address: string | null;
                            /** @description whether the point is the home's */
                            atHome: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy?: string | null;
                            /** Format: date-time */
                            from: string;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            need: string;
                            notes: string;
                            /** Format: uuid */
                            placeId: string;
                            placeName: string;
                            placePath: string;
                            /** Format: uuid */
                            requesterId: string;
                            requesterName: string;
                            /** @enum {string} */
                            state: "open" | "matched" | "accepted" | "done" | "cancelled" | "expired";
                            /** Format: date-time */
                            to: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            urgency: "urgent" | "normal";
                        };
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
    completeAidRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description hours served (default: the window's length, at most 2) */
                    hours?: number;
                    note?: string;
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
                        offer: {
                            /** Format: date-time */
                            answeredAt: string | null;
                            /** Format: date-time */
                            at: string;
                            distanceM: number;
                            /** Format: uuid */
                            id: string;
                            runId: string | null;
                            /** @enum {string} */
                            state: "offered" | "accepted" | "declined" | "expired" | "done" | "cancelled";
                            /** Format: uuid */
                            volunteerId: string;
                            volunteerName: string;
                            /** @description only once the volunteer accepted */
                            volunteerPhone: string | null;
                        };
                        request: {
                            address: string | null;
                            /** @description whether the point is the home's */
                            atHome: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy?: string | null;
                            /** Format: date-time */
                            from: string;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            need: string;
                            notes: string;
                            /** Format: uuid */
                            placeId: string;
                            placeName: string;
                            placePath: string;
                            /** Format: uuid */
                            requesterId: string;
                            requesterName: string;
                            /** @enum {string} */
                            state: "open" | "matched" | "accepted" | "done" | "cancelled" | "expired";
                            /** Format: date-time */
                            to: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            urgency: "urgent" | "normal";
                        };
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
    findAidDuplicate: {
        parameters: {
            query: {
                from: string;
                /** @description one skill of the city vocabulary */
                need: "medicine_delivery" | "food_delivery" | "transport" | "elderly_care" | "translation" | "medical" | "psychological" | "logistics";
                personId?: string;
                to: string;
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
                        duplicate: {
                            address: string | null;
                            /** @description whether the point is the home's */
                            atHome: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            createdBy?: string | null;
                            /** Format: date-time */
                            from: string;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            need: string;
                            notes: string;
                            /** Format: uuid */
                            placeId: string;
                            placeName: string;
                            placePath: string;
                            /** Format: uuid */
                            requesterId: string;
                            requesterName: string;
                            /** @enum {string} */
                            state: "open" | "matched" | "accepted" | "done" | "cancelled" | "expired";
                            /** Format: date-time */
                            to: string;
                            /** Format: date-time */
                            updatedAt: string;
                            /** @enum {string} */
                            urgency: "urgent" | "normal";
                        } | null;
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
    listAidRuns: {
        parameters: {
            query?: {
                limit?: number;
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
                        /** @description the newest run with its matches and unmatched requests (of your place) */
                        latest: {
                            /** @description requests the sweep before the run expired */
                            expired: string[];
                            /** @description the requests of your place: matches first, then unmatched */
                            rows: {
                                distanceM: number | null;
                                need: string;
                                placeName: string;
                                /** @enum {string|null} */
                                reason: "no skill" | "no availability" | "too far" | "no capacity" | null;
                                /** Format: uuid */
                                request: string;
                                requesterName: string;
                                /**
                                 * @description the request's state now
                                 * @enum {string}
                                 */
                                state: "open" | "matched" | "accepted" | "done" | "cancelled" | "expired";
                                /** @enum {string} */
                                urgency: "urgent" | "normal";
                                volunteer: string | null;
                                volunteerName: string | null;
                            }[];
                            run: {
                                /** Format: date-time */
                                at: string;
                                /** @description total distance of the matches, metres */
                                distanceM: number;
                                /** Format: uuid */
                                id: string;
                                matched: number;
                                maxKm: number;
                                /** @description time the matching took */
                                ms: number;
                                requests: number;
                                /** @enum {string} */
                                trigger: "on_demand" | "scheduled";
                                unmatchedCount: number;
                                volunteers: number;
                                /** @description sum of the weights of the matched requests (urgent 3, normal 1) */
                                weight: number;
                            };
                        } | null;
                        runs: {
                            /** Format: date-time */
                            at: string;
                            /** @description total distance of the matches, metres */
                            distanceM: number;
                            /** Format: uuid */
                            id: string;
                            matched: number;
                            maxKm: number;
                            /** @description time the matching took */
                            ms: number;
                            requests: number;
                            /** @enum {string} */
                            trigger: "on_demand" | "scheduled";
                            unmatchedCount: number;
                            volunteers: number;
                            /** @description sum of the weights of the matched requests (urgent 3, normal 1) */
                            weight: number;
                        }[];
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
    listAudit: {
        parameters: {
            query?: {
                action?: string;
                actor?: string;
                /** @description rows with seq greater than this (the previous page’s next) */
                after?: number;
                /** @description rows at or after this instant */
                from?: string;
                limit?: number;
                subject_id?: string;
                subject_type?: string;
                /** @description rows before this instant */
                to?: string;
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
                        /** @description pass as `after` for the next page; null on the last page */
                        next: number | null;
                        rows: {
                            action: string;
                            /** @description a user id, or system:<job> */
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            detail: {
                                [key: string]: unknown;
                            };
                            hash: string;
                            reason: string | null;
                            seq: number;
                            subject: {
                                id: string | null;
                                type: string | null;
                            } | null;
                        }[];
                        /** @description the hash check of the rows on this page */
                        verification: {
                            /** @description true when every checked row matches its hash and links to the row before */
                            ok: boolean;
                            /**
                             * @description hash: the row was edited; link: rows were removed or inserted before it
                             * @enum {string}
                             */
                            problem?: "hash" | "link";
                            /** @description rows checked */
                            rows: number;
                            /** @description the first broken row, or the failing seal (when ok is false) */
                            seq?: number;
                        };
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
    verifyAudit: {
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
                        /** @description true when every checked row matches its hash and links to the row before */
                        ok: boolean;
                        /**
                         * @description hash: a row was edited; link: rows were removed or inserted; seal: sealed rows were rewritten and their hashes recomputed; truncated: sealed rows were cut off the end
                         * @enum {string}
                         */
                        problem?: "hash" | "link" | "seal" | "truncated";
                        /** @description rows checked */
                        rows: number;
                        /** @description the last row a good seal vouches for; later rows are checked by the chain alone */
                        sealedThrough: number | null;
                        /** @description seals (kept outside the database) checked */
                        seals: number;
                        /** @description the first broken row, or the failing seal (when ok is false) */
                        seq?: number;
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
    getBurdenStats: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
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
                        communities: {
                            demands: number;
                            fieldsEntered: number;
                            fieldsPrefilled: number;
                            fieldsRequested: number;
                            /** @description 1 − fields_entered / fields_requested */
                            fieldsSaved: number;
                            items: number;
                            /** @description 1 − items / demands */
                            itemsSaved: number;
                            key: string;
                            name: string;
                        }[];
                        departments: {
                            demands: number;
                            fieldsEntered: number;
                            fieldsPrefilled: number;
                            fieldsRequested: number;
                            /** @description 1 − fields_entered / fields_requested */
                            fieldsSaved: number;
                            items: number;
                            /** @description 1 − items / demands */
                            itemsSaved: number;
                            key: string;
                            name: string;
                        }[];
                        /** Format: date */
                        from: string;
                        /** Format: date */
                        to: string;
                        total: {
                            demands: number;
                            fieldsEntered: number;
                            fieldsPrefilled: number;
                            fieldsRequested: number;
                            /** @description 1 − fields_entered / fields_requested */
                            fieldsSaved: number;
                            items: number;
                            /** @description 1 − items / demands */
                            itemsSaved: number;
                            key: string;
                            name: string;
                        };
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
    listCases: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                state?: "pending" | "running" | "done" | "failed";
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
                        cases: components["schemas"]["Case"][];
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
    createCase: {
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
                     * @description default now
                     */
                    confirmedAt?: string;
                    /**
                     * Format: date-time
                     * @description start of the window to search; absent: unbounded
                     */
                    from?: string;
                    label?: string;
                    /** Format: uuid */
                    personId?: string;
                    phone?: string;
                    /**
                     * Format: date-time
                     * @description end of the window; absent: unbounded
                     */
                    to?: string;
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
                    "application/json": components["schemas"]["Case"];
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
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                    "application/json": components["schemas"]["Case"];
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
    getTransmissionChain: {
        parameters: {
            query?: {
                depth?: number;
                /** @description only people exposed at or after this instant (and the paths to them) */
                from?: string;
                /** @description only people living under this place (within yours) */
                place?: string;
                /** @description only people exposed at or before this instant */
                to?: string;
            };
            header?: never;
            path: {
                id: string;
            };
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
                        depth: number;
                        edges: {
                            /** @description the grid cell they shared, i:j */
                            cell: string;
                            /** @description the source node (generation g − 1) */
                            from: string;
                            /** Format: date-time */
                            overlapEnd: string;
                            /** Format: date-time */
                            overlapStart: string;
                            /** @description seconds together in the cell */
                            seconds: number;
                            /** @description the node it reached (generation g) */
                            to: string;
                        }[];
                        limits: {
                            edges: number;
                            nodes: number;
                        };
                        nodes: {
                            /** @description the city a handoff went to */
                            city?: string;
                            /**
                             * Format: date-time
                             * @description from when it could have been exposed: the case's window start, a companion's earliest overlap
                             */
                            exposure: string | null;
                            /** @description 0: the case; g: reached in the g-th generation */
                            generation: number;
                            /** @description home place path */
                            homePlace?: string;
                            homePlaceName?: string;
                            /** @description opaque within one answer (n1, n2 …) */
                            id: string;
                            /**
                             * @description handoff: a companion handed to another city (see city)
                             * @enum {string}
                             */
                            kind: "case" | "companion" | "handoff";
                            /** @description the case's label, the person's name, or #n when anonymous */
                            label: string;
                            name?: string;
                            /** @description only for people living under your place */
                            personId?: string;
                            /** @description a handoff's state: queued, sent, accepted, rejected, refused */
                            state?: string;
                        }[];
                        /** @description what the filters kept, before the cap */
                        total: {
                            edges: number;
                            nodes: number;
                        };
                        /** @description the cap left nodes or edges out */
                        truncated: boolean;
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
    listCaseCompanions: {
        parameters: {
            query?: {
                cell?: string;
                limit?: number;
                minOverlap?: number;
                offset?: number;
                place?: string;
                q?: string;
            };
            header?: never;
            path: {
                id: string;
            };
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
                        companions: {
                            /** @description the grid cell shared with the case, i:j */
                            cell: string;
                            /** @enum {string} */
                            colour: "green" | "yellow" | "red";
                            homePlaceName?: string | null;
                            homePlacePath?: string | null;
                            id: number;
                            name?: string | null;
                            /** Format: date-time */
                            overlapEnd: string;
                            /** @description seconds together in the cell */
                            overlapS: number;
                            /** Format: date-time */
                            overlapStart: string;
                            /** @description null: the phone is not in the registry */
                            personId?: string | null;
                            taskId?: string | null;
                            taskState?: string | null;
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
    listCorrectiveActions: {
        parameters: {
            query?: {
                incidentId?: string;
                limit?: number;
                planId?: string;
                state?: "open" | "closed" | "overdue";
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
                        closedAt: string | null;
                        /** @description the published version that closed it; null while open */
                        closedBy: {
                            changeNote: string;
                            number: number;
                            /** Format: date-time */
                            publishedAt: string;
                            /** Format: uuid */
                            versionId: string;
                        } | null;
                        /** Format: uuid */
                        createdBy: string | null;
                        /** Format: date-time */
                        due: string;
                        /**
                         * @description the capability element it improves
                         * @enum {string}
                         */
                        element: "planning" | "organisation" | "equipment" | "training" | "exercise";
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        incidentId: string;
                        objective: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string|null} */
                            rating: "P" | "S" | "M" | "U" | null;
                            /**
                             * @description the role, when the objective is a role's task group (its title is then the role)
                             * @enum {string|null}
                             */
                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                            title: string;
                        };
                        overdue: boolean;
                        owner: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        plan: {
                            /** Format: uuid */
                            id: string;
                            title: string;
                        };
                        /** Format: date-time */
                        reviewedAt: string;
                        /** @description the closing version's diff against the version before it; null while open */
                        revision: {
                            /** @description per level: tasks (by key), norms (by item) and shelters added, removed and changed */
                            diff: {
                                I: {
                                    norms: {
                                        added: {
                                            /** @description the supplies catalogue's item code */
                                            item: string;
                                            perResident: number;
                                        }[];
                                        changed: {
                                            after: number;
                                            before: number;
                                            item: string;
                                        }[];
                                        removed: {
                                            /** @description the supplies catalogue's item code */
                                            item: string;
                                            perResident: number;
                                        }[];
                                    };
                                    shelters: {
                                        added: string[];
                                        removed: string[];
                                    };
                                    tasks: {
                                        added: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        }[];
                                        changed: {
                                            after: {
                                                /** @description hours from activation to its due time */
                                                dueOffsetHours: number;
                                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                                group?: string;
                                                /** @description stable across versions: the diff matches tasks by it */
                                                key: string;
                                                title: string;
                                                who: {
                                                    /** @enum {string} */
                                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                    /** @enum {string} */
                                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                                };
                                            };
                                            before: {
                                                /** @description hours from activation to its due time */
                                                dueOffsetHours: number;
                                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                                group?: string;
                                                /** @description stable across versions: the diff matches tasks by it */
                                                key: string;
                                                title: string;
                                                who: {
                                                    /** @enum {string} */
                                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                    /** @enum {string} */
                                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                                };
                                            };
                                            fields: ("title" | "group" | "who" | "dueOffsetHours")[];
                                            key: string;
                                        }[];
                                        removed: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        }[];
                                    };
                                };
                                II: {
                                    norms: {
                                        added: {
                                            /** @description the supplies catalogue's item code */
                                            item: string;
                                            perResident: number;
                                        }[];
                                        changed: {
                                            after: number;
                                            before: number;
                                            item: string;
                                        }[];
                                        removed: {
                                            /** @description the supplies catalogue's item code */
                                            item: string;
                                            perResident: number;
                                        }[];
                                    };
                                    shelters: {
                                        added: string[];
                                        removed: string[];
                                    };
                                    tasks: {
                                        added: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        }[];
                                        changed: {
                                            after: {
                                                /** @description hours from activation to its due time */
                                                dueOffsetHours: number;
                                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                                group?: string;
                                                /** @description stable across versions: the diff matches tasks by it */
                                                key: string;
                                                title: string;
                                                who: {
                                                    /** @enum {string} */
                                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                    /** @enum {string} */
                                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                                };
                                            };
                                            before: {
                                                /** @description hours from activation to its due time */
                                                dueOffsetHours: number;
                                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                                group?: string;
                                                /** @description stable across versions: the diff matches tasks by it */
                                                key: string;
                                                title: string;
                                                who: {
                                                    /** @enum {string} */
                                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                    /** @enum {string} */
                                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                                };
                                            };
                                            fields: ("title" | "group" | "who" | "dueOffsetHours")[];
                                            key: string;
                                        }[];
                                        removed: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        }[];
                                    };
                                };
                                III: {
                                    norms: {
                                        added: {
                                            /** @description the supplies catalogue's item code */
                                            item: string;
                                            perResident: number;
                                        }[];
                                        changed: {
                                            after: number;
                                            before: number;
                                            item: string;
                                        }[];
                                        removed: {
                                            /** @description the supplies catalogue's item code */
                                            item: string;
                                            perResident: number;
                                        }[];
                                    };
                                    shelters: {
                                        added: string[];
                                        removed: string[];
                                    };
                                    tasks: {
                                        added: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        }[];
                                        changed: {
                                            after: {
                                                /** @description hours from activation to its due time */
                                                dueOffsetHours: number;
                                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                                group?: string;
                                                /** @description stable across versions: the diff matches tasks by it */
                                                key: string;
                                                title: string;
                                                who: {
                                                    /** @enum {string} */
                                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                    /** @enum {string} */
                                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                                };
                                            };
                                            before: {
                                                /** @description hours from activation to its due time */
                                                dueOffsetHours: number;
                                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                                group?: string;
                                                /** @description stable across versions: the diff matches tasks by it */
                                                key: string;
                                                title: string;
                                                who: {
                                                    /** @enum {string} */
                                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                    /** @enum {string} */
                                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                                };
                                            };
                                            fields: ("title" | "group" | "who" | "dueOffsetHours")[];
                                            key: string;
                                        }[];
                                        removed: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        }[];
                                    };
                                };
                                IV: {
                                    norms: {
                                        added: {
                                            /** @description the supplies catalogue's item code */
                                            item: string;
                                            perResident: number;
                                        }[];
                                        changed: {
                                            after: number;
                                            before: number;
                                            item: string;
                                        }[];
                                        removed: {
                                            /** @description the supplies catalogue's item code */
                                            item: string;
                                            perResident: number;
                                        }[];
                                    };
                                    shelters: {
                                        added: string[];
                                        removed: string[];
                                    };
                                    tasks: {
                                        added: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        }[];
                                        changed: {
                                            after: {
                                                /** @description hours from activation to its due time */
                                                dueOffsetHours: number;
                                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                                group?: string;
                                                /** @description stable across versions: the diff matches tasks by it */
                                                key: string;
                                                title: string;
                                                who: {
                                                    /** @enum {string} */
                                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                    /** @enum {string} */
                                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                                };
                                            };
                                            before: {
                                                /** @description hours from activation to its due time */
                                                dueOffsetHours: number;
                                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                                group?: string;
                                                /** @description stable across versions: the diff matches tasks by it */
                                                key: string;
                                                title: string;
                                                who: {
                                                    /** @enum {string} */
                                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                    /** @enum {string} */
                                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                                };
                                            };
                                            fields: ("title" | "group" | "who" | "dueOffsetHours")[];
                                            key: string;
                                        }[];
                                        removed: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        }[];
                                    };
                                };
                            };
                            from: number | null;
                            to: number;
                        } | null;
                        title: string;
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
    listDepartments: {
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
                        departments: {
                            code: string;
                            id: string;
                            /** @description the department a department officer acts for */
                            mine: boolean;
                            name: string;
                            nameEn?: string | null;
                        }[];
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
    createDepartment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    name: string;
                    nameEn?: string | null;
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
                        code: string;
                        id: string;
                        name: string;
                        nameEn?: string | null;
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
    listDutyItems: {
        parameters: {
            query?: {
                code?: string;
                list?: "own" | "assist" | "negative" | "cert" | "cert_abolished";
                q?: string;
                version?: number;
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
                        items: {
                            code: string;
                            department: string;
                            legalBasis: string;
                            /** @enum {string} */
                            list: "own" | "assist" | "negative" | "cert" | "cert_abolished";
                            title: string;
                        }[];
                        /** @description the version shown (0: no list published yet) */
                        version: number;
                        versions: {
                            items?: number;
                            note?: string | null;
                            /** Format: date-time */
                            publishedAt?: string;
                            publishedBy?: string | null;
                            version?: number;
                        }[];
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
    importDutyList: {
        parameters: {
            query?: {
                note?: string;
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
                        items: number;
                        rejects: {
                            field?: string;
                            line?: number;
                            reason?: string;
                        }[];
                        rows: number;
                        version: number;
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
        };
    };
    receiveHandoff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description a compact JWS */
                    message: string;
                };
            };
        };
        responses: {
            /** @description Default Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        state: string;
                        /** @enum {string} */
                        type: "handoff" | "decision";
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
    listPeerCities: {
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
                        baseUrl: string;
                        code: string;
                        /** @description the key ids of its published keys */
                        keys: string[];
                        /** Format: date-time */
                        keysFetchedAt: string | null;
                        /** @enum {string} */
                        kind: "city" | "department";
                        name: string;
                        places: string[];
                        /** Format: date-time */
                        registeredAt: string;
                        /** @description whether names, phones and ID numbers travel (else pseudonyms only) */
                        shareIdentity: boolean;
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
    registerPeerCity: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    baseUrl: string;
                    code: string;
                    /** @description the peer's keys, when they are not read from <baseUrl>/.well-known/jwks.json */
                    jwks?: {
                        keys: {
                            [key: string]: unknown;
                        }[];
                    };
                    /** @enum {string} */
                    kind?: "city" | "department";
                    name: string;
                    places?: string[];
                    shareIdentity?: boolean;
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
                        baseUrl: string;
                        code: string;
                        /** @description the key ids of its published keys */
                        keys: string[];
                        /** Format: date-time */
                        keysFetchedAt: string | null;
                        /** @enum {string} */
                        kind: "city" | "department";
                        name: string;
                        places: string[];
                        /** Format: date-time */
                        registeredAt: string;
                        /** @description whether names, phones and ID numbers travel (else pseudonyms only) */
                        shareIdentity: boolean;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        baseUrl: string;
                        code: string;
                        /** @description the key ids of its published keys */
                        keys: string[];
                        /** Format: date-time */
                        keysFetchedAt: string | null;
                        /** @enum {string} */
                        kind: "city" | "department";
                        name: string;
                        places: string[];
                        /** Format: date-time */
                        registeredAt: string;
                        /** @description whether names, phones and ID numbers travel (else pseudonyms only) */
                        shareIdentity: boolean;
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
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listHandoffs: {
        parameters: {
            query?: {
                caseId?: string;
                direction?: "out" | "in";
                limit?: number;
                offset?: number;
                peer?: string;
                state?: "queued" | "sent" | "refused" | "received" | "accepted" | "rejected";
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
                        handoffs: {
                            caseId: string | null;
                            companionId: number | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: date-time */
                            decidedAt: string | null;
                            decisionReason: string | null;
                            /** @enum {string} */
                            direction: "out" | "in";
                            evidence: {
                                [key: string]: unknown;
                            };
                            homePlace: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "case" | "companion" | "contact" | "resident";
                            peer: string;
                            peerName: string;
                            person: {
                                idNumber?: string;
                                name?: string;
                                phone?: string;
                                ref: string;
                            };
                            personId: string | null;
                            purpose: string | null;
                            reason: string;
                            /** @enum {string} */
                            state: "queued" | "sent" | "refused" | "received" | "accepted" | "rejected";
                            /** Format: date-time */
                            updatedAt: string;
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
    sendHandoff: {
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
                    caseId?: string;
                    companionId?: number;
                    homePlace: string;
                    /** @enum {string} */
                    kind: "case" | "companion" | "contact" | "resident";
                    peer: string;
                    /** Format: uuid */
                    personId?: string;
                    purpose?: string;
                    reason: string;
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
                        caseId: string | null;
                        companionId: number | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        decidedAt: string | null;
                        decisionReason: string | null;
                        /** @enum {string} */
                        direction: "out" | "in";
                        evidence: {
                            [key: string]: unknown;
                        };
                        homePlace: string;
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        kind: "case" | "companion" | "contact" | "resident";
                        peer: string;
                        peerName: string;
                        person: {
                            idNumber?: string;
                            name?: string;
                            phone?: string;
                            ref: string;
                        };
                        personId: string | null;
                        purpose: string | null;
                        reason: string;
                        /** @enum {string} */
                        state: "queued" | "sent" | "refused" | "received" | "accepted" | "rejected";
                        /** Format: date-time */
                        updatedAt: string;
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
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getHandoff: {
        parameters: {
            query?: {
                /** @description why you read it (audited) */
                purpose?: string;
            };
            header?: never;
            path: {
                id: string;
            };
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
                        caseId: string | null;
                        companionId: number | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        decidedAt: string | null;
                        decisionReason: string | null;
                        deliveries: {
                            attempts: number;
                            /** Format: date-time */
                            deliveredAt: string | null;
                            lastError: string | null;
                            /** Format: date-time */
                            nextAt: string;
                            refused: string | null;
                            /** @enum {string} */
                            type: "handoff" | "decision";
                        }[];
                        /** @enum {string} */
                        direction: "out" | "in";
                        evidence: {
                            [key: string]: unknown;
                        };
                        homePlace: string;
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        kind: "case" | "companion" | "contact" | "resident";
                        peer: string;
                        peerName: string;
                        person: {
                            idNumber?: string;
                            name?: string;
                            phone?: string;
                            ref: string;
                        };
                        personId: string | null;
                        purpose: string | null;
                        reads: {
                            last: {
                                actor: string;
                                /** Format: date-time */
                                at: string;
                                purpose: string | null;
                            }[];
                            total: number;
                        };
                        reason: string;
                        /** @enum {string} */
                        state: "queued" | "sent" | "refused" | "received" | "accepted" | "rejected";
                        trail: {
                            action: string;
                            actor: string;
                            /** Format: date-time */
                            at: string;
                            reason: string | null;
                        }[];
                        /** Format: date-time */
                        updatedAt: string;
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
    acceptHandoff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
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
                        caseId: string | null;
                        companionId: number | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        decidedAt: string | null;
                        decisionReason: string | null;
                        /** @enum {string} */
                        direction: "out" | "in";
                        evidence: {
                            [key: string]: unknown;
                        };
                        homePlace: string;
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        kind: "case" | "companion" | "contact" | "resident";
                        peer: string;
                        peerName: string;
                        person: {
                            idNumber?: string;
                            name?: string;
                            phone?: string;
                            ref: string;
                        };
                        personId: string | null;
                        purpose: string | null;
                        reason: string;
                        /** @enum {string} */
                        state: "queued" | "sent" | "refused" | "received" | "accepted" | "rejected";
                        /** Format: date-time */
                        updatedAt: string;
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
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    rejectHandoff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
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
                        caseId: string | null;
                        companionId: number | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: date-time */
                        decidedAt: string | null;
                        decisionReason: string | null;
                        /** @enum {string} */
                        direction: "out" | "in";
                        evidence: {
                            [key: string]: unknown;
                        };
                        homePlace: string;
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        kind: "case" | "companion" | "contact" | "resident";
                        peer: string;
                        peerName: string;
                        person: {
                            idNumber?: string;
                            name?: string;
                            phone?: string;
                            ref: string;
                        };
                        personId: string | null;
                        purpose: string | null;
                        reason: string;
                        /** @enum {string} */
                        state: "queued" | "sent" | "refused" | "received" | "accepted" | "rejected";
                        /** Format: date-time */
                        updatedAt: string;
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
    verifyHealthCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
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
                        /**
                         * @description the colour the token was issued with
                         * @enum {string}
                         */
                        colour?: "green" | "yellow" | "red";
                        /**
                         * @description the person’s colour now, present only when it changed since the token was issued
                         * @enum {string}
                         */
                        currentColour?: "green" | "yellow" | "red";
                        exp?: number;
                        iat?: number;
                        pid?: string;
                        /** @description why it is refused: malformed, unsupported_alg, unknown_key, bad_signature, bad_claims, not_yet_valid, expired, superseded (the person’s colour is worse now: currentColour) */
                        reason?: string;
                        valid: boolean;
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
    listInbox: {
        parameters: {
            query?: {
                department?: string;
                limit?: number;
                offset?: number;
                /** @description only the items this area raised ('screening.retest') */
                origin?: string;
                /** @description only the escalated ones (past due, not done) */
                overdue?: boolean;
                place?: string;
                state?: "open" | "done" | "all";
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
                        /** @description the companion follow-up tasks in the same place (listTasks): the list's other half */
                        followUp: {
                            open: number;
                            overdue: number;
                        };
                        items: components["schemas"]["WorkItem"][];
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
    listIncidents: {
        parameters: {
            query?: {
                limit?: number;
                planId?: string;
                state?: "open" | "closed";
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
                        activatedAt: string;
                        /** Format: uuid */
                        activatedBy: string | null;
                        /** Format: date-time */
                        closedAt: string | null;
                        /** Format: uuid */
                        closedBy: string | null;
                        /** Format: uuid */
                        id: string;
                        /**
                         * @description I 特别重大 (particularly serious), II 重大, III 较大, IV 一般 (general)
                         * @enum {string}
                         */
                        level: "I" | "II" | "III" | "IV";
                        places: {
                            name: string;
                            path: string;
                        }[];
                        plan: {
                            /** @enum {string} */
                            hazard: "epidemic" | "flood" | "blackout" | "earthquake" | "fire" | "other";
                            /** Format: uuid */
                            id: string;
                            title: string;
                        };
                        /** @enum {string} */
                        state: "open" | "closed";
                        version: {
                            /** Format: uuid */
                            id: string;
                            number: number;
                        };
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
    getIncident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        actions: {
                            /** Format: date-time */
                            closedAt: string | null;
                            /** @description the published version that closed it; null while open */
                            closedBy: {
                                changeNote: string;
                                number: number;
                                /** Format: date-time */
                                publishedAt: string;
                                /** Format: uuid */
                                versionId: string;
                            } | null;
                            /** Format: uuid */
                            createdBy: string | null;
                            /** Format: date-time */
                            due: string;
                            /**
                             * @description the capability element it improves
                             * @enum {string}
                             */
                            element: "planning" | "organisation" | "equipment" | "training" | "exercise";
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            incidentId: string;
                            objective: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string|null} */
                                rating: "P" | "S" | "M" | "U" | null;
                                /**
                                 * @description the role, when the objective is a role's task group (its title is then the role)
                                 * @enum {string|null}
                                 */
                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                title: string;
                            };
                            owner: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            plan: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                            };
                            /** Format: date-time */
                            reviewedAt: string;
                            title: string;
                        }[];
                        /** @description the timeline, oldest first */
                        events: {
                            /** Format: uuid */
                            actor: string | null;
                            actorName: string | null;
                            /** Format: date-time */
                            at: string;
                            /** @description what happened: items raised, the gaps, the shelters, the ratings, the actions, … */
                            detail: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            kind: "activated" | "items_raised" | "supply_gaps" | "shelters_opened" | "review" | "actions_added" | "action_closed" | "closed";
                            seq: number;
                        }[];
                        incident: {
                            /** Format: date-time */
                            activatedAt: string;
                            /** Format: uuid */
                            activatedBy: string | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            /** Format: uuid */
                            closedBy: string | null;
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description I 特别重大 (particularly serious), II 重大, III 较大, IV 一般 (general)
                             * @enum {string}
                             */
                            level: "I" | "II" | "III" | "IV";
                            places: {
                                name: string;
                                path: string;
                            }[];
                            plan: {
                                /** @enum {string} */
                                hazard: "epidemic" | "flood" | "blackout" | "earthquake" | "fire" | "other";
                                /** Format: uuid */
                                id: string;
                                title: string;
                            };
                            /** @enum {string} */
                            state: "open" | "closed";
                            version: {
                                /** Format: uuid */
                                id: string;
                                number: number;
                            };
                        };
                        /** @description what the review lacks before the incident may close (both empty: nothing) */
                        missing: {
                            unrated: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description the role, when the objective is a role's task group (its title is then the role)
                                 * @enum {string|null}
                                 */
                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                title: string;
                            }[];
                            withoutAction: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description P without challenges, S some challenges, M major challenges, U unable to perform
                                 * @enum {string}
                                 */
                                rating: "P" | "S" | "M" | "U";
                                /**
                                 * @description the role, when the objective is a role's task group (its title is then the role)
                                 * @enum {string|null}
                                 */
                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                title: string;
                            }[];
                        };
                        objectives: {
                            /** @description its corrective actions */
                            actions: number;
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            position: number;
                            /** Format: date-time */
                            ratedAt: string | null;
                            /** Format: uuid */
                            ratedBy: string | null;
                            /** @enum {string|null} */
                            rating: "P" | "S" | "M" | "U" | null;
                            /**
                             * @description the role, when the objective is a role's task group (its title is then the role)
                             * @enum {string|null}
                             */
                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                            /** @enum {string} */
                            source: "plan" | "reviewers";
                            tasks: string[];
                            /** @description the task group's name (its role when the group is a role) */
                            title: string;
                        }[];
                        /** @description whether you may review and close it */
                        writable: boolean;
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
    closeIncident: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        actions: {
                            /** Format: date-time */
                            closedAt: string | null;
                            /** @description the published version that closed it; null while open */
                            closedBy: {
                                changeNote: string;
                                number: number;
                                /** Format: date-time */
                                publishedAt: string;
                                /** Format: uuid */
                                versionId: string;
                            } | null;
                            /** Format: uuid */
                            createdBy: string | null;
                            /** Format: date-time */
                            due: string;
                            /**
                             * @description the capability element it improves
                             * @enum {string}
                             */
                            element: "planning" | "organisation" | "equipment" | "training" | "exercise";
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            incidentId: string;
                            objective: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string|null} */
                                rating: "P" | "S" | "M" | "U" | null;
                                /**
                                 * @description the role, when the objective is a role's task group (its title is then the role)
                                 * @enum {string|null}
                                 */
                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                title: string;
                            };
                            owner: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            plan: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                            };
                            /** Format: date-time */
                            reviewedAt: string;
                            title: string;
                        }[];
                        /** @description the timeline, oldest first */
                        events: {
                            /** Format: uuid */
                            actor: string | null;
                            actorName: string | null;
                            /** Format: date-time */
                            at: string;
                            /** @description what happened: items raised, the gaps, the shelters, the ratings, the actions, … */
                            detail: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            kind: "activated" | "items_raised" | "supply_gaps" | "shelters_opened" | "review" | "actions_added" | "action_closed" | "closed";
                            seq: number;
                        }[];
                        incident: {
                            /** Format: date-time */
                            activatedAt: string;
                            /** Format: uuid */
                            activatedBy: string | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            /** Format: uuid */
                            closedBy: string | null;
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description I 特别重大 (particularly serious), II 重大, III 较大, IV 一般 (general)
                             * @enum {string}
                             */
                            level: "I" | "II" | "III" | "IV";
                            places: {
                                name: string;
                                path: string;
                            }[];
                            plan: {
                                /** @enum {string} */
                                hazard: "epidemic" | "flood" | "blackout" | "earthquake" | "fire" | "other";
                                /** Format: uuid */
                                id: string;
                                title: string;
                            };
                            /** @enum {string} */
                            state: "open" | "closed";
                            version: {
                                /** Format: uuid */
                                id: string;
                                number: number;
                            };
                        };
                        /** @description what the review lacks before the incident may close (both empty: nothing) */
                        missing: {
                            unrated: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description the role, when the objective is a role's task group (its title is then the role)
                                 * @enum {string|null}
                                 */
                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                title: string;
                            }[];
                            withoutAction: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description P without challenges, S some challenges, M major challenges, U unable to perform
                                 * @enum {string}
                                 */
                                rating: "P" | "S" | "M" | "U";
                                /**
                                 * @description the role, when the objective is a role's task group (its title is then the role)
                                 * @enum {string|null}
                                 */
                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                title: string;
                            }[];
                        };
                        objectives: {
                            /** @description its corrective actions */
                            actions: number;
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            position: number;
                            /** Format: date-time */
                            ratedAt: string | null;
                            /** Format: uuid */
                            ratedBy: string | null;
                            /** @enum {string|null} */
                            rating: "P" | "S" | "M" | "U" | null;
                            /**
                             * @description the role, when the objective is a role's task group (its title is then the role)
                             * @enum {string|null}
                             */
                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                            /** @enum {string} */
                            source: "plan" | "reviewers";
                            tasks: string[];
                            /** @description the task group's name (its role when the group is a role) */
                            title: string;
                        }[];
                        /** @description whether you may review and close it */
                        writable: boolean;
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
            /** @description Default Response */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    submitAfterActionReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    objectives: {
                        actions?: {
                            /** Format: date-time */
                            due: string;
                            /**
                             * @description the capability element it improves
                             * @enum {string}
                             */
                            element: "planning" | "organisation" | "equipment" | "training" | "exercise";
                            /**
                             * Format: uuid
                             * @description the user who owns it
                             */
                            owner: string;
                            title: string;
                        }[];
                        /** Format: uuid */
                        id?: string;
                        note?: string;
                        /**
                         * @description P without challenges, S some challenges, M major challenges, U unable to perform
                         * @enum {string}
                         */
                        rating?: "P" | "S" | "M" | "U";
                        title?: string;
                    }[];
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
                        actions: {
                            /** Format: date-time */
                            closedAt: string | null;
                            /** @description the published version that closed it; null while open */
                            closedBy: {
                                changeNote: string;
                                number: number;
                                /** Format: date-time */
                                publishedAt: string;
                                /** Format: uuid */
                                versionId: string;
                            } | null;
                            /** Format: uuid */
                            createdBy: string | null;
                            /** Format: date-time */
                            due: string;
                            /**
                             * @description the capability element it improves
                             * @enum {string}
                             */
                            element: "planning" | "organisation" | "equipment" | "training" | "exercise";
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            incidentId: string;
                            objective: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string|null} */
                                rating: "P" | "S" | "M" | "U" | null;
                                /**
                                 * @description the role, when the objective is a role's task group (its title is then the role)
                                 * @enum {string|null}
                                 */
                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                title: string;
                            };
                            owner: {
                                /** Format: uuid */
                                id: string;
                                name: string;
                            };
                            plan: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                            };
                            /** Format: date-time */
                            reviewedAt: string;
                            title: string;
                        }[];
                        /** @description the timeline, oldest first */
                        events: {
                            /** Format: uuid */
                            actor: string | null;
                            actorName: string | null;
                            /** Format: date-time */
                            at: string;
                            /** @description what happened: items raised, the gaps, the shelters, the ratings, the actions, … */
                            detail: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            kind: "activated" | "items_raised" | "supply_gaps" | "shelters_opened" | "review" | "actions_added" | "action_closed" | "closed";
                            seq: number;
                        }[];
                        incident: {
                            /** Format: date-time */
                            activatedAt: string;
                            /** Format: uuid */
                            activatedBy: string | null;
                            /** Format: date-time */
                            closedAt: string | null;
                            /** Format: uuid */
                            closedBy: string | null;
                            /** Format: uuid */
                            id: string;
                            /**
                             * @description I 特别重大 (particularly serious), II 重大, III 较大, IV 一般 (general)
                             * @enum {string}
                             */
                            level: "I" | "II" | "III" | "IV";
                            places: {
                                name: string;
                                path: string;
                            }[];
                            plan: {
                                /** @enum {string} */
                                hazard: "epidemic" | "flood" | "blackout" | "earthquake" | "fire" | "other";
                                /** Format: uuid */
                                id: string;
                                title: string;
                            };
                            /** @enum {string} */
                            state: "open" | "closed";
                            version: {
                                /** Format: uuid */
                                id: string;
                                number: number;
                            };
                        };
                        /** @description what the review lacks before the incident may close (both empty: nothing) */
                        missing: {
                            unrated: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description the role, when the objective is a role's task group (its title is then the role)
                                 * @enum {string|null}
                                 */
                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                title: string;
                            }[];
                            withoutAction: {
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description P without challenges, S some challenges, M major challenges, U unable to perform
                                 * @enum {string}
                                 */
                                rating: "P" | "S" | "M" | "U";
                                /**
                                 * @description the role, when the objective is a role's task group (its title is then the role)
                                 * @enum {string|null}
                                 */
                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                title: string;
                            }[];
                        };
                        objectives: {
                            /** @description its corrective actions */
                            actions: number;
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            position: number;
                            /** Format: date-time */
                            ratedAt: string | null;
                            /** Format: uuid */
                            ratedBy: string | null;
                            /** @enum {string|null} */
                            rating: "P" | "S" | "M" | "U" | null;
                            /**
                             * @description the role, when the objective is a role's task group (its title is then the role)
                             * @enum {string|null}
                             */
                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                            /** @enum {string} */
                            source: "plan" | "reviewers";
                            tasks: string[];
                            /** @description the task group's name (its role when the group is a role) */
                            title: string;
                        }[];
                        /** @description whether you may review and close it */
                        writable: boolean;
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
    listAlarms: {
        parameters: {
            query?: {
                assetId?: string;
                limit?: number;
                /** @description the last level of its topic renxing/<city>/<asset>/<sensor>: letters, digits, . _ : - */
                sensorId?: string;
                /** @description open: not cleared nor acknowledged; acknowledged: not cleared; cleared; all */
                state?: "open" | "acknowledged" | "cleared" | "all";
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
                        alarms: {
                            /** Format: date-time */
                            acknowledgedAt: string | null;
                            acknowledgedBy: string | null;
                            acknowledgedByName: string | null;
                            assetId: string;
                            assetKind: string;
                            assetName: string;
                            /** Format: date-time */
                            clearedAt: string | null;
                            /** Format: date-time */
                            clearedReadingTs: string | null;
                            /**
                             * @description reading: a reading cleared it; redefined: its rule was changed or removed
                             * @enum {string|null}
                             */
                            clearedReason: "reading" | "redefined" | null;
                            clearedValue: number | null;
                            /** @enum {string|null} */
                            groupOp: "any" | "all" | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "rule" | "group" | "offline";
                            /** @description the inboxes that got a work item: the asset's operator, the communities that lose a service if it fails */
                            places: string[];
                            /**
                             * Format: date-time
                             * @description the raising reading’s time; for offline, last arrival + timeout
                             */
                            raisedAt: string;
                            /** Format: date-time */
                            raisedReadingTs: string | null;
                            raisedValue: number | null;
                            /**
                             * Format: date-time
                             * @description when the server recorded it
                             */
                            recordedAt: string;
                            /** @description the rule as it was when the alarm raised */
                            rule: {
                                /** @description D ≥ 0 s the condition must hold before it raises */
                                forS: number;
                                /** @description H ≥ 0: an above alarm clears below T − H */
                                hysteresis: number;
                                /** @enum {string} */
                                op: "above" | "below";
                                threshold: number;
                            } | null;
                            ruleId: string | null;
                            sensorId: string | null;
                            /** @enum {string} */
                            state: "open" | "acknowledged" | "cleared";
                        }[];
                        /** @description how many match (limit aside) */
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
    acknowledgeAlarm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        alarm: {
                            /** Format: date-time */
                            acknowledgedAt: string | null;
                            acknowledgedBy: string | null;
                            acknowledgedByName: string | null;
                            assetId: string;
                            assetKind: string;
                            assetName: string;
                            /** Format: date-time */
                            clearedAt: string | null;
                            /** Format: date-time */
                            clearedReadingTs: string | null;
                            /**
                             * @description reading: a reading cleared it; redefined: its rule was changed or removed
                             * @enum {string|null}
                             */
                            clearedReason: "reading" | "redefined" | null;
                            clearedValue: number | null;
                            /** @enum {string|null} */
                            groupOp: "any" | "all" | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "rule" | "group" | "offline";
                            /** @description the inboxes that got a work item: the asset's operator, the communities that lose a service if it fails */
                            places: string[];
                            /**
                             * Format: date-time
                             * @description the raising reading’s time; for offline, last arrival + timeout
                             */
                            raisedAt: string;
                            /** Format: date-time */
                            raisedReadingTs: string | null;
                            raisedValue: number | null;
                            /**
                             * Format: date-time
                             * @description when the server recorded it
                             */
                            recordedAt: string;
                            /** @description the rule as it was when the alarm raised */
                            rule: {
                                /** @description D ≥ 0 s the condition must hold before it raises */
                                forS: number;
                                /** @description H ≥ 0: an above alarm clears below T − H */
                                hysteresis: number;
                                /** @enum {string} */
                                op: "above" | "below";
                                threshold: number;
                            } | null;
                            ruleId: string | null;
                            sensorId: string | null;
                            /** @enum {string} */
                            state: "open" | "acknowledged" | "cleared";
                        };
                        changed: boolean;
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
    listAssets: {
        parameters: {
            query?: {
                /** @description only assets of this kind */
                kind?: string;
                /** @description only assets standing at or under this place */
                placeId?: string;
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
                        assets: {
                            /** @description the community a sink serves (null otherwise) */
                            communityId: string | null;
                            communityName: string | null;
                            communityPath: string | null;
                            id: string;
                            kind: string;
                            lat: number | null;
                            lon: number | null;
                            name: string;
                            /** @description every sensor of it is offline */
                            offline: boolean;
                            /** @description its alarms raised and not cleared */
                            openAlarms: number;
                            /**
                             * Format: uuid
                             * @description the place whose inbox gets its alarms
                             */
                            operatorPlaceId: string;
                            operatorPlaceName: string;
                            operatorPlacePath: string;
                            /**
                             * Format: uuid
                             * @description the finest place it stands in
                             */
                            placeId: string;
                            placeName: string;
                            placePath: string;
                            /** @description people a sink serves there (0 otherwise) */
                            population: number;
                            /** @enum {string} */
                            type: "source" | "node" | "sink";
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description it works with nothing failed (reaches its sources and providers) */
                            working: boolean;
                        }[];
                        /** @description every kind of the assets you see (whatever the filter) */
                        kinds: string[];
                        /** @description the links between the assets listed */
                        links: {
                            from: string;
                            /** @enum {string} */
                            relation: "feeds" | "needs";
                            to: string;
                        }[];
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
    getAsset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        /** @description its alarms raised and not cleared, newest first */
                        alarms: {
                            /** Format: date-time */
                            acknowledgedAt: string | null;
                            acknowledgedBy: string | null;
                            acknowledgedByName: string | null;
                            assetId: string;
                            assetKind: string;
                            assetName: string;
                            /** Format: date-time */
                            clearedAt: string | null;
                            /** Format: date-time */
                            clearedReadingTs: string | null;
                            /**
                             * @description reading: a reading cleared it; redefined: its rule was changed or removed
                             * @enum {string|null}
                             */
                            clearedReason: "reading" | "redefined" | null;
                            clearedValue: number | null;
                            /** @enum {string|null} */
                            groupOp: "any" | "all" | null;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "rule" | "group" | "offline";
                            /** @description the inboxes that got a work item: the asset's operator, the communities that lose a service if it fails */
                            places: string[];
                            /**
                             * Format: date-time
                             * @description the raising reading’s time; for offline, last arrival + timeout
                             */
                            raisedAt: string;
                            /** Format: date-time */
                            raisedReadingTs: string | null;
                            raisedValue: number | null;
                            /**
                             * Format: date-time
                             * @description when the server recorded it
                             */
                            recordedAt: string;
                            /** @description the rule as it was when the alarm raised */
                            rule: {
                                /** @description D ≥ 0 s the condition must hold before it raises */
                                forS: number;
                                /** @description H ≥ 0: an above alarm clears below T − H */
                                hysteresis: number;
                                /** @enum {string} */
                                op: "above" | "below";
                                threshold: number;
                            } | null;
                            ruleId: string | null;
                            sensorId: string | null;
                            /** @enum {string} */
                            state: "open" | "acknowledged" | "cleared";
                        }[];
                        asset: {
                            /** @description the community a sink serves (null otherwise) */
                            communityId: string | null;
                            communityName: string | null;
                            communityPath: string | null;
                            id: string;
                            kind: string;
                            lat: number | null;
                            lon: number | null;
                            name: string;
                            /** @description every sensor of it is offline */
                            offline: boolean;
                            /** @description its alarms raised and not cleared */
                            openAlarms: number;
                            /**
                             * Format: uuid
                             * @description the place whose inbox gets its alarms
                             */
                            operatorPlaceId: string;
                            operatorPlaceName: string;
                            operatorPlacePath: string;
                            /**
                             * Format: uuid
                             * @description the finest place it stands in
                             */
                            placeId: string;
                            placeName: string;
                            placePath: string;
                            /** @description people a sink serves there (0 otherwise) */
                            population: number;
                            /** @enum {string} */
                            type: "source" | "node" | "sink";
                            /** Format: date-time */
                            updatedAt: string;
                            /** @description it works with nothing failed (reaches its sources and providers) */
                            working: boolean;
                        };
                        /** @description links out of it: what it feeds, who needs it */
                        downstream: {
                            id: string;
                            kind: string;
                            name: string;
                            /** @enum {string} */
                            relation: "feeds" | "needs";
                            /** @enum {string} */
                            type: "source" | "node" | "sink";
                            working: boolean;
                        }[];
                        /** @description the N-1 rows of its failure: the communities that lose a service and the people there */
                        impact: {
                            /** @description the asset that fails alone */
                            asset: string;
                            assetName: string;
                            /**
                             * Format: uuid
                             * @description the community's place id
                             */
                            community: string;
                            communityName: string;
                            communityPath: string;
                            /** @description the service the community loses */
                            kind: string;
                            populationLost: number;
                        }[];
                        /** @description its sensors, with the newest reading and offline */
                        sensors: {
                            assetId: string;
                            assetKind: string;
                            assetName: string;
                            /** @enum {string|null} */
                            combine: "any" | "all" | null;
                            id: string;
                            /** @description the newest reading by its own time */
                            last: {
                                /** Format: date-time */
                                ts: string;
                                value: number;
                            } | null;
                            /**
                             * Format: date-time
                             * @description when a reading last arrived (server clock)
                             */
                            lastArrival: string | null;
                            offline: boolean;
                            quantity: string;
                            rules: {
                                /** @description D ≥ 0 s the condition must hold before it raises */
                                forS: number;
                                /** @description H ≥ 0: an above alarm clears below T − H */
                                hysteresis: number;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                op: "above" | "below";
                                raised: boolean;
                                /**
                                 * Format: date-time
                                 * @description when the condition started holding, if it does
                                 */
                                since: string | null;
                                threshold: number;
                            }[];
                            timeoutS: number;
                            unit: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        /** @description links into it: what feeds it, what it needs */
                        upstream: {
                            id: string;
                            kind: string;
                            name: string;
                            /** @enum {string} */
                            relation: "feeds" | "needs";
                            /** @enum {string} */
                            type: "source" | "node" | "sink";
                            working: boolean;
                        }[];
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
    runDrill: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description assets to fail */
                    assetIds?: string[];
                    /** @description an area of [lon, lat] vertices: every located asset inside it fails */
                    polygon?: number[][];
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
                        assets: {
                            id: string;
                            kind: string;
                            name: string;
                            placeName: string;
                            placePath: string;
                            /** @enum {string} */
                            type: "source" | "node" | "sink";
                        }[];
                        communities: {
                            /** Format: uuid */
                            communityId: string;
                            kinds: string[];
                            name: string;
                            path: string;
                            /** @description the largest population lost of its services */
                            people: number;
                            services: {
                                kind: string;
                                populationLost: number;
                            }[];
                        }[];
                        /** @description named first, then those inside the area */
                        failed: string[];
                        /** @description the contract's drill rows (asset: the set joined by +) of your communities */
                        rows: {
                            asset: string;
                            /** Format: uuid */
                            community: string;
                            communityName: string;
                            communityPath: string;
                            kind: string;
                            populationLost: number;
                        }[];
                        /** @description shelters standing in the communities affected */
                        shelters: {
                            capacityDay: number;
                            capacityNight: number;
                            /** Format: uuid */
                            communityId: string;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            occupancy: number;
                            place: string;
                            placeName: string;
                            state: string;
                        }[];
                        /** @description supply stores in the communities affected */
                        stores: {
                            /** Format: uuid */
                            communityId: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            place: string;
                            placeName: string;
                        }[];
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
    importAssets: {
        parameters: {
            query?: {
                /** @description the file's name, for the audit trail */
                name?: string;
                /** @description what a table holds (default: links when its header has from and to); GeoJSON holds both */
                what?: "assets" | "links";
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
                        assets: {
                            created: number;
                            unchanged: number;
                            updated: number;
                        };
                        /** @description assets and links created */
                        created: number;
                        links: {
                            created: number;
                            /** @description feeds links dropped because an asset changed kind */
                            removed: number;
                            unchanged: number;
                        };
                        /** @description the N-1 analysis stored after the change (null: nothing changed) */
                        n1: {
                            /** Format: date-time */
                            computedAt: string;
                            rows: number;
                        } | null;
                        rejects: {
                            /** @description a GeoJSON feature's index in features (from 0) */
                            feature?: number;
                            /** @description a table's line (the header is line 1) */
                            line?: number;
                            message: {
                                en: string;
                                "zh-CN": string;
                            };
                            reason: string;
                        }[];
                        /** @description data rows (or features) read */
                        rows: number;
                        /** @description rows repeating what is stored */
                        unchanged: number;
                        /** @description assets changed */
                        updated: number;
                        /** @enum {string} */
                        what: "assets" | "links" | "geojson";
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
    getN1Analysis: {
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
                        assets: number;
                        /**
                         * Format: date-time
                         * @description null: never computed
                         */
                        computedAt: string | null;
                        links: number;
                        /** @description how long the computation took */
                        ms: number | null;
                        /** @description the rows of the communities at or under your place, by asset, kind, community */
                        rows: {
                            /** @description the asset that fails alone */
                            asset: string;
                            assetName: string;
                            /**
                             * Format: uuid
                             * @description the community's place id
                             */
                            community: string;
                            communityName: string;
                            communityPath: string;
                            /** @description the service the community loses */
                            kind: string;
                            populationLost: number;
                        }[];
                        /** @description per community its single points of failure, most people at risk first */
                        spofs: {
                            /** @description the assets whose failure alone makes it lose a service */
                            assets: string[];
                            /** Format: uuid */
                            communityId: string;
                            communityPath: string;
                            name: string;
                            /** @description the largest population lost of its rows: the most people there one failure leaves without a service */
                            peopleAtRisk: number;
                            services: {
                                assets: string[];
                                kind: string;
                                peopleAtRisk: number;
                            }[];
                        }[];
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
    runN1Analysis: {
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
                        assets: number;
                        /**
                         * Format: date-time
                         * @description null: never computed
                         */
                        computedAt: string | null;
                        links: number;
                        /** @description how long the computation took */
                        ms: number | null;
                        /** @description the rows of the communities at or under your place, by asset, kind, community */
                        rows: {
                            /** @description the asset that fails alone */
                            asset: string;
                            assetName: string;
                            /**
                             * Format: uuid
                             * @description the community's place id
                             */
                            community: string;
                            communityName: string;
                            communityPath: string;
                            /** @description the service the community loses */
                            kind: string;
                            populationLost: number;
                        }[];
                        /** @description per community its single points of failure, most people at risk first */
                        spofs: {
                            /** @description the assets whose failure alone makes it lose a service */
                            assets: string[];
                            /** Format: uuid */
                            communityId: string;
                            communityPath: string;
                            name: string;
                            /** @description the largest population lost of its rows: the most people there one failure leaves without a service */
                            peopleAtRisk: number;
                            services: {
                                assets: string[];
                                kind: string;
                                peopleAtRisk: number;
                            }[];
                        }[];
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
    ingestReadings: {
        parameters: {
            query?: {
                /** @description the file's name, for the audit trail */
                name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    readings: {
                        sensor: string;
                        /** @description epoch seconds, or an instant (2026-12-06T08:00:00+08:00; no offset: city time) */
                        ts: number | string;
                        /** @description a number (or its decimal text) */
                        value: number | string;
                    }[];
                } | string;
                "text/csv": {
                    readings: {
                        sensor: string;
                        /** @description epoch seconds, or an instant (2026-12-06T08:00:00+08:00; no offset: city time) */
                        ts: number | string;
                        /** @description a number (or its decimal text) */
                        value: number | string;
                    }[];
                } | string;
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
                        /** @description alarm records closed */
                        cleared: number;
                        /** @description stored readings older than their sensor's newest: kept, but they drive no alarm */
                        late: number;
                        /** @description alarm records opened */
                        raised: number;
                        rejects: {
                            /** @description the entry of readings (JSON), from 0 */
                            index?: number;
                            /** @description the line of the file (CSV), from 1 */
                            line?: number;
                            message: {
                                en: string;
                                "zh-CN": string;
                            };
                            reason: string;
                        }[];
                        /** @description readings stored */
                        stored: number;
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
        };
    };
    listSensors: {
        parameters: {
            query?: {
                assetId?: string;
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
                        sensors: {
                            assetId: string;
                            assetKind: string;
                            assetName: string;
                            /** @enum {string|null} */
                            combine: "any" | "all" | null;
                            id: string;
                            /** @description the newest reading by its own time */
                            last: {
                                /** Format: date-time */
                                ts: string;
                                value: number;
                            } | null;
                            /**
                             * Format: date-time
                             * @description when a reading last arrived (server clock)
                             */
                            lastArrival: string | null;
                            offline: boolean;
                            quantity: string;
                            rules: {
                                /** @description D ≥ 0 s the condition must hold before it raises */
                                forS: number;
                                /** @description H ≥ 0: an above alarm clears below T − H */
                                hysteresis: number;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                op: "above" | "below";
                                raised: boolean;
                                /**
                                 * Format: date-time
                                 * @description when the condition started holding, if it does
                                 */
                                since: string | null;
                                threshold: number;
                            }[];
                            timeoutS: number;
                            unit: string;
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
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
    defineSensor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the last level of its topic renxing/<city>/<asset>/<sensor>: letters, digits, . _ : - */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assetId: string;
                    /**
                     * @description any: the rules of the asset's sensors saying any raise one alarm while any holds (OR); all: one while all hold (AND); none: each rule alarms on its own
                     * @enum {string|null}
                     */
                    combine?: "any" | "all" | null;
                    /** @description pressure, level, voltage, flow, … */
                    quantity: string;
                    rules?: {
                        /** @description D ≥ 0 s the condition must hold before it raises */
                        forS?: number;
                        /** @description H ≥ 0: an above alarm clears below T − H */
                        hysteresis?: number;
                        /** @enum {string} */
                        op: "above" | "below";
                        threshold: number;
                    }[];
                    /** @description offline after this many seconds without a reading (server clock) */
                    timeoutS: number;
                    unit?: string;
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
                        created: boolean;
                        sensor: {
                            assetId: string;
                            assetKind: string;
                            assetName: string;
                            /** @enum {string|null} */
                            combine: "any" | "all" | null;
                            id: string;
                            /** @description the newest reading by its own time */
                            last: {
                                /** Format: date-time */
                                ts: string;
                                value: number;
                            } | null;
                            /**
                             * Format: date-time
                             * @description when a reading last arrived (server clock)
                             */
                            lastArrival: string | null;
                            offline: boolean;
                            quantity: string;
                            rules: {
                                /** @description D ≥ 0 s the condition must hold before it raises */
                                forS: number;
                                /** @description H ≥ 0: an above alarm clears below T − H */
                                hysteresis: number;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                op: "above" | "below";
                                raised: boolean;
                                /**
                                 * Format: date-time
                                 * @description when the condition started holding, if it does
                                 */
                                since: string | null;
                                threshold: number;
                            }[];
                            timeoutS: number;
                            unit: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: boolean;
                        sensor: {
                            assetId: string;
                            assetKind: string;
                            assetName: string;
                            /** @enum {string|null} */
                            combine: "any" | "all" | null;
                            id: string;
                            /** @description the newest reading by its own time */
                            last: {
                                /** Format: date-time */
                                ts: string;
                                value: number;
                            } | null;
                            /**
                             * Format: date-time
                             * @description when a reading last arrived (server clock)
                             */
                            lastArrival: string | null;
                            offline: boolean;
                            quantity: string;
                            rules: {
                                /** @description D ≥ 0 s the condition must hold before it raises */
                                forS: number;
                                /** @description H ≥ 0: an above alarm clears below T − H */
                                hysteresis: number;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                op: "above" | "below";
                                raised: boolean;
                                /**
                                 * Format: date-time
                                 * @description when the condition started holding, if it does
                                 */
                                since: string | null;
                                threshold: number;
                            }[];
                            timeoutS: number;
                            unit: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    listReadings: {
        parameters: {
            query?: {
                /** @description readings at or after (default: the last 24 hours before to) */
                from?: string;
                limit?: number;
                /** @description readings before (default: now) */
                to?: string;
            };
            header?: never;
            path: {
                /** @description the last level of its topic renxing/<city>/<asset>/<sensor>: letters, digits, . _ : - */
                id: string;
            };
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
                        from: string;
                        readings: {
                            /** Format: date-time */
                            receivedAt: string;
                            /** Format: date-time */
                            ts: string;
                            value: number;
                        }[];
                        sensor: {
                            assetId: string;
                            assetKind: string;
                            assetName: string;
                            /** @enum {string|null} */
                            combine: "any" | "all" | null;
                            id: string;
                            /** @description the newest reading by its own time */
                            last: {
                                /** Format: date-time */
                                ts: string;
                                value: number;
                            } | null;
                            /**
                             * Format: date-time
                             * @description when a reading last arrived (server clock)
                             */
                            lastArrival: string | null;
                            offline: boolean;
                            quantity: string;
                            rules: {
                                /** @description D ≥ 0 s the condition must hold before it raises */
                                forS: number;
                                /** @description H ≥ 0: an above alarm clears below T − H */
                                hysteresis: number;
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                op: "above" | "below";
                                raised: boolean;
                                /**
                                 * Format: date-time
                                 * @description when the condition started holding, if it does
                                 */
                                since: string | null;
                                threshold: number;
                            }[];
                            timeoutS: number;
                            unit: string;
                            /** Format: date-time */
                            updatedAt: string;
                        };
                        /** Format: date-time */
                        to: string;
                        /** @description more readings in the window than limit: the newest are given */
                        truncated: boolean;
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
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    username: string;
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
                        /** @description send it back as the x-csrf-token header */
                        csrfToken: string;
                        user: components["schemas"]["User"];
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
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    getMyHealthCode: {
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
                        /** @enum {string} */
                        colour: "green" | "yellow" | "red";
                        explanation: {
                            headline: string;
                            timeline: string[];
                            /** @description what turns it green */
                            toGreen: string[];
                            why: string[];
                        };
                        history: {
                            /** @description staff only */
                            actors?: string[];
                            /** Format: date-time */
                            at: string;
                            /** @description staff only */
                            caseId?: string | null;
                            /** @description what the rule relied on (staff only) */
                            evidence?: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            from: "green" | "yellow" | "red";
                            /** @description staff only */
                            overrideRequestId?: string | null;
                            preset: string;
                            /** @description what the person is shown (structured) */
                            reason: {
                                [key: string]: unknown;
                            };
                            /** @description a stable rule id, e.g. companion_yellow, two_negatives_green, override */
                            rule: string;
                            /** @enum {string} */
                            to: "green" | "yellow" | "red";
                        }[];
                        /**
                         * @description from Accept-Language
                         * @enum {string}
                         */
                        locale: "zh-CN" | "en";
                        /** @description staff only */
                        pendingOverrides?: {
                            /** Format: date-time */
                            decidedAt?: string | null;
                            decidedBy?: string | null;
                            decisionReason?: string | null;
                            homePlacePath?: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            personId: string;
                            reason: string;
                            /** Format: date-time */
                            requestedAt: string;
                            requestedBy: string;
                            /** @enum {string} */
                            state: "pending" | "approved" | "rejected" | "withdrawn";
                            /** @enum {string} */
                            to: "green" | "yellow" | "red";
                        }[];
                        /** Format: uuid */
                        personId: string;
                        preset: string;
                        /** @description the structured reason (kind and its facts) */
                        reason: {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description null: green from the start
                         */
                        since: string | null;
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
    getMyHealthCodeQr: {
        parameters: {
            query?: {
                format?: "png" | "json";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PNG of a QR code holding the signed token (also in the x-health-code-token header); JSON with ?format=json */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        colour: "green" | "yellow" | "red";
                        exp: number;
                        iat: number;
                        pid: string;
                        /** @description JWS compact, EdDSA; verify with /.well-known/jwks.json */
                        token: string;
                    };
                    "image/png": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "image/png": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "image/png": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "image/png": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "image/png": components["schemas"]["Error"];
                };
            };
        };
    };
    listMyNotifications: {
        parameters: {
            query?: {
                limit?: number;
                unreadOnly?: boolean;
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
                        notifications: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            /** Format: date-time */
                            readAt: string | null;
                            ref: string | null;
                            subject: string;
                            text: string;
                        }[];
                        unread: number;
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
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    all?: boolean;
                    ids?: string[];
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
                        marked: number;
                        unread: number;
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
    listOverrides: {
        parameters: {
            query?: {
                limit?: number;
                personId?: string;
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
                        overrides: {
                            /** Format: date-time */
                            decidedAt?: string | null;
                            decidedBy?: string | null;
                            decisionReason?: string | null;
                            homePlacePath?: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            personId: string;
                            reason: string;
                            /** Format: date-time */
                            requestedAt: string;
                            requestedBy: string;
                            /** @enum {string} */
                            state: "pending" | "approved" | "rejected" | "withdrawn";
                            /** @enum {string} */
                            to: "green" | "yellow" | "red";
                        }[];
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
    approveOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
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
                        changed: boolean;
                        /**
                         * @description the person’s colour after the decision
                         * @enum {string}
                         */
                        colour: "green" | "yellow" | "red";
                        override: {
                            /** Format: date-time */
                            decidedAt?: string | null;
                            decidedBy?: string | null;
                            decisionReason?: string | null;
                            homePlacePath?: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            personId: string;
                            reason: string;
                            /** Format: date-time */
                            requestedAt: string;
                            requestedBy: string;
                            /** @enum {string} */
                            state: "pending" | "approved" | "rejected" | "withdrawn";
                            /** @enum {string} */
                            to: "green" | "yellow" | "red";
                        };
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
    rejectOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
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
                        changed: boolean;
                        /**
                         * @description the person’s colour after the decision
                         * @enum {string}
                         */
                        colour: "green" | "yellow" | "red";
                        override: {
                            /** Format: date-time */
                            decidedAt?: string | null;
                            decidedBy?: string | null;
                            decisionReason?: string | null;
                            homePlacePath?: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            personId: string;
                            reason: string;
                            /** Format: date-time */
                            requestedAt: string;
                            requestedBy: string;
                            /** @enum {string} */
                            state: "pending" | "approved" | "rejected" | "withdrawn";
                            /** @enum {string} */
                            to: "green" | "yellow" | "red";
                        };
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
    listEarlyWarnings: {
        parameters: {
            query?: {
                from?: string;
                limit?: number;
                placePath?: string;
                to?: string;
                withReports?: boolean;
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
                        warnings: {
                            /** Format: date-time */
                            hour: string;
                            /** Format: uuid */
                            id: string;
                            /** @description the baseline mean (same hour, previous 14 days) */
                            m: number;
                            /** @description distinct residents with a health_symptom report in the last 24 h */
                            n: number;
                            /** Format: uuid */
                            placeId?: string;
                            placeName: string;
                            placePath: string;
                            /** Format: date-time */
                            raisedAt: string;
                            reportIds: string[];
                            reports?: {
                                /** Format: date-time */
                                acknowledgedAt?: string | null;
                                allowPublic?: boolean;
                                /** Format: date-time */
                                assignedAt?: string | null;
                                assignedTo?: string | null;
                                /** @enum {string} */
                                category: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
                                /** Format: date-time */
                                closedAt?: string | null;
                                contactEmail?: string | null;
                                /** @description the earlier report of the same issue */
                                duplicateOf?: string | null;
                                hasPhoto?: boolean;
                                /** Format: uuid */
                                id: string;
                                lat?: number | null;
                                lon?: number | null;
                                placeName: string;
                                placePath: string;
                                reopenCount?: number;
                                /** Format: date-time */
                                reopenedAt?: string | null;
                                reporterName?: string;
                                /** Format: uuid */
                                reporterPersonId?: string;
                                /** Format: date-time */
                                respondedAt?: string | null;
                                response?: string | null;
                                responsePublic?: boolean;
                                /** @enum {string} */
                                state: "submitted" | "acknowledged" | "assigned" | "responded" | "closed";
                                /** Format: date-time */
                                submittedAt: string;
                                submittedBy?: string | null;
                                /** @description distinct residents behind the issue (the original and its near-duplicates) */
                                supporters: number;
                                /** @description plain text as the resident wrote it (never HTML) */
                                text: string;
                            }[];
                            /** @description the baseline population standard deviation */
                            s: number;
                            /** @description max(3, m + 3s) */
                            threshold: number;
                        }[];
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
    runEarlyWarnings: {
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
                        raised: {
                            alerted: number;
                            /** Format: uuid */
                            id: string;
                            n: number;
                            placePath: string;
                            reportIds: string[];
                            threshold: number;
                        }[];
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
    listPublicResponses: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                placePath?: string;
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
                        responses: {
                            /** @enum {string} */
                            category: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
                            /** Format: uuid */
                            id: string;
                            placeName: string;
                            placePath: string;
                            /** Format: date-time */
                            respondedAt?: string | null;
                            response: string;
                            /** @enum {string} */
                            state: "submitted" | "acknowledged" | "assigned" | "responded" | "closed";
                            /** Format: date-time */
                            submittedAt: string;
                            supporters: number;
                            text: string;
                        }[];
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
    listReports: {
        parameters: {
            query?: {
                category?: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
                from?: string;
                limit?: number;
                offset?: number;
                /** @description issues only: near-duplicates counted on their original */
                originalsOnly?: boolean;
                placePath?: string;
                state?: "submitted" | "acknowledged" | "assigned" | "responded" | "closed";
                to?: string;
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
                        reports: {
                            /** Format: date-time */
                            acknowledgedAt?: string | null;
                            allowPublic?: boolean;
                            /** Format: date-time */
                            assignedAt?: string | null;
                            assignedTo?: string | null;
                            /** @enum {string} */
                            category: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
                            /** Format: date-time */
                            closedAt?: string | null;
                            contactEmail?: string | null;
                            /** @description the earlier report of the same issue */
                            duplicateOf?: string | null;
                            hasPhoto?: boolean;
                            /** Format: uuid */
                            id: string;
                            lat?: number | null;
                            lon?: number | null;
                            placeName: string;
                            placePath: string;
                            reopenCount?: number;
                            /** Format: date-time */
                            reopenedAt?: string | null;
                            reporterName?: string;
                            /** Format: uuid */
                            reporterPersonId?: string;
                            /** Format: date-time */
                            respondedAt?: string | null;
                            response?: string | null;
                            responsePublic?: boolean;
                            /** @enum {string} */
                            state: "submitted" | "acknowledged" | "assigned" | "responded" | "closed";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedBy?: string | null;
                            /** @description distinct residents behind the issue (the original and its near-duplicates) */
                            supporters: number;
                            /** @description plain text as the resident wrote it (never HTML) */
                            text: string;
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
    submitReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the response may be shown publicly */
                    allowPublic?: boolean;
                    /** @enum {string} */
                    category: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
                    /** Format: email */
                    contactEmail?: string | null;
                    lat?: number | null;
                    lon?: number | null;
                    /**
                     * Format: uuid
                     * @description staff: the resident reported for
                     */
                    personId?: string;
                    /** @description a community (or a place under it); default the reporter’s home community */
                    placePath?: string;
                    text: string;
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
                        duplicateOf: string | null;
                        report: {
                            /** Format: date-time */
                            acknowledgedAt?: string | null;
                            allowPublic?: boolean;
                            /** Format: date-time */
                            assignedAt?: string | null;
                            assignedTo?: string | null;
                            /** @enum {string} */
                            category: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
                            /** Format: date-time */
                            closedAt?: string | null;
                            contactEmail?: string | null;
                            /** @description the earlier report of the same issue */
                            duplicateOf?: string | null;
                            hasPhoto?: boolean;
                            /** Format: uuid */
                            id: string;
                            lat?: number | null;
                            lon?: number | null;
                            placeName: string;
                            placePath: string;
                            reopenCount?: number;
                            /** Format: date-time */
                            reopenedAt?: string | null;
                            reporterName?: string;
                            /** Format: uuid */
                            reporterPersonId?: string;
                            /** Format: date-time */
                            respondedAt?: string | null;
                            response?: string | null;
                            responsePublic?: boolean;
                            /** @enum {string} */
                            state: "submitted" | "acknowledged" | "assigned" | "responded" | "closed";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedBy?: string | null;
                            /** @description distinct residents behind the issue (the original and its near-duplicates) */
                            supporters: number;
                            /** @description plain text as the resident wrote it (never HTML) */
                            text: string;
                        };
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
    getReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        events: {
                            /** @enum {string} */
                            action: "submit" | "acknowledge" | "assign" | "respond" | "close" | "reopen";
                            actor?: string;
                            /** Format: date-time */
                            at: string;
                            fromState?: string | null;
                            public?: boolean;
                            text?: string | null;
                            /** @enum {string} */
                            toState: "submitted" | "acknowledged" | "assigned" | "responded" | "closed";
                        }[];
                        report: {
                            /** Format: date-time */
                            acknowledgedAt?: string | null;
                            allowPublic?: boolean;
                            /** Format: date-time */
                            assignedAt?: string | null;
                            assignedTo?: string | null;
                            /** @enum {string} */
                            category: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
                            /** Format: date-time */
                            closedAt?: string | null;
                            contactEmail?: string | null;
                            /** @description the earlier report of the same issue */
                            duplicateOf?: string | null;
                            hasPhoto?: boolean;
                            /** Format: uuid */
                            id: string;
                            lat?: number | null;
                            lon?: number | null;
                            placeName: string;
                            placePath: string;
                            reopenCount?: number;
                            /** Format: date-time */
                            reopenedAt?: string | null;
                            reporterName?: string;
                            /** Format: uuid */
                            reporterPersonId?: string;
                            /** Format: date-time */
                            respondedAt?: string | null;
                            response?: string | null;
                            responsePublic?: boolean;
                            /** @enum {string} */
                            state: "submitted" | "acknowledged" | "assigned" | "responded" | "closed";
                            /** Format: date-time */
                            submittedAt: string;
                            submittedBy?: string | null;
                            /** @description distinct residents behind the issue (the original and its near-duplicates) */
                            supporters: number;
                            /** @description plain text as the resident wrote it (never HTML) */
                            text: string;
                        };
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
    getReportPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": string;
                    "image/png": string;
                    "image/webp": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["Error"];
                    "image/png": components["schemas"]["Error"];
                    "image/webp": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["Error"];
                    "image/png": components["schemas"]["Error"];
                    "image/webp": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["Error"];
                    "image/png": components["schemas"]["Error"];
                    "image/webp": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/jpeg": components["schemas"]["Error"];
                    "image/png": components["schemas"]["Error"];
                    "image/webp": components["schemas"]["Error"];
                };
            };
        };
    };
    attachReportPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        /** @enum {string} */
                        contentType: "image/jpeg" | "image/png" | "image/webp";
                        sha256: string;
                        size: number;
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
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    reopenReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string | null;
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
                        /** Format: date-time */
                        acknowledgedAt?: string | null;
                        allowPublic?: boolean;
                        /** Format: date-time */
                        assignedAt?: string | null;
                        assignedTo?: string | null;
                        /** @enum {string} */
                        category: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
                        /** Format: date-time */
                        closedAt?: string | null;
                        contactEmail?: string | null;
                        /** @description the earlier report of the same issue */
                        duplicateOf?: string | null;
                        hasPhoto?: boolean;
                        /** Format: uuid */
                        id: string;
                        lat?: number | null;
                        lon?: number | null;
                        placeName: string;
                        placePath: string;
                        reopenCount?: number;
                        /** Format: date-time */
                        reopenedAt?: string | null;
                        reporterName?: string;
                        /** Format: uuid */
                        reporterPersonId?: string;
                        /** Format: date-time */
                        respondedAt?: string | null;
                        response?: string | null;
                        responsePublic?: boolean;
                        /** @enum {string} */
                        state: "submitted" | "acknowledged" | "assigned" | "responded" | "closed";
                        /** Format: date-time */
                        submittedAt: string;
                        submittedBy?: string | null;
                        /** @description distinct residents behind the issue (the original and its near-duplicates) */
                        supporters: number;
                        /** @description plain text as the resident wrote it (never HTML) */
                        text: string;
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
    respondReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    action: "acknowledge" | "assign" | "respond" | "close";
                    assignee?: string | null;
                    /** @description the response may be public (shown only if the reporter allowed it) */
                    public?: boolean;
                    text?: string | null;
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
                        /** Format: date-time */
                        acknowledgedAt?: string | null;
                        allowPublic?: boolean;
                        /** Format: date-time */
                        assignedAt?: string | null;
                        assignedTo?: string | null;
                        /** @enum {string} */
                        category: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
                        /** Format: date-time */
                        closedAt?: string | null;
                        contactEmail?: string | null;
                        /** @description the earlier report of the same issue */
                        duplicateOf?: string | null;
                        hasPhoto?: boolean;
                        /** Format: uuid */
                        id: string;
                        lat?: number | null;
                        lon?: number | null;
                        placeName: string;
                        placePath: string;
                        reopenCount?: number;
                        /** Format: date-time */
                        reopenedAt?: string | null;
                        reporterName?: string;
                        /** Format: uuid */
                        reporterPersonId?: string;
                        /** Format: date-time */
                        respondedAt?: string | null;
                        response?: string | null;
                        responsePublic?: boolean;
                        /** @enum {string} */
                        state: "submitted" | "acknowledged" | "assigned" | "responded" | "closed";
                        /** Format: date-time */
                        submittedAt: string;
                        submittedBy?: string | null;
                        /** @description distinct residents behind the issue (the original and its near-duplicates) */
                        supporters: number;
                        /** @description plain text as the resident wrote it (never HTML) */
                        text: string;
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
    listReportSlas: {
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
                        slas: {
                            ackHours: number;
                            /** @enum {string} */
                            category: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
                            respondHours: number;
                            /** @description false: the defaults (24 h, 72 h) */
                            set: boolean;
                            /** Format: date-time */
                            updatedAt?: string | null;
                        }[];
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
    setReportSla: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                category: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ackHours: number;
                    respondHours: number;
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
                        slas: {
                            ackHours: number;
                            /** @enum {string} */
                            category: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
                            respondHours: number;
                            /** @description false: the defaults (24 h, 72 h) */
                            set: boolean;
                            /** Format: date-time */
                            updatedAt?: string | null;
                        }[];
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
    getParticipationStats: {
        parameters: {
            query?: {
                from?: string;
                placePath?: string;
                to?: string;
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
                        breaches?: number;
                        breachList: {
                            /** Format: date-time */
                            ackDue: string;
                            missed: ("acknowledge" | "respond")[];
                            report: {
                                /** Format: date-time */
                                acknowledgedAt?: string | null;
                                allowPublic?: boolean;
                                /** Format: date-time */
                                assignedAt?: string | null;
                                assignedTo?: string | null;
                                /** @enum {string} */
                                category: "hazard" | "suggestion" | "complaint" | "health_symptom" | "need";
                                /** Format: date-time */
                                closedAt?: string | null;
                                contactEmail?: string | null;
                                /** @description the earlier report of the same issue */
                                duplicateOf?: string | null;
                                hasPhoto?: boolean;
                                /** Format: uuid */
                                id: string;
                                lat?: number | null;
                                lon?: number | null;
                                placeName: string;
                                placePath: string;
                                reopenCount?: number;
                                /** Format: date-time */
                                reopenedAt?: string | null;
                                reporterName?: string;
                                /** Format: uuid */
                                reporterPersonId?: string;
                                /** Format: date-time */
                                respondedAt?: string | null;
                                response?: string | null;
                                responsePublic?: boolean;
                                /** @enum {string} */
                                state: "submitted" | "acknowledged" | "assigned" | "responded" | "closed";
                                /** Format: date-time */
                                submittedAt: string;
                                submittedBy?: string | null;
                                /** @description distinct residents behind the issue (the original and its near-duplicates) */
                                supporters: number;
                                /** @description plain text as the resident wrote it (never HTML) */
                                text: string;
                            };
                            /** Format: date-time */
                            respondDue: string;
                        }[];
                        byPlace: {
                            breaches?: number;
                            byState?: {
                                acknowledged: number;
                                assigned: number;
                                closed: number;
                                responded: number;
                                submitted: number;
                            };
                            /** @description reports whose deadlines are met or missed (not pending) */
                            decided?: number;
                            medianHoursToRespond?: number | null;
                            /** Format: uuid */
                            placeId?: string;
                            placeName: string;
                            placePath: string;
                            shareWithinSla?: number | null;
                            total: number;
                            withinSla?: number;
                        }[];
                        byState: {
                            acknowledged: number;
                            assigned: number;
                            closed: number;
                            responded: number;
                            submitted: number;
                        };
                        /** @description reports whose deadlines are met or missed (not pending) */
                        decided?: number;
                        /** Format: date-time */
                        from: string;
                        medianHoursToRespond: number | null;
                        scope: string;
                        shareWithinSla: number | null;
                        /** Format: date-time */
                        to: string;
                        total: number;
                        truncated?: boolean;
                        withinSla?: number;
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
    listPeople: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                /** @description part of the name, or a whole phone number or ID number; blank: everyone */
                q?: string;
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
                        people: {
                            /**
                             * @description the current health code
                             * @enum {string}
                             */
                            colour: "green" | "yellow" | "red";
                            homePlaceName: string;
                            homePlacePath: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description 138****8000; the full number through getPerson */
                            phoneMasked: string | null;
                        }[];
                        /** @description how many match in all */
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
    getPerson: {
        parameters: {
            query?: {
                reason?: string;
            };
            header?: never;
            path: {
                id: string;
            };
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
                        address: string | null;
                        /** Format: date-time */
                        createdAt?: string;
                        homePlacePath: string | null;
                        householdId?: string | null;
                        householdKey: string | null;
                        /** Format: uuid */
                        id: string;
                        idNumber: string | null;
                        name: string;
                        phone: string | null;
                        /** Format: date-time */
                        updatedAt?: string;
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
    designateCloseContact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description also start the 14-day isolation then (not in the future)
                     */
                    isolationStart?: string;
                    reason: string;
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
                        /** @description false: this repeated what was already recorded */
                        changed: boolean;
                        /**
                         * @description the person’s colour after the action
                         * @enum {string}
                         */
                        colour: "green" | "yellow" | "red";
                        /** Format: date-time */
                        dischargedAt: string | null;
                        /**
                         * Format: date-time
                         * @description the earliest end of the isolation; green then with a negative test in its last 24 h
                         */
                        isolationEnd: string | null;
                        /** Format: date-time */
                        isolationStart: string | null;
                        /**
                         * Format: date-time
                         * @description the end of the monitoring after discharge: green then
                         */
                        monitoringEnd: string | null;
                        /** Format: uuid */
                        personId: string;
                        /** @description why red: case, close_contact, positive or override (null unless red) */
                        redBasis: string | null;
                        /** Format: date-time */
                        since: string | null;
                        /** @description the changes of colour the action caused */
                        transitions: {
                            /** Format: date-time */
                            at: string;
                            /** @enum {string} */
                            from: "green" | "yellow" | "red";
                            rule: string;
                            /** @enum {string} */
                            to: "green" | "yellow" | "red";
                        }[];
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
    dischargeCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description when the case was discharged (not in the future)
                     */
                    dischargedAt: string;
                    reason: string;
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
                        /** @description false: this repeated what was already recorded */
                        changed: boolean;
                        /**
                         * @description the person’s colour after the action
                         * @enum {string}
                         */
                        colour: "green" | "yellow" | "red";
                        /** Format: date-time */
                        dischargedAt: string | null;
                        /**
                         * Format: date-time
                         * @description the earliest end of the isolation; green then with a negative test in its last 24 h
                         */
                        isolationEnd: string | null;
                        /** Format: date-time */
                        isolationStart: string | null;
                        /**
                         * Format: date-time
                         * @description the end of the monitoring after discharge: green then
                         */
                        monitoringEnd: string | null;
                        /** Format: uuid */
                        personId: string;
                        /** @description why red: case, close_contact, positive or override (null unless red) */
                        redBasis: string | null;
                        /** Format: date-time */
                        since: string | null;
                        /** @description the changes of colour the action caused */
                        transitions: {
                            /** Format: date-time */
                            at: string;
                            /** @enum {string} */
                            from: "green" | "yellow" | "red";
                            rule: string;
                            /** @enum {string} */
                            to: "green" | "yellow" | "red";
                        }[];
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
    getHealthCode: {
        parameters: {
            query?: {
                reason?: string;
            };
            header?: never;
            path: {
                id: string;
            };
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
                        /** @enum {string} */
                        colour: "green" | "yellow" | "red";
                        explanation: {
                            headline: string;
                            timeline: string[];
                            /** @description what turns it green */
                            toGreen: string[];
                            why: string[];
                        };
                        history: {
                            /** @description staff only */
                            actors?: string[];
                            /** Format: date-time */
                            at: string;
                            /** @description staff only */
                            caseId?: string | null;
                            /** @description what the rule relied on (staff only) */
                            evidence?: {
                                [key: string]: unknown;
                            };
                            /** @enum {string} */
                            from: "green" | "yellow" | "red";
                            /** @description staff only */
                            overrideRequestId?: string | null;
                            preset: string;
                            /** @description what the person is shown (structured) */
                            reason: {
                                [key: string]: unknown;
                            };
                            /** @description a stable rule id, e.g. companion_yellow, two_negatives_green, override */
                            rule: string;
                            /** @enum {string} */
                            to: "green" | "yellow" | "red";
                        }[];
                        /**
                         * @description from Accept-Language
                         * @enum {string}
                         */
                        locale: "zh-CN" | "en";
                        /** @description staff only */
                        pendingOverrides?: {
                            /** Format: date-time */
                            decidedAt?: string | null;
                            decidedBy?: string | null;
                            decisionReason?: string | null;
                            homePlacePath?: string | null;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            personId: string;
                            reason: string;
                            /** Format: date-time */
                            requestedAt: string;
                            requestedBy: string;
                            /** @enum {string} */
                            state: "pending" | "approved" | "rejected" | "withdrawn";
                            /** @enum {string} */
                            to: "green" | "yellow" | "red";
                        }[];
                        /** Format: uuid */
                        personId: string;
                        preset: string;
                        /** @description the structured reason (kind and its facts) */
                        reason: {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description null: green from the start
                         */
                        since: string | null;
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
    getHealthCodeQr: {
        parameters: {
            query?: {
                format?: "png" | "json";
                reason?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PNG of a QR code holding the signed token (also in the x-health-code-token header); JSON with ?format=json */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        colour: "green" | "yellow" | "red";
                        exp: number;
                        iat: number;
                        pid: string;
                        /** @description JWS compact, EdDSA; verify with /.well-known/jwks.json */
                        token: string;
                    };
                    "image/png": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "image/png": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "image/png": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "image/png": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "image/png": components["schemas"]["Error"];
                };
            };
        };
    };
    startIsolation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    /**
                     * Format: date-time
                     * @description when the isolation began (not in the future)
                     */
                    startedAt: string;
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
                        /** @description false: this repeated what was already recorded */
                        changed: boolean;
                        /**
                         * @description the person’s colour after the action
                         * @enum {string}
                         */
                        colour: "green" | "yellow" | "red";
                        /** Format: date-time */
                        dischargedAt: string | null;
                        /**
                         * Format: date-time
                         * @description the earliest end of the isolation; green then with a negative test in its last 24 h
                         */
                        isolationEnd: string | null;
                        /** Format: date-time */
                        isolationStart: string | null;
                        /**
                         * Format: date-time
                         * @description the end of the monitoring after discharge: green then
                         */
                        monitoringEnd: string | null;
                        /** Format: uuid */
                        personId: string;
                        /** @description why red: case, close_contact, positive or override (null unless red) */
                        redBasis: string | null;
                        /** Format: date-time */
                        since: string | null;
                        /** @description the changes of colour the action caused */
                        transitions: {
                            /** Format: date-time */
                            at: string;
                            /** @enum {string} */
                            from: "green" | "yellow" | "red";
                            rule: string;
                            /** @enum {string} */
                            to: "green" | "yellow" | "red";
                        }[];
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
    requestOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                    /** @enum {string} */
                    to: "green" | "yellow" | "red";
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
                        decidedAt?: string | null;
                        decidedBy?: string | null;
                        decisionReason?: string | null;
                        homePlacePath?: string | null;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        personId: string;
                        reason: string;
                        /** Format: date-time */
                        requestedAt: string;
                        requestedBy: string;
                        /** @enum {string} */
                        state: "pending" | "approved" | "rejected" | "withdrawn";
                        /** @enum {string} */
                        to: "green" | "yellow" | "red";
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
    listTestResults: {
        parameters: {
            query?: {
                reason?: string;
            };
            header?: never;
            path: {
                id: string;
            };
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
                        testResults: {
                            /** Format: uuid */
                            id: string;
                            kind?: string;
                            lab: string;
                            /** Format: uuid */
                            personId: string;
                            poolId: string | null;
                            /** Format: date-time */
                            reportedAt: string;
                            /** @enum {string} */
                            result: "negative" | "positive" | "invalid";
                            /** Format: date-time */
                            sampledAt: string;
                            sampleId: string;
                        }[];
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
    importPeople: {
        parameters: {
            query?: {
                reason?: string;
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
                        inserted: number;
                        rejected: number;
                        /** @description the first 1000 */
                        rejects: {
                            field: string;
                            line: number;
                            reason: string;
                        }[];
                        rejectsTruncated: boolean;
                        /** @description data rows read (the header not counted) */
                        rows: number;
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
    importPings: {
        parameters: {
            query?: {
                reason?: string;
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
                        /** @description the same bytes were imported before: nothing stored, the first counts */
                        alreadyImported: boolean;
                        /** @description pings already stored by earlier imports (a day holds each ping once) */
                        alreadyStored: number;
                        days: {
                            /**
                             * Format: date
                             * @description local date at the city offset
                             */
                            day: string;
                            pings: number;
                        }[];
                        /** @description rows with the subject and instant of an earlier row */
                        duplicates: number;
                        /** Format: uuid */
                        importId: string;
                        /** @description pings stored */
                        kept: number;
                        rejected: number;
                        /** @description the first 1000 */
                        rejects: {
                            line: number;
                            reason: string;
                        }[];
                        rejectsTruncated: boolean;
                        /** @description data rows read (the header not counted) */
                        rows: number;
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
    listPlaces: {
        parameters: {
            query?: {
                level?: "city" | "district" | "street" | "community" | "grid";
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
                        places: components["schemas"]["Place"][];
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
    listPlans: {
        parameters: {
            query?: {
                hazard?: "epidemic" | "flood" | "blackout" | "earthquake" | "fire" | "other";
                limit?: number;
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
                        createdBy: string | null;
                        /**
                         * Format: date-time
                         * @description when its draft was last saved; null without one
                         */
                        draftSavedAt: string | null;
                        /** @enum {string} */
                        hazard: "epidemic" | "flood" | "blackout" | "earthquake" | "fire" | "other";
                        /** Format: uuid */
                        id: string;
                        /** @description the newest published version; null before the first */
                        latest: {
                            number: number;
                            /** Format: date-time */
                            publishedAt: string;
                        } | null;
                        owner: {
                            name: string;
                            path: string;
                        };
                        places: {
                            name: string;
                            path: string;
                        }[];
                        title: string;
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
    createPlan: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    hazard: "epidemic" | "flood" | "blackout" | "earthquake" | "fire" | "other";
                    /** @description the place that owns the plan (default: yours) */
                    owner?: string;
                    /** @description the places it covers, at or under the owner (default: the owner) */
                    places?: string[];
                    title: string;
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
                        createdBy: string | null;
                        /**
                         * Format: date-time
                         * @description when its draft was last saved; null without one
                         */
                        draftSavedAt: string | null;
                        /** @enum {string} */
                        hazard: "epidemic" | "flood" | "blackout" | "earthquake" | "fire" | "other";
                        /** Format: uuid */
                        id: string;
                        /** @description the newest published version; null before the first */
                        latest: {
                            number: number;
                            /** Format: date-time */
                            publishedAt: string;
                        } | null;
                        owner: {
                            name: string;
                            path: string;
                        };
                        places: {
                            name: string;
                            path: string;
                        }[];
                        title: string;
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
    getPlan: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
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
                        draft: {
                            /** @description the response levels, each with its tasks, supply norms and shelters to open */
                            levels: {
                                I: {
                                    norms: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    /** @description shelters to open */
                                    shelters: string[];
                                    tasks: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                                II: {
                                    norms: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    /** @description shelters to open */
                                    shelters: string[];
                                    tasks: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                                III: {
                                    norms: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    /** @description shelters to open */
                                    shelters: string[];
                                    tasks: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                                IV: {
                                    norms: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    /** @description shelters to open */
                                    shelters: string[];
                                    tasks: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                            };
                            /** Format: uuid */
                            planId: string;
                            /** Format: date-time */
                            savedAt: string;
                            /** Format: uuid */
                            savedBy: string | null;
                        } | null;
                        /** @description whether you may save drafts and publish */
                        editable: boolean;
                        plan: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            createdBy: string | null;
                            /**
                             * Format: date-time
                             * @description when its draft was last saved; null without one
                             */
                            draftSavedAt: string | null;
                            /** @enum {string} */
                            hazard: "epidemic" | "flood" | "blackout" | "earthquake" | "fire" | "other";
                            /** Format: uuid */
                            id: string;
                            /** @description the newest published version; null before the first */
                            latest: {
                                number: number;
                                /** Format: date-time */
                                publishedAt: string;
                            } | null;
                            owner: {
                                name: string;
                                path: string;
                            };
                            places: {
                                name: string;
                                path: string;
                            }[];
                            title: string;
                        };
                        /** @description the version asked for (default the newest) with its content */
                        version: {
                            changeNote: string;
                            /** @description the corrective actions it closed */
                            closes: string[];
                            /** Format: uuid */
                            id: string;
                            /** @description the response levels, each with its tasks, supply norms and shelters to open */
                            levels: {
                                I: {
                                    norms: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    /** @description shelters to open */
                                    shelters: string[];
                                    tasks: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                                II: {
                                    norms: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    /** @description shelters to open */
                                    shelters: string[];
                                    tasks: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                                III: {
                                    norms: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    /** @description shelters to open */
                                    shelters: string[];
                                    tasks: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                                IV: {
                                    norms: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    /** @description shelters to open */
                                    shelters: string[];
                                    tasks: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                            };
                            number: number;
                            /** Format: uuid */
                            planId: string;
                            /** Format: date-time */
                            publishedAt: string;
                            /** Format: uuid */
                            publishedBy: string | null;
                        } | null;
                        versions: {
                            changeNote: string;
                            /** @description the corrective actions it closed */
                            closes: string[];
                            /** Format: uuid */
                            id: string;
                            number: number;
                            /** Format: uuid */
                            planId: string;
                            /** Format: date-time */
                            publishedAt: string;
                            /** Format: uuid */
                            publishedBy: string | null;
                        }[];
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
    activatePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description I 特别重大 (particularly serious), II 重大, III 较大, IV 一般 (general)
                     * @enum {string}
                     */
                    level: "I" | "II" | "III" | "IV";
                    /** @description places within the plan's and yours */
                    places: string[];
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
                        incident: {
                            actions: {
                                /** Format: date-time */
                                closedAt: string | null;
                                /** @description the published version that closed it; null while open */
                                closedBy: {
                                    changeNote: string;
                                    number: number;
                                    /** Format: date-time */
                                    publishedAt: string;
                                    /** Format: uuid */
                                    versionId: string;
                                } | null;
                                /** Format: uuid */
                                createdBy: string | null;
                                /** Format: date-time */
                                due: string;
                                /**
                                 * @description the capability element it improves
                                 * @enum {string}
                                 */
                                element: "planning" | "organisation" | "equipment" | "training" | "exercise";
                                /** Format: uuid */
                                id: string;
                                /** Format: uuid */
                                incidentId: string;
                                objective: {
                                    /** Format: uuid */
                                    id: string;
                                    /** @enum {string|null} */
                                    rating: "P" | "S" | "M" | "U" | null;
                                    /**
                                     * @description the role, when the objective is a role's task group (its title is then the role)
                                     * @enum {string|null}
                                     */
                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                    title: string;
                                };
                                owner: {
                                    /** Format: uuid */
                                    id: string;
                                    name: string;
                                };
                                plan: {
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                };
                                /** Format: date-time */
                                reviewedAt: string;
                                title: string;
                            }[];
                            /** @description the timeline, oldest first */
                            events: {
                                /** Format: uuid */
                                actor: string | null;
                                actorName: string | null;
                                /** Format: date-time */
                                at: string;
                                /** @description what happened: items raised, the gaps, the shelters, the ratings, the actions, … */
                                detail: {
                                    [key: string]: unknown;
                                };
                                /** @enum {string} */
                                kind: "activated" | "items_raised" | "supply_gaps" | "shelters_opened" | "review" | "actions_added" | "action_closed" | "closed";
                                seq: number;
                            }[];
                            incident: {
                                /** Format: date-time */
                                activatedAt: string;
                                /** Format: uuid */
                                activatedBy: string | null;
                                /** Format: date-time */
                                closedAt: string | null;
                                /** Format: uuid */
                                closedBy: string | null;
                                /** Format: uuid */
                                id: string;
                                /**
                                 * @description I 特别重大 (particularly serious), II 重大, III 较大, IV 一般 (general)
                                 * @enum {string}
                                 */
                                level: "I" | "II" | "III" | "IV";
                                places: {
                                    name: string;
                                    path: string;
                                }[];
                                plan: {
                                    /** @enum {string} */
                                    hazard: "epidemic" | "flood" | "blackout" | "earthquake" | "fire" | "other";
                                    /** Format: uuid */
                                    id: string;
                                    title: string;
                                };
                                /** @enum {string} */
                                state: "open" | "closed";
                                version: {
                                    /** Format: uuid */
                                    id: string;
                                    number: number;
                                };
                            };
                            /** @description what the review lacks before the incident may close (both empty: nothing) */
                            missing: {
                                unrated: {
                                    /** Format: uuid */
                                    id: string;
                                    /**
                                     * @description the role, when the objective is a role's task group (its title is then the role)
                                     * @enum {string|null}
                                     */
                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                    title: string;
                                }[];
                                withoutAction: {
                                    /** Format: uuid */
                                    id: string;
                                    /**
                                     * @description P without challenges, S some challenges, M major challenges, U unable to perform
                                     * @enum {string}
                                     */
                                    rating: "P" | "S" | "M" | "U";
                                    /**
                                     * @description the role, when the objective is a role's task group (its title is then the role)
                                     * @enum {string|null}
                                     */
                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                    title: string;
                                }[];
                            };
                            objectives: {
                                /** @description its corrective actions */
                                actions: number;
                                /** Format: uuid */
                                id: string;
                                note: string | null;
                                position: number;
                                /** Format: date-time */
                                ratedAt: string | null;
                                /** Format: uuid */
                                ratedBy: string | null;
                                /** @enum {string|null} */
                                rating: "P" | "S" | "M" | "U" | null;
                                /**
                                 * @description the role, when the objective is a role's task group (its title is then the role)
                                 * @enum {string|null}
                                 */
                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer" | null;
                                /** @enum {string} */
                                source: "plan" | "reviewers";
                                tasks: string[];
                                /** @description the task group's name (its role when the group is a role) */
                                title: string;
                            }[];
                            /** @description whether you may review and close it */
                            writable: boolean;
                        };
                        items: {
                            communities: number;
                            /** @description inbox items raised: one per task and community */
                            raised: number;
                            tasks: number;
                        };
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
    diffPlanVersions: {
        parameters: {
            query?: {
                /** @description default: the version before `to` */
                from?: number;
                /** @description default: the newest */
                to?: number;
            };
            header?: never;
            path: {
                id: string;
            };
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
                        /** @description per level: tasks (by key), norms (by item) and shelters added, removed and changed */
                        diff: {
                            I: {
                                norms: {
                                    added: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    changed: {
                                        after: number;
                                        before: number;
                                        item: string;
                                    }[];
                                    removed: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                };
                                shelters: {
                                    added: string[];
                                    removed: string[];
                                };
                                tasks: {
                                    added: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                    changed: {
                                        after: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        before: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        fields: ("title" | "group" | "who" | "dueOffsetHours")[];
                                        key: string;
                                    }[];
                                    removed: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                            };
                            II: {
                                norms: {
                                    added: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    changed: {
                                        after: number;
                                        before: number;
                                        item: string;
                                    }[];
                                    removed: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                };
                                shelters: {
                                    added: string[];
                                    removed: string[];
                                };
                                tasks: {
                                    added: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                    changed: {
                                        after: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        before: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        fields: ("title" | "group" | "who" | "dueOffsetHours")[];
                                        key: string;
                                    }[];
                                    removed: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                            };
                            III: {
                                norms: {
                                    added: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    changed: {
                                        after: number;
                                        before: number;
                                        item: string;
                                    }[];
                                    removed: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                };
                                shelters: {
                                    added: string[];
                                    removed: string[];
                                };
                                tasks: {
                                    added: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                    changed: {
                                        after: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        before: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        fields: ("title" | "group" | "who" | "dueOffsetHours")[];
                                        key: string;
                                    }[];
                                    removed: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                            };
                            IV: {
                                norms: {
                                    added: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    changed: {
                                        after: number;
                                        before: number;
                                        item: string;
                                    }[];
                                    removed: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                };
                                shelters: {
                                    added: string[];
                                    removed: string[];
                                };
                                tasks: {
                                    added: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                    changed: {
                                        after: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        before: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        fields: ("title" | "group" | "who" | "dueOffsetHours")[];
                                        key: string;
                                    }[];
                                    removed: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                            };
                        };
                        from: {
                            changeNote: string;
                            /** @description the corrective actions it closed */
                            closes: string[];
                            /** Format: uuid */
                            id: string;
                            number: number;
                            /** Format: uuid */
                            planId: string;
                            /** Format: date-time */
                            publishedAt: string;
                            /** Format: uuid */
                            publishedBy: string | null;
                        };
                        to: {
                            changeNote: string;
                            /** @description the corrective actions it closed */
                            closes: string[];
                            /** Format: uuid */
                            id: string;
                            number: number;
                            /** Format: uuid */
                            planId: string;
                            /** Format: date-time */
                            publishedAt: string;
                            /** Format: uuid */
                            publishedBy: string | null;
                        };
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
    savePlanDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the response levels, each with its tasks, supply norms and shelters to open */
                    levels: {
                        I: {
                            norms: {
                                /** @description the supplies catalogue's item code */
                                item: string;
                                perResident: number;
                            }[];
                            /** @description shelters to open */
                            shelters: string[];
                            tasks: {
                                /** @description hours from activation to its due time */
                                dueOffsetHours: number;
                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                group?: string;
                                /** @description stable across versions: the diff matches tasks by it */
                                key: string;
                                title: string;
                                who: {
                                    /** @enum {string} */
                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                    /** @enum {string} */
                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                };
                            }[];
                        };
                        II: {
                            norms: {
                                /** @description the supplies catalogue's item code */
                                item: string;
                                perResident: number;
                            }[];
                            /** @description shelters to open */
                            shelters: string[];
                            tasks: {
                                /** @description hours from activation to its due time */
                                dueOffsetHours: number;
                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                group?: string;
                                /** @description stable across versions: the diff matches tasks by it */
                                key: string;
                                title: string;
                                who: {
                                    /** @enum {string} */
                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                    /** @enum {string} */
                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                };
                            }[];
                        };
                        III: {
                            norms: {
                                /** @description the supplies catalogue's item code */
                                item: string;
                                perResident: number;
                            }[];
                            /** @description shelters to open */
                            shelters: string[];
                            tasks: {
                                /** @description hours from activation to its due time */
                                dueOffsetHours: number;
                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                group?: string;
                                /** @description stable across versions: the diff matches tasks by it */
                                key: string;
                                title: string;
                                who: {
                                    /** @enum {string} */
                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                    /** @enum {string} */
                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                };
                            }[];
                        };
                        IV: {
                            norms: {
                                /** @description the supplies catalogue's item code */
                                item: string;
                                perResident: number;
                            }[];
                            /** @description shelters to open */
                            shelters: string[];
                            tasks: {
                                /** @description hours from activation to its due time */
                                dueOffsetHours: number;
                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                group?: string;
                                /** @description stable across versions: the diff matches tasks by it */
                                key: string;
                                title: string;
                                who: {
                                    /** @enum {string} */
                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                    /** @enum {string} */
                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                };
                            }[];
                        };
                    };
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
                        /** @description the response levels, each with its tasks, supply norms and shelters to open */
                        levels: {
                            I: {
                                norms: {
                                    /** @description the supplies catalogue's item code */
                                    item: string;
                                    perResident: number;
                                }[];
                                /** @description shelters to open */
                                shelters: string[];
                                tasks: {
                                    /** @description hours from activation to its due time */
                                    dueOffsetHours: number;
                                    /** @description the task group the review rates as one objective (default: the performer's role) */
                                    group?: string;
                                    /** @description stable across versions: the diff matches tasks by it */
                                    key: string;
                                    title: string;
                                    who: {
                                        /** @enum {string} */
                                        placeLevel: "city" | "district" | "street" | "community" | "grid";
                                        /** @enum {string} */
                                        role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                    };
                                }[];
                            };
                            II: {
                                norms: {
                                    /** @description the supplies catalogue's item code */
                                    item: string;
                                    perResident: number;
                                }[];
                                /** @description shelters to open */
                                shelters: string[];
                                tasks: {
                                    /** @description hours from activation to its due time */
                                    dueOffsetHours: number;
                                    /** @description the task group the review rates as one objective (default: the performer's role) */
                                    group?: string;
                                    /** @description stable across versions: the diff matches tasks by it */
                                    key: string;
                                    title: string;
                                    who: {
                                        /** @enum {string} */
                                        placeLevel: "city" | "district" | "street" | "community" | "grid";
                                        /** @enum {string} */
                                        role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                    };
                                }[];
                            };
                            III: {
                                norms: {
                                    /** @description the supplies catalogue's item code */
                                    item: string;
                                    perResident: number;
                                }[];
                                /** @description shelters to open */
                                shelters: string[];
                                tasks: {
                                    /** @description hours from activation to its due time */
                                    dueOffsetHours: number;
                                    /** @description the task group the review rates as one objective (default: the performer's role) */
                                    group?: string;
                                    /** @description stable across versions: the diff matches tasks by it */
                                    key: string;
                                    title: string;
                                    who: {
                                        /** @enum {string} */
                                        placeLevel: "city" | "district" | "street" | "community" | "grid";
                                        /** @enum {string} */
                                        role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                    };
                                }[];
                            };
                            IV: {
                                norms: {
                                    /** @description the supplies catalogue's item code */
                                    item: string;
                                    perResident: number;
                                }[];
                                /** @description shelters to open */
                                shelters: string[];
                                tasks: {
                                    /** @description hours from activation to its due time */
                                    dueOffsetHours: number;
                                    /** @description the task group the review rates as one objective (default: the performer's role) */
                                    group?: string;
                                    /** @description stable across versions: the diff matches tasks by it */
                                    key: string;
                                    title: string;
                                    who: {
                                        /** @enum {string} */
                                        placeLevel: "city" | "district" | "street" | "community" | "grid";
                                        /** @enum {string} */
                                        role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                    };
                                }[];
                            };
                        };
                        /** Format: uuid */
                        planId: string;
                        /** Format: date-time */
                        savedAt: string;
                        /** Format: uuid */
                        savedBy: string | null;
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
    publishPlanVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description what changed and why (required from the second version on) */
                    changeNote: string;
                    /** @description the corrective actions the change note names: this version closes them */
                    closes?: string[];
                    /** @description the response levels, each with its tasks, supply norms and shelters to open */
                    levels: {
                        I: {
                            norms: {
                                /** @description the supplies catalogue's item code */
                                item: string;
                                perResident: number;
                            }[];
                            /** @description shelters to open */
                            shelters: string[];
                            tasks: {
                                /** @description hours from activation to its due time */
                                dueOffsetHours: number;
                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                group?: string;
                                /** @description stable across versions: the diff matches tasks by it */
                                key: string;
                                title: string;
                                who: {
                                    /** @enum {string} */
                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                    /** @enum {string} */
                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                };
                            }[];
                        };
                        II: {
                            norms: {
                                /** @description the supplies catalogue's item code */
                                item: string;
                                perResident: number;
                            }[];
                            /** @description shelters to open */
                            shelters: string[];
                            tasks: {
                                /** @description hours from activation to its due time */
                                dueOffsetHours: number;
                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                group?: string;
                                /** @description stable across versions: the diff matches tasks by it */
                                key: string;
                                title: string;
                                who: {
                                    /** @enum {string} */
                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                    /** @enum {string} */
                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                };
                            }[];
                        };
                        III: {
                            norms: {
                                /** @description the supplies catalogue's item code */
                                item: string;
                                perResident: number;
                            }[];
                            /** @description shelters to open */
                            shelters: string[];
                            tasks: {
                                /** @description hours from activation to its due time */
                                dueOffsetHours: number;
                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                group?: string;
                                /** @description stable across versions: the diff matches tasks by it */
                                key: string;
                                title: string;
                                who: {
                                    /** @enum {string} */
                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                    /** @enum {string} */
                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                };
                            }[];
                        };
                        IV: {
                            norms: {
                                /** @description the supplies catalogue's item code */
                                item: string;
                                perResident: number;
                            }[];
                            /** @description shelters to open */
                            shelters: string[];
                            tasks: {
                                /** @description hours from activation to its due time */
                                dueOffsetHours: number;
                                /** @description the task group the review rates as one objective (default: the performer's role) */
                                group?: string;
                                /** @description stable across versions: the diff matches tasks by it */
                                key: string;
                                title: string;
                                who: {
                                    /** @enum {string} */
                                    placeLevel: "city" | "district" | "street" | "community" | "grid";
                                    /** @enum {string} */
                                    role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                };
                            }[];
                        };
                    };
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
                        /** @description the corrective actions it closed */
                        closed: string[];
                        /** @description against the version before (null: the first) */
                        diff: {
                            I: {
                                norms: {
                                    added: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    changed: {
                                        after: number;
                                        before: number;
                                        item: string;
                                    }[];
                                    removed: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                };
                                shelters: {
                                    added: string[];
                                    removed: string[];
                                };
                                tasks: {
                                    added: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                    changed: {
                                        after: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        before: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        fields: ("title" | "group" | "who" | "dueOffsetHours")[];
                                        key: string;
                                    }[];
                                    removed: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                            };
                            II: {
                                norms: {
                                    added: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    changed: {
                                        after: number;
                                        before: number;
                                        item: string;
                                    }[];
                                    removed: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                };
                                shelters: {
                                    added: string[];
                                    removed: string[];
                                };
                                tasks: {
                                    added: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                    changed: {
                                        after: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        before: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        fields: ("title" | "group" | "who" | "dueOffsetHours")[];
                                        key: string;
                                    }[];
                                    removed: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                            };
                            III: {
                                norms: {
                                    added: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    changed: {
                                        after: number;
                                        before: number;
                                        item: string;
                                    }[];
                                    removed: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                };
                                shelters: {
                                    added: string[];
                                    removed: string[];
                                };
                                tasks: {
                                    added: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                    changed: {
                                        after: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        before: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        fields: ("title" | "group" | "who" | "dueOffsetHours")[];
                                        key: string;
                                    }[];
                                    removed: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                            };
                            IV: {
                                norms: {
                                    added: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    changed: {
                                        after: number;
                                        before: number;
                                        item: string;
                                    }[];
                                    removed: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                };
                                shelters: {
                                    added: string[];
                                    removed: string[];
                                };
                                tasks: {
                                    added: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                    changed: {
                                        after: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        before: {
                                            /** @description hours from activation to its due time */
                                            dueOffsetHours: number;
                                            /** @description the task group the review rates as one objective (default: the performer's role) */
                                            group?: string;
                                            /** @description stable across versions: the diff matches tasks by it */
                                            key: string;
                                            title: string;
                                            who: {
                                                /** @enum {string} */
                                                placeLevel: "city" | "district" | "street" | "community" | "grid";
                                                /** @enum {string} */
                                                role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                            };
                                        };
                                        fields: ("title" | "group" | "who" | "dueOffsetHours")[];
                                        key: string;
                                    }[];
                                    removed: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                            };
                        } | null;
                        version: {
                            changeNote: string;
                            /** @description the corrective actions it closed */
                            closes: string[];
                            /** Format: uuid */
                            id: string;
                            /** @description the response levels, each with its tasks, supply norms and shelters to open */
                            levels: {
                                I: {
                                    norms: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    /** @description shelters to open */
                                    shelters: string[];
                                    tasks: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                                II: {
                                    norms: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    /** @description shelters to open */
                                    shelters: string[];
                                    tasks: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                                III: {
                                    norms: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    /** @description shelters to open */
                                    shelters: string[];
                                    tasks: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                                IV: {
                                    norms: {
                                        /** @description the supplies catalogue's item code */
                                        item: string;
                                        perResident: number;
                                    }[];
                                    /** @description shelters to open */
                                    shelters: string[];
                                    tasks: {
                                        /** @description hours from activation to its due time */
                                        dueOffsetHours: number;
                                        /** @description the task group the review rates as one objective (default: the performer's role) */
                                        group?: string;
                                        /** @description stable across versions: the diff matches tasks by it */
                                        key: string;
                                        title: string;
                                        who: {
                                            /** @enum {string} */
                                            placeLevel: "city" | "district" | "street" | "community" | "grid";
                                            /** @enum {string} */
                                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer" | "lab_user" | "auditor" | "resident" | "department_officer" | "infra_operator" | "volunteer";
                                        };
                                    }[];
                                };
                            };
                            number: number;
                            /** Format: uuid */
                            planId: string;
                            /** Format: date-time */
                            publishedAt: string;
                            /** Format: uuid */
                            publishedBy: string | null;
                        };
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
    getLoopMetrics: {
        parameters: {
            query?: {
                planId?: string;
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
                        /** @description by the places incidents were activated for */
                        byPlace: {
                            actions: number;
                            /** @description closed by a revision (the only way an action closes) */
                            closed: number;
                            /** @description closed / actions; null without actions */
                            closedShare: number | null;
                            /** @description median days from the review to the revision that closed it */
                            medianDaysToRevision: number | null;
                            open: number;
                            /** @description open past their due date */
                            overdue: number;
                            place: {
                                name: string;
                                path: string;
                            };
                        }[];
                        byPlan: {
                            actions: number;
                            /** @description closed by a revision (the only way an action closes) */
                            closed: number;
                            /** @description closed / actions; null without actions */
                            closedShare: number | null;
                            /** @description median days from the review to the revision that closed it */
                            medianDaysToRevision: number | null;
                            open: number;
                            /** @description open past their due date */
                            overdue: number;
                            plan: {
                                /** Format: uuid */
                                id: string;
                                title: string;
                            };
                        }[];
                        total: {
                            actions: number;
                            /** @description closed by a revision (the only way an action closes) */
                            closed: number;
                            /** @description closed / actions; null without actions */
                            closedShare: number | null;
                            /** @description median days from the review to the revision that closed it */
                            medianDaysToRevision: number | null;
                            open: number;
                            /** @description open past their due date */
                            overdue: number;
                        };
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
    listSelfAssessments: {
        parameters: {
            query?: {
                bank?: string;
                limit?: number;
                offset?: number;
                state?: "submitted" | "approved" | "returned";
                /** @description only places at or under this one (within yours) */
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
                        /** @description newest first */
                        assessments: {
                            bank: {
                                id: string;
                                title: {
                                    en: string;
                                    "zh-CN": string;
                                };
                                version: number;
                            };
                            /** @description whether you may approve or return it now */
                            canReview: boolean;
                            /** Format: uuid */
                            id: string;
                            place: {
                                /** Format: uuid */
                                id: string;
                                level: string;
                                name: string;
                                nameEn: string | null;
                                path: string;
                            };
                            /** Format: date-time */
                            reviewedAt: string | null;
                            reviewedBy: {
                                /** Format: uuid */
                                id: string;
                                /** @description display name, else user name */
                                name: string;
                            } | null;
                            /** @description the reviewer named at submission; null: any official above the place */
                            reviewer: {
                                /** Format: uuid */
                                id: string;
                                /** @description display name, else user name */
                                name: string;
                            } | null;
                            reviewNote: string | null;
                            /** @enum {string} */
                            state: "submitted" | "approved" | "returned";
                            /** Format: date-time */
                            submittedAt: string;
                            /** @description null: submitted by the system (demo, CLI) */
                            submittedBy: {
                                /** Format: uuid */
                                id: string;
                                /** @description display name, else user name */
                                name: string;
                            } | null;
                            summary: {
                                answered: number;
                                mechanisms: {
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    engineering: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    institutional: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    social: number | null;
                                };
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                overall: number | null;
                                sections: {
                                    id: string;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    score: number | null;
                                }[];
                                traits: {
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    adaptability: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    redundancy: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    self_organisation: number | null;
                                };
                            };
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
    submitSelfAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description every question of the bank, once */
                    answers: {
                        /** @description required when the score is above the scale's minimum */
                        evidence?: string | null;
                        question: string;
                        score: number;
                    }[];
                    /** @description the question bank id */
                    bank: string;
                    /** @description the community or street answering (within your place) */
                    place: string;
                    /**
                     * Format: uuid
                     * @description the user who reviews it (an official whose place is above the place); default: any such official
                     */
                    reviewer?: string | null;
                    version: number;
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
                        answers: {
                            evidence: string;
                            question: string;
                            score: number;
                        }[];
                        bank: {
                            id: string;
                            title: {
                                en: string;
                                "zh-CN": string;
                            };
                            version: number;
                        };
                        /** @description whether you may approve or return it now */
                        canReview: boolean;
                        /** Format: uuid */
                        id: string;
                        place: {
                            /** Format: uuid */
                            id: string;
                            level: string;
                            name: string;
                            nameEn: string | null;
                            path: string;
                        };
                        /** Format: date-time */
                        reviewedAt: string | null;
                        reviewedBy: {
                            /** Format: uuid */
                            id: string;
                            /** @description display name, else user name */
                            name: string;
                        } | null;
                        /** @description the reviewer named at submission; null: any official above the place */
                        reviewer: {
                            /** Format: uuid */
                            id: string;
                            /** @description display name, else user name */
                            name: string;
                        } | null;
                        reviewNote: string | null;
                        /** @enum {string} */
                        state: "submitted" | "approved" | "returned";
                        /** Format: date-time */
                        submittedAt: string;
                        /** @description null: submitted by the system (demo, CLI) */
                        submittedBy: {
                            /** Format: uuid */
                            id: string;
                            /** @description display name, else user name */
                            name: string;
                        } | null;
                        summary: {
                            answered: number;
                            mechanisms: {
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                engineering: number | null;
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                institutional: number | null;
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                social: number | null;
                            };
                            /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                            overall: number | null;
                            sections: {
                                id: string;
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                score: number | null;
                            }[];
                            traits: {
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                adaptability: number | null;
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                redundancy: number | null;
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                self_organisation: number | null;
                            };
                        };
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
    reviewSelfAssessment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    decision: "approve" | "return";
                    /** @description why (required to return: what to answer again) */
                    note?: string | null;
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
                        answers: {
                            evidence: string;
                            question: string;
                            score: number;
                        }[];
                        bank: {
                            id: string;
                            title: {
                                en: string;
                                "zh-CN": string;
                            };
                            version: number;
                        };
                        /** @description whether you may approve or return it now */
                        canReview: boolean;
                        /** Format: uuid */
                        id: string;
                        place: {
                            /** Format: uuid */
                            id: string;
                            level: string;
                            name: string;
                            nameEn: string | null;
                            path: string;
                        };
                        /** Format: date-time */
                        reviewedAt: string | null;
                        reviewedBy: {
                            /** Format: uuid */
                            id: string;
                            /** @description display name, else user name */
                            name: string;
                        } | null;
                        /** @description the reviewer named at submission; null: any official above the place */
                        reviewer: {
                            /** Format: uuid */
                            id: string;
                            /** @description display name, else user name */
                            name: string;
                        } | null;
                        reviewNote: string | null;
                        /** @enum {string} */
                        state: "submitted" | "approved" | "returned";
                        /** Format: date-time */
                        submittedAt: string;
                        /** @description null: submitted by the system (demo, CLI) */
                        submittedBy: {
                            /** Format: uuid */
                            id: string;
                            /** @description display name, else user name */
                            name: string;
                        } | null;
                        summary: {
                            answered: number;
                            mechanisms: {
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                engineering: number | null;
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                institutional: number | null;
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                social: number | null;
                            };
                            /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                            overall: number | null;
                            sections: {
                                id: string;
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                score: number | null;
                            }[];
                            traits: {
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                adaptability: number | null;
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                redundancy: number | null;
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                self_organisation: number | null;
                            };
                        };
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
    getSelfAssessment: {
        parameters: {
            query?: {
                /** @description only answers to this bank */
                bank?: string;
            };
            header?: never;
            path: {
                /** @description the community or street */
                path: string;
            };
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
                        /** @description every submission, newest first */
                        history: {
                            answers: {
                                evidence: string;
                                question: string;
                                score: number;
                            }[];
                            bank: {
                                id: string;
                                title: {
                                    en: string;
                                    "zh-CN": string;
                                };
                                version: number;
                            };
                            /** @description whether you may approve or return it now */
                            canReview: boolean;
                            /** Format: uuid */
                            id: string;
                            place: {
                                /** Format: uuid */
                                id: string;
                                level: string;
                                name: string;
                                nameEn: string | null;
                                path: string;
                            };
                            /** Format: date-time */
                            reviewedAt: string | null;
                            reviewedBy: {
                                /** Format: uuid */
                                id: string;
                                /** @description display name, else user name */
                                name: string;
                            } | null;
                            /** @description the reviewer named at submission; null: any official above the place */
                            reviewer: {
                                /** Format: uuid */
                                id: string;
                                /** @description display name, else user name */
                                name: string;
                            } | null;
                            reviewNote: string | null;
                            /** @enum {string} */
                            state: "submitted" | "approved" | "returned";
                            /** Format: date-time */
                            submittedAt: string;
                            /** @description null: submitted by the system (demo, CLI) */
                            submittedBy: {
                                /** Format: uuid */
                                id: string;
                                /** @description display name, else user name */
                                name: string;
                            } | null;
                            summary: {
                                answered: number;
                                mechanisms: {
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    engineering: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    institutional: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    social: number | null;
                                };
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                overall: number | null;
                                sections: {
                                    id: string;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    score: number | null;
                                }[];
                                traits: {
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    adaptability: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    redundancy: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    self_organisation: number | null;
                                };
                            };
                        }[];
                        latest: {
                            answers: {
                                evidence: string;
                                question: string;
                                score: number;
                            }[];
                            bank: {
                                id: string;
                                title: {
                                    en: string;
                                    "zh-CN": string;
                                };
                                version: number;
                            };
                            /** @description whether you may approve or return it now */
                            canReview: boolean;
                            /** Format: uuid */
                            id: string;
                            place: {
                                /** Format: uuid */
                                id: string;
                                level: string;
                                name: string;
                                nameEn: string | null;
                                path: string;
                            };
                            /** Format: date-time */
                            reviewedAt: string | null;
                            reviewedBy: {
                                /** Format: uuid */
                                id: string;
                                /** @description display name, else user name */
                                name: string;
                            } | null;
                            /** @description the reviewer named at submission; null: any official above the place */
                            reviewer: {
                                /** Format: uuid */
                                id: string;
                                /** @description display name, else user name */
                                name: string;
                            } | null;
                            reviewNote: string | null;
                            /** @enum {string} */
                            state: "submitted" | "approved" | "returned";
                            /** Format: date-time */
                            submittedAt: string;
                            /** @description null: submitted by the system (demo, CLI) */
                            submittedBy: {
                                /** Format: uuid */
                                id: string;
                                /** @description display name, else user name */
                                name: string;
                            } | null;
                            summary: {
                                answered: number;
                                mechanisms: {
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    engineering: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    institutional: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    social: number | null;
                                };
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                overall: number | null;
                                sections: {
                                    id: string;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    score: number | null;
                                }[];
                                traits: {
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    adaptability: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    redundancy: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    self_organisation: number | null;
                                };
                            };
                        } | null;
                        place: {
                            /** Format: uuid */
                            id: string;
                            level: string;
                            name: string;
                            nameEn: string | null;
                            path: string;
                        };
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
    listQuestionBanks: {
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
                        banks: {
                            id: string;
                            scale: {
                                labels: {
                                    score: number;
                                    text: {
                                        en: string;
                                        "zh-CN": string;
                                    };
                                }[];
                                max: number;
                                min: number;
                            };
                            sections: {
                                id: string;
                                questions: {
                                    /** @description the evidence asked for */
                                    evidence: {
                                        en: string;
                                        "zh-CN": string;
                                    };
                                    id: string;
                                    /** @enum {string} */
                                    mechanism: "engineering" | "institutional" | "social";
                                    text: {
                                        en: string;
                                        "zh-CN": string;
                                    };
                                    /** @enum {string} */
                                    trait: "self_organisation" | "redundancy" | "adaptability";
                                }[];
                                title: {
                                    en: string;
                                    "zh-CN": string;
                                };
                            }[];
                            source: {
                                en: string;
                                "zh-CN": string;
                            };
                            title: {
                                en: string;
                                "zh-CN": string;
                            };
                            version: number;
                        }[];
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
    getCommunityResilience: {
        parameters: {
            query?: {
                /** @description default: the latest computed date */
                date?: string;
            };
            header?: never;
            path: {
                /** @description the community's place path */
                path: string;
            };
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
                        /** @description the latest approved self-assessment, else the latest submitted one (null: none) */
                        assessment: {
                            bank: {
                                id: string;
                                title: {
                                    en: string;
                                    "zh-CN": string;
                                };
                                version: number;
                            };
                            /** Format: uuid */
                            id: string;
                            /** Format: date-time */
                            reviewedAt: string | null;
                            /** @enum {string} */
                            state: "approved" | "submitted";
                            /** Format: date-time */
                            submittedAt: string;
                            summary: {
                                answered: number;
                                mechanisms: {
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    engineering: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    institutional: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    social: number | null;
                                };
                                /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                overall: number | null;
                                sections: {
                                    id: string;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    score: number | null;
                                }[];
                                traits: {
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    adaptability: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    redundancy: number | null;
                                    /** @description 0–1: the mean answer normalised; null: the bank asks nothing of it */
                                    self_organisation: number | null;
                                };
                            };
                        } | null;
                        community: {
                            /** @description the district's path */
                            district: string | null;
                            districtName: string | null;
                            /** Format: uuid */
                            id: string;
                            lat: number | null;
                            lon: number | null;
                            name: string;
                            nameEn: string | null;
                            path: string;
                            residents: number;
                            /** @description the street's path */
                            street: string | null;
                            streetName: string | null;
                        };
                        /** @description the last 90 computed dates, oldest first */
                        history: {
                            /** @description null: no indicator of that group */
                            adaptability: number | null;
                            date: string;
                            /** @description null: no indicator of that group */
                            engineering: number | null;
                            /** @description the sum of the mechanisms present (0 to 3) */
                            index: number | null;
                            /** @description null: no indicator of that group */
                            institutional: number | null;
                            /** @description null: no indicator of that group */
                            redundancy: number | null;
                            /** @description null: no indicator of that group */
                            self_organisation: number | null;
                            /** @description null: no indicator of that group */
                            social: number | null;
                        }[];
                        /** @description enabled indicators it has no value for */
                        missing: string[];
                        /** @description the (at most 3) moves that would raise its index most */
                        next: {
                            advice: {
                                amount: number;
                                text: {
                                    en: string;
                                    "zh-CN": string;
                                };
                            } | null;
                            current: number;
                            /** @description index points gained */
                            gain: number;
                            key: string;
                            target: number;
                            /** @enum {string} */
                            targetOf: "street_median" | "city_median" | "city_best";
                        }[];
                        run: {
                            /** @description enabled indicators with no value anywhere */
                            absent: string[];
                            communities: number;
                            /** Format: date-time */
                            computedAt: string;
                            date: string;
                            /** @description indicators the city switched off */
                            disabled: string[];
                            /** @description the enabled indicators computed */
                            indicators: string[];
                            /** @description how long the computation took */
                            ms: number;
                        } | null;
                        scores: {
                            /** @description null: no indicator of that group */
                            adaptability: number | null;
                            /** @description null: no indicator of that group */
                            engineering: number | null;
                            /** @description the sum of the mechanisms present (0 to 3) */
                            index: number | null;
                            indicators: number;
                            /** @description null: no indicator of that group */
                            institutional: number | null;
                            /** @description 1 = the highest index in the city; ties share a rank */
                            rank: number | null;
                            /** @description null: no indicator of that group */
                            redundancy: number | null;
                            /** @description null: no indicator of that group */
                            self_organisation: number | null;
                            /** @description null: no indicator of that group */
                            social: number | null;
                        } | null;
                        values: {
                            key: string;
                            normalised: number | null;
                            recordCount: number;
                            summary: {
                                en: string;
                                "zh-CN": string;
                            };
                            value: number;
                        }[];
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
    explainResilienceScore: {
        parameters: {
            query?: {
                /** @description default: the latest computed date */
                date?: string;
                /** @description one indicator: its records too */
                key?: string;
            };
            header?: never;
            path: {
                /** @description the community's place path */
                path: string;
            };
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
                        community: {
                            /** @description the district's path */
                            district: string | null;
                            districtName: string | null;
                            /** Format: uuid */
                            id: string;
                            lat: number | null;
                            lon: number | null;
                            name: string;
                            nameEn: string | null;
                            path: string;
                            residents: number;
                            /** @description the street's path */
                            street: string | null;
                            streetName: string | null;
                        };
                        date: string;
                        index: number | null;
                        /** @description with `key`: that indicator with its records */
                        indicator?: {
                            /** @description communities with a value */
                            count: number;
                            denominator?: number | null;
                            /** @enum {string} */
                            direction: "higher" | "lower";
                            key: string;
                            max: number | null;
                            /** @enum {string} */
                            mechanism: "engineering" | "institutional" | "social";
                            /** @description the lowest value in the city */
                            min: number | null;
                            /** @description no value: left out of its means */
                            missing: boolean;
                            normalised: number | null;
                            numerator?: number | null;
                            recordCount?: number;
                            records?: {
                                id: string;
                                kind: string;
                                label: string;
                                note?: {
                                    en: string;
                                    "zh-CN": string;
                                };
                                value?: number;
                            }[];
                            summary: {
                                en: string;
                                "zh-CN": string;
                            } | null;
                            title: {
                                en: string;
                                "zh-CN": string;
                            };
                            /** @enum {string} */
                            trait: "self_organisation" | "redundancy" | "adaptability";
                            unit: string;
                            value: number | null;
                        };
                        mechanisms: {
                            indicators: {
                                /** @description communities with a value */
                                count: number;
                                denominator?: number | null;
                                /** @enum {string} */
                                direction: "higher" | "lower";
                                key: string;
                                max: number | null;
                                /** @enum {string} */
                                mechanism: "engineering" | "institutional" | "social";
                                /** @description the lowest value in the city */
                                min: number | null;
                                /** @description no value: left out of its means */
                                missing: boolean;
                                normalised: number | null;
                                numerator?: number | null;
                                recordCount?: number;
                                records?: {
                                    id: string;
                                    kind: string;
                                    label: string;
                                    note?: {
                                        en: string;
                                        "zh-CN": string;
                                    };
                                    value?: number;
                                }[];
                                summary: {
                                    en: string;
                                    "zh-CN": string;
                                } | null;
                                title: {
                                    en: string;
                                    "zh-CN": string;
                                };
                                /** @enum {string} */
                                trait: "self_organisation" | "redundancy" | "adaptability";
                                unit: string;
                                value: number | null;
                            }[];
                            /** @enum {string} */
                            mechanism: "engineering" | "institutional" | "social";
                            score: number | null;
                        }[];
                        traits: {
                            indicators: string[];
                            score: number | null;
                            /** @enum {string} */
                            trait: "self_organisation" | "redundancy" | "adaptability";
                        }[];
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
    sendResilienceTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the community's place path */
                path: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description default: the latest computed date */
                    date?: string;
                    /** @description an indicator key, `area.what` */
                    key: string;
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
                        item: {
                            detail: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            due: string;
                            /** Format: uuid */
                            id: string;
                            origin: string;
                            originRef: string;
                            placeId: string;
                            placePath: string;
                            state: string;
                            title: string;
                        };
                        /** @description false: the same task was sent before */
                        raised: boolean;
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
    getResilienceIndex: {
        parameters: {
            query?: {
                /** @description default: the latest computed date */
                date?: string;
                /** @description rows are communities (the only level scored) */
                level?: "community";
                /** @description only communities at or under this place (within yours) */
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
                        /** @description recent computed dates, newest first */
                        dates: string[];
                        rows: {
                            /** @description null: no indicator of that group */
                            adaptability: number | null;
                            community: {
                                /** @description the district's path */
                                district: string | null;
                                districtName: string | null;
                                /** Format: uuid */
                                id: string;
                                lat: number | null;
                                lon: number | null;
                                name: string;
                                nameEn: string | null;
                                path: string;
                                residents: number;
                                /** @description the street's path */
                                street: string | null;
                                streetName: string | null;
                            };
                            /** @description null: no indicator of that group */
                            engineering: number | null;
                            /** @description the sum of the mechanisms present (0 to 3) */
                            index: number | null;
                            /** @description indicators with a value */
                            indicators: number;
                            /** @description null: no indicator of that group */
                            institutional: number | null;
                            /** @description 1 = the highest index in the city; ties share a rank */
                            rank: number | null;
                            /** @description null: no indicator of that group */
                            redundancy: number | null;
                            /** @description null: no indicator of that group */
                            self_organisation: number | null;
                            /** @description null: no indicator of that group */
                            social: number | null;
                        }[];
                        run: {
                            /** @description enabled indicators with no value anywhere */
                            absent: string[];
                            communities: number;
                            /** Format: date-time */
                            computedAt: string;
                            date: string;
                            /** @description indicators the city switched off */
                            disabled: string[];
                            /** @description the enabled indicators computed */
                            indicators: string[];
                            /** @description how long the computation took */
                            ms: number;
                        } | null;
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
    computeResilienceIndex: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the city date to compute (default today) */
                    date?: string;
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
                        /** @description enabled indicators with no value anywhere */
                        absent: string[];
                        communities: number;
                        /** Format: date-time */
                        computedAt: string;
                        date: string;
                        /** @description indicators the city switched off */
                        disabled: string[];
                        /** @description the enabled indicators computed */
                        indicators: string[];
                        /** @description how long the computation took */
                        ms: number;
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
    listResilienceIndicators: {
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
                        /** @description the hazards the city lists (plan.coverage) */
                        hazards: string[];
                        indicators: {
                            /** @description communities with a value in the latest run */
                            communities: number;
                            definition: {
                                en: string;
                                "zh-CN": string;
                            };
                            /** @enum {string} */
                            direction: "higher" | "lower";
                            enabled: boolean;
                            key: string;
                            /** @enum {string} */
                            mechanism: "engineering" | "institutional" | "social";
                            /**
                             * @description the platform's own, or the city's upload
                             * @enum {string}
                             */
                            source: "platform" | "city";
                            title: {
                                en: string;
                                "zh-CN": string;
                            };
                            /** @enum {string} */
                            trait: "self_organisation" | "redundancy" | "adaptability";
                            unit: string;
                        }[];
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
    updateResilienceIndicator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description an indicator key, `area.what` */
                key: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
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
                        /** @description communities with a value in the latest run */
                        communities: number;
                        definition: {
                            en: string;
                            "zh-CN": string;
                        };
                        /** @enum {string} */
                        direction: "higher" | "lower";
                        enabled: boolean;
                        key: string;
                        /** @enum {string} */
                        mechanism: "engineering" | "institutional" | "social";
                        /**
                         * @description the platform's own, or the city's upload
                         * @enum {string}
                         */
                        source: "platform" | "city";
                        title: {
                            en: string;
                            "zh-CN": string;
                        };
                        /** @enum {string} */
                        trait: "self_organisation" | "redundancy" | "adaptability";
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
        };
    };
    importResilienceIndicators: {
        parameters: {
            query?: {
                /** @description the file's name, for the audit trail */
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
                        saved: number;
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
    importResilienceValues: {
        parameters: {
            query?: {
                /** @description the file's name, for the audit trail */
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
                        saved: number;
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
    getPoolSizeAdvice: {
        parameters: {
            query?: {
                prevalence?: number;
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
                        compare: {
                            expectedTests: number;
                            k: number;
                            testsPer10000: number;
                        }[];
                        expectedTests: number;
                        k: number;
                        observed: {
                            name: string;
                            prevalence: number | null;
                            roundId: string;
                            tubes: number;
                        }[];
                        pooling: boolean;
                        prevalence: number;
                        /** @enum {string} */
                        source: "given" | "observed";
                        testsPer10000: number;
                        warning: {
                            en: string;
                            "zh-CN": string;
                        };
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
    listResultImports: {
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
                        accepted: number;
                        fileName: string | null;
                        id: string;
                        /** Format: date-time */
                        importedAt: string;
                        importedBy: string | null;
                        importedByName: string | null;
                        rejects: {
                            line: number;
                            message: {
                                en: string;
                                "zh-CN": string;
                            };
                            reason: string;
                        }[];
                        rows: number;
                        /** @description what the file resolved (importTubeResults without its id and rejects) */
                        summary: {
                            healthCodeChanges?: number;
                            itemsClosed?: number;
                            itemsRaised?: number;
                            members?: {
                                awaitingRetest: number;
                                negative: number;
                                positive: number;
                                resample: number;
                            };
                            tubes?: {
                                invalid: number;
                                negative: number;
                                positive: number;
                            };
                        };
                        unchanged: number;
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
    importTubeResults: {
        parameters: {
            query?: {
                /** @description the file's name, kept with the import */
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
                        /** @description new results set on tubes */
                        accepted: number;
                        healthCodeChanges: number;
                        /** Format: uuid */
                        importId: string;
                        itemsClosed: number;
                        itemsRaised: number;
                        members: {
                            awaitingRetest: number;
                            negative: number;
                            positive: number;
                            resample: number;
                        };
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
                        tubes: {
                            invalid: number;
                            negative: number;
                            positive: number;
                        };
                        /** @description rows repeating a tube's result */
                        unchanged: number;
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
    listScreeningRounds: {
        parameters: {
            query?: {
                limit?: number;
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
                        createdBy: string | null;
                        /** Format: date-time */
                        from: string;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        places: {
                            name: string;
                            path: string;
                            /** @enum {string} */
                            zone: "sealed" | "controlled" | "prevention";
                        }[];
                        pooling: {
                            controlled: number;
                            prevention: number;
                            sealed: number;
                        };
                        /** Format: date-time */
                        to: string;
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
    createScreeningRound: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    from: string;
                    name: string;
                    places: {
                        path: string;
                        /** @enum {string} */
                        zone: "sealed" | "controlled" | "prevention";
                    }[];
                    pooling?: {
                        controlled?: number;
                        prevention?: number;
                        sealed?: number;
                    };
                    sites?: {
                        capacityPerHour: number;
                        closes: string;
                        lat?: number;
                        lon?: number;
                        name: string;
                        opens: string;
                        place: string;
                        /** @enum {string} */
                        zone?: "sealed" | "controlled" | "prevention";
                    }[];
                    /** Format: date-time */
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
                        expected: number;
                        round: {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            from: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            places: {
                                name: string;
                                path: string;
                                /** @enum {string} */
                                zone: "sealed" | "controlled" | "prevention";
                            }[];
                            pooling: {
                                controlled: number;
                                prevention: number;
                                sealed: number;
                            };
                            /** Format: date-time */
                            to: string;
                        };
                        sites: {
                            capacityPerHour: number;
                            closes: string;
                            /** Format: uuid */
                            id: string;
                            lat: number | null;
                            lon: number | null;
                            name: string;
                            opens: string;
                            place: string;
                            /** Format: uuid */
                            roundId: string;
                            /** @enum {string} */
                            zone: "sealed" | "controlled" | "prevention";
                        }[];
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
    getScreeningRound: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        round: {
                            /** Format: date-time */
                            createdAt: string;
                            createdBy: string | null;
                            /** Format: date-time */
                            from: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            places: {
                                name: string;
                                path: string;
                                /** @enum {string} */
                                zone: "sealed" | "controlled" | "prevention";
                            }[];
                            pooling: {
                                controlled: number;
                                prevention: number;
                                sealed: number;
                            };
                            /** Format: date-time */
                            to: string;
                        };
                        sites: {
                            capacityPerHour: number;
                            closes: string;
                            /** Format: uuid */
                            id: string;
                            lat: number | null;
                            lon: number | null;
                            name: string;
                            opens: string;
                            place: string;
                            /** Format: uuid */
                            roundId: string;
                            /** @enum {string} */
                            zone: "sealed" | "controlled" | "prevention";
                        }[];
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
    getRoundCoverage: {
        parameters: {
            query?: {
                /** @description a place within yours; default your place */
                under?: string;
            };
            header?: never;
            path: {
                id: string;
            };
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
                        communities: {
                            exempt: number;
                            /** @description residents expected, exemptions excluded */
                            expected: number;
                            lat: number | null;
                            lon: number | null;
                            name: string;
                            /** @description the community's path ('' for people homed above community level) */
                            path: string;
                            tested: number;
                            untested: number;
                            /** @description households where nobody expected was tested */
                            untestedHouseholds: number;
                        }[];
                        countdown: {
                            capacityPerHour: number;
                            /** Format: date-time */
                            endsAt: string;
                            hoursLeft: number;
                            hoursNeeded: number | null;
                            onTrack: boolean | null;
                            untested: number;
                        };
                        counts: {
                            /** @description people of positive pools still awaiting a single-tube re-test */
                            awaitingRetest: number;
                            /** @description one per tube with a result */
                            labTests: number;
                            /** @description tubes without a result yet */
                            pending: number;
                            /** @description distinct people in the tubes (someone sampled twice counts once) */
                            peopleSampled: number;
                            positivePools: number;
                            /** @description people with a positive single tube */
                            positives: number;
                            /** @description individual results: members of negative tubes and of positive single tubes */
                            resolved: number;
                            sealedTubes: number;
                            tubes: number;
                        };
                        roundId: string;
                        totals: {
                            exempt: number;
                            expected: number;
                            tested: number;
                            untested: number;
                            untestedHouseholds: number;
                        };
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
    setScreeningExemption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                personId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    /**
                     * @description why the person is not expected; 'none' clears it
                     * @enum {string}
                     */
                    reason: "bedridden" | "away" | "infant" | "other" | "none";
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    addScreeningSite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    capacityPerHour: number;
                    closes: string;
                    lat?: number;
                    lon?: number;
                    name: string;
                    opens: string;
                    place: string;
                    /** @enum {string} */
                    zone?: "sealed" | "controlled" | "prevention";
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
                        capacityPerHour: number;
                        closes: string;
                        /** Format: uuid */
                        id: string;
                        lat: number | null;
                        lon: number | null;
                        name: string;
                        opens: string;
                        place: string;
                        /** Format: uuid */
                        roundId: string;
                        /** @enum {string} */
                        zone: "sealed" | "controlled" | "prevention";
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
    listUntested: {
        parameters: {
            query?: {
                format?: "json" | "xlsx" | "csv";
                limit?: number;
                offset?: number;
                /** @description the untested (default), or those exempted with their reasons */
                status?: "untested" | "exempt";
                under?: string;
            };
            header?: never;
            path: {
                id: string;
            };
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
                        people: {
                            address: string | null;
                            community: string;
                            communityName: string;
                            exemptNote: string | null;
                            /** @enum {string|null} */
                            exemptReason: "bedridden" | "away" | "infant" | "other" | null;
                            /** @description its address, else its registry key */
                            household: string | null;
                            householdId: string | null;
                            name: string;
                            personId: string;
                            phoneMasked: string | null;
                        }[];
                        total: number;
                    };
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
                        people: {
                            address: string | null;
                            community: string;
                            communityName: string;
                            exemptNote: string | null;
                            /** @enum {string|null} */
                            exemptReason: "bedridden" | "away" | "infant" | "other" | null;
                            /** @description its address, else its registry key */
                            household: string | null;
                            householdId: string | null;
                            name: string;
                            personId: string;
                            phoneMasked: string | null;
                        }[];
                        total: number;
                    };
                    "text/csv": {
                        people: {
                            address: string | null;
                            community: string;
                            communityName: string;
                            exemptNote: string | null;
                            /** @enum {string|null} */
                            exemptReason: "bedridden" | "away" | "infant" | "other" | null;
                            /** @description its address, else its registry key */
                            household: string | null;
                            householdId: string | null;
                            name: string;
                            personId: string;
                            phoneMasked: string | null;
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
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    "text/csv": components["schemas"]["Error"];
                };
            };
        };
    };
    registerSample: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the tube's size when this scan opens it (default: the site's pooling); 1 for a re-test */
                    k?: number;
                    /** @description exactly one of: the registry id, the ID number, the phone, or the health-code QR token */
                    person: {
                        /** Format: uuid */
                        id?: string;
                        idNumber?: string;
                        phone?: string;
                        token?: string;
                    };
                    /** Format: uuid */
                    siteId: string;
                    tube: string;
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
                        /** @description the person's other tubes in this round */
                        alsoInRound: {
                            barcode: string;
                            /** Format: date-time */
                            sampledAt: string;
                        }[];
                        /** @description already in this tube: nothing changed */
                        duplicate: boolean;
                        person: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                        };
                        position: number;
                        tube: {
                            barcode: string;
                            full: boolean;
                            k: number;
                            members: number;
                            /** Format: date-time */
                            sampledAt: string;
                            sealed: boolean;
                        };
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
    getTube: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                barcode: string;
            };
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
                        barcode: string;
                        k: number;
                        members: number;
                        people: {
                            name: string;
                            personId: string;
                            position: number;
                            /** Format: date-time */
                            scannedAt: string;
                        }[];
                        /** Format: date-time */
                        reportedAt: string | null;
                        /** @enum {string|null} */
                        result: "negative" | "positive" | "invalid" | null;
                        roundId: string | null;
                        /** Format: date-time */
                        sampledAt: string;
                        /** Format: date-time */
                        sealedAt: string | null;
                        siteId: string | null;
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
    sealTube: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                barcode: string;
            };
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
                        barcode: string;
                        k: number;
                        members: number;
                        /** Format: date-time */
                        sealedAt: string;
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
    getSession: {
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
                        /** @description send it back as the x-csrf-token header */
                        csrfToken: string;
                        user: components["schemas"]["User"];
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
    listShelters: {
        parameters: {
            query?: {
                /** @description part of the name or address */
                q?: string;
                state?: "closed" | "open";
                /** @description only those at or under this place (within yours) */
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
                        /**
                         * @description night from 20:00 to 08:00 city time
                         * @enum {string}
                         */
                        period: "day" | "night";
                        /**
                         * Format: date-time
                         * @description when the other capacity takes over
                         */
                        periodEndsAt: string;
                        shelters: {
                            address: string | null;
                            /** @description capacity − occupancy now (below zero when the night capacity is smaller than the people in) */
                            available: number;
                            /** @description the period's capacity */
                            capacity: number;
                            capacityDay: number;
                            capacityNight: number;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            /** @description people checked in and not yet out */
                            occupancy: number;
                            offers: ("accessible" | "beds" | "medical" | "pets")[];
                            /**
                             * @description night from 20:00 to 08:00 city time
                             * @enum {string}
                             */
                            period: "day" | "night";
                            place: string;
                            placeName: string;
                            /** @enum {string} */
                            state: "closed" | "open";
                            /** Format: date-time */
                            stateChangedAt: string | null;
                            /** @enum {string} */
                            type: "indoor" | "outdoor";
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        totals: {
                            /** @description places left in the open shelters */
                            available: number;
                            /** @description the shelters' capacities now */
                            capacity: number;
                            occupancy: number;
                            open: number;
                            shelters: number;
                        };
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
    createShelter: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    /** @description people it takes from 08:00 to 20:00 city time */
                    capacityDay: number;
                    /** @description people it takes from 20:00 to 08:00 city time */
                    capacityNight: number;
                    lat: number;
                    lon: number;
                    name: string;
                    offers?: ("accessible" | "beds" | "medical" | "pets")[];
                    /** @description the place it belongs to (within yours) */
                    place: string;
                    /** @enum {string} */
                    type: "indoor" | "outdoor";
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
                        address: string | null;
                        /** @description capacity − occupancy now (below zero when the night capacity is smaller than the people in) */
                        available: number;
                        /** @description the period's capacity */
                        capacity: number;
                        capacityDay: number;
                        capacityNight: number;
                        /** Format: uuid */
                        id: string;
                        lat: number;
                        lon: number;
                        name: string;
                        /** @description people checked in and not yet out */
                        occupancy: number;
                        offers: ("accessible" | "beds" | "medical" | "pets")[];
                        /**
                         * @description night from 20:00 to 08:00 city time
                         * @enum {string}
                         */
                        period: "day" | "night";
                        place: string;
                        placeName: string;
                        /** @enum {string} */
                        state: "closed" | "open";
                        /** Format: date-time */
                        stateChangedAt: string | null;
                        /** @enum {string} */
                        type: "indoor" | "outdoor";
                        /** Format: date-time */
                        updatedAt: string;
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
    getShelter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        occupants: {
                            /** Format: date-time */
                            checkedInAt: string;
                            checkedInBy: string | null;
                            checkedInByName: string | null;
                            /** Format: date-time */
                            checkedOutAt: string | null;
                            checkedOutBy: string | null;
                            homeName: string | null;
                            homePath: string | null;
                            householdId: string | null;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            note: string | null;
                            people: number;
                            personId: string | null;
                            /** Format: uuid */
                            shelterId: string;
                        }[];
                        /** @description people checked in who are not listed (homed outside your place) */
                        others: number;
                        shelter: {
                            address: string | null;
                            /** @description capacity − occupancy now (below zero when the night capacity is smaller than the people in) */
                            available: number;
                            /** @description the period's capacity */
                            capacity: number;
                            capacityDay: number;
                            capacityNight: number;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            /** @description people checked in and not yet out */
                            occupancy: number;
                            offers: ("accessible" | "beds" | "medical" | "pets")[];
                            /**
                             * @description night from 20:00 to 08:00 city time
                             * @enum {string}
                             */
                            period: "day" | "night";
                            place: string;
                            placeName: string;
                            /** @enum {string} */
                            state: "closed" | "open";
                            /** Format: date-time */
                            stateChangedAt: string | null;
                            /** @enum {string} */
                            type: "indoor" | "outdoor";
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    updateShelter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    /** @description people it takes from 08:00 to 20:00 city time */
                    capacityDay?: number;
                    /** @description people it takes from 20:00 to 08:00 city time */
                    capacityNight?: number;
                    lat?: number;
                    lon?: number;
                    name?: string;
                    offers?: ("accessible" | "beds" | "medical" | "pets")[];
                    /** @description the place it belongs to (within yours) */
                    place?: string;
                    /** @enum {string} */
                    type?: "indoor" | "outdoor";
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
                        address: string | null;
                        /** @description capacity − occupancy now (below zero when the night capacity is smaller than the people in) */
                        available: number;
                        /** @description the period's capacity */
                        capacity: number;
                        capacityDay: number;
                        capacityNight: number;
                        /** Format: uuid */
                        id: string;
                        lat: number;
                        lon: number;
                        name: string;
                        /** @description people checked in and not yet out */
                        occupancy: number;
                        offers: ("accessible" | "beds" | "medical" | "pets")[];
                        /**
                         * @description night from 20:00 to 08:00 city time
                         * @enum {string}
                         */
                        period: "day" | "night";
                        place: string;
                        placeName: string;
                        /** @enum {string} */
                        state: "closed" | "open";
                        /** Format: date-time */
                        stateChangedAt: string | null;
                        /** @enum {string} */
                        type: "indoor" | "outdoor";
                        /** Format: date-time */
                        updatedAt: string;
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
    checkInShelter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        /** @description one of: a registry person; a registry household (its members, or `people`); a name with a number of people */
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    household?: string;
                    name?: string;
                    note?: string;
                    people?: number;
                    /** Format: uuid */
                    person?: string;
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
                        checkIn: {
                            /** Format: date-time */
                            checkedInAt: string;
                            checkedInBy: string | null;
                            /** Format: date-time */
                            checkedOutAt: string | null;
                            checkedOutBy: string | null;
                            householdId: string | null;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            note: string | null;
                            people: number;
                            personId: string | null;
                            /** Format: uuid */
                            shelterId: string;
                        };
                        shelter: {
                            address: string | null;
                            /** @description capacity − occupancy now (below zero when the night capacity is smaller than the people in) */
                            available: number;
                            /** @description the period's capacity */
                            capacity: number;
                            capacityDay: number;
                            capacityNight: number;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            /** @description people checked in and not yet out */
                            occupancy: number;
                            offers: ("accessible" | "beds" | "medical" | "pets")[];
                            /**
                             * @description night from 20:00 to 08:00 city time
                             * @enum {string}
                             */
                            period: "day" | "night";
                            place: string;
                            placeName: string;
                            /** @enum {string} */
                            state: "closed" | "open";
                            /** Format: date-time */
                            stateChangedAt: string | null;
                            /** @enum {string} */
                            type: "indoor" | "outdoor";
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    setShelterState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason?: string;
                    /** @enum {string} */
                    state: "closed" | "open";
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
                        changed: boolean;
                        shelter: {
                            address: string | null;
                            /** @description capacity − occupancy now (below zero when the night capacity is smaller than the people in) */
                            available: number;
                            /** @description the period's capacity */
                            capacity: number;
                            capacityDay: number;
                            capacityNight: number;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            /** @description people checked in and not yet out */
                            occupancy: number;
                            offers: ("accessible" | "beds" | "medical" | "pets")[];
                            /**
                             * @description night from 20:00 to 08:00 city time
                             * @enum {string}
                             */
                            period: "day" | "night";
                            place: string;
                            placeName: string;
                            /** @enum {string} */
                            state: "closed" | "open";
                            /** Format: date-time */
                            stateChangedAt: string | null;
                            /** @enum {string} */
                            type: "indoor" | "outdoor";
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    checkOutShelter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        changed: boolean;
                        checkIn: {
                            /** Format: date-time */
                            checkedInAt: string;
                            checkedInBy: string | null;
                            /** Format: date-time */
                            checkedOutAt: string | null;
                            checkedOutBy: string | null;
                            householdId: string | null;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            note: string | null;
                            people: number;
                            personId: string | null;
                            /** Format: uuid */
                            shelterId: string;
                        };
                        shelter: {
                            address: string | null;
                            /** @description capacity − occupancy now (below zero when the night capacity is smaller than the people in) */
                            available: number;
                            /** @description the period's capacity */
                            capacity: number;
                            capacityDay: number;
                            capacityNight: number;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            /** @description people checked in and not yet out */
                            occupancy: number;
                            offers: ("accessible" | "beds" | "medical" | "pets")[];
                            /**
                             * @description night from 20:00 to 08:00 city time
                             * @enum {string}
                             */
                            period: "day" | "night";
                            place: string;
                            placeName: string;
                            /** @enum {string} */
                            state: "closed" | "open";
                            /** Format: date-time */
                            stateChangedAt: string | null;
                            /** @enum {string} */
                            type: "indoor" | "outdoor";
                            /** Format: date-time */
                            updatedAt: string;
                        };
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
    findEvacuees: {
        parameters: {
            query: {
                q: string;
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
                        checkIn: {
                            /** @enum {string} */
                            as: "person" | "household";
                            /** Format: uuid */
                            id: string;
                            people: number;
                            shelter: string;
                            /** Format: uuid */
                            shelterId: string;
                        } | null;
                        homeName: string;
                        homePath: string;
                        household: {
                            address: string | null;
                            /** Format: uuid */
                            id: string;
                            members: number;
                            names: string[];
                        } | null;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        phoneMasked: string | null;
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
    exportShelters: {
        parameters: {
            query?: {
                format?: "geojson" | "edxl";
                under?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": components["schemas"]["Error"];
                    "application/xml": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": components["schemas"]["Error"];
                    "application/xml": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": components["schemas"]["Error"];
                    "application/xml": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/geo+json": components["schemas"]["Error"];
                    "application/xml": components["schemas"]["Error"];
                };
            };
        };
    };
    importShelters: {
        parameters: {
            query?: {
                /** @description the file's name, for the audit trail */
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
    findShelterWithRoom: {
        parameters: {
            query?: {
                alternatives?: number;
                household?: string;
                lat?: number;
                lon?: number;
                /** @description how many need a place (default 1) */
                people?: number;
                person?: string;
                place?: string;
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
                        alternatives: {
                            address: string | null;
                            /** @description capacity − occupancy now (below zero when the night capacity is smaller than the people in) */
                            available: number;
                            /** @description the period's capacity */
                            capacity: number;
                            capacityDay: number;
                            capacityNight: number;
                            /** @description great-circle, metres */
                            distanceM: number;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            /** @description people checked in and not yet out */
                            occupancy: number;
                            offers: ("accessible" | "beds" | "medical" | "pets")[];
                            /**
                             * @description night from 20:00 to 08:00 city time
                             * @enum {string}
                             */
                            period: "day" | "night";
                            place: string;
                            placeName: string;
                            /** @enum {string} */
                            state: "closed" | "open";
                            /** Format: date-time */
                            stateChangedAt: string | null;
                            /** @enum {string} */
                            type: "indoor" | "outdoor";
                            /** Format: date-time */
                            updatedAt: string;
                        }[];
                        from: {
                            lat: number;
                            lon: number;
                            place: string | null;
                            placeName: string | null;
                            /**
                             * @description the point given, the home's community centre, or the nearest place above with one
                             * @enum {string}
                             */
                            source: "given" | "community" | "place";
                        };
                        people: number;
                        shelter: {
                            address: string | null;
                            /** @description capacity − occupancy now (below zero when the night capacity is smaller than the people in) */
                            available: number;
                            /** @description the period's capacity */
                            capacity: number;
                            capacityDay: number;
                            capacityNight: number;
                            /** @description great-circle, metres */
                            distanceM: number;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            /** @description people checked in and not yet out */
                            occupancy: number;
                            offers: ("accessible" | "beds" | "medical" | "pets")[];
                            /**
                             * @description night from 20:00 to 08:00 city time
                             * @enum {string}
                             */
                            period: "day" | "night";
                            place: string;
                            placeName: string;
                            /** @enum {string} */
                            state: "closed" | "open";
                            /** Format: date-time */
                            stateChangedAt: string | null;
                            /** @enum {string} */
                            type: "indoor" | "outdoor";
                            /** Format: date-time */
                            updatedAt: string;
                        } | null;
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
    getCompanionCells: {
        parameters: {
            query?: {
                caseId?: string;
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
                        features: {
                            geometry?: {
                                coordinates?: unknown[][][];
                                type?: string;
                            };
                            properties?: {
                                cell?: string;
                                companions?: number;
                            };
                            type?: string;
                        }[];
                        /** @enum {string} */
                        type: "FeatureCollection";
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
    getPlaceStats: {
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
                        children: {
                            cases: number;
                            companions: number;
                            doneTasks?: number;
                            green: number;
                            lat?: number | null;
                            level: string;
                            lon?: number | null;
                            name: string;
                            nameEn?: string | null;
                            openTasks?: number;
                            overdueTasks?: number;
                            path: string;
                            people: number;
                            red: number;
                            yellow: number;
                        }[];
                        place: {
                            cases: number;
                            companions: number;
                            doneTasks?: number;
                            green: number;
                            lat?: number | null;
                            level: string;
                            lon?: number | null;
                            name: string;
                            nameEn?: string | null;
                            openTasks?: number;
                            overdueTasks?: number;
                            path: string;
                            people: number;
                            red: number;
                            yellow: number;
                        };
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
    getStreamStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description `{ enabled: false }` when streaming is off; every other field only when it is on */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description when this was read (epoch seconds, the service clock) */
                        at?: number;
                        enabled: boolean;
                        members?: {
                            id: string;
                            /** @enum {string} */
                            kind: "builder" | "index";
                            /** @description last heartbeat (epoch seconds) */
                            seenAt: number;
                        }[];
                        partitions?: {
                            /** @description last PINGS sequence built and routed */
                            built: number;
                            duplicates: number;
                            lag: number;
                            /** @description latest kept ping (epoch seconds), null before the first */
                            maxInstant: number | null;
                            /** @description the role holding the lease, null when none */
                            owner: string | null;
                            partition: number;
                            pings: number;
                            /** @description last PINGS sequence published (0: none) */
                            published: number;
                        }[];
                        shards?: {
                            /** @description last STAYS sequence applied */
                            applied: number;
                            lag: number;
                            /** @description the role holding the lease, null when none */
                            owner: string | null;
                            /** @description last STAYS sequence published */
                            published: number;
                            shard: number;
                            /** @description as last reported, null: never */
                            stays: number | null;
                        }[];
                        totals?: {
                            /** @description messages published but not yet built or applied */
                            lag: number;
                            /** @description pings built into stays */
                            pings: number;
                            /** @description stays held by the shards */
                            stays: number;
                        };
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
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
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
    listTasks: {
        parameters: {
            query?: {
                assignedTo?: string;
                caseId?: string;
                limit?: number;
                offset?: number;
                overdue?: boolean;
                place?: string;
                q?: string;
                sort?: "due" | "created" | "updated" | "place";
                state?: ("pending" | "in_progress" | "done" | "not_executable")[];
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
                        tasks: components["schemas"]["Task"][];
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
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                    "application/json": components["schemas"]["Task"];
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
    updateTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    assignedTo?: string | null;
                    note?: string | null;
                    /** @enum {string|null} */
                    outcome?: "reached" | "tested" | "isolated_at_home" | "transferred" | "unreachable" | null;
                    place?: string;
                    /** @enum {string} */
                    state?: "pending" | "in_progress" | "done" | "not_executable";
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
                    "application/json": components["schemas"]["Task"];
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
    reassignTasks: {
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
                    assignedTo?: string | null;
                    ids: string[];
                    place?: string;
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
                        /** @description open tasks moved */
                        moved: number;
                        /** @description finished tasks, or ids not under your place */
                        skipped: number;
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
    recordTestResult: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    lab: string;
                    /** Format: uuid */
                    personId: string;
                    poolId?: string;
                    /** @enum {string} */
                    result: "negative" | "positive";
                    /**
                     * Format: date-time
                     * @description when the sample was taken
                     */
                    sampledAt: string;
                    sampleId: string;
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
                        /**
                         * @description the person’s colour after the result
                         * @enum {string}
                         */
                        colour: "green" | "yellow" | "red";
                        /** @description false: this sample was already recorded (nothing changed) */
                        inserted: boolean;
                        testResult: {
                            /** Format: uuid */
                            id: string;
                            kind?: string;
                            lab: string;
                            /** Format: uuid */
                            personId: string;
                            poolId: string | null;
                            /** Format: date-time */
                            reportedAt: string;
                            /** @enum {string} */
                            result: "negative" | "positive" | "invalid";
                            /** Format: date-time */
                            sampledAt: string;
                            sampleId: string;
                        };
                        transition: {
                            from?: string;
                            rule?: string;
                            to?: string;
                        } | null;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description the person’s colour after the result
                         * @enum {string}
                         */
                        colour: "green" | "yellow" | "red";
                        /** @description false: this sample was already recorded (nothing changed) */
                        inserted: boolean;
                        testResult: {
                            /** Format: uuid */
                            id: string;
                            kind?: string;
                            lab: string;
                            /** Format: uuid */
                            personId: string;
                            poolId: string | null;
                            /** Format: date-time */
                            reportedAt: string;
                            /** @enum {string} */
                            result: "negative" | "positive" | "invalid";
                            /** Format: date-time */
                            sampledAt: string;
                            sampleId: string;
                        };
                        transition: {
                            from?: string;
                            rule?: string;
                            to?: string;
                        } | null;
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
    listTrajectoryDays: {
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
                        days: {
                            /** @description stored (compressed) bytes */
                            bytes: number;
                            chunks: number;
                            /**
                             * Format: date
                             * @description local date at the city offset
                             */
                            day: string;
                            pings: number;
                        }[];
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
    purgeTrajectories: {
        parameters: {
            query?: {
                retentionDays?: number;
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
                        chunks: number;
                        /**
                         * Format: date
                         * @description days before this one were deleted
                         */
                        cutoff: string;
                        days: string[];
                        id: number;
                        pings: number;
                        /** Format: date-time */
                        purgedAt: string;
                        /** @description a user id, or system:<job> */
                        purgedBy: string;
                        retentionDays: number;
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
    verifyTrajectoryRetention: {
        parameters: {
            query?: {
                retentionDays?: number;
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
                         * Format: date
                         * @description local date at the city offset
                         */
                        cutoff: string;
                        ok: boolean;
                        /** Format: date */
                        oldestDay: string | null;
                        purges: {
                            chunks: number;
                            /**
                             * Format: date
                             * @description days before this one were deleted
                             */
                            cutoff: string;
                            days: string[];
                            id: number;
                            pings: number;
                            /** Format: date-time */
                            purgedAt: string;
                            /** @description a user id, or system:<job> */
                            purgedBy: string;
                            retentionDays: number;
                        }[];
                        staleDays: string[];
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
    listStaff: {
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
                        /** @description more than 1000: narrow with under */
                        truncated: boolean;
                        users: {
                            displayName: string | null;
                            /** Format: uuid */
                            id: string;
                            placePath: string;
                            /** @enum {string} */
                            role: "city_admin" | "district_officer" | "street_officer" | "community_worker" | "health_officer";
                            username: string;
                        }[];
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
    listVolunteers: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                organisationId?: string;
                /** @description only officials posted down (true) or only the others (false) */
                posted?: boolean;
                /** @description part of the name */
                q?: string;
                skill?: "medicine_delivery" | "food_delivery" | "transport" | "elderly_care" | "translation" | "medical" | "psychological" | "logistics";
                state?: "unverified" | "verified";
                /** @description only those at or under this place (within yours) */
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
                        total: number;
                        volunteers: {
                            /** @description tasks a day */
                            capacity: number;
                            community: string;
                            communityName: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description hours served in all */
                            hours: number;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            organisation: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "social_org" | "volunteer_team" | "property_mgmt" | "enterprise" | "unit";
                                name: string;
                            } | null;
                            personId: string | null;
                            /** @description the phone with its middle digits hidden */
                            phoneMasked: string;
                            posted: boolean;
                            skills: ("medicine_delivery" | "food_delivery" | "transport" | "elderly_care" | "translation" | "medical" | "psychological" | "logistics")[];
                            /** @enum {string} */
                            state: "unverified" | "verified";
                            userId: string | null;
                            /** Format: date-time */
                            verifiedAt: string | null;
                            verifiedBy: string | null;
                            windows: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            }[];
                        }[];
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
    registerVolunteer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the volunteer's account: a new one (role volunteer) or an existing volunteer account */
                    account?: {
                        password: string;
                        username: string;
                    } | {
                        /** Format: uuid */
                        userId: string;
                    };
                    /** @default 2 */
                    capacity?: number;
                    /** @description the community they volunteer in (for an official posted down: where posted); required from staff */
                    community?: string;
                    lat?: number | null;
                    lon?: number | null;
                    /** @description required from staff */
                    name?: string;
                    /** Format: uuid */
                    organisationId?: string | null;
                    /** Format: uuid */
                    personId?: string | null;
                    /** @description required from staff; a resident's defaults to their record's */
                    phone?: string;
                    /** @description an official posted down (下沉干部); the organisation is their unit */
                    posted?: boolean;
                    /** @description skills of the vocabulary (medicine_delivery, food_delivery, transport, elderly_care, translation, medical, psychological, logistics) or their Chinese words */
                    skills: string[];
                    windows?: {
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                    }[];
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
                        /** @description tasks a day */
                        capacity: number;
                        community: string;
                        communityName: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description hours served in all */
                        hours: number;
                        /** Format: uuid */
                        id: string;
                        lat: number;
                        lon: number;
                        name: string;
                        organisation: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "social_org" | "volunteer_team" | "property_mgmt" | "enterprise" | "unit";
                            name: string;
                        } | null;
                        personId: string | null;
                        /** @description the phone with its middle digits hidden */
                        phoneMasked: string;
                        posted: boolean;
                        skills: ("medicine_delivery" | "food_delivery" | "transport" | "elderly_care" | "translation" | "medical" | "psychological" | "logistics")[];
                        /** @enum {string} */
                        state: "unverified" | "verified";
                        userId: string | null;
                        /** Format: date-time */
                        verifiedAt: string | null;
                        verifiedBy: string | null;
                        windows: {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                        }[];
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
    getVolunteer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        hours: {
                            /** @description the city day served, YYYY-MM-DD */
                            date: string;
                            hours: number;
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            /** Format: date-time */
                            recordedAt: string;
                            source: string | null;
                        }[];
                        volunteer: {
                            /** @description tasks a day */
                            capacity: number;
                            community: string;
                            communityName: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description hours served in all */
                            hours: number;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            organisation: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "social_org" | "volunteer_team" | "property_mgmt" | "enterprise" | "unit";
                                name: string;
                            } | null;
                            personId: string | null;
                            /** @description the phone with its middle digits hidden */
                            phoneMasked: string;
                            posted: boolean;
                            skills: ("medicine_delivery" | "food_delivery" | "transport" | "elderly_care" | "translation" | "medical" | "psychological" | "logistics")[];
                            /** @enum {string} */
                            state: "unverified" | "verified";
                            userId: string | null;
                            /** Format: date-time */
                            verifiedAt: string | null;
                            verifiedBy: string | null;
                            windows: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            }[];
                        };
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
    recordVolunteerHours: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description default today (city time) */
                    date?: string;
                    hours: number;
                    note?: string;
                    /** @description recorded once per volunteer */
                    source?: string;
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
                        entry: {
                            /** @description the city day served, YYYY-MM-DD */
                            date: string;
                            hours: number;
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            /** Format: date-time */
                            recordedAt: string;
                            source: string | null;
                        } | null;
                        /** @description false: this source was recorded before */
                        recorded: boolean;
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
    verifyVolunteer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        changed: boolean;
                        volunteer: {
                            /** @description tasks a day */
                            capacity: number;
                            community: string;
                            communityName: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description hours served in all */
                            hours: number;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            organisation: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "social_org" | "volunteer_team" | "property_mgmt" | "enterprise" | "unit";
                                name: string;
                            } | null;
                            personId: string | null;
                            /** @description the phone with its middle digits hidden */
                            phoneMasked: string;
                            posted: boolean;
                            skills: ("medicine_delivery" | "food_delivery" | "transport" | "elderly_care" | "translation" | "medical" | "psychological" | "logistics")[];
                            /** @enum {string} */
                            state: "unverified" | "verified";
                            userId: string | null;
                            /** Format: date-time */
                            verifiedAt: string | null;
                            verifiedBy: string | null;
                            windows: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            }[];
                        };
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
    setVolunteerWindows: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    windows: {
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                    }[];
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
                        /** @description tasks a day */
                        capacity: number;
                        community: string;
                        communityName: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description hours served in all */
                        hours: number;
                        /** Format: uuid */
                        id: string;
                        lat: number;
                        lon: number;
                        name: string;
                        organisation: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "social_org" | "volunteer_team" | "property_mgmt" | "enterprise" | "unit";
                            name: string;
                        } | null;
                        personId: string | null;
                        /** @description the phone with its middle digits hidden */
                        phoneMasked: string;
                        posted: boolean;
                        skills: ("medicine_delivery" | "food_delivery" | "transport" | "elderly_care" | "translation" | "medical" | "psychological" | "logistics")[];
                        /** @enum {string} */
                        state: "unverified" | "verified";
                        userId: string | null;
                        /** Format: date-time */
                        verifiedAt: string | null;
                        verifiedBy: string | null;
                        windows: {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                        }[];
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
    importVolunteers: {
        parameters: {
            query?: {
                /** @description the file's name, for the audit trail */
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
                        unchanged: number;
                        updated: number;
                        /** @description availability windows added */
                        windows: number;
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
    getMyVolunteer: {
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
                        hours: {
                            /** @description the city day served, YYYY-MM-DD */
                            date: string;
                            hours: number;
                            /** Format: uuid */
                            id: string;
                            note: string | null;
                            /** Format: date-time */
                            recordedAt: string;
                            source: string | null;
                        }[];
                        volunteer: {
                            /** @description tasks a day */
                            capacity: number;
                            community: string;
                            communityName: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** @description hours served in all */
                            hours: number;
                            /** Format: uuid */
                            id: string;
                            lat: number;
                            lon: number;
                            name: string;
                            organisation: {
                                /** Format: uuid */
                                id: string;
                                /** @enum {string} */
                                kind: "social_org" | "volunteer_team" | "property_mgmt" | "enterprise" | "unit";
                                name: string;
                            } | null;
                            personId: string | null;
                            /** @description the phone with its middle digits hidden */
                            phoneMasked: string;
                            posted: boolean;
                            skills: ("medicine_delivery" | "food_delivery" | "transport" | "elderly_care" | "translation" | "medical" | "psychological" | "logistics")[];
                            /** @enum {string} */
                            state: "unverified" | "verified";
                            userId: string | null;
                            /** Format: date-time */
                            verifiedAt: string | null;
                            verifiedBy: string | null;
                            windows: {
                                /** Format: date-time */
                                from: string;
                                /** Format: date-time */
                                to: string;
                            }[];
                        };
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
    setMyVolunteerWindows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    windows: {
                        /** Format: date-time */
                        from: string;
                        /** Format: date-time */
                        to: string;
                    }[];
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
                        /** @description tasks a day */
                        capacity: number;
                        community: string;
                        communityName: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** @description hours served in all */
                        hours: number;
                        /** Format: uuid */
                        id: string;
                        lat: number;
                        lon: number;
                        name: string;
                        organisation: {
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "social_org" | "volunteer_team" | "property_mgmt" | "enterprise" | "unit";
                            name: string;
                        } | null;
                        personId: string | null;
                        /** @description the phone with its middle digits hidden */
                        phoneMasked: string;
                        posted: boolean;
                        skills: ("medicine_delivery" | "food_delivery" | "transport" | "elderly_care" | "translation" | "medical" | "psychological" | "logistics")[];
                        /** @enum {string} */
                        state: "unverified" | "verified";
                        userId: string | null;
                        /** Format: date-time */
                        verifiedAt: string | null;
                        verifiedBy: string | null;
                        windows: {
                            /** Format: date-time */
                            from: string;
                            /** Format: date-time */
                            to: string;
                        }[];
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
    listOrganisations: {
        parameters: {
            query?: {
                kind?: "social_org" | "volunteer_team" | "property_mgmt" | "enterprise" | "unit";
                /** @description part of the name */
                q?: string;
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
                        organisations: {
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            /** @enum {string} */
                            kind: "social_org" | "volunteer_team" | "property_mgmt" | "enterprise" | "unit";
                            name: string;
                            place: string;
                            placeName: string;
                            volunteers: number;
                        }[];
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
    createOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    kind: "social_org" | "volunteer_team" | "property_mgmt" | "enterprise" | "unit";
                    name: string;
                    /** @description the place it belongs to (within yours) */
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
                        /** @enum {string} */
                        kind: "social_org" | "volunteer_team" | "property_mgmt" | "enterprise" | "unit";
                        name: string;
                        place: string;
                        placeName: string;
                        volunteers: number;
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
    getWorkItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        conflictList: {
                            key: string;
                            types: {
                                departments: string[];
                                /** @enum {string} */
                                type: "integer" | "number" | "text" | "boolean" | "date";
                            }[];
                        }[];
                        conflicts?: boolean;
                        /** Format: date-time */
                        createdAt?: string;
                        demandList: {
                            department: string;
                            /** @description epoch seconds */
                            due: number;
                            id: string;
                            /** @enum {string} */
                            priority: "normal" | "urgent";
                            requestId: string;
                            /** @enum {string} */
                            state: "open" | "done";
                            title: string;
                            window: {
                                /** Format: date */
                                from: string;
                                /** Format: date */
                                to: string;
                            } | null;
                        }[];
                        /** @description requests gathered in this item */
                        demands?: number;
                        departments: string[];
                        /** @description what the area that raised it tells the community (barcode, round, …); {} for departments’ items */
                        detail: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        due: string;
                        duty: string;
                        fields: {
                            answer?: {
                                /** Format: date-time */
                                at: string;
                                prefilled: boolean;
                                value: string | number | boolean;
                            } | null;
                            /** @description the key its answer goes under (key:type in a conflict) */
                            answerKey: string;
                            departments: string[];
                            key: string;
                            label: string;
                            prefill?: {
                                date: string;
                                source: string;
                                value: string | number | boolean;
                            } | null;
                            /** @enum {string} */
                            type: "integer" | "number" | "text" | "boolean" | "date";
                        }[];
                        /** Format: date-time */
                        finishedAt?: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        kind: "task" | "form";
                        /** @description the area that raised it ('screening.retest', 'screening.resample'); null: departments' demands */
                        origin: string | null;
                        /** @description what it is about in the area that raised it (a tube barcode); null for departments’ items */
                        originRef: string | null;
                        /** @description past due and not done: escalated to the street */
                        overdue?: boolean;
                        placeName: string;
                        placePath: string;
                        /** @enum {string} */
                        priority: "normal" | "urgent";
                        /** @enum {string} */
                        state: "open" | "in_progress" | "done";
                        /** @description the person a platform item is for; the phone masked as community screens show it */
                        subject: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description 138****8000 */
                            phoneMasked: string | null;
                        } | null;
                        title: string;
                        /** Format: date-time */
                        updatedAt?: string;
                        window?: {
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                        };
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
    updateWorkItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    note?: string;
                    /** @enum {string} */
                    state: "open" | "in_progress" | "done";
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
                        conflictList: {
                            key: string;
                            types: {
                                departments: string[];
                                /** @enum {string} */
                                type: "integer" | "number" | "text" | "boolean" | "date";
                            }[];
                        }[];
                        conflicts?: boolean;
                        /** Format: date-time */
                        createdAt?: string;
                        demandList: {
                            department: string;
                            /** @description epoch seconds */
                            due: number;
                            id: string;
                            /** @enum {string} */
                            priority: "normal" | "urgent";
                            requestId: string;
                            /** @enum {string} */
                            state: "open" | "done";
                            title: string;
                            window: {
                                /** Format: date */
                                from: string;
                                /** Format: date */
                                to: string;
                            } | null;
                        }[];
                        /** @description requests gathered in this item */
                        demands?: number;
                        departments: string[];
                        /** @description what the area that raised it tells the community (barcode, round, …); {} for departments’ items */
                        detail: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        due: string;
                        duty: string;
                        fields: {
                            answer?: {
                                /** Format: date-time */
                                at: string;
                                prefilled: boolean;
                                value: string | number | boolean;
                            } | null;
                            /** @description the key its answer goes under (key:type in a conflict) */
                            answerKey: string;
                            departments: string[];
                            key: string;
                            label: string;
                            prefill?: {
                                date: string;
                                source: string;
                                value: string | number | boolean;
                            } | null;
                            /** @enum {string} */
                            type: "integer" | "number" | "text" | "boolean" | "date";
                        }[];
                        /** Format: date-time */
                        finishedAt?: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        kind: "task" | "form";
                        /** @description the area that raised it ('screening.retest', 'screening.resample'); null: departments' demands */
                        origin: string | null;
                        /** @description what it is about in the area that raised it (a tube barcode); null for departments’ items */
                        originRef: string | null;
                        /** @description past due and not done: escalated to the street */
                        overdue?: boolean;
                        placeName: string;
                        placePath: string;
                        /** @enum {string} */
                        priority: "normal" | "urgent";
                        /** @enum {string} */
                        state: "open" | "in_progress" | "done";
                        /** @description the person a platform item is for; the phone masked as community screens show it */
                        subject: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description 138****8000 */
                            phoneMasked: string | null;
                        } | null;
                        title: string;
                        /** Format: date-time */
                        updatedAt?: string;
                        window?: {
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                        };
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
    answerWorkItem: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description by answer key; a pre-filled value sent back unchanged counts as confirmed */
                    values: {
                        [key: string]: unknown;
                    };
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
                        conflictList: {
                            key: string;
                            types: {
                                departments: string[];
                                /** @enum {string} */
                                type: "integer" | "number" | "text" | "boolean" | "date";
                            }[];
                        }[];
                        conflicts?: boolean;
                        /** Format: date-time */
                        createdAt?: string;
                        demandList: {
                            department: string;
                            /** @description epoch seconds */
                            due: number;
                            id: string;
                            /** @enum {string} */
                            priority: "normal" | "urgent";
                            requestId: string;
                            /** @enum {string} */
                            state: "open" | "done";
                            title: string;
                            window: {
                                /** Format: date */
                                from: string;
                                /** Format: date */
                                to: string;
                            } | null;
                        }[];
                        /** @description requests gathered in this item */
                        demands?: number;
                        departments: string[];
                        /** @description what the area that raised it tells the community (barcode, round, …); {} for departments’ items */
                        detail: {
                            [key: string]: unknown;
                        };
                        /** Format: date-time */
                        due: string;
                        duty: string;
                        fields: {
                            answer?: {
                                /** Format: date-time */
                                at: string;
                                prefilled: boolean;
                                value: string | number | boolean;
                            } | null;
                            /** @description the key its answer goes under (key:type in a conflict) */
                            answerKey: string;
                            departments: string[];
                            key: string;
                            label: string;
                            prefill?: {
                                date: string;
                                source: string;
                                value: string | number | boolean;
                            } | null;
                            /** @enum {string} */
                            type: "integer" | "number" | "text" | "boolean" | "date";
                        }[];
                        /** Format: date-time */
                        finishedAt?: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        kind: "task" | "form";
                        /** @description the area that raised it ('screening.retest', 'screening.resample'); null: departments' demands */
                        origin: string | null;
                        /** @description what it is about in the area that raised it (a tube barcode); null for departments’ items */
                        originRef: string | null;
                        /** @description past due and not done: escalated to the street */
                        overdue?: boolean;
                        placeName: string;
                        placePath: string;
                        /** @enum {string} */
                        priority: "normal" | "urgent";
                        /** @enum {string} */
                        state: "open" | "in_progress" | "done";
                        /** @description the person a platform item is for; the phone masked as community screens show it */
                        subject: {
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** @description 138****8000 */
                            phoneMasked: string | null;
                        } | null;
                        title: string;
                        /** Format: date-time */
                        updatedAt?: string;
                        window?: {
                            /** Format: date */
                            from: string;
                            /** Format: date */
                            to: string;
                        };
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
    listWorkRequests: {
        parameters: {
            query?: {
                department?: string;
                limit?: number;
                offset?: number;
                status?: "accepted" | "refused";
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
                        requests: components["schemas"]["WorkRequest"][];
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
    submitWorkRequest: {
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
                    admission?: string | null;
                    department: string;
                    /** Format: date-time */
                    due: string;
                    duty: string;
                    /** @default [] */
                    fields?: {
                        key: string;
                        label: string;
                        /** @enum {string} */
                        type: "integer" | "number" | "text" | "boolean" | "date";
                    }[];
                    /** @enum {string} */
                    kind: "task" | "form";
                    /**
                     * @default normal
                     * @enum {string}
                     */
                    priority?: "normal" | "urgent";
                    resources?: string | null;
                    targets: string[];
                    title: string;
                    window?: {
                        /** Format: date */
                        from: string;
                        /** Format: date */
                        to: string;
                    } | null;
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
                        communities: {
                            /** Format: uuid */
                            itemId: string;
                            /** @description the demand joined an item already open (merged) */
                            joined: boolean;
                            name: string;
                            path: string;
                        }[];
                        dutyVersion: number;
                        /** Format: uuid */
                        id: string;
                        /** @enum {string} */
                        status: "accepted";
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
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getWorkRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
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
                        communities: {
                            answers?: {
                                [key: string]: unknown;
                            };
                            departments?: string[];
                            /** Format: date-time */
                            doneAt?: string | null;
                            itemId?: string;
                            itemState?: string;
                            placeName?: string;
                            placePath?: string;
                            /** @enum {string} */
                            state?: "open" | "done";
                        }[];
                        request: components["schemas"]["WorkRequest"];
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
    exportWorkRequestAnswers: {
        parameters: {
            query?: {
                format?: "csv" | "xlsx";
            };
            header?: never;
            path: {
                id: string;
            };
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
                    "text/csv": string;
                };
            };
            /** @description Default Response */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    "text/csv": components["schemas"]["Error"];
                };
            };
            /** @description Default Response */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["Error"];
                    "text/csv": components["schemas"]["Error"];
                };
            };
        };
    };
}
