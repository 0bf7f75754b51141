package dev.nodepulse.agent.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares the agent's exposition with a reference exporter's (node_exporter) on the same host, family by
 * family. The agent is scraped just before and just after the reference, so every host value the reference
 * read lies between the agent's two readings: counters are checked against that bracket, constants must be
 * equal, and gauges that move on their own (free memory, sockets in use) must agree in magnitude.
 *
 * <p>Every exception to the plain comparison is a named {@link Rules} entry with the reason, and is printed
 * with the report.
 */
public final class ExporterComparison {

    /** How the values of one family are compared. */
    public enum Check {
        /** Host constants: all three readings equal. */
        EXACT,
        /** Never decreasing: the reference value lies between the agent's two readings. */
        COUNTER,
        /** Moves both ways on its own: within the bracket widened by 25 % or a unit-sized slack. */
        GAUGE,
        /** Values are about the exporter process itself, not the host: label sets only. */
        LABELS_ONLY,
        /** Label values name the exporter (versions): label names only. */
        LABEL_NAMES_ONLY,
        /** node_scrape_collector_success: the agent may succeed where the older reference fails, not the reverse. */
        COLLECTOR_SUCCESS
    }

    /** The comparison's configuration: each entry carries the reason it exists. */
    public static final class Rules {
        private final Map<String, Check> checks = new HashMap<>();
        private final List<Pattern> counterLike = new ArrayList<>();
        private final Map<String, Double> slack = new HashMap<>();
        private final Map<String, Set<String>> agentOnlyLabels = new HashMap<>();
        private final List<java.util.function.Predicate<String>> notInAgent = new ArrayList<>();
        private final List<Pattern> ignored = new ArrayList<>();
        private final List<String> reasons = new ArrayList<>();

        public Rules check(Check check, String why, String... families) {
            for (String f : families) {
                checks.put(f, check);
            }
            reasons.add(check + " " + String.join(", ", families) + ": " + why);
            return this;
        }

        /** Untyped families (netstat, vmstat) whose fields are kernel counters. */
        public Rules counterLike(String regex, String why) {
            counterLike.add(Pattern.compile(regex));
            reasons.add("COUNTER for untyped " + regex + ": " + why);
            return this;
        }

        /** Extra absolute tolerance for one family. */
        public Rules slack(String family, double amount, String why) {
            slack.put(family, amount);
            reasons.add("slack " + amount + " on " + family + ": " + why);
            return this;
        }

        /** A label the agent publishes and the reference version predates; dropped from the agent side. */
        public Rules agentOnlyLabel(String family, String label, String why) {
            agentOnlyLabels.computeIfAbsent(family, k -> new TreeSet<>()).add(label);
            reasons.add("label " + label + " of " + family + " not compared: " + why);
            return this;
        }

        /** Families the reference publishes that the agent rightly does not (removed upstream since). */
        public Rules notInAgent(java.util.function.Predicate<String> families, String which, String why) {
            notInAgent.add(families);
            reasons.add("not expected from the agent: " + which + ": " + why);
            return this;
        }

        /** Families not compared at all (the other program's own runtime metrics). */
        public Rules ignore(String regex, String why) {
            ignored.add(Pattern.compile(regex));
            reasons.add("ignored " + regex + ": " + why);
            return this;
        }

        public List<String> reasons() {
            return List.copyOf(reasons);
        }

        Check checkFor(String family, String type) {
            Check c = checks.get(family);
            if (c != null) {
                return c;
            }
            if (family.endsWith("_info")) {
                return Check.EXACT;
            }
            if ("counter".equals(type) || counterLike.stream().anyMatch(p -> p.matcher(family).matches())) {
                return Check.COUNTER;
            }
            return Check.GAUGE;
        }

        boolean isIgnored(String family) {
            return ignored.stream().anyMatch(p -> p.matcher(family).matches());
        }
    }

    /** The outcome for one family present on both sides. */
    public record FamilyResult(String family, String type, Check check, int series, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Everything the comparison found. */
    public record Report(List<FamilyResult> compared, List<String> onlyInReference, List<String> onlyInAgent,
            List<String> notes) {

        public List<FamilyResult> differing() {
            return compared.stream().filter(r -> !r.ok()).toList();
        }

        public boolean ok() {
            return differing().isEmpty() && onlyInReference.isEmpty();
        }

        public Set<String> comparedFamilies() {
            return compared.stream().map(FamilyResult::family).collect(Collectors.toCollection(TreeSet::new));
        }

        public String render() {
            StringBuilder b = new StringBuilder();
            b.append("families compared: ").append(compared.size()).append('\n');
            for (FamilyResult r : compared) {
                b.append(String.format("  %-6s %-62s %-17s %4d series%n", r.ok() ? "same" : "DIFFER", r.family(),
                        r.check(), r.series()));
            }
            b.append("families that differ: ").append(differing().size()).append('\n');
            for (FamilyResult r : differing()) {
                b.append("  ").append(r.family()).append('\n');
                r.problems().forEach(p -> b.append("      ").append(p).append('\n'));
            }
            b.append("only in the reference (missing from the agent): ").append(onlyInReference).append('\n');
            b.append("only in the agent (not compared): ").append(onlyInAgent).append('\n');
            notes.forEach(n -> b.append("note: ").append(n).append('\n'));
            return b.toString();
        }
    }

    private static final int MAX_PROBLEMS = 6;
    private static final double REL_EPS = 1e-9;

    private ExporterComparison() {}

    /**
     * @param before the agent, scraped first
     * @param reference the reference exporter, scraped after {@code before} was complete
     * @param after the agent again, scraped after {@code reference} was complete
     */
    public static Report compare(Scrape before, Scrape reference, Scrape after, Rules rules) {
        Map<String, Map<Map<String, String>, Double>> ref = byFamily(reference, Map.of());
        Map<String, Map<Map<String, String>, Double>> a1 = byFamily(before, rules.agentOnlyLabels);
        Map<String, Map<Map<String, String>, Double>> a2 = byFamily(after, rules.agentOnlyLabels);

        List<FamilyResult> compared = new ArrayList<>();
        List<String> onlyRef = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String family : ref.keySet()) {
            if (rules.isIgnored(family)) {
                continue;
            }
            if (!a1.containsKey(family)) {
                if (rules.notInAgent.stream().noneMatch(p -> p.test(family))) {
                    onlyRef.add(family);
                }
                continue;
            }
            String refType = typeOf(reference, family);
            Check check = rules.checkFor(family, refType);
            List<String> problems = new ArrayList<>();
            String agentType = typeOf(before, family);
            if (!refType.equals(agentType)) {
                problems.add("type " + agentType + " in the agent, " + refType + " in the reference");
            }
            compareFamily(family, check, ref.get(family), a1.get(family), a2.getOrDefault(family, a1.get(family)),
                    rules.slack.getOrDefault(family, 0.0), problems, notes);
            compared.add(new FamilyResult(family, refType, check, ref.get(family).size(), problems));
        }
        List<String> onlyAgent = a1.keySet().stream()
                .filter(f -> !ref.containsKey(f) && !rules.isIgnored(f)).sorted().toList();
        return new Report(compared, onlyRef, onlyAgent, notes);
    }

    private static void compareFamily(String family, Check check, Map<Map<String, String>, Double> ref,
            Map<Map<String, String>, Double> a1, Map<Map<String, String>, Double> a2, double slack,
            List<String> problems, List<String> notes) {
        if (check == Check.LABEL_NAMES_ONLY) {
            Set<Set<String>> refNames = ref.keySet().stream().map(m -> Set.copyOf(m.keySet())).collect(Collectors.toSet());
            Set<Set<String>> agentNames = a1.keySet().stream().map(m -> Set.copyOf(m.keySet())).collect(Collectors.toSet());
            if (!refNames.equals(agentNames)) {
                problems.add("label names " + agentNames + " in the agent, " + refNames + " in the reference");
            }
            return;
        }
        if (!ref.keySet().equals(a1.keySet()) && !ref.keySet().equals(a2.keySet())) {
            problems.add("label sets only in the reference: " + firstFew(minus(ref.keySet(), a1.keySet())));
            problems.add("label sets only in the agent: " + firstFew(minus(a1.keySet(), ref.keySet())));
        }
        if (check == Check.LABELS_ONLY) {
            return;
        }
        for (Map.Entry<Map<String, String>, Double> e : ref.entrySet()) {
            Double v1 = a1.get(e.getKey());
            if (v1 == null) {
                continue;
            }
            double n = e.getValue();
            double x1 = v1;
            double x2 = Objects.requireNonNullElse(a2.get(e.getKey()), v1);
            String bad = valueProblem(family, check, n, x1, x2, slack, notes, e.getKey());
            if (bad != null && problems.size() < MAX_PROBLEMS) {
                problems.add(labelsText(e.getKey()) + ": " + bad);
            }
        }
    }

    static String valueProblem(String family, Check check, double n, double x1, double x2, double slack,
            List<String> notes, Map<String, String> labels) {
        if (Double.isNaN(n) || Double.isNaN(x1)) {
            return Double.isNaN(n) && Double.isNaN(x1) ? null : "agent " + x1 + ", reference " + n;
        }
        double lo = Math.min(x1, x2);
        double hi = Math.max(x1, x2);
        double eps = REL_EPS * Math.max(1, Math.abs(n)) + slack;
        switch (check) {
            case EXACT:
                return Math.abs(n - x1) <= eps && Math.abs(n - x2) <= eps ? null
                        : "agent " + x1 + " then " + x2 + ", reference " + n + " (must be equal)";
            case COUNTER:
                return n >= lo - eps && n <= hi + eps ? null
                        : "reference " + n + " outside the agent's bracket [" + x1 + ", " + x2 + "]"
                                + (slack > 0 ? " ± " + slack : "");
            case GAUGE: {
                double tol = Math.max(unitSlack(family), 0.25 * Math.max(Math.abs(n), Math.max(Math.abs(lo), Math.abs(hi))))
                        + slack;
                return n >= lo - tol && n <= hi + tol ? null
                        : "reference " + n + " vs agent " + x1 + " then " + x2 + " (beyond ±" + tol + ")";
            }
            case COLLECTOR_SUCCESS:
                if (n == x1) {
                    return null;
                }
                if (x1 == 1 && n == 0) {
                    notes.add("the reference's " + labels.get("collector") + " collector failed on this host; the "
                            + "agent's succeeded (its families are compared only if the reference published them)");
                    return null;
                }
                return "agent " + x1 + ", reference " + n;
            default:
                return null;
        }
    }

    /**
     * The tolerance for a gauge that moves on its own, sized by its unit: big enough for what other processes
     * on the host do between two scrapes, far too small to hide a unit error (kB for bytes, ms for seconds).
     */
    static double unitSlack(String family) {
        if (family.endsWith("_bytes")) {
            return 64 << 20;
        }
        if (family.endsWith("_seconds")) {
            return 1;
        }
        if (family.startsWith("node_sockstat_") && family.endsWith("_mem")) {
            // Socket buffer memory counted in pages: the same 64 MiB as for _bytes, in 4 KiB pages. Loopback
            // traffic of other processes moves it by hundreds of pages between two scrapes.
            return (64 << 20) / 4096;
        }
        return 8;
    }

    private static Map<String, Map<Map<String, String>, Double>> byFamily(Scrape s, Map<String, Set<String>> dropLabels) {
        Map<String, Map<Map<String, String>, Double>> out = new TreeMap<>();
        for (Scrape.Sample sample : s.samples()) {
            String family = familyOf(s, sample.name());
            Map<String, String> labels = new TreeMap<>(sample.labels());
            labels.keySet().removeAll(dropLabels.getOrDefault(family, Set.of()));
            // Histogram and summary parts share a family; keep them apart by sample name.
            if (!family.equals(sample.name())) {
                labels.put("__name__", sample.name());
            }
            out.computeIfAbsent(family, k -> new LinkedHashMap<>()).put(labels, sample.value());
        }
        return out;
    }

    private static String familyOf(Scrape s, String sampleName) {
        if (s.type(sampleName) != null) {
            return sampleName;
        }
        for (String suffix : List.of("_bucket", "_count", "_sum", "_total", "_created")) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (s.type(base) != null) {
                    return base;
                }
            }
        }
        return sampleName;
    }

    private static String typeOf(Scrape s, String family) {
        String t = s.type(family);
        return t == null ? "untyped" : t;
    }

    private static <T> List<T> minus(Set<T> a, Set<T> b) {
        return a.stream().filter(x -> !b.contains(x)).toList();
    }

    private static String firstFew(List<Map<String, String>> sets) {
        List<String> shown = sets.stream().limit(3).map(ExporterComparison::labelsText).toList();
        return shown + (sets.size() > 3 ? " and " + (sets.size() - 3) + " more" : "");
    }

    private static String labelsText(Map<String, String> labels) {
        return labels.entrySet().stream().map(e -> e.getKey() + "=\"" + e.getValue() + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }
}
