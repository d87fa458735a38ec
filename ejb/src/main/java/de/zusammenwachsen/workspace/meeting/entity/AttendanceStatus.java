package de.zusammenwachsen.workspace.meeting.entity;

/** How a member took part in a meeting. */
public enum AttendanceStatus {
    PRESENT, EXCUSED, ABSENT
}
