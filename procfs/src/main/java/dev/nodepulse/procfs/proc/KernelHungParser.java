package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;

/** /proc/sys/kernel/hung_task_detect_count: one unsigned decimal, the hung tasks seen since boot. */
public final class KernelHungParser {

    private KernelHungParser() {}

    /** The count as the raw unsigned 64 bits. */
    public static long parse(String text) throws ParseException {
        String s = text.strip();
        try {
            return GoStrconv.parseUint(s, 10, 64);
        } catch (NumberFormatException e) {
            throw new ParseException("/proc/sys/kernel/hung_task_detect_count: not an unsigned integer: \"" + s + "\"");
        }
    }
}
