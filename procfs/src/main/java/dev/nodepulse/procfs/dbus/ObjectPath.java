package dev.nodepulse.procfs.dbus;

/** A D-Bus object path ('o'), kept apart from plain strings so the encoder knows which type to write. */
public record ObjectPath(String path) {

    @Override
    public String toString() {
        return path;
    }
}
