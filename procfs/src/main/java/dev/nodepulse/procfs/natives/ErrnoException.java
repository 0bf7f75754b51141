package dev.nodepulse.procfs.natives;

import java.io.IOException;

/** A failed system call, with its errno so callers can tell "not permitted" from real failures. */
public final class ErrnoException extends IOException {

    public static final int EPERM = 1;
    public static final int EACCES = 13;
    public static final int EOPNOTSUPP = 95;

    private final int errno;

    public ErrnoException(String call, int errno) {
        super(call + ": " + Errno.describe(errno));
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    /** EPERM or EACCES, which Go's errors.Is(err, os.ErrPermission) matches. */
    public boolean permissionDenied() {
        return errno == EPERM || errno == EACCES;
    }
}
