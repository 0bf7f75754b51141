package dev.nodepulse.procfs.sys;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * Which read failures of a sysfs attribute mean "this device does not offer it" rather than a fault:
 * absent files, files only root may read, and drivers answering EINVAL or EOPNOTSUPP. The same set the
 * procfs library node_exporter uses skips silently.
 */
public final class SysfsErrors {

    private SysfsErrors() {}

    public static boolean ignorable(IOException e) {
        if (e instanceof NoSuchFileException || e instanceof AccessDeniedException) {
            return true;
        }
        String m = e.getMessage();
        return m != null && (m.contains("Invalid argument") || m.contains("Operation not supported")
                || m.contains("not supported"));
    }

    public static boolean notFound(IOException e) {
        return e instanceof NoSuchFileException;
    }
}
