package cn.fapiao.domain;

/** How a status reported by a synchronising system relates to the one we hold. */
public enum SyncChange {
    /** The same status. */
    UNCHANGED,
    /** A move the life cycle allows: take it. */
    FORWARD,
    /** A move the life cycle never makes (out of a final status, or undoing a reversal): the report is older than what we hold. */
    BACKWARD
}
