package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.ConntrackStat;
import dev.nodepulse.procfs.proc.ConntrackStatParser;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Connection tracking table size and limit, and the per-CPU nf_conntrack statistics summed over CPUs. Without
 * the nf_conntrack module loaded the files are absent and the collector has no data.
 */
public final class ConntrackCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("conntrack", true,
            ctx -> new ConntrackCollector(ctx.paths()));

    private static final Log LOG = Log.get(ConntrackCollector.class);

    private final HostPaths paths;

    public ConntrackCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        try {
            sink.gauge("node_nf_conntrack_entries",
                    "Number of currently allocated flow entries for connection tracking.")
                    .add(uint(paths.proc("sys/net/netfilter/nf_conntrack_count")));
            sink.gauge("node_nf_conntrack_entries_limit", "Maximum size of connection tracking table.")
                    .add(uint(paths.proc("sys/net/netfilter/nf_conntrack_max")));
            List<ConntrackStat> rows = ConntrackStatParser.parse(SmallFiles.read(paths.proc("net/stat/nf_conntrack")));
            long found = 0, invalid = 0, ignore = 0, insert = 0, insertFailed = 0, drop = 0, earlyDrop = 0,
                    searchRestart = 0;
            for (ConntrackStat r : rows) {
                found += r.found();
                invalid += r.invalid();
                ignore += r.ignore();
                insert += r.insert();
                insertFailed += r.insertFailed();
                drop += r.drop();
                earlyDrop += r.earlyDrop();
                searchRestart += r.searchRestart();
            }
            stat(sink, "found", "Number of searched entries which were successful.", found);
            stat(sink, "invalid", "Number of packets seen which can not be tracked.", invalid);
            stat(sink, "ignore", "Number of packets seen which are already connected to a conntrack entry.", ignore);
            stat(sink, "insert", "Number of entries inserted into the list.", insert);
            stat(sink, "insert_failed", "Number of entries for which list insertion was attempted but failed.",
                    insertFailed);
            stat(sink, "drop", "Number of packets dropped due to conntrack failure.", drop);
            stat(sink, "early_drop",
                    "Number of dropped conntrack entries to make room for new ones, if maximum table size was reached.",
                    earlyDrop);
            stat(sink, "search_restart",
                    "Number of conntrack table lookups which had to be restarted due to hashtable resizes.",
                    searchRestart);
        } catch (NoSuchFileException e) {
            LOG.debug("conntrack probably not loaded");
            throw new NoDataException("no " + e.getMessage());
        } catch (IOException e) {
            throw new IOException("failed to retrieve conntrack stats: " + e.getMessage(), e);
        }
    }

    /** Cumulative, but node_exporter types them gauge; dashboards apply rate() either way. */
    private static void stat(MetricSink sink, String name, String help, long sum) {
        sink.gauge("node_nf_conntrack_stat_" + name, help).add(Numbers.unsignedToDouble(sum));
    }

    private static double uint(Path file) throws IOException {
        String s = SmallFiles.read(file).strip();
        try {
            return Numbers.unsignedToDouble(GoStrconv.parseUint(s, 10, 64));
        } catch (NumberFormatException e) {
            throw new ParseException(file + ": not an unsigned integer: \"" + s + "\"");
        }
    }
}
