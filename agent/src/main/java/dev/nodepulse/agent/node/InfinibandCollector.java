package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.MetricType;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.sys.infiniband.InfinibandDevice;
import dev.nodepulse.procfs.sys.infiniband.InfinibandReader;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;

/** InfiniBand/RoCE port state and counters from /sys/class/infiniband. */
public final class InfinibandCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("infiniband", true,
            ctx -> new InfinibandCollector(ctx.paths(), new DeviceFilter(ctx.pattern("device-include"),
                    ctx.pattern("device-exclude"))),
            Flag.regex("collector.infiniband.device-include", "",
                    "Regexp of infiniband devices to include (mutually exclusive to device-exclude)."),
            Flag.regex("collector.infiniband.device-exclude", "",
                    "Regexp of infiniband devices to exclude (mutually exclusive to device-include)."));

    /** A published counter: metric name (without node_infiniband_), sysfs file, HELP text. */
    private record Counter(String name, String file, String help) {}

    private static final List<Counter> COUNTERS = List.of(
            new Counter("legacy_multicast_packets_received_total", "port_multicast_rcv_packets",
                    "Number of multicast packets received"),
            new Counter("legacy_multicast_packets_transmitted_total", "port_multicast_xmit_packets",
                    "Number of multicast packets transmitted"),
            new Counter("legacy_data_received_bytes_total", "port_rcv_data_64",
                    "Number of data octets received on all links"),
            new Counter("legacy_packets_received_total", "port_rcv_packets_64",
                    "Number of data packets received on all links"),
            new Counter("legacy_unicast_packets_received_total", "port_unicast_rcv_packets",
                    "Number of unicast packets received"),
            new Counter("legacy_unicast_packets_transmitted_total", "port_unicast_xmit_packets",
                    "Number of unicast packets transmitted"),
            new Counter("legacy_data_transmitted_bytes_total", "port_xmit_data_64",
                    "Number of data octets transmitted on all links"),
            new Counter("legacy_packets_transmitted_total", "port_xmit_packets_64",
                    "Number of data packets received on all links"),
            new Counter("excessive_buffer_overrun_errors_total", "excessive_buffer_overrun_errors",
                    "Number of times that OverrunErrors consecutive flow control update periods occurred, each having "
                            + "at least one overrun error."),
            new Counter("link_downed_total", "link_downed",
                    "Number of times the link failed to recover from an error state and went down"),
            new Counter("link_error_recovery_total", "link_error_recovery",
                    "Number of times the link successfully recovered from an error state"),
            new Counter("local_link_integrity_errors_total", "local_link_integrity_errors",
                    "Number of times that the count of local physical errors exceeded the threshold specified by "
                            + "LocalPhyErrors."),
            new Counter("multicast_packets_received_total", "multicast_rcv_packets",
                    "Number of multicast packets received (including errors)"),
            new Counter("multicast_packets_transmitted_total", "multicast_xmit_packets",
                    "Number of multicast packets transmitted (including errors)"),
            new Counter("port_constraint_errors_received_total", "port_rcv_constraint_errors",
                    "Number of packets received on the switch physical port that are discarded"),
            new Counter("port_constraint_errors_transmitted_total", "port_xmit_constraint_errors",
                    "Number of packets not transmitted from the switch physical port"),
            new Counter("port_data_received_bytes_total", "port_rcv_data", "Number of data octets received on all links"),
            new Counter("port_data_transmitted_bytes_total", "port_xmit_data",
                    "Number of data octets transmitted on all links"),
            new Counter("port_discards_received_total", "port_rcv_discards",
                    "Number of inbound packets discarded by the port because the port is down or congested"),
            new Counter("port_discards_transmitted_total", "port_xmit_discards",
                    "Number of outbound packets discarded by the port because the port is down or congested"),
            new Counter("port_errors_received_total", "port_rcv_errors",
                    "Number of packets containing an error that were received on this port"),
            new Counter("port_packets_received_total", "port_rcv_packets",
                    "Number of packets received on all VLs by this port (including errors)"),
            new Counter("port_packets_transmitted_total", "port_xmit_packets",
                    "Number of packets transmitted on all VLs from this port (including errors)"),
            new Counter("port_transmit_wait_total", "port_xmit_wait",
                    "Number of ticks during which the port had data to transmit but no data was sent during the entire tick"),
            new Counter("unicast_packets_received_total", "unicast_rcv_packets",
                    "Number of unicast packets received (including errors)"),
            new Counter("unicast_packets_transmitted_total", "unicast_xmit_packets",
                    "Number of unicast packets transmitted (including errors)"),
            new Counter("port_receive_remote_physical_errors_total", "port_rcv_remote_physical_errors",
                    "Number of packets marked with the EBP (End of Bad Packet) delimiter received on the port."),
            new Counter("port_receive_switch_relay_errors_total", "port_rcv_switch_relay_errors",
                    "Number of packets that could not be forwarded by the switch."),
            new Counter("symbol_error_total", "symbol_error",
                    "Number of minor link errors detected on one or more physical lanes."),
            new Counter("vl15_dropped_total", "VL15_dropped",
                    "Number of incoming VL15 packets dropped due to resource limitations."));

    private static final String OFED41 = " The counters was added in MLNX_OFED 4.1";
    private static final String OFED50 = " The counter was added in MLNX_OFED rev 5.0-1.0.0.0 and kernel v5.6.0";

    private static final List<Counter> HW_COUNTERS = List.of(
            new Counter("duplicate_requests_packets_total", "duplicate_request",
                    "The number of received packets. A duplicate request is a request that had been previously executed."),
            new Counter("implied_nak_seq_errors_total", "implied_nak_seq_err",
                    "The number of time the requested decided an ACK. with a PSN larger than the expected PSN for an "
                            + "RDMA read or response."),
            new Counter("local_ack_timeout_errors_total", "local_ack_timeout_err",
                    "The number of times QP's ack timer expired for RC, XRC, DCT QPs at the sender side. The QP retry "
                            + "limit was not exceed, therefore it is still recoverable error."),
            new Counter("np_cnp_packets_sent_total", "np_cnp_sent",
                    "The number of CNP packets sent by the Notification Point when it noticed congestion experienced "
                            + "in the RoCEv2 IP header (ECN bits)." + OFED41),
            new Counter("np_ecn_marked_roce_packets_received_total", "np_ecn_marked_roce_packets",
                    "The number of RoCEv2 packets received by the notification point which were marked for "
                            + "experiencing the congestion (ECN bits where '11' on the ingress RoCE traffic) ." + OFED41),
            new Counter("out_of_buffer_drops_total", "out_of_buffer",
                    "The number of drops occurred due to lack of WQE for the associated QPs."),
            new Counter("out_of_sequence_packets_received_total", "out_of_sequence",
                    "The number of out of sequence packets received."),
            new Counter("packet_sequence_errors_total", "packet_seq_err",
                    "The number of received NAK sequence error packets. The QP retry limit was not exceeded."),
            new Counter("req_cqes_errors_total", "req_cqe_error",
                    "The number of times requester detected CQEs completed with errors." + OFED41),
            new Counter("req_cqes_flush_errors_total", "req_cqe_flush_error",
                    "The number of times requester detected CQEs completed with flushed errors." + OFED41),
            new Counter("req_remote_access_errors_total", "req_remote_access_errors",
                    "The number of times requester detected remote access errors." + OFED41),
            new Counter("req_remote_invalid_request_errors_total", "req_remote_invalid_request",
                    "The number of times requester detected remote invalid request errors." + OFED41),
            new Counter("resp_cqes_errors_total", "resp_cqe_error",
                    "The number of times responder detected CQEs completed with errors." + OFED41),
            new Counter("resp_cqes_flush_errors_total", "resp_cqe_flush_error",
                    "The number of times responder detected CQEs completed with flushed errors." + OFED41),
            new Counter("resp_local_length_errors_total", "resp_local_length_error",
                    "The number of times responder detected local length errors." + OFED41),
            new Counter("resp_remote_access_errors_total", "resp_remote_access_errors",
                    "The number of times responder detected remote access errors." + OFED41),
            new Counter("rnr_nak_retry_packets_received_total", "rnr_nak_retry_err",
                    "The number of received RNR NAK packets. The QP retry limit was not exceeded."),
            new Counter("roce_adp_retransmits_total", "roce_adp_retrans",
                    "The number of adaptive retransmissions for RoCE traffic." + OFED50),
            new Counter("roce_adp_retransmits_timeout_total", "roce_adp_retrans_to",
                    "The number of times RoCE traffic reached timeout due to adaptive retransmission." + OFED50),
            new Counter("roce_slow_restart_used_total", "roce_slow_restart",
                    "The number of times RoCE slow restart was used." + OFED50),
            new Counter("roce_slow_restart_cnps_total", "roce_slow_restart_cnps",
                    "The number of times RoCE slow restart generated CNP packets." + OFED50),
            new Counter("roce_slow_restart_total", "roce_slow_restart_trans",
                    "The number of times RoCE slow restart changed state to slow restart." + OFED50),
            new Counter("rp_cnp_packets_handled_total", "rp_cnp_handled",
                    "The number of CNP packets handled by the Reaction Point HCA to throttle the transmission rate."
                            + OFED41),
            new Counter("rp_cnp_ignored_packets_received_total", "rp_cnp_ignored",
                    "The number of CNP packets received and ignored by the Reaction Point HCA. This counter should not "
                            + "raise if RoCE Congestion Control was enabled in the network. If this counter raise, "
                            + "verify that ECN was enabled on the adapter."),
            new Counter("rx_atomic_requests_total", "rx_atomic_requests",
                    "The number of received ATOMIC request for the associated QPs."),
            new Counter("rx_dct_connect_requests_total", "rx_dct_connect",
                    "The number of received connection requests for the associated DCTs."),
            new Counter("rx_read_requests_total", "rx_read_requests",
                    "The number of received READ requests for the associated QPs."),
            new Counter("rx_write_requests_total", "rx_write_requests",
                    "The number of received WRITE requests for the associated QPs."),
            new Counter("rx_icrc_encapsulated_errors_total", "rx_icrc_encapsulated",
                    "The number of RoCE packets with ICRC errors. This counter was added in MLNX_OFED 4.4 and kernel 4.19"));

    private final HostPaths paths;
    private final DeviceFilter filter;

    public InfinibandCollector(HostPaths paths, DeviceFilter filter) {
        this.paths = paths;
        this.filter = filter;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<InfinibandDevice> devices;
        try {
            devices = InfinibandReader.read(paths.sys("class", "infiniband"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("infiniband statistics not found");
        }
        for (InfinibandDevice d : devices) {
            if (filter.ignored(d.name())) {
                continue;
            }
            sink.gauge("node_infiniband_info", "Non-numeric data from /sys/class/infiniband/<device>, value is always 1.",
                    "device", "board_id", "firmware_version", "hca_type")
                    .add(1, d.name(), d.boardId(), d.firmwareVersion(), d.hcaType());
            for (InfinibandDevice.Port p : d.ports()) {
                String port = Integer.toUnsignedString(p.port());
                gauge(sink, "state_id", "State of the InfiniBand port (0: no change, 1: down, 2: init, 3: armed, "
                        + "4: active, 5: act defer)", Integer.toUnsignedLong(p.stateId()), p, port);
                gauge(sink, "physical_state_id", "Physical state of the InfiniBand port (0: no change, 1: sleep, "
                        + "2: polling, 3: disable, 4: shift, 5: link up, 6: link error recover, 7: phytest)",
                        Integer.toUnsignedLong(p.physStateId()), p, port);
                gauge(sink, "rate_bytes_per_second", "Maximum signal transfer rate", p.rateBytesPerSecond(), p, port);
                counters(sink, COUNTERS, p.counters(), p, port);
                Long lifespan = p.hwCounters().get("lifespan");
                if (lifespan != null) {
                    gauge(sink, "lifespan_seconds", "The maximum period in ms which defines the aging of the counter "
                            + "reads. Two consecutive reads within this period might return the same values.",
                            Long.divideUnsigned(lifespan, 1000), p, port);
                }
                counters(sink, HW_COUNTERS, p.hwCounters(), p, port);
            }
        }
    }

    private static void counters(MetricSink sink, List<Counter> list, Map<String, Long> values,
                                 InfinibandDevice.Port p, String port) {
        for (Counter c : list) {
            Long v = values.get(c.file());
            if (v != null) {
                sink.family("node_infiniband_" + c.name(), c.help(), MetricType.COUNTER, "device", "port")
                        .add(Numbers.unsignedToDouble(v), p.device(), port);
            }
        }
    }

    private static void gauge(MetricSink sink, String name, String help, long value, InfinibandDevice.Port p,
                              String port) {
        sink.gauge("node_infiniband_" + name, help, "device", "port").add(Numbers.unsignedToDouble(value),
                p.device(), port);
    }
}
