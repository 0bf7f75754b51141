package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.text.MetricFamily;
import dev.nodepulse.metrics.text.TextFormatParser;
import dev.nodepulse.metrics.text.TextParseException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * node_exporter's textfile collector: every {@code *.prom} file in the --collector.textfile.directory
 * directories (globs allowed, subdirectories not searched) is parsed as text exposition format and its
 * families are published as they are, next to {@code node_textfile_mtime_seconds{file}} for each file read
 * and {@code node_textfile_scrape_error}.
 *
 * <p>The rules follow node_exporter 1.12.1 (collector/textfile.go) step by step: a directory that cannot be
 * read, a file that does not parse, a file with any client-side timestamp (rejected whole) and a family
 * whose HELP contradicts the HELP an earlier file gave it (that copy dropped) set the scrape error but never
 * fail the collector. A family without HELP gets "Metric read from <files>". Within one file's family, labels
 * some samples lack are added with value "". How families from several files are merged, and what the
 * client_java model cannot express, is {@link TextfileSnapshots}' part.
 */
public final class TextfileCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("textfile", true,
            ctx -> new TextfileCollector(ctx.all("directory")),
            Flag.repeatable("collector.textfile.directory",
                    "Directory to read text files with metrics from, supports glob matching. (repeatable)"));

    private static final Log LOG = Log.get(TextfileCollector.class);

    private final List<String> directories;

    public TextfileCollector(List<String> directories) {
        this.directories = List.copyOf(directories);
    }

    /** One file's copy of a family, with the HELP it will be published with. */
    record Copy(MetricFamily family, String file, String help) {}

    /** What reading one file gave: its families (possibly none), its mtime when it was accepted. */
    private record FileResult(List<MetricFamily> families, FileTime mtime, String error) {}

    @Override
    public void update(MetricSink sink) throws Exception {
        boolean errored = false;
        List<Copy> accepted = new ArrayList<>();
        Map<String, List<String>> filesByFamily = new HashMap<>();
        // Per family: the first HELP seen, and the conflicting one once a conflict was seen.
        Map<String, String[]> helpByFamily = new HashMap<>();
        Map<String, Long> mtimes = new TreeMap<>();

        for (String dir : expand(directories)) {
            List<String> names;
            try {
                names = listDirectory(dir);
            } catch (IOException | RuntimeException e) {
                if (!dir.isEmpty()) {
                    errored = true;
                    LOG.error("failed to read textfile collector directory", "path", dir, "err", describe(e));
                }
                continue;
            }
            for (String name : names) {
                if (!name.endsWith(".prom")) {
                    continue;
                }
                String path = GoGlob.join(dir, name);
                FileResult r = processFile(path);
                for (MetricFamily mf : r.families()) {
                    String[] help = helpByFamily.get(mf.name());
                    if (help != null && ((mf.hasHelp() && !help[0].equals(mf.help())) || help[1] != null)) {
                        helpByFamily.put(mf.name(), new String[] {help[0], mf.hasHelp() ? mf.help() : ""});
                        errored = true;
                        LOG.error("inconsistent metric help text", "metric", mf.name(), "original_help_text", help[0],
                                "new_help_text", mf.hasHelp() ? mf.help() : "",
                                "file", filesByFamily.getOrDefault(mf.name(), List.of(path)).get(0));
                        continue;
                    }
                    if (mf.hasHelp()) {
                        helpByFamily.put(mf.name(), new String[] {mf.help(), null});
                    }
                    filesByFamily.computeIfAbsent(mf.name(), k -> new ArrayList<>()).add(path);
                    accepted.add(new Copy(mf, path, mf.help()));
                }
                if (r.error() != null) {
                    errored = true;
                    LOG.error("failed to collect textfile data", "file", name, "err", r.error());
                    continue;
                }
                mtimes.put(path, wholeSeconds(r.mtime()));
            }
        }

        List<Copy> withHelp = new ArrayList<>(accepted.size());
        Map<String, String> defaultHelp = new HashMap<>();
        for (Copy c : accepted) {
            String help = c.help();
            if (help == null) {
                help = defaultHelp.computeIfAbsent(c.family().name(),
                        n -> "Metric read from " + String.join(", ", filesByFamily.get(n)));
            }
            withHelp.add(new Copy(c.family(), c.file(), help));
        }
        TextfileSnapshots.Result built = TextfileSnapshots.build(withHelp);
        built.snapshots().forEach(sink::add);
        if (built.rejected()) {
            errored = true;
        }

        if (!mtimes.isEmpty()) {
            Family mtime = sink.gauge("node_textfile_mtime_seconds", "Unixtime mtime of textfiles successfully read.",
                    "file");
            mtimes.forEach((path, seconds) -> mtime.add(seconds, path));
        }
        sink.gauge("node_textfile_scrape_error", "1 if there was an error opening or reading a file, 0 otherwise")
                .add(errored ? 1 : 0);
    }

    /** Each configured value as a glob; a value matching nothing (or a broken pattern) is used as it is. */
    static List<String> expand(List<String> patterns) {
        List<String> out = new ArrayList<>();
        for (String p : patterns) {
            List<String> matches;
            try {
                matches = GoGlob.glob(p);
            } catch (GoGlob.BadPatternException e) {
                matches = List.of();
            }
            if (matches.isEmpty()) {
                out.add(p);
            } else {
                out.addAll(matches);
            }
        }
        return out;
    }

    /** Entry names in name order (os.ReadDir); any kind of entry, as node_exporter filters by name only. */
    private static List<String> listDirectory(String dir) throws IOException {
        if (dir.isEmpty()) {
            throw new java.nio.file.NoSuchFileException("");
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(Path.of(dir))) {
            for (Path p : stream) {
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        return names;
    }

    private static FileResult processFile(String path) {
        byte[] data;
        try {
            data = Files.readAllBytes(Path.of(path));
        } catch (IOException | RuntimeException e) {
            return new FileResult(List.of(), null, "failed to open textfile data file \"" + path + "\": " + describe(e));
        }
        List<MetricFamily> families;
        try {
            families = TextFormatParser.legacy().parse(data);
        } catch (TextParseException e) {
            return new FileResult(List.of(), null, "failed to parse textfile data from \"" + path + "\": "
                    + e.getMessage());
        }
        for (MetricFamily f : families) {
            if (f.hasTimestamps()) {
                return new FileResult(List.of(), null, "textfile \"" + path
                        + "\" contains unsupported client-side timestamps, skipping entire file");
            }
        }
        // The file is stat'ed only once parsed and validated, so that a failure does not look fresh.
        try {
            return new FileResult(families, Files.getLastModifiedTime(Path.of(path)), null);
        } catch (IOException | RuntimeException e) {
            return new FileResult(families, null, "failed to stat \"" + path + "\": " + describe(e));
        }
    }

    /** Go's UnixNano()/1e9: whole seconds, truncated toward zero. */
    static long wholeSeconds(FileTime t) {
        java.time.Instant i = t.toInstant();
        long s = i.getEpochSecond();
        return s < 0 && i.getNano() > 0 ? s + 1 : s;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "open " + e.getMessage() + ": no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "open " + e.getMessage() + ": permission denied";
        }
        if (e instanceof java.nio.file.NotDirectoryException) {
            return "readdirent " + e.getMessage() + ": not a directory";
        }
        return String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
