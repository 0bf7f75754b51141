package dev.nodepulse.procfs.dbus;

import java.io.IOException;

/** The peer answered a method call with an ERROR message (e.g. org.freedesktop.DBus.Error.UnknownProperty). */
public class DbusErrorReply extends IOException {

    private final String errorName;

    public DbusErrorReply(String errorName, String message) {
        super(message == null || message.isEmpty() ? errorName : errorName + ": " + message);
        this.errorName = errorName;
    }

    public String errorName() {
        return errorName;
    }
}
