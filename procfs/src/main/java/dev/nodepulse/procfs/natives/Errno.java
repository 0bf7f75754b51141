package dev.nodepulse.procfs.natives;

/** Text for the errno values a statfs or adjtimex may return, worded as Go's syscall package words them. */
final class Errno {

    private Errno() {}

    static String describe(int errno) {
        return switch (errno) {
            case 1 -> "operation not permitted";
            case 2 -> "no such file or directory";
            case 5 -> "input/output error";
            case 13 -> "permission denied";
            case 20 -> "not a directory";
            case 22 -> "invalid argument";
            case 38 -> "function not implemented";
            case 40 -> "too many levels of symbolic links";
            case 75 -> "value too large for defined data type";
            case 107 -> "transport endpoint is not connected";
            case 110 -> "connection timed out";
            case 116 -> "stale NFS file handle";
            default -> "errno " + errno;
        };
    }
}
