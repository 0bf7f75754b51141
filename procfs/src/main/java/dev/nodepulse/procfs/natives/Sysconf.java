package dev.nodepulse.procfs.natives;

/**
 * sysconf(3) values the parsers need. Each is asked once; if libc cannot be reached (JNA's stub library
 * could not be unpacked, say on a noexec /tmp) the Linux values every mainstream build uses are kept,
 * and {@link #nativeAvailable()} tells the caller so it can log it once.
 */
public final class Sysconf {

    private static final int SC_CLK_TCK = 2;
    private static final int SC_PAGESIZE = 30;
    private static final int SC_NPROCESSORS_ONLN = 84;

    private static final long CLOCK_TICKS;
    private static final long PAGE_SIZE;
    private static final boolean NATIVE;
    private static final String FAILURE;

    static {
        long ticks = 100;
        long page = 4096;
        boolean ok = false;
        String failure = null;
        try {
            LibC libc = LibC.Holder.INSTANCE;
            long t = libc.sysconf(SC_CLK_TCK);
            long p = libc.sysconf(SC_PAGESIZE);
            if (t > 0) {
                ticks = t;
            }
            if (p > 0) {
                page = p;
            }
            ok = true;
        } catch (Throwable e) {
            failure = e.toString();
        }
        CLOCK_TICKS = ticks;
        PAGE_SIZE = page;
        NATIVE = ok;
        FAILURE = failure;
    }

    private Sysconf() {}

    /** USER_HZ: the unit of /proc/stat and /proc/[pid]/stat times. */
    public static long clockTicks() {
        return CLOCK_TICKS;
    }

    public static long pageSize() {
        return PAGE_SIZE;
    }

    public static int onlineCpus() {
        if (NATIVE) {
            long n = LibC.Holder.INSTANCE.sysconf(SC_NPROCESSORS_ONLN);
            if (n > 0) {
                return (int) n;
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    public static boolean nativeAvailable() {
        return NATIVE;
    }

    /** Why libc could not be reached, or null. */
    public static String failure() {
        return FAILURE;
    }
}
