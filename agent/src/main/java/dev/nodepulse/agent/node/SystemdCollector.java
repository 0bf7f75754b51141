package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.dbus.DbusErrorReply;
import dev.nodepulse.procfs.dbus.DbusProtocolException;
import dev.nodepulse.procfs.dbus.SystemdBus;
import dev.nodepulse.procfs.dbus.UnitStatus;
import dev.nodepulse.procfs.dbus.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * node_systemd_* from systemd's D-Bus API, like node_exporter's systemd collector: unit states of the units
 * that pass the include/exclude patterns, a summary over all units, the manager's version, virtualization
 * and system state, and per-type figures of services, sockets and timers.
 *
 * <p>The sockets are looked up under --path.rootfs (host /run/dbus/system_bus_socket and
 * /run/systemd/private), because a containerised agent reaches the host's /run only through the host
 * root it has mounted; /var/run is not used since on the host it is a symlink to "/run", which would
 * resolve inside the container. DBUS_SYSTEM_BUS_ADDRESS (unix:path=...) overrides the bus socket as it
 * does for node_exporter, and is taken as is.
 */
public final class SystemdCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("systemd", false, SystemdCollector::create,
            Flag.string("collector.systemd.unit-include", ".+",
                    "Regexp of systemd units to include. Units must both match include and not match exclude to be included."),
            Flag.string("collector.systemd.unit-exclude", ".+\\.(automount|device|mount|scope|slice)",
                    "Regexp of systemd units to exclude. Units must both match include and not match exclude to be included."),
            Flag.bool("collector.systemd.private", false,
                    "Establish a private, direct connection to systemd without dbus (Strongly discouraged since it requires root. For testing purposes only)."),
            Flag.bool("collector.systemd.enable-task-metrics", false,
                    "Enables service unit tasks metrics unit_tasks_current and unit_tasks_max"),
            Flag.bool("collector.systemd.enable-restarts-metrics", false,
                    "Enables service unit metric service_restart_total"),
            Flag.bool("collector.systemd.enable-start-time-metrics", false,
                    "Enables service unit metric unit_start_time_seconds"))
            .withAlias("collector.systemd.unit-whitelist", "collector.systemd.unit-include")
            .withAlias("collector.systemd.unit-blacklist", "collector.systemd.unit-exclude");

    private static final Log LOG = Log.get(SystemdCollector.class);

    /** The manager property SystemState and the timer property LastTriggerUSec appeared in systemd 212. */
    static final double MIN_VERSION_SYSTEM_STATE = 212;

    /** go-systemd waits without limit; a stuck bus must not hold a scrape thread for ever. */
    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    static final List<String> UNIT_STATES = List.of("active", "activating", "deactivating", "inactive", "failed");

    private static final Pattern VERSION = Pattern.compile("[0-9]{3,}(\\.[0-9]+)?");
    private static final String UNIT = "org.freedesktop.systemd1.Unit";
    private static final String SERVICE = "org.freedesktop.systemd1.Service";
    private static final String MOUNT = "org.freedesktop.systemd1.Mount";
    private static final String SOCKET = "org.freedesktop.systemd1.Socket";
    private static final String TIMER = "org.freedesktop.systemd1.Timer";

    /** Opens a fresh connection per scrape, as upstream does. */
    @FunctionalInterface
    interface Connector {
        SystemdBus connect() throws IOException;
    }

    private final Connector connector;
    private final Pattern include;
    private final Pattern exclude;
    private final boolean taskMetrics;
    private final boolean restartsMetrics;
    private final boolean startTimeMetrics;

    SystemdCollector(Connector connector, String include, String exclude, boolean taskMetrics,
                     boolean restartsMetrics, boolean startTimeMetrics) {
        this.connector = connector;
        this.include = Pattern.compile("^(?:" + include + ")$");
        this.exclude = Pattern.compile("^(?:" + exclude + ")$");
        this.taskMetrics = taskMetrics;
        this.restartsMetrics = restartsMetrics;
        this.startTimeMetrics = startTimeMetrics;
    }

    static SystemdCollector create(CollectorContext ctx) {
        String include = ctx.string("unit-include");
        String exclude = ctx.string("unit-exclude");
        LOG.info("Parsed flag --collector.systemd.unit-include", "flag", include);
        LOG.info("Parsed flag --collector.systemd.unit-exclude", "flag", exclude);
        Path bus = systemBusSocket(ctx.paths(), System.getenv("DBUS_SYSTEM_BUS_ADDRESS"));
        Path direct = ctx.paths().root("/run/systemd/private");
        boolean privateOnly = ctx.bool("private");
        return new SystemdCollector(() -> SystemdBus.connect(bus, direct, privateOnly, REPLY_TIMEOUT),
                include, exclude, ctx.bool("enable-task-metrics"), ctx.bool("enable-restarts-metrics"),
                ctx.bool("enable-start-time-metrics"));
    }

    /** The system bus socket: the first unix:path= address of DBUS_SYSTEM_BUS_ADDRESS, else the host's. */
    static Path systemBusSocket(HostPaths paths, String address) {
        if (address != null && !address.isEmpty()) {
            for (String one : address.split(";")) {
                if (one.startsWith("unix:")) {
                    for (String kv : one.substring(5).split(",")) {
                        if (kv.startsWith("path=")) {
                            return Path.of(kv.substring(5));
                        }
                    }
                }
            }
        }
        return paths.root("/run/dbus/system_bus_socket");
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        SystemdBus bus;
        try {
            bus = connector.connect();
        } catch (IOException e) {
            throw new IOException("couldn't get dbus connection: " + e.getMessage(), e);
        }
        try (bus) {
            collect(bus, sink);
        }
    }

    private void collect(SystemdBus bus, MetricSink sink) throws IOException {
        Version version = version(bus);
        if (version.number() < MIN_VERSION_SYSTEM_STATE) {
            LOG.debug("Detected systemd version is lower than minimum, some systemd state and timer metrics will not be available",
                    "current", version.number(), "minimum", MIN_VERSION_SYSTEM_STATE);
        }
        sink.gauge("node_systemd_version", "Detected systemd version", "version").add(version.number(), version.full());
        sink.gauge("node_systemd_virtualization_info", "Detected virtualization technology", "virtualization_type")
                .add(1, virtualization(bus));

        List<UnitStatus> all;
        try {
            all = bus.listUnits();
        } catch (IOException e) {
            throw new IOException("couldn't get units: " + e.getMessage(), e);
        }
        Family summary = sink.gauge("node_systemd_units", "Summary of systemd unit states", "state");
        summarize(all).forEach((state, count) -> summary.add(count, state));

        List<UnitStatus> units = filter(all);
        unitStates(bus, sink, units);
        if (startTimeMetrics) {
            startTimes(bus, sink, units);
        }
        if (taskMetrics) {
            tasks(bus, sink, units);
        }
        if (version.number() >= MIN_VERSION_SYSTEM_STATE) {
            timers(bus, sink, units);
        }
        sockets(bus, sink, units);
        if (version.number() >= MIN_VERSION_SYSTEM_STATE) {
            Object state;
            try {
                state = bus.managerProperty("SystemState").value();
            } catch (IOException e) {
                throw new IOException("couldn't get system state: " + e.getMessage(), e);
            }
            sink.gauge("node_systemd_system_running", "Whether the system is operational (see 'systemctl is-system-running')")
                    .add("running".equals(state) ? 1 : 0);
        }
    }

    /** The count of all units (not only the filtered ones) per active state, the five usual ones always. */
    static Map<String, Double> summarize(List<UnitStatus> units) {
        Map<String, Double> summary = new LinkedHashMap<>();
        for (String state : UNIT_STATES) {
            summary.put(state, 0.0);
        }
        for (UnitStatus u : units) {
            summary.merge(u.activeState(), 1.0, Double::sum);
        }
        return summary;
    }

    /** Loaded units whose names match include and not exclude. */
    List<UnitStatus> filter(List<UnitStatus> units) {
        List<UnitStatus> kept = new ArrayList<>();
        for (UnitStatus u : units) {
            if (include.matcher(u.name()).matches() && !exclude.matcher(u.name()).matches()
                    && "loaded".equals(u.loadState())) {
                kept.add(u);
            } else {
                LOG.debug("Ignoring unit", "unit", u.name());
            }
        }
        return kept;
    }

    private void unitStates(SystemdBus bus, MetricSink sink, List<UnitStatus> units) throws IOException {
        Family states = sink.gauge("node_systemd_unit_state", "Systemd unit", "name", "state", "type");
        Family restarts = restartsMetrics
                ? sink.counter("node_systemd_service_restart_total", "Service unit count of Restart triggers", "name")
                : null;
        for (UnitStatus u : units) {
            String type = "";
            if (u.name().endsWith(".service")) {
                type = string(bus, u.name(), SERVICE, "Type", "couldn't get unit type");
            } else if (u.name().endsWith(".mount")) {
                type = string(bus, u.name(), MOUNT, "Type", "couldn't get unit type");
            }
            for (String state : UNIT_STATES) {
                states.add(state.equals(u.activeState()) ? 1 : 0, u.name(), state, type == null ? "" : type);
            }
            if (restarts != null && u.name().endsWith(".service")) {
                // NRestarts appeared in systemd 235.
                Long n = uint32(bus, u.name(), SERVICE, "NRestarts");
                if (n != null) {
                    restarts.add(n, u.name());
                }
            }
        }
    }

    private void sockets(SystemdBus bus, MetricSink sink, List<UnitStatus> units) throws IOException {
        Family accepted = null;
        Family current = null;
        Family refused = null;
        for (UnitStatus u : units) {
            if (!u.name().endsWith(".socket")) {
                continue;
            }
            Long nAccepted = uint32(bus, u.name(), SOCKET, "NAccepted");
            if (nAccepted == null) {
                continue;
            }
            if (accepted == null) {
                accepted = sink.counter("node_systemd_socket_accepted_connections_total",
                        "Total number of accepted socket connections", "name");
                current = sink.gauge("node_systemd_socket_current_connections",
                        "Current number of socket connections", "name");
                refused = sink.gauge("node_systemd_socket_refused_connections_total",
                        "Total number of refused socket connections", "name");
            }
            accepted.add(nAccepted, u.name());
            Long nConnections = uint32(bus, u.name(), SOCKET, "NConnections");
            if (nConnections == null) {
                continue;
            }
            current.add(nConnections, u.name());
            // NRefused appeared in systemd 239; upstream exposes it as a gauge despite its _total name.
            Long nRefused = uint32(bus, u.name(), SOCKET, "NRefused");
            if (nRefused != null) {
                refused.add(nRefused, u.name());
            }
        }
    }

    private void startTimes(SystemdBus bus, MetricSink sink, List<UnitStatus> units) throws IOException {
        Family start = sink.gauge("node_systemd_unit_start_time_seconds",
                "Start time of the unit since unix epoch in seconds.", "name");
        for (UnitStatus u : units) {
            double micros = 0;
            if ("active".equals(u.activeState())) {
                Long t = uint64(bus, u.name(), UNIT, "ActiveEnterTimestamp");
                if (t == null) {
                    continue;
                }
                micros = unsigned(t);
            }
            start.add(micros / 1e6, u.name());
        }
    }

    private void tasks(SystemdBus bus, MetricSink sink, List<UnitStatus> units) throws IOException {
        Family current = sink.gauge("node_systemd_unit_tasks_current", "Current number of tasks per Systemd unit", "name");
        Family max = sink.gauge("node_systemd_unit_tasks_max", "Maximum number of tasks per Systemd unit", "name");
        for (UnitStatus u : units) {
            if (!u.name().endsWith(".service")) {
                continue;
            }
            // systemd reports "no value" (no accounting, no limit) as the largest uint64, upstream leaves it out.
            Long n = uint64(bus, u.name(), SERVICE, "TasksCurrent");
            if (n != null && n != -1L) {
                current.add(unsigned(n), u.name());
            }
            n = uint64(bus, u.name(), SERVICE, "TasksMax");
            if (n != null && n != -1L) {
                max.add(unsigned(n), u.name());
            }
        }
    }

    private void timers(SystemdBus bus, MetricSink sink, List<UnitStatus> units) throws IOException {
        Family last = null;
        for (UnitStatus u : units) {
            if (!u.name().endsWith(".timer")) {
                continue;
            }
            Long t = uint64(bus, u.name(), TIMER, "LastTriggerUSec");
            if (t == null) {
                continue;
            }
            if (last == null) {
                last = sink.gauge("node_systemd_timer_last_trigger_seconds", "Seconds since epoch of last trigger.", "name");
            }
            last.add(unsigned(t) / 1e6, u.name());
        }
    }

    record Version(double number, String full) {}

    /** The manager's Version property, e.g. 252.22-1~deb12u1 read as 252.22; 0 and "" when unknown. */
    static Version version(SystemdBus bus) {
        Object v;
        try {
            v = bus.managerProperty("Version").value();
        } catch (IOException e) {
            LOG.debug("Unable to get systemd version property, defaulting to 0");
            return new Version(0, "");
        }
        String full = v instanceof String s ? s : String.valueOf(v);
        Matcher m = VERSION.matcher(full);
        if (!m.find()) {
            LOG.debug("Got invalid systemd version", "version", full);
            return new Version(0, "");
        }
        return new Version(Double.parseDouble(m.group()), full);
    }

    /** The manager's Virtualization property; "none" on bare metal, "unknown" when it cannot be read. */
    static String virtualization(SystemdBus bus) {
        try {
            Object v = bus.managerProperty("Virtualization").value();
            String s = v instanceof String str ? str : String.valueOf(v);
            return s.isEmpty() ? "none" : s;
        } catch (IOException e) {
            LOG.debug("Could not get Virtualization property", "err", e.getMessage());
            return "unknown";
        }
    }

    private static String string(SystemdBus bus, String unit, String iface, String property, String what)
            throws IOException {
        Object v = property(bus, unit, iface, property, "s");
        if (v == null) {
            LOG.debug(what, "unit", unit);
        }
        return (String) v;
    }

    private static Long uint32(SystemdBus bus, String unit, String iface, String property) throws IOException {
        return (Long) property(bus, unit, iface, property, "u");
    }

    private static Long uint64(SystemdBus bus, String unit, String iface, String property) throws IOException {
        return (Long) property(bus, unit, iface, property, "t");
    }

    /**
     * A unit property of the expected type, or null (logged at debug) when systemd answers with an error
     * (no such property in this version, unit gone) or another type. A broken connection (peer gone, no
     * reply in time) ends the scrape instead: every further call would fail the same way, and upstream's
     * final SystemState call fails the collector then too.
     */
    private static Object property(SystemdBus bus, String unit, String iface, String property, String type)
            throws IOException {
        try {
            Variant v = bus.unitProperty(unit, iface, property);
            if (!type.equals(v.signature())) {
                LOG.debug("unexpected property type", "unit", unit, "property", property, "type", v.signature());
                return null;
            }
            return v.value();
        } catch (DbusErrorReply | DbusProtocolException e) {
            LOG.debug("couldn't get unit " + property, "unit", unit, "err", e.getMessage());
            return null;
        }
    }

    private static double unsigned(long raw) {
        return raw >= 0 ? raw : (raw >>> 1) * 2.0 + (raw & 1);
    }
}
