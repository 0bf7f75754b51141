package dev.nodepulse.procfs.dbus;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The few calls of systemd's D-Bus API the systemd collector makes (the same ones go-systemd's dbus package
 * makes for node_exporter): Manager.ListUnits and org.freedesktop.DBus.Properties.Get on the manager and on
 * unit objects.
 */
public final class SystemdBus implements Closeable {

    public static final String SYSTEMD = "org.freedesktop.systemd1";
    public static final String MANAGER_PATH = "/org/freedesktop/systemd1";
    public static final String MANAGER_INTERFACE = "org.freedesktop.systemd1.Manager";
    public static final String PROPERTIES_INTERFACE = "org.freedesktop.DBus.Properties";
    public static final String UNIT_PATH_PREFIX = "/org/freedesktop/systemd1/unit/";

    private final DbusConnection connection;

    public SystemdBus(DbusConnection connection) {
        this.connection = connection;
    }

    /**
     * Connects the way go-systemd's NewWithContext does: the system bus first; when that fails and this
     * process runs as root, systemd's private socket. With {@code privateOnly} only the private socket is
     * tried (node_exporter's --collector.systemd.private).
     */
    public static SystemdBus connect(Path systemBus, Path privateSocket, boolean privateOnly, Duration timeout)
            throws IOException {
        if (privateOnly) {
            return new SystemdBus(DbusConnection.open(privateSocket, false, timeout));
        }
        try {
            return new SystemdBus(DbusConnection.open(systemBus, true, timeout));
        } catch (IOException e) {
            if (DbusConnection.currentUid() != 0) {
                throw e;
            }
            return new SystemdBus(DbusConnection.open(privateSocket, false, timeout));
        }
    }

    public DbusConnection connection() {
        return connection;
    }

    @SuppressWarnings("unchecked")
    public List<UnitStatus> listUnits() throws IOException {
        List<Object> reply = connection.call(SYSTEMD, MANAGER_PATH, MANAGER_INTERFACE, "ListUnits", "");
        if (reply.size() != 1 || !(reply.get(0) instanceof List<?>)) {
            throw new DbusProtocolException("ListUnits replied " + reply);
        }
        List<UnitStatus> units = new ArrayList<>();
        for (Object o : (List<Object>) reply.get(0)) {
            if (!(o instanceof List<?> f) || f.size() != 10) {
                throw new DbusProtocolException("ListUnits replied an entry that is not (ssssssouso): " + o);
            }
            try {
                units.add(new UnitStatus((String) f.get(0), (String) f.get(1), (String) f.get(2), (String) f.get(3),
                        (String) f.get(4), (String) f.get(5), ((ObjectPath) f.get(6)).path(), (Long) f.get(7),
                        (String) f.get(8), ((ObjectPath) f.get(9)).path()));
            } catch (ClassCastException e) {
                throw new DbusProtocolException("ListUnits replied an entry that is not (ssssssouso): " + o);
            }
        }
        return units;
    }

    /** A property of org.freedesktop.systemd1.Manager. */
    public Variant managerProperty(String name) throws IOException {
        return property(MANAGER_PATH, MANAGER_INTERFACE, name);
    }

    /** A property of a unit object, e.g. ("ssh.service", "org.freedesktop.systemd1.Service", "NRestarts"). */
    public Variant unitProperty(String unit, String iface, String name) throws IOException {
        return property(unitPath(unit), iface, name);
    }

    private Variant property(String path, String iface, String name) throws IOException {
        List<Object> reply = connection.call(SYSTEMD, path, PROPERTIES_INTERFACE, "Get", "ss", iface, name);
        if (reply.size() != 1 || !(reply.get(0) instanceof Variant v)) {
            throw new DbusProtocolException("Properties.Get replied " + reply);
        }
        return v;
    }

    /**
     * A unit's object path: systemd escapes every byte of the name outside [A-Za-z0-9], and a leading digit,
     * as '_' and two lower-case hex digits ("ssh.service" is ".../unit/ssh_2eservice").
     */
    public static String unitPath(String unit) {
        if (unit.isEmpty()) {
            return UNIT_PATH_PREFIX + "_";
        }
        StringBuilder sb = new StringBuilder(UNIT_PATH_PREFIX);
        byte[] bytes = unit.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean alpha = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
            boolean digit = b >= '0' && b <= '9';
            if (alpha || (digit && i > 0)) {
                sb.append((char) b);
            } else {
                sb.append('_').append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
