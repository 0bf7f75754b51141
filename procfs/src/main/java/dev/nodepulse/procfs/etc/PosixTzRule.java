package dev.nodepulse.procfs.etc;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The POSIX TZ string of a TZif footer ({@code CET-1CEST,M3.5.0,M10.5.0/3}, {@code <+04>-4}, {@code UTC0}),
 * evaluated at one instant the way Go's time package (tzset) does: std name and offset, optional dst name,
 * offset (default one hour ahead) and start/end rules (default {@code M3.2.0,M11.1.0}, time default 02:00).
 */
final class PosixTzRule {

    private static final int HOUR = 3600;
    private static final int DAY = 86400;

    private PosixTzRule() {}

    private static final class Cursor {
        final String s;
        int i;

        Cursor(String s) {
            this.s = s;
        }

        boolean done() {
            return i >= s.length();
        }

        char peek() {
            return s.charAt(i);
        }
    }

    private record Rule(char kind, int day, int week, int month, int time) {}

    /** The zone at {@code epochSeconds}, or null when the string is not a valid rule. */
    static ZoneName zoneAt(String tz, long epochSeconds) {
        Cursor c = new Cursor(tz);
        String stdName = name(c);
        if (stdName == null) {
            return null;
        }
        Integer std = offset(c);
        if (std == null) {
            return null;
        }
        int stdOffset = -std;
        if (c.done() || c.peek() == ',') {
            return new ZoneName(stdName, stdOffset);
        }
        String dstName = name(c);
        if (dstName == null) {
            return null;
        }
        int dstOffset;
        if (c.done() || c.peek() == ',') {
            dstOffset = stdOffset + HOUR;
        } else {
            Integer d = offset(c);
            if (d == null) {
                return null;
            }
            dstOffset = -d;
        }
        if (c.done()) {
            c = new Cursor(",M3.2.0,M11.1.0");
        }
        if (c.peek() != ',' && c.peek() != ';') {
            return null;
        }
        c.i++;
        Rule start = rule(c);
        if (start == null || c.done() || c.peek() != ',') {
            return null;
        }
        c.i++;
        Rule end = rule(c);
        if (end == null || !c.done()) {
            return null;
        }

        LocalDateTime utc = LocalDateTime.ofEpochSecond(epochSeconds, 0, ZoneOffset.UTC);
        int year = utc.getYear();
        long yearStart = LocalDate.of(year, 1, 1).toEpochDay() * DAY;
        long ysec = epochSeconds - yearStart;
        long startSec = ruleTime(year, start, stdOffset);
        long endSec = ruleTime(year, end, dstOffset);
        String first = stdName;
        String second = dstName;
        int firstOffset = stdOffset;
        int secondOffset = dstOffset;
        if (endSec < startSec) {
            // Southern hemisphere: daylight time spans the new year.
            long t = startSec;
            startSec = endSec;
            endSec = t;
            first = dstName;
            second = stdName;
            firstOffset = dstOffset;
            secondOffset = stdOffset;
        }
        if (ysec < startSec || ysec >= endSec) {
            return new ZoneName(first, firstOffset);
        }
        return new ZoneName(second, secondOffset);
    }

    /** Seconds after the start of the (UTC) year at which the rule fires, for a zone at {@code offset}. */
    private static long ruleTime(int year, Rule r, int offset) {
        boolean leap = LocalDate.of(year, 1, 1).isLeapYear();
        long s;
        switch (r.kind) {
            case 'J' -> {
                s = (long) (r.day - 1) * DAY;
                if (leap && r.day >= 60) {
                    s += DAY;
                }
            }
            case 'D' -> s = (long) r.day * DAY;
            default -> {
                // The week-th weekday (0 = Sunday) of the month; week 5 means the last one.
                LocalDate first = LocalDate.of(year, r.month, 1);
                DayOfWeek wanted = r.day == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(r.day);
                LocalDate d = first.plusDays((wanted.getValue() - first.getDayOfWeek().getValue() + 7) % 7);
                for (int i = 1; i < r.week; i++) {
                    if (d.plusDays(7).getMonthValue() != r.month) {
                        break;
                    }
                    d = d.plusDays(7);
                }
                s = (long) (d.getDayOfYear() - 1) * DAY;
            }
        }
        return s + r.time - offset;
    }

    private static String name(Cursor c) {
        if (c.done()) {
            return null;
        }
        if (c.peek() == '<') {
            int close = c.s.indexOf('>', c.i);
            if (close < 0) {
                return null;
            }
            String n = c.s.substring(c.i + 1, close);
            c.i = close + 1;
            return n;
        }
        int start = c.i;
        while (!c.done()) {
            char ch = c.peek();
            if ((ch >= '0' && ch <= '9') || ch == ',' || ch == '-' || ch == '+') {
                break;
            }
            c.i++;
        }
        return c.i - start < 3 ? null : c.s.substring(start, c.i);
    }

    /** [+-]hh[:mm[:ss]] in seconds, or null. */
    private static Integer offset(Cursor c) {
        if (c.done()) {
            return null;
        }
        int sign = 1;
        if (c.peek() == '+') {
            c.i++;
        } else if (c.peek() == '-') {
            sign = -1;
            c.i++;
        }
        Integer h = number(c, 0, 24 * 7);
        if (h == null) {
            return null;
        }
        int off = h * HOUR;
        if (!c.done() && c.peek() == ':') {
            c.i++;
            Integer m = number(c, 0, 59);
            if (m == null) {
                return null;
            }
            off += m * 60;
            if (!c.done() && c.peek() == ':') {
                c.i++;
                Integer sec = number(c, 0, 59);
                if (sec == null) {
                    return null;
                }
                off += sec;
            }
        }
        return sign * off;
    }

    private static Rule rule(Cursor c) {
        if (c.done()) {
            return null;
        }
        char kind;
        int day = 0;
        int week = 0;
        int month = 0;
        if (c.peek() == 'J') {
            c.i++;
            Integer j = number(c, 1, 365);
            if (j == null) {
                return null;
            }
            kind = 'J';
            day = j;
        } else if (c.peek() == 'M') {
            c.i++;
            Integer m = number(c, 1, 12);
            if (m == null || c.done() || c.peek() != '.') {
                return null;
            }
            c.i++;
            Integer w = number(c, 1, 5);
            if (w == null || c.done() || c.peek() != '.') {
                return null;
            }
            c.i++;
            Integer d = number(c, 0, 6);
            if (d == null) {
                return null;
            }
            kind = 'M';
            month = m;
            week = w;
            day = d;
        } else {
            Integer d = number(c, 0, 365);
            if (d == null) {
                return null;
            }
            kind = 'D';
            day = d;
        }
        int time = 2 * HOUR;
        if (!c.done() && c.peek() == '/') {
            c.i++;
            Integer t = offset(c);
            if (t == null) {
                return null;
            }
            time = t;
        }
        return new Rule(kind, day, week, month, time);
    }

    private static Integer number(Cursor c, int min, int max) {
        int start = c.i;
        int v = 0;
        while (!c.done() && c.peek() >= '0' && c.peek() <= '9') {
            v = v * 10 + (c.peek() - '0');
            if (v >= 1_000_000) {
                return null;
            }
            c.i++;
        }
        if (c.i == start || v < min || v > max) {
            return null;
        }
        return v;
    }
}
