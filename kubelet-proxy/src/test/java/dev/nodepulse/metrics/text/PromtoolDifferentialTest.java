package dev.nodepulse.metrics.text;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Differential test against the real expfmt parser: Debian's {@code promtool check metrics} parses its stdin
 * with client_golang's TextParser and reports "text format parsing error in line N". Randomly damaged
 * expositions must be accepted or refused by both, and refused on the same line. Skipped without promtool.
 *
 * <p>promtool is built with an older prometheus/common than node_exporter 1.12.1, which differs in the
 * newer syntax only (quoted UTF-8 names, braces-first names, {@code \"} in HELP); inputs touching those are
 * not generated or are left out.
 */
class PromtoolDifferentialTest {

    private static final String[] BASES = {
        "# HELP m Some help \\\\ text\n# TYPE m counter\nm{a=\"1\",b=\"x\\\"y\"} 1.5e3 123\nm 2\n",
        "# TYPE s summary\ns{q=\"a\",quantile=\"0.5\"} 1\ns_sum{q=\"a\"} 2\ns_count{q=\"a\"} 3\n",
        "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\nh_sum 3\nh_count 2\n",
        "g{x=\"y\"}\t-Inf\n# comment here\n\nu NaN\n",
        "# HELP a x\\ny\n# TYPE a gauge\na { k = \"v\" , j=\"w\\\\\" } 1 -2\na{k=\"z\"} +Inf 3\n",
        "  \t# HELP b_total b\nb_total{l=\"\\n\"} 0.5\nc:d{e=\"f\"} 7e-3\n",
    };
    private static final String ALPHABET = "{}=\",# \t\n\\aqe1.+-_:lTYPEHELP";
    private static final Pattern PROMTOOL_ERROR = Pattern.compile("text format parsing error in line (\\d+): (.*)");

    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, "promtool");
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    /** "OK" or "ERR <line>" from promtool. */
    private static String promtoolVerdict(String promtool, String input) throws Exception {
        Process p = new ProcessBuilder(promtool, "check", "metrics").redirectErrorStream(true).start();
        p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "promtool hung");
        Matcher m = PROMTOOL_ERROR.matcher(out);
        return m.find() ? "ERR " + m.group(1) : "OK";
    }

    private static String ourVerdict(String input) {
        try {
            TextFormatParser.legacy().parse(input);
            return "OK";
        } catch (TextParseException e) {
            return "ERR " + e.line();
        }
    }

    @Test
    void damagedExpositionsAreJudgedLikeExpfmt() throws Exception {
        String promtool = promtool();
        assumeTrue(promtool != null, "promtool not installed; skipping the differential test");
        Random r = new Random(20261122);
        List<String> disagreements = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < 150; i++) {
            StringBuilder s = new StringBuilder(BASES[r.nextInt(BASES.length)]);
            int mutations = 1 + r.nextInt(3);
            for (int k = 0; k < mutations; k++) {
                int at = r.nextInt(s.length() + 1);
                char c = ALPHABET.charAt(r.nextInt(ALPHABET.length()));
                switch (r.nextInt(3)) {
                    case 0 -> s.insert(at, c);
                    case 1 -> {
                        if (at < s.length()) {
                            s.deleteCharAt(at);
                        }
                    }
                    default -> {
                        if (at < s.length()) {
                            s.setCharAt(at, c);
                        }
                    }
                }
            }
            String input = s.toString();
            if (usesNewerSyntax(input)) {
                continue;
            }
            compared++;
            String ours = ourVerdict(input);
            String theirs = promtoolVerdict(promtool, input);
            if (!ours.equals(theirs)) {
                disagreements.add("ours=" + ours + " promtool=" + theirs + " input=" + input.replace("\n", "⏎"));
            }
        }
        System.out.println("[promtool differential] " + compared + " inputs compared, " + disagreements.size()
                + " disagreements");
        assertTrue(compared > 100, "too few comparable inputs: " + compared);
        assertTrue(disagreements.isEmpty(), String.join("\n", disagreements));
    }

    /** Constructs older expfmt versions read differently from v0.70 (see the class comment). */
    private static boolean usesNewerSyntax(String input) {
        for (String line : input.split("\n", -1)) {
            String t = line.strip();
            if (t.startsWith("{")) {
                return true;
            }
            if (t.startsWith("#") && t.contains("HELP") && t.contains("\\\"")) {
                return true;
            }
            int brace = t.indexOf('{');
            String head = brace < 0 ? t : t.substring(0, brace);
            if (!t.startsWith("#") && head.contains("\"")) {
                return true;
            }
            // Quoted label names: a quote right after '{' or ','.
            if (!t.startsWith("#") && t.matches(".*[{,]\\s*\".*")) {
                return true;
            }
        }
        return false;
    }
}
