/**
 * The SLA state and nearest deadline of a ticket (alias `t`) in SQL, the same
 * as `ticketSlaState` reads it in code: filters and sorting of the lists.
 */
const CLOCK = `LEAST(coalesce(t.sla_paused_since, now()), now())`;
const RUNNING = `t.status NOT IN ('resolved', 'closed')`;

const BREACHED = `(
  (t.first_response_at IS NULL AND (t.first_response_breached_at IS NOT NULL OR t.first_response_due_at <= ${CLOCK}))
  OR (t.next_response_started_at IS NOT NULL AND (t.next_response_breached_at IS NOT NULL OR t.next_response_due_at <= ${CLOCK}))
  OR t.resolution_breached_at IS NOT NULL OR t.resolution_due_at <= ${CLOCK}
  OR t.statutory_breached_at IS NOT NULL OR t.statutory_due_at <= now())`;

const WARNED = `(
  (t.first_response_at IS NULL AND t.first_response_warn_at <= now())
  OR (t.next_response_started_at IS NOT NULL AND t.next_response_warn_at <= now())
  OR t.resolution_warn_at <= now())`;

/** 'none' | 'breached' | 'paused' | 'warning' | 'ok'. */
export const SLA_STATE_SQL = `(CASE
  WHEN (t.sla_policy_id IS NULL AND t.statutory_due_at IS NULL) OR NOT (${RUNNING}) THEN 'none'
  WHEN ${BREACHED} THEN 'breached'
  WHEN t.sla_paused_since IS NOT NULL THEN 'paused'
  WHEN ${WARNED} THEN 'warning'
  ELSE 'ok' END)`;

/** The nearest deadline still running (first response until answered, next response while awaited, resolution, statutory); null once resolved or closed. */
export const NEAREST_DUE_SQL = `(CASE WHEN ${RUNNING} THEN LEAST(
  CASE WHEN t.first_response_at IS NULL THEN t.first_response_due_at END,
  CASE WHEN t.next_response_started_at IS NOT NULL THEN t.next_response_due_at END,
  t.resolution_due_at, t.statutory_due_at) END)`;
