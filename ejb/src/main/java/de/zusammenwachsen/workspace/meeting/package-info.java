/**
 * Meetings and minutes: a group's meetings with invitations (mails with an iCalendar file, answers, private calendar
 * feeds) and an agenda that members propose items to; the minutes of a meeting with attendance, notes per agenda
 * item, decisions and action items, circulated for comments and approved; and the network-wide decisions register.
 * Every door — page, REST, calendar feed — goes through the boundaries here, which ask the one access policy.
 */
package de.zusammenwachsen.workspace.meeting;
