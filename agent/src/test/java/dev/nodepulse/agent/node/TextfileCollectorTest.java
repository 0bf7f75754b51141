package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.agent.it.SharedFiles;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.text.Bucket;
import dev.nodepulse.metrics.text.Histogram;
import dev.nodepulse.metrics.text.MetricFamily;
import dev.nodepulse.metrics.text.MetricKind;
import dev.nodepulse.metrics.text.Quantile;
import dev.nodepulse.metrics.text.Sample;
import dev.nodepulse.metrics.text.Summary;
import dev.nodepulse.metrics.text.TextFormatParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextfileCollectorTest {

    @TempDir
    Path tmp;

    private Path file(String relative, String content) throws Exception {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
        return p;
    }

    private static Rendered collect(String... directories) throws Exception {
        MetricSink sink = new MetricSink();
        new TextfileCollector(List.of(directories)).update(sink);
        return Rendered.of(sink);
    }

    @Test
    void twoFilesAndAFileThatIsNotProm() throws Exception {
        Path a = file("two/metrics1.prom", "testmetric1_1{foo=\"bar\"} 10\ntestmetric1_2{foo=\"baz\"} 20\n");
        Path b = file("two/metrics2.prom", "testmetric2_1{foo=\"bar\"} 30\n");
        file("two/non_matching_file.txt", "This file should be ignored.\n");
        Files.setLastModifiedTime(a, FileTime.from(Instant.ofEpochSecond(1_700_000_000L, 900_000_000)));
        Files.setLastModifiedTime(b, FileTime.from(Instant.ofEpochSecond(1_600_000_000L)));
        String dir = tmp.resolve("two").toString();

        Rendered r = collect(dir + "/");
        MetricFamily t11 = r.get("testmetric1_1");
        assertEquals(MetricKind.UNTYPED, t11.kind());
        assertEquals("Metric read from " + dir + "/metrics1.prom", t11.help());
        assertEquals(10, r.value("testmetric1_1", Map.of("foo", "bar")));
        assertEquals(20, r.value("testmetric1_2", Map.of("foo", "baz")));
        assertEquals(30, r.value("testmetric2_1", Map.of("foo", "bar")));
        // Whole seconds of the mtime, per file path as configured directory + name.
        assertEquals(1_700_000_000L, r.value("node_textfile_mtime_seconds", Map.of("file", dir + "/metrics1.prom")));
        assertEquals(1_600_000_000L, r.value("node_textfile_mtime_seconds", Map.of("file", dir + "/metrics2.prom")));
        assertEquals("Unixtime mtime of textfiles successfully read.", r.get("node_textfile_mtime_seconds").help());
        assertEquals(2, r.get("node_textfile_mtime_seconds").samples().size());
        assertEquals(0, r.value("node_textfile_scrape_error"));
        assertEquals("1 if there was an error opening or reading a file, 0 otherwise",
                r.get("node_textfile_scrape_error").help());
        assertEquals(MetricKind.GAUGE, r.get("node_textfile_scrape_error").kind());
    }

    @Test
    void nothingConfiguredIsNoError() throws Exception {
        Rendered r = collect();
        assertEquals(0, r.value("node_textfile_scrape_error"));
        assertFalse(r.family("node_textfile_mtime_seconds").isPresent());
        assertEquals(0, collect("").value("node_textfile_scrape_error"));
    }

    @Test
    void missingDirectoryOrAFileInsteadOfOneIsAnError() throws Exception {
        assertEquals(1, collect(tmp.resolve("nonexistent_path").toString()).value("node_textfile_scrape_error"));
        Path f = file("plain.prom", "x 1\n");
        assertEquals(1, collect(f.toString()).value("node_textfile_scrape_error"));
        // An empty directory is fine.
        Files.createDirectories(tmp.resolve("empty"));
        assertEquals(0, collect(tmp.resolve("empty").toString()).value("node_textfile_scrape_error"));
    }

    @Test
    void aFileWithATimestampIsRejectedWhole() throws Exception {
        file("ts/a.prom", "good_metric 1\n");
        file("ts/b.prom", "with_ts 1\nwithout_ts 2 1700000000000\n");
        Rendered r = collect(tmp.resolve("ts").toString());
        assertEquals(1, r.value("node_textfile_scrape_error"));
        assertEquals(1, r.value("good_metric"));
        assertFalse(r.family("with_ts").isPresent());
        assertFalse(r.family("without_ts").isPresent());
        assertEquals(1, r.get("node_textfile_mtime_seconds").samples().size());
    }

    @Test
    void aBrokenFileIsReportedNotFatal() throws Exception {
        file("broken/a.prom", "fine 1\n");
        file("broken/b.prom", "fine_too 2\nbroken{ 3\n");
        file("broken/c.prom", "no_newline 4");
        Rendered r = collect(tmp.resolve("broken").toString());
        assertEquals(1, r.value("node_textfile_scrape_error"));
        assertEquals(1, r.value("fine"));
        assertFalse(r.family("fine_too").isPresent());
        assertFalse(r.family("no_newline").isPresent());
        assertEquals(List.of(tmp.resolve("broken/a.prom").toString()),
                r.get("node_textfile_mtime_seconds").samples().stream().map(s -> s.labels().get("file")).toList());
    }

    @Test
    void aSubdirectoryNamedPromIsAnErrorAndOthersAreNotSearched() throws Exception {
        file("sub/deeper/inner.prom", "inner 1\n");
        Files.createDirectories(tmp.resolve("sub/odd.prom"));
        file("sub/top.prom", "top 1\n");
        Rendered r = collect(tmp.resolve("sub").toString());
        assertEquals(1, r.value("node_textfile_scrape_error"));
        assertEquals(1, r.value("top"));
        assertFalse(r.family("inner").isPresent());
    }

    @Test
    void missingLabelsAreFilledWithinAFile() throws Exception {
        file("labels/m.prom", """
                # HELP http_requests_total Total number of HTTP requests made.
                # TYPE http_requests_total counter
                http_requests_total{code="200",handler="alerts",method="get"} 35
                http_requests_total{code="200",method="get", foo="bar"} 325
                http_requests_total{code="200",method="get"} 11

                # HELP go_goroutines Number of goroutines that currently exist.
                # TYPE go_goroutines gauge
                go_goroutines{foo="bar"} 229
                go_goroutines 20
                """);
        Rendered r = collect(tmp.resolve("labels").toString());
        MetricFamily http = r.get("http_requests_total");
        assertEquals(MetricKind.COUNTER, http.kind());
        assertEquals("Total number of HTTP requests made.", http.help());
        assertEquals(35, r.value("http_requests_total", Map.of("code", "200", "foo", "", "handler", "alerts", "method", "get")));
        assertEquals(325, r.value("http_requests_total", Map.of("code", "200", "foo", "bar", "handler", "", "method", "get")));
        assertEquals(11, r.value("http_requests_total", Map.of("code", "200", "foo", "", "handler", "", "method", "get")));
        // client_java writes an empty-valued label too, as client_golang does.
        assertTrue(r.text.contains("go_goroutines{foo=\"\"} 20"), r.text);
        assertEquals(229, r.value("go_goroutines", Map.of("foo", "bar")));
    }

    @Test
    void labelsAreNotFilledAcrossFiles() throws Exception {
        file("across/a.prom", "m{a=\"1\"} 1\n");
        file("across/b.prom", "m{b=\"2\"} 2\n");
        Rendered r = collect(tmp.resolve("across").toString());
        assertEquals(1, r.value("m", Map.of("a", "1")));
        assertEquals(2, r.value("m", Map.of("b", "2")));
        assertEquals("Metric read from " + tmp.resolve("across/a.prom") + ", " + tmp.resolve("across/b.prom"),
                r.get("m").help());
    }

    @Test
    void summariesWithAnExtraDimension() throws Exception {
        file("summary/m.prom", """
                # HELP rule_duration_seconds The duration for a rule to execute.
                # TYPE rule_duration_seconds summary
                rule_duration_seconds{rule_type="alerting",quantile="0.5", handler="foo"} 0.000571464
                rule_duration_seconds{rule_type="alerting",quantile="0.9"} 0.001765451
                rule_duration_seconds{rule_type="alerting",quantile="0.99"} 0.018672076
                rule_duration_seconds_sum{rule_type="alerting"} 214.85081044700146
                rule_duration_seconds_count{rule_type="alerting"} 185209
                rule_duration_seconds{rule_type="recording",quantile="0.5"} 4.3132e-05
                rule_duration_seconds_sum{rule_type="recording"} 185091.01317759082
                rule_duration_seconds_count{rule_type="recording"} 1.0020195e+08
                """);
        Rendered r = collect(tmp.resolve("summary").toString());
        MetricFamily f = r.get("rule_duration_seconds");
        assertEquals(MetricKind.SUMMARY, f.kind());
        assertEquals("The duration for a rule to execute.", f.help());
        assertEquals(3, f.summaries().size());
        Summary alerting = summary(f, Map.of("handler", "", "rule_type", "alerting"));
        assertEquals(List.of(new Quantile(0.9, 0.001765451), new Quantile(0.99, 0.018672076)), alerting.quantiles());
        assertEquals(214.85081044700146, alerting.sum());
        assertEquals(185209, alerting.count());
        Summary foo = summary(f, Map.of("handler", "foo", "rule_type", "alerting"));
        assertEquals(List.of(new Quantile(0.5, 0.000571464)), foo.quantiles());
        assertEquals(0, foo.sum());
        assertEquals(0, foo.count());
        assertEquals(1.0020195e+08, summary(f, Map.of("handler", "", "rule_type", "recording")).count());
    }

    private static Summary summary(MetricFamily f, Map<String, String> labels) {
        return f.summaries().stream().filter(s -> s.labels().toMap().equals(labels)).findFirst()
                .orElseThrow(() -> new AssertionError("no summary " + labels + " in " + f));
    }

    @Test
    void histograms() throws Exception {
        file("histogram/m.prom", """
                # HELP chunk_range Final time range of chunks on their first compaction
                # TYPE chunk_range histogram
                chunk_range_bucket{foo="bar",le="100"} 0
                chunk_range_bucket{foo="bar",le="25600"} 7
                chunk_range_bucket{foo="bar",le="1.6384e+06"} 1.69185e+06
                chunk_range_bucket{foo="bar",le="+Inf"} 1.691853e+06
                chunk_range_sum{foo="bar"} 6.71393432189e+11
                chunk_range_count{foo="bar"} 1.691853e+06
                chunk_range_bucket{foo="noinf",le="1"} 3
                chunk_range_sum{foo="noinf"} 4
                chunk_range_count{foo="noinf"} 5
                """);
        Rendered r = collect(tmp.resolve("histogram").toString());
        MetricFamily f = r.get("chunk_range");
        assertEquals(MetricKind.HISTOGRAM, f.kind());
        Histogram bar = f.histograms().stream().filter(h -> h.labels().get("foo").equals("bar")).findFirst().orElseThrow();
        assertEquals(List.of(new Bucket(100, 0), new Bucket(25600, 7), new Bucket(1.6384e+06, 1.69185e+06),
                new Bucket(Double.POSITIVE_INFINITY, 1.691853e+06)), bar.buckets());
        assertEquals(6.71393432189e+11, bar.sum());
        assertEquals(1.691853e+06, bar.count());
        // Without a +Inf bucket, it is added with the sample count, as client_golang writes it.
        Histogram noinf = f.histograms().stream().filter(h -> h.labels().get("foo").equals("noinf")).findFirst().orElseThrow();
        assertEquals(List.of(new Bucket(1, 3), new Bucket(Double.POSITIVE_INFINITY, 5)), noinf.buckets());
        assertEquals(5, noinf.count());
    }

    @Test
    void histogramCountsThatAreNotWholeReadAsZero() throws Exception {
        file("floathist/m.prom", "# TYPE h histogram\nh_bucket{le=\"1\"} 1.5\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n");
        Histogram h = collect(tmp.resolve("floathist").toString()).get("h").histograms().get(0);
        assertEquals(List.of(new Bucket(1, 0), new Bucket(Double.POSITIVE_INFINITY, 0)), h.buckets());
        assertEquals(3, h.sum());
    }

    @Test
    void typesAndTheTotalSuffix() throws Exception {
        file("types/m.prom", """
                # TYPE events_total counter
                events_total{a="1"} 5
                # TYPE requests counter
                requests{a="1"} 6
                # TYPE temperature gauge
                temperature -3.5
                plain NaN
                """);
        Rendered r = collect(tmp.resolve("types").toString());
        assertEquals(MetricKind.COUNTER, r.get("events_total").kind());
        assertEquals(5, r.value("events_total", Map.of("a", "1")));
        // A counter without _total keeps its series name (client_java would publish requests_total).
        assertEquals(MetricKind.UNTYPED, r.get("requests").kind());
        assertEquals(6, r.value("requests", Map.of("a", "1")));
        assertFalse(r.family("requests_total").isPresent());
        assertEquals(MetricKind.GAUGE, r.get("temperature").kind());
        assertEquals(-3.5, r.value("temperature"));
        assertTrue(Double.isNaN(r.value("plain")));
    }

    @Test
    void sameHelpMerges() throws Exception {
        file("same/a.prom", "# HELP events_total A nice help message.\n# TYPE events_total counter\nevents_total{file=\"a\"} 10\n");
        file("same/b.prom", "# HELP events_total A nice help message.\n# TYPE events_total counter\nevents_total{file=\"b\"} 30\n");
        Rendered r = collect(tmp.resolve("same").toString());
        assertEquals("A nice help message.", r.get("events_total").help());
        assertEquals(10, r.value("events_total", Map.of("file", "a")));
        assertEquals(30, r.value("events_total", Map.of("file", "b")));
        assertEquals(0, r.value("node_textfile_scrape_error"));
    }

    @Test
    void differentHelpDropsTheLaterCopyAndIsAnError() throws Exception {
        file("diff/a.prom", "# HELP events_total A nice help message.\n# TYPE events_total counter\nevents_total{file=\"a\"} 10\n");
        file("diff/b.prom", "# HELP events_total A different help message.\n# TYPE events_total counter\nevents_total{file=\"b\"} 30\n");
        file("diff/c.prom", "# HELP events_total A nice help message.\n# TYPE events_total counter\nevents_total{file=\"c\"} 50\n");
        Rendered r = collect(tmp.resolve("diff").toString());
        assertEquals("A nice help message.", r.get("events_total").help());
        assertEquals(1, r.get("events_total").samples().size());
        assertEquals(10, r.value("events_total", Map.of("file", "a")));
        assertEquals(1, r.value("node_textfile_scrape_error"));
        // The files themselves were read: all three have an mtime.
        assertEquals(3, r.get("node_textfile_mtime_seconds").samples().size());
    }

    @Test
    void noHelpAnywhereNamesEveryFile() throws Exception {
        file("nohelp/a.prom", "# HELP events_total \n# TYPE events_total counter\nevents_total{file=\"a\"} 10\n");
        file("nohelp/b.prom", "# TYPE events_total counter\nevents_total{file=\"b\"} 30\n");
        Rendered r = collect(tmp.resolve("nohelp").toString());
        assertEquals("Metric read from " + tmp.resolve("nohelp/a.prom") + ", " + tmp.resolve("nohelp/b.prom"),
                r.get("events_total").help());
        assertEquals(2, r.get("events_total").samples().size());
        assertEquals(0, r.value("node_textfile_scrape_error"));
    }

    @Test
    void aCopyWithoutHelpAfterOneWithHelpIsDroppedQuietly() throws Exception {
        // node_exporter gives b's copy the "Metric read from a, b" help, which its registry then refuses.
        file("mixed/a.prom", "# HELP m Documented.\nm{f=\"a\"} 1\n");
        file("mixed/b.prom", "m{f=\"b\"} 2\n");
        Rendered r = collect(tmp.resolve("mixed").toString());
        assertEquals("Documented.", r.get("m").help());
        assertEquals(1, r.get("m").samples().size());
        assertEquals(0, r.value("node_textfile_scrape_error"));
    }

    @Test
    void aCopyOfAnotherTypeOrARepeatedSeriesIsDropped() throws Exception {
        file("clash/a.prom", "# TYPE m gauge\nm{f=\"a\"} 1\ndup 1\n");
        file("clash/b.prom", "# TYPE m counter\nm{f=\"b\"} 2\ndup 2\n");
        Rendered r = collect(tmp.resolve("clash").toString());
        assertEquals(MetricKind.GAUGE, r.get("m").kind());
        assertEquals(1, r.get("m").samples().size());
        assertEquals(1, r.value("dup"));
    }

    @Test
    void whatClientJavaCannotExpressIsRefusedAsAnError() throws Exception {
        file("refused/a.prom", "ok 1\n");
        file("refused/b.prom", "reserved{__x=\"1\"} 1\n");
        Rendered r = collect(tmp.resolve("refused").toString());
        assertEquals(1, r.value("ok"));
        assertFalse(r.family("reserved").isPresent());
        assertEquals(1, r.value("node_textfile_scrape_error"));

        file("gh/a.prom", "# TYPE g gaugehistogram\ng_bucket{le=\"+Inf\"} 1\n");
        Rendered g = collect(tmp.resolve("gh").toString());
        assertFalse(g.family("g").isPresent());
        assertEquals(1, g.value("node_textfile_scrape_error"));

        file("neg/a.prom", "# TYPE c_total counter\nc_total{s=\"bad\"} -1\nc_total{s=\"good\"} 1\n");
        Rendered n = collect(tmp.resolve("neg").toString());
        assertEquals(1, n.get("c_total").samples().size());
        assertEquals(1, n.value("node_textfile_scrape_error"));
    }

    @Test
    void directoryGlobs() throws Exception {
        file("globbed/x_dims/a.prom", "from_x 1\n");
        file("globbed/y_dims/b.prom", "from_y 2\n");
        file("globbed/z_other/c.prom", "from_z 3\n");
        Rendered r = collect(tmp.resolve("globbed").toString() + "/*_dims");
        assertEquals(1, r.value("from_x"));
        assertEquals(2, r.value("from_y"));
        assertFalse(r.family("from_z").isPresent());
        assertEquals(0, r.value("node_textfile_scrape_error"));
        assertEquals("Metric read from " + tmp.resolve("globbed/x_dims/a.prom"), r.get("from_x").help());
        // A pattern matching nothing is read as a directory name, which then does not exist.
        assertEquals(1, collect(tmp.resolve("globbed").toString() + "/*_none").value("node_textfile_scrape_error"));
        // Several flags.
        Rendered two = collect(tmp.resolve("globbed/x_dims").toString(), tmp.resolve("globbed/z_other").toString());
        assertEquals(3, two.value("from_z"));
    }

    /** node_exporter's own e2e textfile directory, read through the shared conformance kit when present. */
    @Test
    void upstreamFixtureMatchesUpstreamOutput() throws Exception {
        Path kit = SharedFiles.conformanceKit();
        assumeTrue(kit != null && Files.isDirectory(kit.resolve("fixtures/textfile/two_metric_files")),
                "shared conformance fixtures not found; skipping");
        String dir = kit.resolve("fixtures/textfile/two_metric_files").toString();
        Rendered r = collect(dir);
        List<MetricFamily> expected = TextFormatParser.legacy().parse(Files.readAllBytes(kit.resolve("fixtures/e2e-output.txt")));
        int compared = 0;
        for (MetricFamily e : expected) {
            if (!e.name().startsWith("testmetric") && !e.name().equals("node_textfile_scrape_error")) {
                continue;
            }
            MetricFamily got = r.get(e.name());
            assertEquals(e.kind(), got.kind(), e.name());
            assertEquals(e.help().replace("collector/fixtures", kit.resolve("fixtures").toString()), got.help());
            for (Sample s : e.samples()) {
                assertEquals(s.value(), r.value(s.name(), s.labels().toMap()), s.toString());
                compared++;
            }
        }
        assertEquals(5, compared);
    }
}
