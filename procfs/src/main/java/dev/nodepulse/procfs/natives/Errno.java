package dev.nodepulse.procfs.natives;

/** Text for the errno values a statfs, adjtimex or netlink socket may return, worded as Go's syscall package words them. */
final class Errno {

    private Errno() {}

    static String describe(int errno) {
        return switch (errno) {
            case 1 -> "operation not permitted";
            case 2 -> "no such file or directory";
            case 4 -> "interrupted system call";
            case 5 -> "input/output error";
            case 6 -> "no such device or address";
            case 9 -> "bad file descriptor";
            case 11 -> "resource temporarily unavailable";
            case 12 -> "cannot allocate memory";
            case 13 -> "permission denied";
            case 14 -> "bad address";
            case 16 -> "device or resource busy";
            case 19 -> "no such device";
            case 20 -> "not a directory";
            case 22 -> "invalid argument";
            case 36 -> "file name too long";
            case 38 -> "function not implemented";
            case 40 -> "too many levels of symbolic links";
            case 61 -> "no data available";
            case 67 -> "link has been severed";
            case 75 -> "value too large for defined data type";
            case 95 -> "operation not supported";
            case 97 -> "address family not supported by protocol";
            case 105 -> "no buffer space available";
            case 107 -> "transport endpoint is not connected";
            case 110 -> "connection timed out";
            case 111 -> "connection refused";
            case 112 -> "host is down";
            case 113 -> "no route to host";
            case 116 -> "stale NFS file handle";
            case 121 -> "remote I/O error";
            case 123 -> "no medium found";
            default -> "errno " + errno;
        };
    }
}
