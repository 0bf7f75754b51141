package dev.nodepulse.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Compares two Prometheus text bodies line by line for tests: comment lines exactly, sample lines by series
 * identity and timestamp exactly and by value numerically, because Go and Java spell the same float64
 * differently ("1.253376e+07" against "1.253376E7", "10" against "10.0"). Order is ignored.
 */
public final class ExpositionLines {

    private ExpositionLines() {}

    /** Every line normalised; equal lists mean equal expositions up to float spelling and order. */
    public static List<String> normalised(String body, java.util.function.Predicate<String> keepFamily) {
        TreeSet<String> out = new TreeSet<>();
        for (String line : body.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                String[] parts = line.split(" ", 4);
                if (parts.length >= 3 && keepFamily.test(parts[2])) {
                    out.add(line);
                }
                continue;
            }
            int brace = line.indexOf('}');
            int cut = brace >= 0 ? brace + 1 : line.indexOf(' ');
            String series = line.substring(0, cut);
            String name = series.contains("{") ? series.substring(0, series.indexOf('{')) : series;
            if (!keepFamily.test(name)) {
                continue;
            }
            String[] rest = line.substring(cut).trim().split(" ");
            String value = String.format(Locale.ROOT, "%.17g", Double.parseDouble(rest[0]));
            out.add(series + " " + value + (rest.length > 1 ? " @" + rest[1] : ""));
        }
        return new ArrayList<>(out);
    }

    public static List<String> normalised(String body) {
        return normalised(body, n -> true);
    }
}
