package dev.nodepulse.cgroups.stats;

import java.io.IOException;

/** The cgroup was removed while it was being read: a container that stopped, not an error. */
public final class CgroupVanishedException extends IOException {
    public CgroupVanishedException(String id) {
        super("cgroup vanished: " + id, null);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
