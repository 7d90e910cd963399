package io.hallway.audit;

import io.hallway.common.WireEnum;

/** What an organizer did to a resource, as the audit log names it. */
public enum AuditAction implements WireEnum {
    CREATE,
    UPDATE,
    /** A session set to cancelled: it stays in the schedule. */
    CANCEL,
    DELETE,
    /** One import run, with its counts in the details; never one entry per imported row. */
    IMPORT,
    PURGE,
    /** A room said open, full or closed during the event. */
    ROOM_STATUS,
    /** A room's host said it runs late; the details name the minutes and the session or block. */
    RUNNING_LATE,
    /** A room's host said it is on time again: every report about its sessions is withdrawn. */
    ON_TIME_AGAIN,
    /** A room's host said when a session or block actually started or ended. */
    ACTUAL_TIMES;

    @Override
    public String wireName() {
        return WireEnum.super.wireName();
    }
}
