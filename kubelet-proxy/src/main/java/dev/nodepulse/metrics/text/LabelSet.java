package dev.nodepulse.metrics.text;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels of one sample, sorted by name (names are unique; the parser rejects repeats). Sorting makes
 * two lines that list the same labels in another order equal, which is how Prometheus sees them too.
 */
public final class LabelSet {

    public static final LabelSet EMPTY = new LabelSet(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;
    private int hash;

    private LabelSet(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /** Labels from parallel arrays (copied). Throws on a repeated name. */
    public static LabelSet of(String[] names, String[] values) {
        if (names.length != values.length) {
            throw new IllegalArgumentException(names.length + " names but " + values.length + " values");
        }
        if (names.length == 0) {
            return EMPTY;
        }
        String[] n = names.clone();
        String[] v = values.clone();
        sort(n, v, n.length);
        for (int i = 1; i < n.length; i++) {
            if (n[i].equals(n[i - 1])) {
                throw new IllegalArgumentException("label " + n[i] + " given twice");
            }
        }
        return new LabelSet(n, v);
    }

    /** From the parser's scratch arrays: the first {@code count} entries, names already checked unique. */
    static LabelSet fromScratch(String[] names, String[] values, int count) {
        if (count == 0) {
            return EMPTY;
        }
        String[] n = Arrays.copyOf(names, count);
        String[] v = Arrays.copyOf(values, count);
        sort(n, v, count);
        return new LabelSet(n, v);
    }

    /** Insertion sort: label sets are short, and usually already in order. */
    private static void sort(String[] n, String[] v, int count) {
        for (int i = 1; i < count; i++) {
            String kn = n[i];
            String kv = v[i];
            int j = i - 1;
            while (j >= 0 && n[j].compareTo(kn) > 0) {
                n[j + 1] = n[j];
                v[j + 1] = v[j];
                j--;
            }
            n[j + 1] = kn;
            v[j + 1] = kv;
        }
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    public String name(int i) {
        return names[i];
    }

    public String value(int i) {
        return values[i];
    }

    /** The value of a label, or null when the set has no such label. */
    public String get(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return values[i];
            }
        }
        return null;
    }

    public boolean contains(String name) {
        return get(name) != null;
    }

    /** The labels in name order. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>(names.length * 2);
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], values[i]);
        }
        return m;
    }

    /** This set without one label (summaries drop quantile, histograms drop le). */
    LabelSet without(String name) {
        int idx = -1;
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                idx = i;
                break;
            }
        }
        if (idx < 0) {
            return this;
        }
        if (names.length == 1) {
            return EMPTY;
        }
        String[] n = new String[names.length - 1];
        String[] v = new String[names.length - 1];
        for (int i = 0, k = 0; i < names.length; i++) {
            if (i != idx) {
                n[k] = names[i];
                v[k++] = values[i];
            }
        }
        return new LabelSet(n, v);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LabelSet)) {
            return false;
        }
        LabelSet other = (LabelSet) o;
        return Arrays.equals(names, other.names) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(names[i]).append("=\"");
            String v = values[i];
            for (int k = 0; k < v.length(); k++) {
                char c = v.charAt(k);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '"' -> sb.append("\\\"");
                    case '\n' -> sb.append("\\n");
                    default -> sb.append(c);
                }
            }
            sb.append('"');
        }
        return sb.append('}').toString();
    }
}
