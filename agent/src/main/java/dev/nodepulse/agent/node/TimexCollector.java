package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.natives.ErrnoException;
import dev.nodepulse.procfs.natives.Timex;
import java.io.IOException;

/**
 * The kernel clock discipline from adjtimex(2) with modes 0 (read only). Offsets and PPS jitter are in
 * nanoseconds when the status has STA_NANO, microseconds otherwise. A refused call (a seccomp profile
 * without adjtimex) is "no data", as node_exporter treats permission errors.
 */
public final class TimexCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("timex", true, ctx -> new TimexCollector());

    private static final double NANOSECONDS = 1e9;
    private static final double MICROSECONDS = 1e6;
    /** The kernel's scaled-ppm unit: parts per million with a 16-bit fraction (adjtimex(2) NOTES). */
    private static final double PPM16FRAC = 1000000.0 * 65536.0;

    @Override
    public void update(MetricSink sink) throws Exception {
        Timex.Result t;
        try {
            t = Timex.adjtimex();
        } catch (ErrnoException e) {
            if (e.permissionDenied()) {
                throw new NoDataException("Not collecting timex metrics: " + e.getMessage());
            }
            throw new IOException("failed to retrieve adjtimex stats: " + e.getMessage(), e);
        }
        publish(sink, t);
    }

    static void publish(MetricSink sink, Timex.Result t) {
        double divisor = (t.status() & Timex.STA_NANO) != 0 ? NANOSECONDS : MICROSECONDS;
        sink.gauge("node_timex_sync_status", "Is clock synchronized to a reliable server (1 = yes, 0 = no).")
                .add(t.state() == Timex.TIME_ERROR ? 0 : 1);
        sink.gauge("node_timex_offset_seconds", "Time offset in between local system and reference clock.")
                .add(t.offset() / divisor);
        sink.gauge("node_timex_frequency_adjustment_ratio", "Local clock frequency adjustment.")
                .add(1 + t.freq() / PPM16FRAC);
        sink.gauge("node_timex_maxerror_seconds", "Maximum error in seconds.").add(t.maxerror() / MICROSECONDS);
        sink.gauge("node_timex_estimated_error_seconds", "Estimated error in seconds.").add(t.esterror() / MICROSECONDS);
        sink.gauge("node_timex_status", "Value of the status array bits.").add(t.status());
        sink.gauge("node_timex_loop_time_constant", "Phase-locked loop time constant.").add(t.constant());
        sink.gauge("node_timex_tick_seconds", "Seconds between clock ticks.").add(t.tick() / MICROSECONDS);
        sink.gauge("node_timex_pps_frequency_hertz", "Pulse per second frequency.").add(t.ppsfreq() / PPM16FRAC);
        sink.gauge("node_timex_pps_jitter_seconds", "Pulse per second jitter.").add(t.jitter() / divisor);
        sink.gauge("node_timex_pps_shift_seconds", "Pulse per second interval duration.").add(t.shift());
        sink.gauge("node_timex_pps_stability_hertz", "Pulse per second stability, average of recent frequency changes.")
                .add(t.stabil() / PPM16FRAC);
        sink.counter("node_timex_pps_jitter_total", "Pulse per second count of jitter limit exceeded events.")
                .add(t.jitcnt());
        sink.counter("node_timex_pps_calibration_total", "Pulse per second count of calibration intervals.")
                .add(t.calcnt());
        sink.counter("node_timex_pps_error_total", "Pulse per second count of calibration errors.").add(t.errcnt());
        sink.counter("node_timex_pps_stability_exceeded_total",
                "Pulse per second count of stability limit exceeded events.").add(t.stbcnt());
        sink.gauge("node_timex_tai_offset_seconds", "International Atomic Time (TAI) offset.").add(t.tai());
    }
}
