package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.XfrmStat;
import dev.nodepulse.procfs.proc.XfrmStatParser;
import java.util.List;

/** IPsec (XFRM) error counters of /proc/net/xfrm_stat, all 28 always published (0 when not printed). */
public final class XfrmCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("xfrm", false, ctx -> new XfrmCollector(ctx.paths()));

    private record Counter(String kernelName, String metric, String help) {}

    private static final List<Counter> COUNTERS = List.of(
            new Counter("XfrmInError", "in_error_packets_total", "All errors not matched by other"),
            new Counter("XfrmInBufferError", "in_buffer_error_packets_total", "No buffer is left"),
            new Counter("XfrmInHdrError", "in_hdr_error_packets_total", "Header error"),
            new Counter("XfrmInNoStates", "in_no_states_packets_total",
                    "No state is found i.e. Either inbound SPI, address, or IPsec protocol at SA is wrong"),
            new Counter("XfrmInStateProtoError", "in_state_proto_error_packets_total",
                    "Transformation protocol specific error e.g. SA key is wrong"),
            new Counter("XfrmInStateModeError", "in_state_mode_error_packets_total",
                    "Transformation mode specific error"),
            new Counter("XfrmInStateSeqError", "in_state_seq_error_packets_total",
                    "Sequence error i.e. Sequence number is out of window"),
            new Counter("XfrmInStateExpired", "in_state_expired_packets_total", "State is expired"),
            new Counter("XfrmInStateMismatch", "in_state_mismatch_packets_total",
                    "State has mismatch option e.g. UDP encapsulation type is mismatch"),
            new Counter("XfrmInStateInvalid", "in_state_invalid_packets_total", "State is invalid"),
            new Counter("XfrmInTmplMismatch", "in_tmpl_mismatch_packets_total",
                    "No matching template for states e.g. Inbound SAs are correct but SP rule is wrong"),
            new Counter("XfrmInNoPols", "in_no_pols_packets_total",
                    "No policy is found for states e.g. Inbound SAs are correct but no SP is found"),
            new Counter("XfrmInPolBlock", "in_pol_block_packets_total", "Policy discards"),
            new Counter("XfrmInPolError", "in_pol_error_packets_total", "Policy error"),
            new Counter("XfrmOutError", "out_error_packets_total", "All errors which is not matched others"),
            new Counter("XfrmOutBundleGenError", "out_bundle_gen_error_packets_total", "Bundle generation error"),
            new Counter("XfrmOutBundleCheckError", "out_bundle_check_error_packets_total", "Bundle check error"),
            new Counter("XfrmOutNoStates", "out_no_states_packets_total", "No state is found"),
            new Counter("XfrmOutStateProtoError", "out_state_proto_error_packets_total",
                    "Transformation protocol specific error"),
            new Counter("XfrmOutStateModeError", "out_state_mode_error_packets_total",
                    "Transformation mode specific error"),
            new Counter("XfrmOutStateSeqError", "out_state_seq_error_packets_total",
                    "Sequence error i.e. Sequence number overflow"),
            new Counter("XfrmOutStateExpired", "out_state_expired_packets_total", "State is expired"),
            new Counter("XfrmOutPolBlock", "out_pol_block_packets_total", "Policy discards"),
            new Counter("XfrmOutPolDead", "out_pol_dead_packets_total", "Policy is dead"),
            new Counter("XfrmOutPolError", "out_pol_error_packets_total", "Policy error"),
            new Counter("XfrmFwdHdrError", "fwd_hdr_error_packets_total", "Forward routing of a packet is not allowed"),
            new Counter("XfrmOutStateInvalid", "out_state_invalid_packets_total", "State is invalid, perhaps expired"),
            new Counter("XfrmAcquireError", "acquire_error_packets_total",
                    "State hasn\u2019t been fully acquired before use"));

    private final HostPaths paths;

    public XfrmCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        XfrmStat stat = XfrmStatParser.parse(SmallFiles.read(paths.proc("net", "xfrm_stat")));
        for (Counter c : COUNTERS) {
            sink.counter("node_xfrm_" + c.metric(), c.help()).add(stat.get(c.kernelName()));
        }
    }
}
