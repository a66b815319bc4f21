package dev.tally.constructs.slo;

/** Who is told when a burn-rate alarm fires. */
public enum Severity {
  /** Wake someone up: at this burn rate the error budget is gone within days. */
  PAGE,
  /** Open a ticket for working hours: the budget is being spent faster than it accrues, but slowly. */
  TICKET
}
