package dev.nodepulse.procfs.dbus;

/** A D-Bus variant ('v'): a value together with the signature of its single complete type. */
public record Variant(String signature, Object value) {}
