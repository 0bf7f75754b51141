package dev.nodepulse.metrics.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextFormatParserTest {

    private static final TextFormatParser P = TextFormatParser.legacy();

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TextFormatParserTest.class.getResourceAsStream("/text/" + name)) {
            if (in == null) {
                throw new IOException("no fixture " + name);
            }
            return in.readAllBytes();
        }
    }

    private static MetricFamily family(List<MetricFamily> fs, String name) {
        return fs.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no family " + name + " in " + fs));
    }

    private static TextParseException fails(String text) {
        return assertThrows(TextParseException.class, () -> P.parse(text), () -> "accepted: " + text);
    }

    @Test
    void kubeletResourceMetrics() throws Exception {
        List<MetricFamily> fs = P.parse(resource("kubelet-resource.prom"));
        assertEquals(List.of("container_cpu_usage_seconds_total", "container_memory_working_set_bytes",
                        "container_start_time_seconds", "node_cpu_usage_seconds_total", "node_memory_working_set_bytes",
                        "resource_scrape_error"),
                fs.stream().map(MetricFamily::name).toList());
        MetricFamily cpu = fs.get(0);
        assertEquals(MetricKind.COUNTER, cpu.kind());
        assertEquals("[STABLE] Cumulative cpu time consumed by the container in core-seconds", cpu.help());
        assertEquals(2, cpu.samples().size());
        Sample s = cpu.samples().get(0);
        assertEquals("container_cpu_usage_seconds_total", s.name());
        assertEquals(Map.of("container", "coredns", "namespace", "kube-system", "pod", "coredns-5d78c9869d-7xk2p"),
                s.labels().toMap());
        assertEquals(312.529876843, s.value());
        assertTrue(s.hasTimestamp());
        assertEquals(1700000123456L, s.timestampMillis());
        assertEquals(1.6195584e+07, family(fs, "container_memory_working_set_bytes").samples().get(0).value());
        MetricFamily node = family(fs, "node_cpu_usage_seconds_total");
        assertTrue(node.samples().get(0).labels().isEmpty());
        assertEquals(18342.21, node.samples().get(0).value());
        MetricFamily err = family(fs, "resource_scrape_error");
        assertFalse(err.samples().get(0).hasTimestamp());
        assertFalse(err.hasTimestamps());
        assertTrue(cpu.hasTimestamps());
        // Repeated label values are decoded once and shared.
        assertTrue(cpu.samples().get(0).labels().get("namespace")
                == family(fs, "container_memory_working_set_bytes").samples().get(1).labels().get("namespace"));
    }

    @Test
    void summariesAndHistogramsAreGroupedPerLabelSet() throws Exception {
        List<MetricFamily> fs = P.parse(resource("distributions.prom"));
        MetricFamily rpc = family(fs, "rpc_duration_seconds");
        assertEquals(MetricKind.SUMMARY, rpc.kind());
        assertEquals(6, rpc.samples().size());
        assertEquals(2, rpc.summaries().size());
        Summary a = rpc.summaries().get(0);
        assertEquals(Map.of("service", "a"), a.labels().toMap());
        assertEquals(List.of(new Quantile(0.5, 0.013), new Quantile(0.99, 0.25)), a.quantiles());
        assertEquals(1234.5, a.sum());
        assertEquals(9001, a.count());
        Summary b = rpc.summaries().get(1);
        assertEquals(Map.of("service", "b", "zone", "x"), b.labels().toMap());
        assertTrue(Double.isNaN(b.quantiles().get(0).value()));
        assertEquals(0, b.sum());
        // The flat samples keep the quantile label and their own names.
        assertEquals("0.5", rpc.samples().get(0).labels().get("quantile"));
        assertEquals("rpc_duration_seconds_sum", rpc.samples().get(2).name());

        MetricFamily size = family(fs, "request_size_bytes");
        assertEquals(MetricKind.HISTOGRAM, size.kind());
        Histogram h = size.histograms().get(0);
        assertTrue(h.labels().isEmpty());
        assertEquals(List.of(new Bucket(100, 3), new Bucket(1000, 7), new Bucket(Double.POSITIVE_INFINITY, 9)),
                h.buckets());
        assertEquals(4711, h.sum());
        assertEquals(9, h.count());
        assertTrue(size.summaries().isEmpty());
        // A name ending in _count is its own family when no summary/histogram of the base name precedes it.
        assertEquals(MetricKind.GAUGE, family(fs, "plain_count").kind());
    }

    @Test
    void sumAndCountBelongToTheFamilyOnlyAfterItsType() throws Exception {
        List<MetricFamily> fs = P.parse("x_sum 1\n# TYPE x summary\nx_sum 2\nx_count 3\n");
        assertEquals(List.of("x_sum", "x"), fs.stream().map(MetricFamily::name).toList());
        assertEquals(MetricKind.UNTYPED, fs.get(0).kind());
        // Once a family x_sum exists, x_sum lines stay there even after x became a summary (exact name first).
        assertEquals(2, fs.get(0).samples().size());
        assertEquals(0, fs.get(1).summaries().get(0).sum());
        assertEquals(3, fs.get(1).summaries().get(0).count());
    }

    @Test
    void distributionEdgeCases() throws Exception {
        // A summary line without quantile still creates the series (count and sum 0); NaN quantiles are ignored.
        MetricFamily s = P.parse("# TYPE s summary\ns{a=\"1\"} 5\ns{a=\"2\",quantile=\"NaN\"} 7\n").get(0);
        assertEquals(2, s.summaries().size());
        assertTrue(s.summaries().get(0).quantiles().isEmpty());
        assertTrue(s.summaries().get(1).quantiles().isEmpty());
        // A histogram bucket may be written without the _bucket suffix; float counts are kept as written.
        MetricFamily h = P.parse("# TYPE h histogram\nh{le=\"1\"} 2.5\nh_count 2.5\nh_bucket 9\n").get(0);
        assertEquals(List.of(new Bucket(1, 2.5)), h.histograms().get(0).buckets());
        assertEquals(2.5, h.histograms().get(0).count());
        // Gauge histograms in either spelling.
        assertEquals(MetricKind.GAUGE_HISTOGRAM, P.parse("# TYPE g gaugehistogram\ng_bucket{le=\"+Inf\"} 1\n").get(0).kind());
        assertEquals(MetricKind.GAUGE_HISTOGRAM, P.parse("# TYPE g GAUGE_HISTOGRAM\ng_bucket{le=\"+Inf\"} 1\n").get(0).kind());
        // Timestamps on distribution lines: the last one wins.
        MetricFamily t = P.parse("# TYPE t summary\nt_sum 1 10\nt_count 2 20\nt{quantile=\"0.5\"} 3\n").get(0);
        assertEquals(20, t.summaries().get(0).timestampMillis());
        assertTrue(t.hasTimestamps());
    }

    @Test
    void helpTypeAndComments() throws Exception {
        List<MetricFamily> fs = P.parse("""
                # a comment
                #
                # HELP a First line\\nsecond \\\\ and \\" quote  \s
                # TYPE a Gauge
                a 1
                # HELP b
                # HELP b\t
                # TYPE b\t
                b 2
                # HELP only_help but no samples
                #HELP c tight
                c 3
                """);
        MetricFamily a = family(fs, "a");
        assertEquals("First line\nsecond \\ and \" quote   ", a.help());
        assertEquals(MetricKind.GAUGE, a.kind());
        MetricFamily b = family(fs, "b");
        assertNull(b.help());
        assertEquals(MetricKind.UNTYPED, b.kind());
        assertFalse(fs.stream().anyMatch(f -> f.name().equals("only_help")));
        assertEquals("tight", family(fs, "c").help());
    }

    @Test
    void valuesAsGoReadsThem() throws Exception {
        String text = """
                v{k="nan"} NaN
                v{k="nan2"} nan
                v{k="inf"} +Inf
                v{k="inf2"} Infinity
                v{k="ninf"} -Inf
                v{k="exp"} 1.5e+06
                v{k="exp2"} 1E-3
                v{k="dot"} .5
                v{k="dot2"} 5.
                v{k="neg0"} -0
                v{k="plus"} +7
                v{k="big"} 123456789012345678901234567890
                v{k="tiny"} 1e-400
                v{k="max"} 1.7976931348623157e308
                v{k="precise"} 0.30000000000000004
                """;
        MetricFamily v = P.parse(text).get(0);
        Map<String, Double> byKey = new java.util.HashMap<>();
        v.samples().forEach(s -> byKey.put(s.labels().get("k"), s.value()));
        assertTrue(Double.isNaN(byKey.get("nan")));
        assertTrue(Double.isNaN(byKey.get("nan2")));
        assertEquals(Double.POSITIVE_INFINITY, byKey.get("inf"));
        assertEquals(Double.POSITIVE_INFINITY, byKey.get("inf2"));
        assertEquals(Double.NEGATIVE_INFINITY, byKey.get("ninf"));
        assertEquals(1.5e6, byKey.get("exp"));
        assertEquals(0.001, byKey.get("exp2"));
        assertEquals(0.5, byKey.get("dot"));
        assertEquals(5.0, byKey.get("dot2"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(byKey.get("neg0")));
        assertEquals(7.0, byKey.get("plus"));
        assertEquals(1.2345678901234568e29, byKey.get("big"));
        assertEquals(0.0, byKey.get("tiny"));
        assertEquals(Double.MAX_VALUE, byKey.get("max"));
        assertEquals(0.30000000000000004, byKey.get("precise"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1e400", "-1e400", "+nan", "0x10", "0x1p3", "1_000", "1d", "1f", "infin", "--1", "1e", "1e+", ".",
        "1.2.3", "one", "١"})
    void valuesGoRefuses(String value) {
        TextParseException e = fails("m " + value + "\n");
        assertTrue(e.getMessage().contains("expected float as value"), e.getMessage());
    }

    @Test
    void timestamps() throws Exception {
        assertEquals(-5, P.parse("m 1 -5\n").get(0).samples().get(0).timestampMillis());
        assertEquals(Long.MIN_VALUE, P.parse("m 1 -9223372036854775808\n").get(0).samples().get(0).timestampMillis());
        assertEquals(Long.MAX_VALUE, P.parse("m 1 +9223372036854775807\n").get(0).samples().get(0).timestampMillis());
        assertEquals(3, P.parse("m 1\t\t3\n").get(0).samples().get(0).timestampMillis());
        assertTrue(fails("m 1 9223372036854775808\n").getMessage().contains("expected integer as timestamp"));
        assertTrue(fails("m 1 1.5\n").getMessage().contains("expected integer as timestamp, got \"1.5\""));
        assertTrue(fails("m 1 \n").getMessage().contains("expected integer as timestamp, got \"\""));
        assertTrue(fails("m 1 2 x\n").getMessage().contains("spurious string after timestamp: \" x\""));
        assertTrue(fails("m 1 2 \n").getMessage().contains("spurious string after timestamp"));
    }

    @Test
    void labelSyntax() throws Exception {
        MetricFamily f = P.parse("m { b = \"2\" , a=\"x\\\\y\\\"z\\nw\", } 1\nm{} 2\nm 3\nm{c=\"\"}4\n").get(0);
        assertEquals(4, f.samples().size());
        LabelSet l = f.samples().get(0).labels();
        assertEquals("a", l.name(0));
        assertEquals("x\\y\"z\nw", l.get("a"));
        assertEquals("2", l.get("b"));
        assertEquals("{a=\"x\\\\y\\\"z\\nw\",b=\"2\"}", l.toString());
        assertTrue(f.samples().get(1).labels().isEmpty());
        assertEquals("", f.samples().get(3).labels().get("c"));
        assertEquals(4, f.samples().get(3).value());
        // Non-ASCII values are fine when valid UTF-8.
        assertEquals("grüße €", P.parse("m{a=\"grüße €\"} 1\n").get(0).samples().get(0).labels().get("a"));
        // The same labels in another order are the same set.
        assertEquals(P.parse("m{a=\"1\",b=\"2\"} 1\n").get(0).samples().get(0).labels(),
                P.parse("m{b=\"2\",a=\"1\"} 1\n").get(0).samples().get(0).labels());
    }

    @Test
    void namesInsideBracesAndQuoted() throws Exception {
        TextFormatParser utf8 = TextFormatParser.utf8();
        List<MetricFamily> fs = utf8.parse("""
                # HELP "my.metric" Dotted.
                # TYPE "my.metric" gauge
                {"my.metric", "some.label"="v"} 1
                {"my.metric"} 2
                {plain,a="b"} 3
                {a="c", plain} 4
                "quoted" 5
                """);
        MetricFamily dotted = family(fs, "my.metric");
        assertEquals("Dotted.", dotted.help());
        assertEquals(MetricKind.GAUGE, dotted.kind());
        assertEquals("v", dotted.samples().get(0).labels().get("some.label"));
        assertEquals(2, dotted.samples().size());
        assertEquals(2, family(fs, "plain").samples().size());
        assertEquals("c", family(fs, "plain").samples().get(1).labels().get("a"));
        assertEquals(5, family(fs, "quoted").samples().get(0).value());
        // Legacy validation: quoting is allowed, but the name must still be a legacy name.
        assertEquals(3, P.parse("{plain,a=\"b\"} 3\n").get(0).samples().get(0).value());
        assertEquals("plain", P.parse("\"plain\" 1\n").get(0).name());
        assertTrue(fails("{\"my.metric\"} 1\n").getMessage().contains("invalid metric name \"my.metric\""));
        assertTrue(fails("m{\"some.label\"=\"v\"} 1\n").getMessage().contains("invalid label name \"some.label\""));
        // expfmt's toggling quotes: an unquoted name may continue into a quoted part.
        assertEquals("foobar", P.parse("foo\"bar\" 1\n").get(0).name());
    }

    @Test
    void emptyAndBlankInput() throws Exception {
        assertTrue(P.parse(resource("empty.prom")).isEmpty());
        assertTrue(P.parse("\n\n   \n\t\n").isEmpty());
        assertTrue(P.parse("  \t").isEmpty());
        assertTrue(P.parse("# only a comment\n").isEmpty());
        assertTrue(P.parse("# TYPE x counter\n").isEmpty());
        assertEquals(1, P.parse("  m 1\n").size());
    }

    @Test
    void everyLineNeedsItsNewline() throws Exception {
        TextParseException e = assertThrows(TextParseException.class, () -> P.parse(resource("no-final-newline.prom")));
        assertEquals(1, e.line());
        assertEquals("unexpected end of input stream", e.detail());
        assertEquals("text format parsing error in line 1: unexpected end of input stream", e.getMessage());
        assertEquals(3, fails("a 1\nb 2\n# comment").line());
        assertEquals(2, fails("a 1\n#").line());
        assertEquals(2, fails("a 1\nm{a=\"b\"").line());
    }

    @Test
    void malformedLinesNameTheirLine() {
        String[][] cases = {
            {"a 1\n# HELP a x\n# HELP a y\n", "3", "second HELP line for metric name \"a\""},
            {"# TYPE a gauge\n# TYPE a counter\n", "2", "second TYPE line for metric name \"a\", or TYPE reported after samples"},
            {"a 1\n# TYPE a gauge\n", "2", "second TYPE line"},
            {"# TYPE a gauges\n", "1", "unknown metric type \"gauges\""},
            {"# TYPE a gauge \n", "1", "unknown metric type \"gauge \""},
            {"# HELP a.b text\n", "1", "invalid metric name in comment"},
            {"# HELP a bad \\t escape\n", "1", "invalid escape sequence '\\t'"},
            {"1abc 1\n", "1", "invalid metric name"},
            {"m{a=\"1\",a=\"2\"} 1\n", "1", "duplicate label names for metric \"m\""},
            {"m{__name__=\"x\"} 1\n", "1", "label name \"__name__\" is reserved"},
            {"m{a=b} 1\n", "1", "expected '\"' at start of label value, found 'b'"},
            {"m{a-b=\"1\"} 1\n", "1", "expected '=' after label name, found '-'"},
            {"m{a=\"1\" b=\"2\"} 1\n", "1", "unexpected end of label value \"1\""},
            {"m{a=\"x\\q\"} 1\n", "1", "invalid escape sequence '\\q'"},
            {"m{a=\"line\nbreak\"} 1\n", "1", "label value \"line\" contains unescaped new-line"},
            {"m{1=\"a\"} 1\n", "1", "invalid label name for metric \"m\""},
            {"m{,} 1\n", "1", "invalid label name for metric \"m\""},
            {"m\n", "1", "expected float as value, got \"\""},
            {"m{a=\"b\"}\n", "1", "expected float as value, got \"\""},
            {"m 1\r\n", "1", "expected float as value, got \"1\\r\""},
            {"ok 1\n\nm{} x\n", "3", "expected float as value, got \"x\""},
            {"{} 1\n", "1", "invalid metric name"},
            {"a 1\n{a=\"b\"} 1\n", "2", "invalid metric name"},
            {"{x, y} 1\n", "1", "multiple metric names for metric \"x\""},
            {"{x y} 1\n", "1", "unexpected end of metric name 'y'"},
            {"# TYPE h histogram\nh_bucket{le=\"x\"} 1\n", "2", "expected float as value for 'le' label, got \"x\""},
            {"# TYPE s summary\ns{quantile=\"hi\"} 1\n", "2", "expected float as value for 'quantile' label, got \"hi\""},
            {"# TYPE h histogram\nh_count -1\n", "2", "negative count for histogram \"h\""},
            {"# TYPE h histogram\nh_bucket{le=\"1\"} -2\n", "2", "negative bucket population for histogram \"h\""},
        };
        for (String[] c : cases) {
            TextParseException e = fails(c[0]);
            assertEquals(Integer.parseInt(c[1]), e.line(), c[0] + " -> " + e.getMessage());
            assertTrue(e.detail().contains(c[2]), c[0] + " -> " + e.getMessage());
        }
    }

    @Test
    void invalidUtf8InLabelValues() {
        byte[] bad = "m{a=\"\u0000\"} 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bad[5] = (byte) 0xc3; // a lead byte followed by '"'
        TextParseException e = assertThrows(TextParseException.class, () -> P.parse(bad));
        assertTrue(e.detail().startsWith("invalid label value"), e.getMessage());
    }

    @Test
    void parsesASliceOfABuffer() throws Exception {
        byte[] buf = "garbage|m 1\n|garbage".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals(1, P.parse(buf, 8, 4).get(0).samples().get(0).value());
        assertThrows(IndexOutOfBoundsException.class, () -> P.parse(buf, 8, 100));
    }

    @Test
    void labelSetApi() {
        LabelSet l = LabelSet.of(new String[] {"z", "a"}, new String[] {"1", "2"});
        assertEquals("a", l.name(0));
        assertEquals("2", l.value(0));
        assertTrue(l.contains("z"));
        assertNull(l.get("q"));
        assertThrows(IllegalArgumentException.class, () -> LabelSet.of(new String[] {"a", "a"}, new String[] {"1", "2"}));
        assertThrows(IllegalArgumentException.class, () -> LabelSet.of(new String[] {"a"}, new String[0]));
        assertTrue(LabelSet.of(new String[0], new String[0]).isEmpty());
    }

    @Test
    void largeInputParsesQuickly() throws Exception {
        // 1,000 nodes' worth of kubelet resource lines (30 containers each): a smoke test of the throughput
        // the aggregator needs, with a generous bound for a busy 2-core test machine.
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP container_cpu_usage_seconds_total [STABLE] Cumulative cpu time\n");
        sb.append("# TYPE container_cpu_usage_seconds_total counter\n");
        for (int i = 0; i < 30; i++) {
            sb.append("container_cpu_usage_seconds_total{container=\"c").append(i)
                    .append("\",namespace=\"ns-").append(i % 5).append("\",pod=\"pod-").append(i)
                    .append("-7d9f8b6c5d-x2k4q\"} ").append(1234.567 + i).append(" 1700000123456\n");
        }
        byte[] one = sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long lines = 0;
        long start = System.nanoTime();
        for (int n = 0; n < 1000; n++) {
            lines += P.parse(one).get(0).samples().size();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(30_000, lines);
        assertTrue(seconds < 10, "30k samples took " + seconds + " s");
    }
}
