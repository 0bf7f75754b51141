package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.etc.LocalTimeZone;
import dev.nodepulse.procfs.etc.ZoneName;
import dev.nodepulse.procfs.sys.Clocksource;
import dev.nodepulse.procfs.sys.ClocksourceReader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * node_time_seconds, node_time_zone_offset_seconds{time_zone} and the clocksource info families. The zone is
 * the agent's local zone as Go would find it (see {@link LocalTimeZone}), loaded once at start-up like Go's.
 * The clocksource device label is the position in name order, as node_exporter numbers them.
 */
public final class TimeCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("time", true,
            ctx -> new TimeCollector(ctx.paths(), LocalTimeZone.load(), Clock.systemUTC()));

    private final HostPaths paths;
    private final LocalTimeZone zone;
    private final Clock clock;

    public TimeCollector(HostPaths paths, LocalTimeZone zone, Clock clock) {
        this.paths = paths;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Instant now = clock.instant();
        ZoneName z = zone.at(now.getEpochSecond());
        sink.gauge("node_time_seconds", "System time in seconds since epoch (1970).")
                .add(now.getEpochSecond() + now.getNano() / 1e9);
        sink.gauge("node_time_zone_offset_seconds", "System time zone offset in seconds.", "time_zone")
                .add(z.offsetSeconds(), z.abbreviation());

        List<Clocksource> clocksources = ClocksourceReader.read(paths);
        Family available = sink.gauge("node_time_clocksource_available_info",
                "Available clocksources read from '/sys/devices/system/clocksource'.", "device", "clocksource");
        Family current = sink.gauge("node_time_clocksource_current_info",
                "Current clocksource read from '/sys/devices/system/clocksource'.", "device", "clocksource");
        for (int i = 0; i < clocksources.size(); i++) {
            String device = Integer.toString(i);
            for (String cs : clocksources.get(i).available()) {
                available.add(1, device, cs);
            }
            current.add(1, device, clocksources.get(i).current());
        }
    }
}
