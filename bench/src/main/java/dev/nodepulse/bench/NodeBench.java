package dev.nodepulse.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Side-by-side scrape benchmark: the agent jar and node_exporter on 127.0.0.1, scraped alternately, with
 * latency percentiles, CPU per scrape (utime+stime deltas from /proc/PID/stat), RSS/PSS and series counts, and
 * the agent/node_exporter ratios. JDK only, so it runs as a single source file:
 *
 * <pre>java bench/src/main/java/dev/nodepulse/bench/NodeBench.java --help</pre>
 *
 * Ratios, not absolute times, are the result: both programs share the machine, its noise and the client.
 */
public final class NodeBench {

    /** What bench/node-bench.sh and the README recommend for the agent. */
    static final String RECOMMENDED_JVM_OPTS = "-XX:+UseSerialGC -Xms8m -Xmx24m -Xss256k -XX:TieredStopAtLevel=1"
            + " -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=16m -XX:MaxMetaspaceSize=32m -XX:-UsePerfData";

    /** The Accept header Prometheus 2.x sends when scraping. */
    static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    /** node_exporter flags that make Debian's 1.5.0 do the work v1.12.1 (what the agent implements) does. */
    static final List<String> NODE_EXPORTER_AS_1_12 = List.of(
            "--collector.netdev.device-exclude=",
            "--collector.filesystem.mount-points-exclude=^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+"
                    + "|var/lib/containers/storage/.+)($|/)",
            "--collector.diskstats.device-exclude=^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$");

    static final class Options {
        Path agentJar = Path.of("agent/target/nodepulse-agent.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> jvmOpts = split(RECOMMENDED_JVM_OPTS);
        Path nodeExporter = Path.of("/usr/bin/prometheus-node-exporter");
        int scrapes = 500;
        int warmup = 200;
        int rounds = 3;
        List<String> modes = List.of("common", "default");
        String accept = "prometheus";
        List<String> agentArgs = List.of();
        List<String> neArgs = List.of();
    }

    /** One program under test. */
    static final class Target implements AutoCloseable {
        final String name;
        final Process process;
        final int port;
        final Path log;
        final long[] latencyNanos;
        int n;
        long cpuTicksStart;
        long cpuTicksEnd;
        long rssAfterWarmup;
        long rssEnd;
        long pssEnd;
        int series;
        int bodyBytes;
        int wireBytes;
        String contentType;

        Target(String name, List<String> cmd, int port, int scrapes) throws IOException {
            this.name = name;
            this.port = port;
            this.log = Files.createTempFile("node-bench-" + name, ".log");
            this.process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            this.latencyNanos = new long[scrapes];
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + port + "/metrics");
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // temp file
            }
        }
    }

    /** The figures of one round, agent and node_exporter. */
    record Round(String mode, Map<String, double[]> rows) {}

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        if (!Files.isRegularFile(o.agentJar)) {
            die("agent jar not found: " + o.agentJar + " (build it: mvn -B -q -pl agent -am -DskipTests package)");
        }
        if (!Files.isExecutable(o.nodeExporter)) {
            die("node_exporter not found: " + o.nodeExporter + " (apt-get install prometheus-node-exporter)");
        }
        System.out.println("agent: " + o.java + " " + String.join(" ", o.jvmOpts) + " -jar " + o.agentJar);
        System.out.println("java:  " + javaVersion(o.java));
        System.out.println("node_exporter: " + o.nodeExporter + " (" + firstLine(run(o.nodeExporter.toString(), "--version"))
                + ")");
        System.out.println("host: " + Runtime.getRuntime().availableProcessors() + " CPUs, load "
                + Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("%d warm-up + %d measured scrapes per target per round, alternating, accept=%s%n%n",
                o.warmup, o.scrapes, o.accept);

        List<Round> all = new ArrayList<>();
        for (String mode : o.modes) {
            for (int r = 1; r <= o.rounds; r++) {
                Round round = runRound(o, mode, r);
                all.add(round);
            }
        }
        summarize(all, o.modes);
    }

    static Round runRound(Options o, String mode, int number) throws Exception {
        List<String> agentCollectors = agentDefaultCollectors(o);
        Set<String> neCollectors = nodeExporterCollectors(o.nodeExporter);
        List<String> common = agentCollectors.stream().filter(neCollectors::contains).toList();

        List<String> agentCmd = new ArrayList<>();
        agentCmd.add(o.java);
        agentCmd.addAll(o.jvmOpts);
        agentCmd.add("-jar");
        agentCmd.add(o.agentJar.toString());
        List<String> neCmd = new ArrayList<>(List.of(o.nodeExporter.toString()));
        if (mode.equals("common")) {
            for (List<String> cmd : List.of(agentCmd, neCmd)) {
                cmd.add("--collector.disable-defaults");
                common.forEach(c -> cmd.add("--collector." + c));
            }
            neCmd.addAll(NODE_EXPORTER_AS_1_12);
        }
        agentCmd.addAll(o.agentArgs);
        neCmd.addAll(o.neArgs);
        int agentPort = freePort();
        agentCmd.add("--web.listen-address=127.0.0.1:" + agentPort);
        int nePort = freePort();
        neCmd.add("--web.listen-address=127.0.0.1:" + nePort);

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();
        try (Target agent = new Target("agent", agentCmd, agentPort, o.scrapes);
                Target ne = new Target("node_exporter", neCmd, nePort, o.scrapes)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                agent.process.destroy();
                ne.process.destroy();
            }));
            awaitReady(client, agent, o);
            awaitReady(client, ne, o);
            for (int i = 0; i < o.warmup; i++) {
                scrape(client, agent, o, false);
                scrape(client, ne, o, false);
            }
            for (Target t : List.of(agent, ne)) {
                t.rssAfterWarmup = statusKb(t.process.pid(), "VmRSS") * 1024;
                t.cpuTicksStart = cpuTicks(t.process.pid());
            }
            for (int i = 0; i < o.scrapes; i++) {
                scrape(client, agent, o, true);
                scrape(client, ne, o, true);
            }
            for (Target t : List.of(agent, ne)) {
                t.cpuTicksEnd = cpuTicks(t.process.pid());
                t.rssEnd = statusKb(t.process.pid(), "VmRSS") * 1024;
                t.pssEnd = pssBytes(t.process.pid());
            }
            return report(o, mode, number, mode.equals("common") ? common : null, agent, ne);
        }
    }

    static void awaitReady(HttpClient client, Target t, Options o) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!t.process.isAlive()) {
                die(t.name + " exited with " + t.process.exitValue() + ":\n" + Files.readString(t.log));
            }
            try {
                if (client.send(HttpRequest.newBuilder(t.uri()).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        die(t.name + " did not answer on " + t.uri() + ":\n" + Files.readString(t.log));
    }

    static void scrape(HttpClient client, Target t, Options o, boolean measure) throws Exception {
        HttpRequest.Builder req = HttpRequest.newBuilder(t.uri()).timeout(Duration.ofSeconds(30));
        if (o.accept.equals("prometheus")) {
            req.header("Accept", PROMETHEUS_ACCEPT).header("Accept-Encoding", "gzip")
                    .header("X-Prometheus-Scrape-Timeout-Seconds", "10");
        } else {
            req.header("Accept", "text/plain;version=0.0.4");
        }
        long start = System.nanoTime();
        HttpResponse<byte[]> resp = client.send(req.build(), HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - start;
        if (resp.statusCode() != 200) {
            die(t.name + " answered " + resp.statusCode());
        }
        if (!measure) {
            return;
        }
        t.latencyNanos[t.n++] = took;
        if (t.n == 1) {
            byte[] body = resp.body();
            t.wireBytes = body.length;
            if (resp.headers().firstValue("Content-Encoding").orElse("").equals("gzip")) {
                body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            }
            t.bodyBytes = body.length;
            t.series = countSamples(new String(body, StandardCharsets.UTF_8));
            t.contentType = resp.headers().firstValue("Content-Type").orElse("?");
        }
    }

    static int countSamples(String body) {
        int n = 0;
        for (String line : body.split("\n")) {
            if (!line.isEmpty() && line.charAt(0) != '#') {
                n++;
            }
        }
        return n;
    }

    static Round report(Options o, String mode, int number, List<String> common, Target a, Target n) {
        double hz = clockTicks();
        Map<String, double[]> rows = new LinkedHashMap<>();
        rows.put("latency p50 (ms)", new double[] {pct(a, 50), pct(n, 50)});
        rows.put("latency p90 (ms)", new double[] {pct(a, 90), pct(n, 90)});
        rows.put("latency p99 (ms)", new double[] {pct(a, 99), pct(n, 99)});
        rows.put("CPU per scrape (ms)", new double[] {cpuMs(a, hz), cpuMs(n, hz)});
        rows.put("CPU per 1k series (ms)", new double[] {cpuMs(a, hz) * 1000 / a.series, cpuMs(n, hz) * 1000 / n.series});
        rows.put("RSS after warm-up (MiB)", new double[] {a.rssAfterWarmup / 1048576.0, n.rssAfterWarmup / 1048576.0});
        rows.put("RSS at end (MiB)", new double[] {a.rssEnd / 1048576.0, n.rssEnd / 1048576.0});
        rows.put("PSS at end (MiB)", new double[] {a.pssEnd / 1048576.0, n.pssEnd / 1048576.0});
        rows.put("series", new double[] {a.series, n.series});
        rows.put("body bytes", new double[] {a.bodyBytes, n.bodyBytes});
        rows.put("bytes on the wire", new double[] {a.wireBytes, n.wireBytes});

        System.out.printf("== mode=%s round %d%s%n", mode, number,
                common == null ? " (each program's default collectors)" : " (collectors both have: " + String.join(",", common) + ")");
        System.out.printf("   content types: agent %s | node_exporter %s%n", a.contentType, n.contentType);
        System.out.printf("   CPU ticks measured: agent %d, node_exporter %d (1 tick = %.0f ms)%n",
                a.cpuTicksEnd - a.cpuTicksStart, n.cpuTicksEnd - n.cpuTicksStart, 1000 / hz);
        System.out.printf("   %-26s %12s %14s %8s%n", "", "agent", "node_exporter", "ratio");
        rows.forEach((k, v) -> System.out.printf(Locale.ROOT, "   %-26s %12.3f %14.3f %8.2f%n", k, v[0], v[1], v[0] / v[1]));
        System.out.println();
        return new Round(mode, rows);
    }

    static void summarize(List<Round> rounds, List<String> modes) {
        System.out.println("== summary: agent/node_exporter ratios over rounds (min / median / max)");
        for (String mode : modes) {
            List<Round> rs = rounds.stream().filter(r -> r.mode().equals(mode)).toList();
            System.out.printf("   mode=%s, %d rounds%n", mode, rs.size());
            for (String row : rs.get(0).rows().keySet()) {
                double[] ratios = rs.stream().mapToDouble(r -> r.rows().get(row)[0] / r.rows().get(row)[1]).sorted().toArray();
                double[] agent = rs.stream().mapToDouble(r -> r.rows().get(row)[0]).sorted().toArray();
                System.out.printf(Locale.ROOT, "   %-26s ratio %6.2f / %6.2f / %6.2f   agent median %10.3f%n", row, ratios[0],
                        median(ratios), ratios[ratios.length - 1], median(agent));
            }
        }
        System.out.println("targets: latency p50 ratio <= 1.0, CPU per scrape ratio <= 1.0, agent RSS <= 64 MiB");
    }

    static double median(double[] sorted) {
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }

    static double pct(Target t, int p) {
        long[] sorted = Arrays.copyOf(t.latencyNanos, t.n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1e6;
    }

    static double cpuMs(Target t, double hz) {
        return (t.cpuTicksEnd - t.cpuTicksStart) / hz * 1000 / t.n;
    }

    /** utime + stime of the whole process (all threads), in clock ticks; fields 14 and 15 of /proc/PID/stat. */
    static long cpuTicks(long pid) throws IOException {
        String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    static long statusKb(long pid, String key) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(key + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    static long pssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            // kernels before 4.14 have no smaps_rollup
        }
        return -1;
    }

    static double clockTicks() {
        try {
            return Double.parseDouble(run("getconf", "CLK_TCK").trim());
        } catch (RuntimeException e) {
            return 100;
        }
    }

    /** The collectors the agent enables by default, read from its --help ("--[no-]collector.X ... (default: true)"). */
    static List<String> agentDefaultCollectors(Options o) {
        String help = run(o.java, "-jar", o.agentJar.toString(), "--help");
        Matcher m = Pattern.compile("--\\[no-]collector\\.([a-z_0-9]+)\\s+Enable the \\1 collector\\. \\(default: true\\)")
                .matcher(help);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static Set<String> nodeExporterCollectors(Path ne) {
        String help = run(ne.toString(), "--help");
        Matcher m = Pattern.compile("--(?:\\[no-])?collector\\.([a-z_0-9]+)\\s+Enable the \\1 collector").matcher(help);
        Set<String> names = new LinkedHashSet<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static String javaVersion(String java) {
        String v = run(java, "-version");
        return v.lines().skip(1).findFirst().orElse(v).trim();
    }

    static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String firstLine(String s) {
        return s.lines().findFirst().orElse("").trim();
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static List<String> split(String s) {
        return s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    static void die(String msg) {
        System.err.println("node-bench: " + msg);
        System.exit(2);
    }

    static Options parse(String[] args) {
        Options o = new Options();
        for (String a : args) {
            int eq = a.indexOf('=');
            String k = eq < 0 ? a : a.substring(0, eq);
            String v = eq < 0 ? "" : a.substring(eq + 1);
            switch (k) {
                case "--agent-jar" -> o.agentJar = Path.of(v);
                case "--java" -> o.java = v;
                case "--jvm-opts" -> o.jvmOpts = split(v);
                case "--node-exporter" -> o.nodeExporter = Path.of(v);
                case "--scrapes" -> o.scrapes = Integer.parseInt(v);
                case "--warmup" -> o.warmup = Integer.parseInt(v);
                case "--rounds" -> o.rounds = Integer.parseInt(v);
                case "--modes" -> o.modes = List.of(v.split(","));
                case "--accept" -> o.accept = v;
                case "--agent-args" -> o.agentArgs = split(v);
                case "--node-exporter-args" -> o.neArgs = split(v);
                case "--help" -> {
                    System.out.println("""
                            usage: node-bench [--option=value ...]
                              --agent-jar=PATH           agent/target/nodepulse-agent.jar
                              --java=PATH                java binary for the agent (default: the one running this)
                              --jvm-opts='...'           agent JVM flags (default: the recommended set)
                              --node-exporter=PATH       /usr/bin/prometheus-node-exporter
                              --scrapes=N                measured scrapes per target per round (500)
                              --warmup=N                 warm-up scrapes per target per round (200)
                              --rounds=N                 rounds per mode, fresh processes each (3)
                              --modes=common,default     common: only collectors both have, same flags;
                                                         default: each program's default collectors
                              --accept=prometheus|text   Prometheus' Accept header + gzip, or plain text 0.0.4
                              --agent-args='...'         extra agent flags
                              --node-exporter-args='...' extra node_exporter flags""");
                    System.exit(0);
                }
                default -> die("unknown option " + a + ", try --help");
            }
        }
        return o;
    }
}
