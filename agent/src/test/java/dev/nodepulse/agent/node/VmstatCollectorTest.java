package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.text.MetricFamily;
import dev.nodepulse.metrics.text.MetricKind;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.ParseException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmstatCollectorTest {

    @TempDir
    Path tmp;

    private static final Pattern DEFAULT = Pattern.compile(VmstatCollector.DEFAULT_FIELDS);
    private static final String FILE = "nr_free_pages 1081935\npgpgin 7344136\npgpgout 1541180581\npswpin 1476\n"
            + "pswpout 35045\npgfault 2320168809\npgmajfault 507162\npgfree 9\noom_kill 0\nthp_fault_alloc 4\n";

    private static Rendered collect(HostPaths paths, Pattern fields) throws Exception {
        MetricSink sink = new MetricSink();
        new VmstatCollector(paths, fields).update(sink);
        return Rendered.of(sink);
    }

    @Test
    void defaultFields() throws Exception {
        Rendered r = collect(new FakeHost(tmp).proc("vmstat", FILE).paths, DEFAULT);
        assertEquals(Set.of("node_vmstat_pgpgin", "node_vmstat_pgpgout", "node_vmstat_pswpin", "node_vmstat_pswpout",
                "node_vmstat_pgfault", "node_vmstat_pgmajfault", "node_vmstat_oom_kill"),
                r.families.stream().map(MetricFamily::name).collect(Collectors.toSet()));
        assertEquals(2320168809.0, r.value("node_vmstat_pgfault"));
        assertEquals(MetricKind.UNTYPED, r.get("node_vmstat_pgfault").kind());
        assertEquals("/proc/vmstat information field pgpgin.", r.get("node_vmstat_pgpgin").help());
    }

    @Test
    void fieldsFlag() throws Exception {
        assertEquals(10, collect(new FakeHost(tmp).proc("vmstat", FILE).paths, null).families.size());
        assertEquals(Set.of("node_vmstat_nr_free_pages"),
                collect(new FakeHost(tmp).proc("vmstat", FILE).paths, Pattern.compile("^nr_")).families.stream()
                        .map(MetricFamily::name).collect(Collectors.toSet()));
    }

    @Test
    void missingOrMalformedFileFails() throws Exception {
        assertThrows(NoSuchFileException.class, () -> collect(new FakeHost(tmp).paths, DEFAULT));
        assertThrows(ParseException.class, () -> collect(new FakeHost(tmp).proc("vmstat", "pgfault\n").paths, DEFAULT));
        assertEquals(0, collect(new FakeHost(tmp).proc("vmstat", "").paths, DEFAULT).families.size());
    }

    @Test
    void liveHostNames() throws Exception {
        Path f = Path.of("/proc/vmstat");
        assumeTrue(Files.isReadable(f));
        Set<String> expected = Files.readAllLines(f).stream().map(l -> l.split(" ")[0])
                .filter(n -> DEFAULT.matcher(n).find()).map(n -> "node_vmstat_" + n)
                .collect(Collectors.toCollection(TreeSet::new));
        Rendered r = collect(HostPaths.defaults(), DEFAULT);
        assertEquals(expected, r.families.stream().map(MetricFamily::name).collect(Collectors.toCollection(TreeSet::new)));
    }
}
