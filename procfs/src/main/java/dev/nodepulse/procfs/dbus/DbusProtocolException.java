package dev.nodepulse.procfs.dbus;

import java.io.IOException;

/** Bytes that are not a well-formed D-Bus message, or a signature this codec cannot handle. */
public class DbusProtocolException extends IOException {

    public DbusProtocolException(String message) {
        super(message);
    }
}
