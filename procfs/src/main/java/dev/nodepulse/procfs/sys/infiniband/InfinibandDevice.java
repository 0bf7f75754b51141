package dev.nodepulse.procfs.sys.infiniband;

import java.util.List;
import java.util.Map;

/** /sys/class/infiniband/&lt;device&gt;: identity and ports. Optional text attributes are "" when absent. */
public record InfinibandDevice(String name, String boardId, String firmwareVersion, String hcaType,
                               String nodeGuid, List<Port> ports) {

    /**
     * One port. {@code rateBytesPerSecond} is the "rate" attribute (Gb/s) in bytes per second.
     * {@code counters} holds counters/ (and the pre-4.5 counters_ext/) by file name, {@code hwCounters}
     * holds hw_counters/ by file name; values are unsigned 64-bit numbers held in longs, with the four
     * per-lane data counters already multiplied by 4 lanes, as procfs does.
     */
    public record Port(String device, int port, String linkLayer, String state, int stateId, String physState,
                       int physStateId, long rateBytesPerSecond, Map<String, Long> counters,
                       Map<String, Long> hwCounters) {}
}
