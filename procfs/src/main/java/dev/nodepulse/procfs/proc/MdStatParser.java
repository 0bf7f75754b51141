package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * /proc/mdstat. Each device is a line "mdX : state [(ro)] [type] members..." followed by a status line
 * ("N blocks ... [n/m] [UU_]"), an optional bitmap line and an optional sync line ("recovery = 8.5%
 * (16775552/195310144) finish=17.0min speed=259783K/sec", or "resync=DELAYED"/"PENDING"). The raid types
 * are the ones the "Personalities" line names. Shapes and error cases follow procfs' parser.
 */
public final class MdStatParser {

    private static final String SOURCE = "/proc/mdstat";
    private static final String PERSONALITIES = "Personalities : ";
    private static final Pattern STATUS = Pattern.compile("(\\d+) blocks .*\\[(\\d+)/(\\d+)\\] \\[([U_]+)\\]");
    private static final Pattern RECOVERY_BLOCKS = Pattern.compile("\\((\\d+/\\d+)\\)");
    private static final Pattern RECOVERY_PERCENT = Pattern.compile("= (.+)%");
    private static final Pattern RECOVERY_FINISH = Pattern.compile("finish=(.+)min");
    private static final Pattern RECOVERY_SPEED = Pattern.compile("speed=(.+)[A-Z]");
    private static final Pattern COMPONENT = Pattern.compile("(.*)\\[(\\d+)\\](\\([SF]+\\))?");

    private MdStatParser() {}

    public static List<MdStat> parse(String text) throws ParseException {
        List<MdStat> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        Set<String> raidTypes = new HashSet<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.charAt(0) == ' ' || line.startsWith("unused")) {
                continue;
            }
            if (raidTypes.isEmpty() && line.startsWith(PERSONALITIES)) {
                for (String word : dev.nodepulse.procfs.io.Lines.fields(line.substring(PERSONALITIES.length()))) {
                    if (word.length() >= 2) {
                        raidTypes.add(word.substring(1, word.length() - 1));
                    }
                }
                continue;
            }
            String[] f = dev.nodepulse.procfs.io.Lines.fields(line);
            if (f.length < 3) {
                throw ParseException.badLine(SOURCE, i + 1, line, "expected \"mdX : state ...\"");
            }
            String name = f[0];
            String state = f[2];
            String type = "unknown";
            int deviceStart = 0;
            if (f.length > 3) {
                if (isRaidType(f[3], raidTypes)) {
                    type = f[3];
                    deviceStart = 4;
                } else if (f.length > 4 && isRaidType(f[4], raidTypes)) {
                    type = f[4];
                    deviceStart = 5;
                }
            }
            if (lines.length <= i + 3) {
                throw new ParseException(SOURCE + ": too few lines for md device " + name);
            }
            long failed = count(line, "(F)");
            long spare = count(line, "(S)");
            long[] status = statusLine(line, lines[i + 1], i + 2);

            int syncIdx = i + 2;
            if (lines[i + 2].contains("bitmap")) {
                syncIdx++;
            }
            String syncLine = syncIdx < lines.length ? lines[syncIdx] : "";
            long size = status[3];
            long synced = size;
            long toBeSynced = size;
            double pct = 0;
            double finish = 0;
            double speed = 0;
            boolean recovering = syncLine.contains("recovery");
            boolean reshaping = syncLine.contains("reshape");
            boolean resyncing = syncLine.contains("resync");
            boolean checking = syncLine.contains("check");
            if (recovering || resyncing || checking || reshaping) {
                if (recovering) {
                    state = "recovering";
                } else if (reshaping) {
                    state = "reshaping";
                } else if (checking) {
                    state = "checking";
                } else {
                    state = "resyncing";
                }
                if (syncLine.contains("PENDING") || syncLine.contains("DELAYED")) {
                    synced = 0;
                } else {
                    double[] r = recoveryLine(syncLine, syncIdx + 1);
                    synced = (long) r[0];
                    toBeSynced = (long) r[1];
                    pct = r[2];
                    finish = r[3];
                    speed = r[4];
                }
            }
            List<MdStat.Component> components = new ArrayList<>();
            for (int k = deviceStart; k < f.length; k++) {
                Matcher m = COMPONENT.matcher(f[k]);
                if (!m.find()) {
                    continue;
                }
                int index;
                try {
                    index = (int) GoStrconv.parseInt(m.group(2), 10, 32);
                } catch (NumberFormatException e) {
                    throw ParseException.badLine(SOURCE, i + 1, line, "bad component index in " + f[k]);
                }
                String flags = m.group(3) == null ? "" : m.group(3);
                components.add(new MdStat.Component(m.group(1), index, flags.contains("F"), flags.contains("S")));
            }
            out.add(new MdStat(name, type, state, status[0], failed, status[2], spare, status[1], size, synced,
                    toBeSynced, pct, finish, speed, List.copyOf(components)));
        }
        return List.copyOf(out);
    }

    private static boolean isRaidType(String word, Set<String> known) {
        return known.contains(word) && word.indexOf('(') < 0 && word.indexOf('[') < 0;
    }

    private static long count(String s, String what) {
        long n = 0;
        for (int at = s.indexOf(what); at >= 0; at = s.indexOf(what, at + what.length())) {
            n++;
        }
        return n;
    }

    /** {active, total, down, size}. */
    private static long[] statusLine(String deviceLine, String statusLine, int lineNo) throws ParseException {
        String[] f = dev.nodepulse.procfs.io.Lines.fields(statusLine);
        if (f.length < 1) {
            throw ParseException.badLine(SOURCE, lineNo, statusLine, "empty status line");
        }
        long size;
        try {
            size = GoStrconv.parseInt(f[0], 10, 64);
        } catch (NumberFormatException e) {
            throw ParseException.badLine(SOURCE, lineNo, statusLine, "block count is not a number");
        }
        if (deviceLine.contains("raid0") || deviceLine.contains("linear")) {
            long total = count(deviceLine, "[");
            return new long[] {total, total, 0, size};
        }
        if (deviceLine.contains("inactive")) {
            return new long[] {0, 0, 0, size};
        }
        Matcher m = STATUS.matcher(statusLine);
        if (!m.find()) {
            throw ParseException.badLine(SOURCE, lineNo, statusLine, "expected \"N blocks ... [n/m] [U_]\"");
        }
        try {
            long total = GoStrconv.parseInt(m.group(2), 10, 64);
            long active = GoStrconv.parseInt(m.group(3), 10, 64);
            return new long[] {active, total, count(m.group(4), "_"), size};
        } catch (NumberFormatException e) {
            throw ParseException.badLine(SOURCE, lineNo, statusLine, "disk counts out of range");
        }
    }

    /** {synced, toBeSynced, percent, finishMinutes, speed}. */
    private static double[] recoveryLine(String line, int lineNo) throws ParseException {
        try {
            Matcher m = RECOVERY_BLOCKS.matcher(line);
            if (!m.find()) {
                throw ParseException.badLine(SOURCE, lineNo, line, "no (synced/total) blocks");
            }
            String[] blocks = m.group(1).split("/");
            double synced = GoStrconv.parseInt(blocks[0], 10, 64);
            double toBe = GoStrconv.parseInt(blocks[1], 10, 64);
            m = RECOVERY_PERCENT.matcher(line);
            if (!m.find()) {
                throw ParseException.badLine(SOURCE, lineNo, line, "no percentage");
            }
            double pct = GoStrconv.parseFloat(m.group(1).strip());
            m = RECOVERY_FINISH.matcher(line);
            if (!m.find()) {
                throw ParseException.badLine(SOURCE, lineNo, line, "no finish time");
            }
            double finish = GoStrconv.parseFloat(m.group(1));
            m = RECOVERY_SPEED.matcher(line);
            if (!m.find()) {
                throw ParseException.badLine(SOURCE, lineNo, line, "no speed");
            }
            double speed = GoStrconv.parseFloat(m.group(1));
            return new double[] {synced, toBe, pct, finish, speed};
        } catch (NumberFormatException e) {
            throw ParseException.badLine(SOURCE, lineNo, line, "bad number: " + e.getMessage());
        }
    }
}
