/**
 * Generated from the migrated schema by packages/db/src/schema-types.ts. Do not edit: run
 * `npm run schema-types` after adding a migration.
 */
export interface Tables {
  admissions: {
    id: string;
    department: string;
    duty: string;
    reason: string;
    approved_by: string;
    approved_at: Date;
    valid_until: Date;
  };
  aid_events: {
    id: number;
    request_id: string;
    state: string;
    at: Date;
    by_user: string | null;
    offer_id: string | null;
    note: string;
  };
  aid_offers: {
    id: string;
    seq: number;
    request_id: string;
    volunteer_id: string;
    run_id: string | null;
    distance_m: number;
    state: string;
    at: Date;
    answered_at: Date | null;
  };
  aid_requests: {
    id: string;
    requester_id: string;
    created_by: string | null;
    need: string;
    lon: number;
    lat: number;
    at_home: boolean;
    place_id: string;
    urgency: string;
    window_from: Date;
    window_to: Date;
    notes: string;
    state: string;
    created_at: Date;
    updated_at: Date;
  };
  aid_runs: {
    id: string;
    at: Date;
    requests: number;
    volunteers: number;
    matched: number;
    weight: number;
    distance_m: number;
    ms: number;
    trigger: string;
    run_by: string | null;
    max_km: number;
    unmatched: unknown;
  };
  audit_log: {
    seq: number;
    at: Date;
    actor: string;
    action: string;
    subject_type: string | null;
    subject_id: string | null;
    reason: string | null;
    detail: unknown;
    prev_hash: string;
    hash: string;
  };
  cases: {
    id: string;
    label: string;
    person_id: string | null;
    subject_pseudonym: string;
    status: string;
    confirmed_at: Date;
    discharged_at: Date | null;
    window_from: Date | null;
    window_to: Date | null;
    preset: string;
    detected_at: Date | null;
    place_id: string | null;
    created_by: string | null;
    created_at: Date;
    updated_at: Date;
    detection_state: string;
    detection_progress: unknown | null;
    detection_error: string | null;
    companion_count: number;
    detection_started_at: Date | null;
    number: number;
  };
  companions: {
    id: number;
    case_id: string;
    person_id: string | null;
    subject_pseudonym: string;
    cell: string;
    overlap_start: Date;
    overlap_end: Date;
    overlap_s: number;
    detected_at: Date;
  };
  corrective_actions: {
    id: string;
    seq: number;
    incident_id: string;
    objective_id: string;
    plan_id: string;
    title: string;
    owner_id: string;
    due: Date;
    element: string;
    created_by: string | null;
    reviewed_at: Date;
    closed_by_version: string | null;
    closed_at: Date | null;
  };
  department_officers: {
    user_id: string;
    department_id: string;
  };
  departments: {
    id: string;
    code: string;
    name: string;
    name_en: string | null;
    created_at: Date;
  };
  duty_items: {
    version: number;
    code: string;
    list: string;
    title: string;
    department: string;
    legal_basis: string;
  };
  duty_list_versions: {
    version: number;
    published_at: Date;
    published_by: string | null;
    note: string | null;
  };
  early_warnings: {
    id: string;
    place_id: string;
    hour: Date;
    n: number;
    m: number;
    s: number;
    threshold: number;
    report_ids: string[];
    raised_at: Date;
  };
  field_values: {
    id: number;
    place_id: string;
    item_id: string;
    key: string;
    type: string;
    window_from: string;
    window_to: string;
    value: unknown;
    prefilled: boolean;
    source: string | null;
    entered_by: string | null;
    entered_at: Date;
  };
  health_code_pids: {
    pid: string;
    person_id: string;
    created_at: Date;
  };
  health_code_transitions: {
    id: number;
    person_id: string;
    from_colour: string;
    to_colour: string;
    rule: string;
    preset: string;
    case_id: string | null;
    override_request_id: string | null;
    reason: unknown;
    evidence: unknown;
    actors: string[];
    at: Date;
    recorded_at: Date;
  };
  health_codes: {
    person_id: string;
    colour: string;
    since: Date | null;
    red_basis: string | null;
    reason: unknown;
    state: unknown;
    preset: string;
    version: number;
    updated_at: Date;
  };
  households: {
    id: string;
    place_id: string | null;
    address: string | null;
    import_key: string | null;
    created_at: Date;
    updated_at: Date;
  };
  incident_events: {
    seq: number;
    incident_id: string;
    at: Date;
    kind: string;
    actor: string | null;
    detail: unknown;
  };
  incident_objectives: {
    id: string;
    incident_id: string;
    position: number;
    title: string;
    role: string | null;
    source: string;
    tasks: string[];
    rating: string | null;
    note: string | null;
    rated_by: string | null;
    rated_at: Date | null;
  };
  incident_places: {
    incident_id: string;
    place_id: string;
  };
  incidents: {
    id: string;
    seq: number;
    plan_id: string;
    version_id: string;
    level: string;
    state: string;
    activated_by: string | null;
    activated_at: Date;
    closed_by: string | null;
    closed_at: Date | null;
  };
  infra_alarms: {
    id: string;
    asset_id: string;
    sensor_id: string | null;
    rule_id: string | null;
    kind: string;
    group_op: string | null;
    rule: unknown | null;
    raised_at: Date;
    raised_value: number | null;
    raised_reading_ts: Date | null;
    recorded_at: Date;
    cleared_at: Date | null;
    cleared_value: number | null;
    cleared_reading_ts: Date | null;
    cleared_reason: string | null;
    acknowledged_by: string | null;
    acknowledged_at: Date | null;
    places: string[];
  };
  infra_assets: {
    id: string;
    kind: string;
    type: string;
    name: string;
    place_id: string;
    operator_place_id: string;
    community_id: string | null;
    population: number;
    lon: number | null;
    lat: number | null;
    created_at: Date;
    updated_at: Date;
  };
  infra_links: {
    from_id: string;
    to_id: string;
    relation: string;
    created_at: Date;
  };
  infra_n1_losses: {
    run_id: number;
    asset_id: string;
    kind: string;
    community_id: string;
    population_lost: number;
  };
  infra_n1_runs: {
    id: number;
    computed_at: Date;
    assets: number;
    links: number;
    rows: number;
    ms: number;
  };
  infra_readings: {
    sensor_id: string;
    ts: Date;
    value: number;
    received_at: Date;
  };
  infra_rule_groups: {
    asset_id: string;
    op: string;
    raised: boolean;
  };
  infra_rules: {
    id: string;
    sensor_id: string;
    position: number;
    op: string;
    threshold: number;
    hysteresis: number;
    for_s: number;
    since: number | null;
    raised: boolean;
  };
  infra_sensors: {
    id: string;
    asset_id: string;
    quantity: string;
    unit: string;
    timeout_s: number;
    combine: string | null;
    last_ts: Date | null;
    last_value: number | null;
    last_arrival: Date | null;
    offline: boolean;
    created_at: Date;
    updated_at: Date;
  };
  notification_deliveries: {
    id: string;
    notification_id: string | null;
    channel: string;
    recipient: string;
    kind: string;
    subject: string;
    ref: string | null;
    status: string;
    error: string | null;
    message_id: string | null;
    attempted_at: Date;
  };
  notifications: {
    id: string;
    user_id: string | null;
    person_id: string | null;
    kind: string;
    subject: string;
    text: string;
    ref: string | null;
    created_at: Date;
    read_at: Date | null;
  };
  organisations: {
    id: string;
    name: string;
    kind: string;
    place_id: string;
    created_by: string | null;
    created_at: Date;
  };
  override_requests: {
    id: string;
    person_id: string;
    to_colour: string;
    requested_by: string;
    request_reason: string;
    requested_at: Date;
    state: string;
    decided_by: string | null;
    decision_reason: string | null;
    decided_at: Date | null;
  };
  people: {
    id: string;
    name: string;
    phone: string | null;
    phone_pseudonym: string | null;
    id_number: string | null;
    home_address: string | null;
    home_place_id: string | null;
    household_id: string | null;
    import_key: string | null;
    created_at: Date;
    updated_at: Date;
  };
  people_place_counts: {
    place_id: string;
    people: number;
  };
  places: {
    id: string;
    parent_id: string | null;
    level: string;
    code: string;
    name: string;
    name_en: string | null;
    path: string;
    lon: number | null;
    lat: number | null;
    created_at: Date;
    updated_at: Date;
  };
  plan_drafts: {
    plan_id: string;
    levels: unknown;
    saved_by: string | null;
    saved_at: Date;
  };
  plan_places: {
    plan_id: string;
    place_id: string;
  };
  plan_versions: {
    id: string;
    plan_id: string;
    number: number;
    levels: unknown;
    change_note: string;
    closes: string[];
    published_by: string | null;
    published_at: Date;
  };
  plans: {
    id: string;
    seq: number;
    title: string;
    hazard: string;
    owner_place_id: string;
    created_by: string | null;
    created_at: Date;
  };
  report_events: {
    id: number;
    report_id: string;
    at: Date;
    actor: string;
    action: string;
    from_state: string | null;
    to_state: string;
    text: string | null;
    public: boolean;
  };
  report_photos: {
    report_id: string;
    content_type: string;
    size: number;
    sha256: string;
    bytes: Uint8Array;
    stored_at: Date;
  };
  report_slas: {
    category: string;
    ack_hours: number;
    respond_hours: number;
    updated_at: Date;
    updated_by: string;
  };
  reports: {
    id: string;
    reporter_person_id: string;
    reporter_user_id: string | null;
    submitted_by: string | null;
    category: string;
    text: string;
    place_id: string;
    lon: number | null;
    lat: number | null;
    contact_email: string | null;
    allow_public: boolean;
    state: string;
    duplicate_of: string | null;
    assigned_to: string | null;
    response: string | null;
    response_public: boolean;
    submitted_at: Date;
    acknowledged_at: Date | null;
    assigned_at: Date | null;
    responded_at: Date | null;
    closed_at: Date | null;
    reopened_at: Date | null;
    reopen_count: number;
    has_photo: boolean;
    updated_at: Date;
  };
  resilience_assessment_answers: {
    assessment_id: string;
    question: string;
    score: number;
    evidence: string;
    ord: number;
  };
  resilience_assessments: {
    id: string;
    seq: number;
    place_id: string;
    bank_id: string;
    bank_version: number;
    state: string;
    submitted_by: string | null;
    submitted_at: Date;
    reviewer: string | null;
    reviewed_by: string | null;
    reviewed_at: Date | null;
    review_note: string | null;
    summary: unknown;
  };
  resilience_custom_indicators: {
    key: string;
    mechanism: string;
    trait: string;
    direction: string;
    unit: string;
    title: string;
    title_en: string;
    definition: string;
    definition_en: string;
    created_by: string | null;
    created_at: Date;
    updated_at: Date;
  };
  resilience_custom_values: {
    key: string;
    community_id: string;
    date: string;
    value: number;
    recorded_by: string | null;
    recorded_at: Date;
  };
  resilience_runs: {
    date: string;
    computed_at: Date;
    ms: number;
    communities: number;
    indicators: string[];
    disabled: string[];
    absent: string[];
  };
  resilience_scores: {
    date: string;
    community_id: string;
    engineering: number | null;
    institutional: number | null;
    social: number | null;
    index: number | null;
    self_organisation: number | null;
    redundancy: number | null;
    adaptability: number | null;
    rank: number | null;
    indicators: number;
    residents: number;
  };
  resilience_settings: {
    id: boolean;
    disabled: string[];
    hazards: string[];
    updated_by: string | null;
    updated_at: Date | null;
  };
  resilience_values: {
    date: string;
    community_id: string;
    key: string;
    value: number;
    normalised: number | null;
    numerator: number;
    denominator: number;
    summary: unknown;
    records: unknown;
    record_count: number;
  };
  screening_community_counts: {
    round_id: string;
    community_id: string | null;
    expected: number;
    exempt: number;
    tested: number;
    untested_households: number;
  };
  screening_expected: {
    round_id: string;
    person_id: string;
    community_id: string | null;
    household_id: string | null;
    exempt_reason: string | null;
    exempt_note: string | null;
    exempted_by: string | null;
    first_sampled_at: Date | null;
  };
  screening_household_counts: {
    round_id: string;
    household_id: string;
    community_id: string | null;
    expected: number;
    tested: number;
  };
  screening_members: {
    barcode: string;
    person_id: string;
    position: number;
    scanned_at: Date;
    scanned_by: string | null;
  };
  screening_result_imports: {
    id: string;
    file_name: string | null;
    imported_by: string | null;
    imported_at: Date;
    rows: number;
    accepted: number;
    unchanged: number;
    rejects: unknown;
    summary: unknown;
  };
  screening_round_places: {
    round_id: string;
    place_id: string;
    zone: string;
  };
  screening_rounds: {
    id: string;
    seq: number;
    name: string;
    starts_at: Date;
    ends_at: Date;
    pooling: unknown;
    created_by: string | null;
    created_at: Date;
    people_sampled: number;
  };
  screening_sites: {
    id: string;
    round_id: string;
    name: string;
    place_id: string;
    zone: string;
    lon: number | null;
    lat: number | null;
    opens: string;
    closes: string;
    capacity_per_hour: number;
  };
  screening_tubes: {
    barcode: string;
    round_id: string | null;
    site_id: string | null;
    k: number;
    sampled_at: Date;
    members: number;
    sealed_at: Date | null;
    sealed_by: string | null;
    created_by: string | null;
    result: string | null;
    reported_at: Date | null;
    result_import_id: string | null;
    result_evidence: unknown | null;
  };
  sessions: {
    token_hash: string;
    user_id: string;
    created_at: Date;
    expires_at: Date;
    last_seen_at: Date | null;
    revoked_at: Date | null;
    ip: string | null;
    user_agent: string | null;
  };
  shelter_checkins: {
    id: string;
    shelter_id: string;
    person_id: string | null;
    household_id: string | null;
    name: string;
    people: number;
    note: string | null;
    checked_in_at: Date;
    checked_in_by: string | null;
    checked_out_at: Date | null;
    checked_out_by: string | null;
  };
  shelters: {
    id: string;
    place_id: string;
    name: string;
    address: string | null;
    lon: number;
    lat: number;
    capacity_day: number;
    capacity_night: number;
    type: string;
    offers: string[];
    state: string;
    state_changed_at: Date | null;
    state_changed_by: string | null;
    occupancy: number;
    created_by: string | null;
    created_at: Date;
    updated_at: Date;
  };
  supply_items: {
    code: string;
    name: string;
    unit: string;
    shelf_life_days: number | null;
    min_per_store: number | null;
    created_at: Date;
    updated_at: Date;
  };
  supply_lots: {
    id: string;
    store_id: string;
    item_code: string;
    expires_at: Date | null;
    quantity: number;
    received_at: Date;
  };
  supply_movement_lines: {
    movement_id: string;
    lot_id: string;
    delta: number;
  };
  supply_movements: {
    id: string;
    seq: number;
    kind: string;
    item_code: string;
    store_id: string;
    to_store_id: string | null;
    quantity: number;
    reason: string | null;
    actor: string;
    at: Date;
  };
  supply_norm_places: {
    norm_id: string;
    place_id: string;
  };
  supply_norms: {
    id: string;
    source: string;
    item_code: string;
    per_resident: string;
    set_at: Date;
  };
  supply_stores: {
    id: string;
    place_id: string;
    name: string;
    created_by: string | null;
    created_at: Date;
  };
  tasks: {
    id: string;
    place_id: string;
    person_id: string | null;
    case_id: string;
    companion_id: number | null;
    state: string;
    outcome: string | null;
    note: string | null;
    assigned_to: string | null;
    created_at: Date;
    updated_at: Date;
    finished_at: Date | null;
    subject_pseudonym: string;
    due_at: Date;
  };
  test_results: {
    id: string;
    person_id: string;
    kind: string;
    result: string;
    sampled_at: Date;
    reported_at: Date;
    lab: string;
    sample_id: string;
    pool_id: string | null;
    recorded_by: string | null;
  };
  trajectory_chunks: {
    id: number;
    day: string;
    import_id: string;
    pings: number;
    min_ts: number;
    max_ts: number;
    data: Uint8Array;
  };
  trajectory_imports: {
    id: string;
    sha256: string;
    source: string;
    rows: number;
    kept: number;
    rejected: number;
    duplicates: number;
    imported_by: string | null;
    imported_at: Date;
    already_stored: number;
  };
  trajectory_purges: {
    id: number;
    cutoff: string;
    retention_days: number;
    days: string[];
    chunks: number;
    pings: number;
    purged_at: Date;
    purged_by: string;
  };
  users: {
    id: string;
    username: string;
    password_hash: string;
    role: string;
    place_id: string | null;
    person_id: string | null;
    display_name: string | null;
    unit: string | null;
    disabled_at: Date | null;
    created_at: Date;
    updated_at: Date;
  };
  volunteer_hours: {
    id: string;
    volunteer_id: string;
    date: string;
    hours: string;
    source: string | null;
    note: string | null;
    recorded_by: string | null;
    recorded_at: Date;
  };
  volunteer_windows: {
    id: string;
    volunteer_id: string;
    from_at: Date;
    to_at: Date;
  };
  volunteers: {
    id: string;
    person_id: string | null;
    name: string;
    phone: string;
    skills: string[];
    lon: number;
    lat: number;
    place_id: string;
    capacity: number;
    state: string;
    verified_by: string | null;
    verified_at: Date | null;
    organisation_id: string | null;
    posted: boolean;
    user_id: string | null;
    created_by: string | null;
    created_at: Date;
    updated_at: Date;
  };
  work_demands: {
    id: string;
    seq: number;
    request_id: string;
    item_id: string;
    place_id: string;
    arrived_on: string;
    state: string;
    answers: unknown;
    done_at: Date | null;
  };
  work_items: {
    id: string;
    place_id: string;
    duty: string;
    kind: string;
    title: string;
    state: string;
    due_at: Date;
    priority: string;
    departments: string[];
    window_from: string;
    window_to: string;
    conflicts: boolean;
    created_at: Date;
    updated_at: Date;
    finished_at: Date | null;
    finished_by: string | null;
    origin: string | null;
    subject_person_id: string | null;
    origin_ref: string | null;
    detail: unknown;
  };
  work_requests: {
    id: string;
    seq: number;
    department: string;
    duty: string;
    kind: string;
    title: string;
    targets: string[];
    due_at: Date;
    window_from: string | null;
    window_to: string | null;
    priority: string;
    resources: string | null;
    admission_id: string | null;
    fields: unknown;
    duty_version: number | null;
    status: string;
    refusal_code: string | null;
    refusal_reason: string | null;
    submitted_by: string | null;
    submitted_at: Date;
  };
}
