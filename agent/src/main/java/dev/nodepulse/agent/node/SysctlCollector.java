package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.SysctlParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Selected /proc/sys values. {@code --collector.sysctl.include=NAME} publishes numeric values as untyped
 * node_sysctl_&lt;name&gt; (one value plain, several with an {@code index} label, or named
 * node_sysctl_&lt;name&gt;_&lt;key&gt; with {@code NAME:key1,key2,...}); {@code --collector.sysctl.include-info}
 * publishes words as node_sysctl_info{name,value,index}.
 */
public final class SysctlCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("sysctl", false,
            ctx -> new SysctlCollector(ctx.paths(), ctx.all("include"), ctx.all("include-info")),
            Flag.repeatable("collector.sysctl.include", "Select sysctl metrics to include"),
            Flag.repeatable("collector.sysctl.include-info", "Select sysctl metrics to include as info metrics"));

    private static final Pattern INVALID = Pattern.compile("_*[^0-9A-Za-z_]+_*");

    /** One --collector.sysctl.include[-info] value: the sysctl and, for the mapped form, its field names. */
    record Selection(boolean numeric, String name, List<String> keys) {

        static Selection of(String flag, boolean numeric) {
            int colon = flag.indexOf(':');
            if (colon < 0) {
                return new Selection(numeric, flag, List.of());
            }
            return new Selection(numeric, flag.substring(0, colon), List.of(flag.substring(colon + 1).split(",", -1)));
        }

        String metricName() {
            return "node_sysctl_" + INVALID.matcher(name).replaceAll("_");
        }
    }

    private final HostPaths paths;
    private final List<Selection> selections = new ArrayList<>();

    public SysctlCollector(HostPaths paths, List<String> include, List<String> includeInfo) {
        this.paths = paths;
        include.forEach(s -> selections.add(Selection.of(s, true)));
        includeInfo.forEach(s -> selections.add(Selection.of(s, false)));
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        for (Selection s : selections) {
            publish(sink, s);
        }
    }

    private void publish(MetricSink sink, Selection s) throws IOException {
        String text;
        try {
            text = SmallFiles.read(SysctlParser.path(paths.procfs(), s.name()));
        } catch (IOException e) {
            throw new IOException("error obtaining sysctl info: " + e.getMessage(), e);
        }
        long[] numbers = null;
        String[] words;
        if (s.numeric()) {
            try {
                numbers = SysctlParser.integers(text, s.name());
            } catch (IOException e) {
                throw new IOException("error obtaining sysctl info: " + e.getMessage(), e);
            }
            words = null;
        } else {
            words = SysctlParser.words(text);
        }
        int length = s.numeric() ? numbers.length : words.length;
        if (length == 0) {
            throw new IOException("sysctl " + s.name() + " has no values");
        }
        Family info = s.numeric() ? null : sink.gauge("node_sysctl_info", "sysctl info", "name", "value", "index");
        if (length == 1) {
            if (!s.keys().isEmpty()) {
                throw new IOException("sysctl " + s.name() + " has only one value, but expected " + s.keys());
            }
            if (s.numeric()) {
                sink.untyped(s.metricName(), "sysctl " + s.name()).add(numbers[0]);
            } else {
                info.add(1, s.name(), words[0], "0");
            }
            return;
        }
        if (s.keys().isEmpty()) {
            if (s.numeric()) {
                Family f = sink.untyped(s.metricName(), "sysctl " + s.name(), "index");
                for (int i = 0; i < numbers.length; i++) {
                    f.add(numbers[i], Integer.toString(i));
                }
            } else {
                for (int i = 0; i < words.length; i++) {
                    info.add(1, s.name(), words[i], Integer.toString(i));
                }
            }
            return;
        }
        if (length != s.keys().size()) {
            throw new IOException("sysctl " + s.name() + " has " + length + " keys but only " + s.keys().size()
                    + " defined in f lag");
        }
        if (!s.numeric()) {
            throw new IOException("mapped sysctl string values not supported");
        }
        for (int i = 0; i < numbers.length; i++) {
            sink.untyped(s.metricName() + "_" + s.keys().get(i), "sysctl " + s.name() + ", field " + i)
                    .add(numbers[i]);
        }
    }
}
