package dev.nodepulse.procfs.sys.infiniband;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * /sys/class/infiniband/*: fw_ver (required), board_id, hca_type, node_guid, and per port link_layer, state
 * ("4: ACTIVE"), phys_state ("5: LinkUp"), rate ("100 Gb/sec (4X EDR)") and the counters, counters_ext and
 * hw_counters directories. Counters that cannot be read (unsupported, not permitted) or read as
 * "N/A (no PMA)" are left out.
 */
public final class InfinibandReader {

    /** Data counters the kernel reports per lane (divided by 4). */
    private static final Set<String> PER_LANE = Set.of("port_rcv_data", "port_xmit_data", "port_rcv_data_64",
            "port_xmit_data_64");

    static final Set<String> COUNTERS = Set.of("excessive_buffer_overrun_errors", "link_downed",
            "link_error_recovery", "local_link_integrity_errors", "multicast_rcv_packets", "multicast_xmit_packets",
            "port_rcv_constraint_errors", "port_rcv_data", "port_rcv_discards", "port_rcv_errors",
            "port_rcv_packets", "port_rcv_remote_physical_errors", "port_rcv_switch_relay_errors",
            "port_xmit_constraint_errors", "port_xmit_data", "port_xmit_discards", "port_xmit_packets",
            "port_xmit_wait", "symbol_error", "unicast_rcv_packets", "unicast_xmit_packets", "VL15_dropped");

    static final Set<String> COUNTERS_EXT = Set.of("port_multicast_rcv_packets", "port_multicast_xmit_packets",
            "port_rcv_data_64", "port_rcv_packets_64", "port_unicast_rcv_packets", "port_unicast_xmit_packets",
            "port_xmit_data_64", "port_xmit_packets_64");

    static final Set<String> HW_COUNTERS = Set.of("duplicate_request", "implied_nak_seq_err", "lifespan",
            "local_ack_timeout_err", "np_cnp_sent", "np_ecn_marked_roce_packets", "out_of_buffer", "out_of_sequence",
            "packet_seq_err", "req_cqe_error", "req_cqe_flush_error", "req_remote_access_errors",
            "req_remote_invalid_request", "resp_cqe_error", "resp_cqe_flush_error", "resp_local_length_error",
            "resp_remote_access_errors", "rnr_nak_retry_err", "roce_adp_retrans", "roce_adp_retrans_to",
            "roce_slow_restart", "roce_slow_restart_cnps", "roce_slow_restart_trans", "rp_cnp_handled",
            "rp_cnp_ignored", "rx_atomic_requests", "rx_dct_connect", "rx_icrc_encapsulated", "rx_read_requests",
            "rx_write_requests");

    private InfinibandReader() {}

    /** @param classDir the sysfs directory class/infiniband; missing: NoSuchFileException */
    public static List<InfinibandDevice> read(Path classDir) throws IOException {
        List<InfinibandDevice> out = new ArrayList<>();
        for (String name : SysfsAttributes.list(classDir)) {
            out.add(device(name, classDir.resolve(name)));
        }
        return List.copyOf(out);
    }

    static InfinibandDevice device(String name, Path dir) throws IOException {
        String fw = SysfsAttributes.read(dir.resolve("fw_ver"));
        String board = orEmpty(SysfsAttributes.readIfExists(dir.resolve("board_id")));
        String hca = orEmpty(SysfsAttributes.readIfExists(dir.resolve("hca_type")));
        String guid = orEmpty(SysfsAttributes.readIfExists(dir.resolve("node_guid")));
        List<InfinibandDevice.Port> ports = new ArrayList<>();
        Path portsDir = dir.resolve("ports");
        for (String port : SysfsAttributes.list(portsDir)) {
            ports.add(port(name, port, portsDir.resolve(port)));
        }
        ports.sort(java.util.Comparator.comparingInt(InfinibandDevice.Port::port));
        return new InfinibandDevice(name, board, fw, hca, guid, List.copyOf(ports));
    }

    static InfinibandDevice.Port port(String device, String port, Path dir) throws IOException {
        int number;
        try {
            long n = GoStrconv.parseUint(port, 10, 64);
            if (n < 0 || n > 0xffffffffL) {
                throw new NumberFormatException();
            }
            number = (int) n;
        } catch (NumberFormatException e) {
            throw new ParseException(dir + ": port name is not a number");
        }
        String linkLayer = SmallFiles.read(dir.resolve("link_layer")).strip();
        State state = state(SmallFiles.read(dir.resolve("state")), dir.resolve("state"));
        State phys = state(SmallFiles.read(dir.resolve("phys_state")), dir.resolve("phys_state"));
        long rate = rate(SmallFiles.read(dir.resolve("rate")), dir.resolve("rate"));
        Map<String, Long> counters = new TreeMap<>();
        if (Files.exists(dir.resolve("counters"))) {
            readCounters(dir.resolve("counters"), COUNTERS, counters, false);
            readCounters(dir.resolve("counters_ext"), COUNTERS_EXT, counters, true);
        }
        Map<String, Long> hw = new TreeMap<>();
        if (Files.exists(dir.resolve("hw_counters"))) {
            readCounters(dir.resolve("hw_counters"), HW_COUNTERS, hw, false);
        }
        return new InfinibandDevice.Port(device, number, linkLayer, state.name, state.id, phys.name, phys.id, rate,
                Map.copyOf(counters), Map.copyOf(hw));
    }

    private record State(int id, String name) {}

    /** "4: ACTIVE". */
    static State state(String text, Path file) throws ParseException {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) {
            throw new ParseException(file + ": expected \"ID: NAME\", got \"" + text.strip() + "\"");
        }
        try {
            long id = GoStrconv.parseUint(parts[0].strip(), 10, 64);
            if (id < 0 || id > 0xffffffffL) {
                throw new NumberFormatException();
            }
            return new State((int) id, parts[1].strip());
        } catch (NumberFormatException e) {
            throw new ParseException(file + ": state id is not a number: \"" + parts[0].strip() + "\"");
        }
    }

    /** "100 Gb/sec (4X EDR)" in bytes per second; the Gb/s figure is read as a float32, as procfs reads it. */
    static long rate(String text, Path file) throws ParseException {
        int sp = text.indexOf(' ');
        if (sp < 0) {
            throw new ParseException(file + ": cannot split \"" + text.strip() + "\"");
        }
        try {
            double gbps = GoStrconv.parseFloat32(text.substring(0, sp + 1).strip());
            return toUnsigned(gbps * 125000000);
        } catch (NumberFormatException e) {
            throw new ParseException(file + ": rate is not a number: \"" + text.strip() + "\"");
        }
    }

    private static void readCounters(Path dir, Set<String> known, Map<String, Long> into, boolean optionalDir)
            throws IOException {
        List<String> files;
        try {
            files = SysfsAttributes.list(dir);
        } catch (NoSuchFileException e) {
            if (optionalDir) {
                return;
            }
            throw e;
        }
        for (String file : files) {
            Path p = dir.resolve(file);
            if (!SysfsAttributes.isRegularFile(p)) {
                continue;
            }
            String value;
            try {
                value = SysfsAttributes.read(p);
            } catch (IOException e) {
                if (SysfsAttributes.isUnsupportedRead(e) || e instanceof AccessDeniedException) {
                    continue;
                }
                throw e;
            }
            if (!known.contains(file)) {
                continue;
            }
            long v;
            try {
                v = GoStrconv.parseUint(value, 0, 64);
            } catch (NumberFormatException e) {
                if (value.contains("N/A (no PMA)")) {
                    continue;
                }
                throw new ParseException(p + ": not an unsigned integer: \"" + value + "\"");
            }
            into.put(file, PER_LANE.contains(file) ? v * 4 : v);
        }
    }

    /** Go's uint64(f) for the non-negative values a rate can have. */
    private static long toUnsigned(double d) {
        if (d >= 9.223372036854775807E18) {
            return (long) (d - 9.223372036854775807E18) + Long.MIN_VALUE;
        }
        return (long) d;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
