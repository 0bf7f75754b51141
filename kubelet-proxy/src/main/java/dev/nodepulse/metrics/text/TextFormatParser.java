package dev.nodepulse.metrics.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the Prometheus text exposition format (version 0.0.4) and accepts exactly what client_golang's
 * expfmt TextParser accepts, so that node_exporter's textfile rules and the kubelet's /metrics/resource
 * read the same here as they do in Go:
 *
 * <ul>
 *   <li>{@code # HELP name text} (escapes {@code \\ \n \"}), {@code # TYPE name type} (case-insensitive),
 *       other {@code #} lines are comments. A second HELP or TYPE for a family, or a TYPE after its samples,
 *       is an error. A HELP or TYPE line with nothing after the name sets nothing.</li>
 *   <li>{@code name{label="value",...} value [timestamp]}: label values with escapes {@code \\ \" \n}; values
 *       as Go's ParseFloat reads them (NaN, +Inf, -Inf, exponents); an optional integer timestamp in
 *       milliseconds; the metric name may also be written inside the braces ({@code {"name",a="b"}}), and
 *       names and label names may be quoted.</li>
 *   <li>Every line, the last included, must end with a newline; trailing blanks after a value are an error,
 *       as is any other text after the timestamp.</li>
 *   <li>Lines of a summary ({@code x{quantile=..}}, {@code x_sum}, {@code x_count}) and of a histogram
 *       ({@code x_bucket{le=..}}, {@code x_sum}, {@code x_count}) are grouped per label set into
 *       {@link Summary} and {@link Histogram} records; which family a {@code _sum}/{@code _count}/{@code _bucket}
 *       line belongs to is decided by the TYPE seen before it, as in expfmt.</li>
 * </ul>
 *
 * <p>Deliberate difference: expfmt, given a braces-first line without a metric name ({@code {a="b"} 1}) after
 * another line, attaches the labels to the previous sample; here that is the "invalid metric name" error
 * expfmt gives for the same line at the start of the input. Duplicate series are not an error (expfmt does not
 * check them either); consumers decide.
 *
 * <p>Instances are immutable and thread-safe. Parsing works on bytes, reuses decoded strings within one
 * input (label names and repeated values such as namespaces), and allocates little else per line.
 */
public final class TextFormatParser {

    /** Which metric and label names are valid: client_golang's model.LegacyValidation or UTF8Validation. */
    public enum NameValidation { LEGACY, UTF8 }

    private static final TextFormatParser LEGACY = new TextFormatParser(NameValidation.LEGACY);
    private static final TextFormatParser UTF8 = new TextFormatParser(NameValidation.UTF8);

    private final NameValidation validation;

    private TextFormatParser(NameValidation validation) {
        this.validation = validation;
    }

    /** Names must match {@code [a-zA-Z_:][a-zA-Z0-9_:]*} and label names {@code [a-zA-Z_][a-zA-Z0-9_]*}. */
    public static TextFormatParser legacy() {
        return LEGACY;
    }

    /** Any non-empty UTF-8 name (quoted in the input where it is not a legacy name). */
    public static TextFormatParser utf8() {
        return UTF8;
    }

    public static TextFormatParser of(NameValidation validation) {
        return validation == NameValidation.LEGACY ? LEGACY : UTF8;
    }

    public List<MetricFamily> parse(String text) throws TextParseException {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public List<MetricFamily> parse(byte[] input) throws TextParseException {
        return parse(input, 0, input.length);
    }

    /** Families in the order their names first appeared; families left without samples are dropped. */
    public List<MetricFamily> parse(byte[] input, int offset, int length) throws TextParseException {
        if (offset < 0 || length < 0 || offset + length > input.length) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length + ", size " + input.length);
        }
        return new Run(input, offset, offset + length, validation == NameValidation.LEGACY).parse();
    }

    /** Reads the stream to its end (the caller closes it). */
    public List<MetricFamily> parse(InputStream in) throws IOException {
        return parse(in.readAllBytes());
    }

    /** A family while its lines are read. */
    private static final class FamilyBuilder {
        final String name;
        String help;
        MetricKind kind;
        final List<Sample> samples = new ArrayList<>();
        Map<LabelSet, DistributionBuilder> groups;

        FamilyBuilder(String name) {
            this.name = name;
        }

        boolean isEmpty() {
            return samples.isEmpty();
        }

        MetricFamily build() {
            MetricKind k = kind == null ? MetricKind.UNTYPED : kind;
            List<Summary> summaries = List.of();
            List<Histogram> histograms = List.of();
            if (groups != null) {
                if (k == MetricKind.SUMMARY) {
                    List<Summary> s = new ArrayList<>(groups.size());
                    for (DistributionBuilder d : groups.values()) {
                        s.add(d.summary());
                    }
                    summaries = List.copyOf(s);
                } else {
                    List<Histogram> h = new ArrayList<>(groups.size());
                    for (DistributionBuilder d : groups.values()) {
                        h.add(d.histogram());
                    }
                    histograms = List.copyOf(h);
                }
            }
            return new MetricFamily(name, help, k, List.copyOf(samples), summaries, histograms);
        }
    }

    /** One summary or histogram (one label set) while its lines are read. */
    private static final class DistributionBuilder {
        final LabelSet labels;
        double count;
        double sum;
        final List<Quantile> quantiles = new ArrayList<>();
        final List<Bucket> buckets = new ArrayList<>();
        boolean hasTimestamp;
        long timestamp;

        DistributionBuilder(LabelSet labels) {
            this.labels = labels;
        }

        Summary summary() {
            return new Summary(labels, count, sum, List.copyOf(quantiles), hasTimestamp, timestamp);
        }

        Histogram histogram() {
            return new Histogram(labels, count, sum, List.copyOf(buckets), hasTimestamp, timestamp);
        }
    }

    /** Which part of a summary or histogram the current sample name is. */
    private enum Part { VALUE, COUNT, SUM, BUCKET }

    /** The state of one parse. */
    private static final class Run {

        private static final int MAX_LABELS_HINT = 16;

        private final byte[] b;
        private final int end;
        private final boolean legacy;
        private int pos;
        private int line;

        private final Map<String, FamilyBuilder> families = new LinkedHashMap<>();
        private final StringCache strings = new StringCache();
        private byte[] scratch = new byte[128];

        // The current sample line.
        private FamilyBuilder family;
        private Part part;
        private String[] labelNames = new String[MAX_LABELS_HINT];
        private String[] labelValues = new String[MAX_LABELS_HINT];
        private int labelCount;

        Run(byte[] b, int from, int to, boolean legacy) {
            this.b = b;
            this.pos = from;
            this.end = to;
            this.legacy = legacy;
        }

        List<MetricFamily> parse() throws TextParseException {
            while (true) {
                line++;
                skipBlanks();
                if (pos >= end) {
                    break;
                }
                byte c = b[pos];
                if (c == '\n') {
                    pos++;
                } else if (c == '#') {
                    pos++;
                    comment();
                } else {
                    sampleLine();
                }
            }
            List<MetricFamily> out = new ArrayList<>(families.size());
            for (FamilyBuilder f : families.values()) {
                if (!f.isEmpty()) {
                    out.add(f.build());
                }
            }
            return out;
        }

        // ---- comments, HELP and TYPE

        private void comment() throws TextParseException {
            skipBlanks();
            requireMore();
            if (b[pos] == '\n') {
                pos++;
                return;
            }
            int start = pos;
            while (pos < end && !isBlank(b[pos]) && b[pos] != '\n') {
                pos++;
            }
            requireMore();
            boolean help = isWord(start, pos, "HELP");
            boolean type = !help && isWord(start, pos, "TYPE");
            if (b[pos] == '\n') {
                pos++;
                return;
            }
            if (!help && !type) {
                skipToNewline();
                return;
            }
            skipBlanks();
            requireMore();
            String name = readName(false);
            requireMore();
            if (b[pos] == '\n') {
                pos++;
                return;
            }
            if (!isBlank(b[pos])) {
                throw error("invalid metric name in comment");
            }
            FamilyBuilder f = lookup(name);
            skipBlanks();
            requireMore();
            if (b[pos] == '\n') {
                pos++;
                return;
            }
            if (help) {
                if (f.help != null) {
                    throw error("second HELP line for metric name " + quote(f.name));
                }
                f.help = readRestOfLine(true);
            } else {
                if (f.kind != null) {
                    throw error("second TYPE line for metric name " + quote(f.name)
                            + ", or TYPE reported after samples");
                }
                String t = readRestOfLine(false);
                f.kind = kindOf(t);
            }
        }

        private MetricKind kindOf(String t) throws TextParseException {
            switch (t.toUpperCase(Locale.ROOT)) {
                case "COUNTER":
                    return MetricKind.COUNTER;
                case "GAUGE":
                    return MetricKind.GAUGE;
                case "UNTYPED":
                    return MetricKind.UNTYPED;
                case "SUMMARY":
                    return MetricKind.SUMMARY;
                case "HISTOGRAM":
                    return MetricKind.HISTOGRAM;
                case "GAUGE_HISTOGRAM":
                case "GAUGEHISTOGRAM":
                    return MetricKind.GAUGE_HISTOGRAM;
                default:
                    throw error("unknown metric type " + quote(t));
            }
        }

        /** The rest of the line (consumed with its newline), with HELP's escapes when asked. */
        private String readRestOfLine(boolean escapes) throws TextParseException {
            int start = pos;
            boolean plain = true;
            while (pos < end && b[pos] != '\n') {
                if (b[pos] == '\\') {
                    plain = false;
                }
                pos++;
            }
            requireMore();
            String s;
            if (plain) {
                s = decodeLenient(b, start, pos);
            } else if (!escapes) {
                // expfmt drops backslashes where it reads no escapes (so "c\ounter" is a counter).
                int n = 0;
                ensureScratch(pos - start);
                for (int i = start; i < pos; i++) {
                    if (b[i] != '\\') {
                        scratch[n++] = b[i];
                    }
                }
                s = decodeLenient(scratch, 0, n);
            } else {
                int n = 0;
                ensureScratch(pos - start);
                for (int i = start; i < pos; i++) {
                    byte c = b[i];
                    if (c == '\\') {
                        byte e = b[++i]; // at most the newline itself, which is no valid escape
                        switch (e) {
                            case '\\' -> scratch[n++] = '\\';
                            case 'n' -> scratch[n++] = '\n';
                            case '"' -> scratch[n++] = '"';
                            default -> throw invalidEscape(e);
                        }
                    } else {
                        scratch[n++] = c;
                    }
                }
                s = decodeLenient(scratch, 0, n);
            }
            pos++;
            return s;
        }

        // ---- samples

        private void sampleLine() throws TextParseException {
            family = null;
            part = Part.VALUE;
            labelCount = 0;
            String sampleName = null;
            if (b[pos] == '{') {
                pos++;
                sampleName = labels(true, null);
            } else {
                sampleName = readName(false);
                if (sampleName.isEmpty()) {
                    requireMore();
                    throw error("invalid metric name");
                }
                family = lookup(sampleName);
                if (family.kind == null) {
                    family.kind = MetricKind.UNTYPED;
                }
                requireMore();
                if (isBlank(b[pos])) {
                    skipBlanks();
                    requireMore();
                }
                if (b[pos] == '{') {
                    pos++;
                    labels(false, sampleName);
                }
            }
            // After the label set (or the name), blanks, then the value.
            skipBlanks();
            requireMore();
            int vs = pos;
            while (pos < end && !isBlank(b[pos]) && b[pos] != '\n') {
                pos++;
            }
            requireMore();
            double value;
            try {
                value = GoFloat.parse(b, vs, pos);
            } catch (NumberFormatException e) {
                throw error("expected float as value, got " + quote(decodeLenient(b, vs, pos)));
            }
            boolean hasTimestamp = false;
            long timestamp = 0;
            if (b[pos] != '\n') {
                skipBlanks();
                requireMore();
                int ts = pos;
                while (pos < end && !isBlank(b[pos]) && b[pos] != '\n') {
                    pos++;
                }
                requireMore();
                timestamp = parseTimestamp(ts, pos);
                hasTimestamp = true;
                int rest = pos;
                while (pos < end && b[pos] != '\n') {
                    pos++;
                }
                requireMore();
                if (pos > rest) {
                    throw error("spurious string after timestamp: " + quote(decodeLenient(b, rest, pos)));
                }
            }
            pos++; // the newline
            record(sampleName, value, hasTimestamp, timestamp);
        }

        /**
         * Reads a label set after its '{' up to and including the '}'. In the braces-first form the metric
         * name is the one bare word among the labels; it is returned (and the family looked up) then.
         */
        private String labels(boolean bracesFirst, String name) throws TextParseException {
            while (true) {
                skipBlanks();
                requireMore();
                if (b[pos] == '}') {
                    if (family == null) {
                        throw error("invalid metric name");
                    }
                    pos++;
                    return name;
                }
                String labelName = readName(true);
                if (labelName.isEmpty()) {
                    requireMore();
                    throw error("invalid label name for metric " + quote(family == null ? "" : family.name));
                }
                requireMore();
                if (isBlank(b[pos])) {
                    skipBlanks();
                    requireMore();
                }
                if (b[pos] != '=') {
                    if (bracesFirst) {
                        if (family != null) {
                            throw error("multiple metric names for metric " + quote(family.name));
                        }
                        byte c = b[pos];
                        if (c == ',' || c == '}') {
                            name = labelName;
                            family = lookup(name);
                            if (family.kind == null) {
                                family.kind = MetricKind.UNTYPED;
                            }
                            pos++;
                            if (c == '}') {
                                return name;
                            }
                            continue;
                        }
                        throw error("unexpected end of metric name " + quoteByte(c));
                    }
                    throw error("expected '=' after label name, found " + quoteByte(b[pos]));
                }
                pos++;
                if (labelName.equals("__name__")) {
                    throw error("label name \"__name__\" is reserved");
                }
                if (!validLabelName(labelName)) {
                    throw error("invalid label name " + quote(labelName));
                }
                skipBlanks();
                requireMore();
                if (b[pos] != '"') {
                    throw error("expected '\"' at start of label value, found " + quoteByte(b[pos]));
                }
                pos++;
                String value = readLabelValue();
                addLabel(labelName, value);
                skipBlanks();
                requireMore();
                byte c = b[pos];
                if (c == ',') {
                    pos++;
                } else if (c == '}') {
                    if (family == null) {
                        throw error("invalid metric name");
                    }
                    pos++;
                    return name;
                } else {
                    throw error("unexpected end of label value " + quote(value));
                }
            }
        }

        private void addLabel(String name, String value) {
            if (labelCount == labelNames.length) {
                labelNames = Arrays.copyOf(labelNames, labelCount * 2);
                labelValues = Arrays.copyOf(labelValues, labelCount * 2);
            }
            labelNames[labelCount] = name;
            labelValues[labelCount] = value;
            labelCount++;
        }

        /** Applies the parsed line to its family, with expfmt's summary and histogram rules. */
        private void record(String sampleName, double value, boolean hasTimestamp, long timestamp)
                throws TextParseException {
            FamilyBuilder f = family;
            MetricKind kind = f.kind;
            String special = kind == MetricKind.SUMMARY ? "quantile" : kind.isHistogram() ? "le" : null;
            double bound = Double.NaN;
            String boundText = null;
            // The labels that identify the series: all but quantile/le (of which expfmt uses the last).
            int kept = 0;
            String[] keptNames = labelNames;
            String[] keptValues = labelValues;
            if (special != null) {
                keptNames = new String[labelCount + 1];
                keptValues = new String[labelCount + 1];
                for (int i = 0; i < labelCount; i++) {
                    if (labelNames[i].equals(special)) {
                        try {
                            bound = GoFloat.parse(labelValues[i]);
                        } catch (NumberFormatException e) {
                            throw error("expected float as value for '" + special + "' label, got "
                                    + quote(labelValues[i]));
                        }
                        boundText = labelValues[i];
                    } else {
                        keptNames[kept] = labelNames[i];
                        keptValues[kept++] = labelValues[i];
                    }
                }
            } else {
                kept = labelCount;
            }
            for (int i = 1; i < kept; i++) {
                for (int j = 0; j < i; j++) {
                    if (keptNames[i].equals(keptNames[j])) {
                        throw error("duplicate label names for metric " + quote(f.name));
                    }
                }
            }
            LabelSet series = LabelSet.fromScratch(keptNames, keptValues, kept);
            LabelSet all = series;
            if (boundText != null) {
                keptNames[kept] = special;
                keptValues[kept] = boundText;
                all = LabelSet.fromScratch(keptNames, keptValues, kept + 1);
            }
            // A NaN bound counts as none, as in expfmt.
            boolean hasBound = boundText != null && !Double.isNaN(bound);
            f.samples.add(new Sample(sampleName, all, value, hasTimestamp, timestamp));
            if (special == null) {
                return;
            }
            if (f.groups == null) {
                f.groups = new LinkedHashMap<>();
            }
            DistributionBuilder d = f.groups.computeIfAbsent(series, DistributionBuilder::new);
            if (hasTimestamp) {
                d.hasTimestamp = true;
                d.timestamp = timestamp;
            }
            switch (part) {
                case COUNT -> {
                    if (kind.isHistogram() && value < 0) {
                        throw error("negative count for histogram " + quote(f.name));
                    }
                    d.count = value;
                }
                case SUM -> d.sum = value;
                default -> {
                    if (!hasBound) {
                        return;
                    }
                    if (kind == MetricKind.SUMMARY) {
                        d.quantiles.add(new Quantile(bound, value));
                    } else {
                        if (value < 0) {
                            throw error("negative bucket population for histogram " + quote(f.name));
                        }
                        d.buckets.add(new Bucket(bound, value));
                    }
                }
            }
        }

        /**
         * The family a name belongs to, created when new: the name itself, else for {@code x_sum}/{@code x_count}
         * a summary {@code x}, else for {@code x_sum}/{@code x_count}/{@code x_bucket} a histogram {@code x}.
         * Sets {@link #part} for sample lines.
         */
        private FamilyBuilder lookup(String name) throws TextParseException {
            part = Part.VALUE;
            if (!validMetricName(name)) {
                throw error("invalid metric name " + quote(name));
            }
            FamilyBuilder f = families.get(name);
            if (f != null) {
                return f;
            }
            boolean count = name.length() > 6 && name.endsWith("_count");
            boolean sum = !count && name.length() > 4 && name.endsWith("_sum");
            boolean bucket = !count && !sum && name.length() > 7 && name.endsWith("_bucket");
            if (count || sum) {
                FamilyBuilder base = families.get(name.substring(0, name.length() - (count ? 6 : 4)));
                if (base != null && base.kind == MetricKind.SUMMARY) {
                    part = count ? Part.COUNT : Part.SUM;
                    return base;
                }
            }
            if (count || sum || bucket) {
                FamilyBuilder base = families.get(name.substring(0, name.length() - (count ? 6 : sum ? 4 : 7)));
                if (base != null && base.kind != null && base.kind.isHistogram()) {
                    part = count ? Part.COUNT : sum ? Part.SUM : Part.BUCKET;
                    return base;
                }
            }
            f = new FamilyBuilder(name);
            families.put(name, f);
            return f;
        }

        // ---- tokens

        /**
         * A metric name (or a label name when {@code label}) as expfmt reads it: it starts with a legal first
         * character (else the result is empty and nothing is consumed) and runs over legal characters; a '"'
         * toggles quoting, inside which anything but an unescaped newline goes, with escapes \\ \n \".
         */
        private String readName(boolean label) throws TextParseException {
            requireMore();
            byte c = b[pos];
            if (!(isLetterOrUnderscore(c) || c == '"' || (!label && c == ':'))) {
                return "";
            }
            // Fast path: an unquoted legacy name.
            int start = pos;
            while (pos < end && isNameChar(b[pos], label)) {
                pos++;
            }
            requireMore();
            if (b[pos] != '"' && b[start] != '"') {
                return strings.get(b, start, pos);
            }
            pos = start;
            int n = 0;
            boolean quoted = false;
            boolean escaped = false;
            ensureScratch(64);
            while (true) {
                c = b[pos];
                if (escaped) {
                    byte out;
                    switch (c) {
                        case '\\' -> out = '\\';
                        case 'n' -> out = '\n';
                        case '"' -> out = '"';
                        default -> throw invalidEscape(c);
                    }
                    n = put(n, out);
                    escaped = false;
                } else if (c == '"') {
                    quoted = !quoted;
                    if (!quoted) {
                        pos++;
                        requireMore();
                        return decodeName(n, label);
                    }
                } else if (c == '\n') {
                    throw error((label ? "label" : "metric") + " name " + quote(decodeLenient(scratch, 0, n))
                            + " contains unescaped new-line");
                } else if (c == '\\') {
                    escaped = true;
                } else {
                    n = put(n, c);
                }
                pos++;
                requireMore();
                c = b[pos];
                if (!quoted && (!isNameChar(c, label) && c != '"')) {
                    return decodeName(n, label);
                }
            }
        }

        private String decodeName(int n, boolean label) throws TextParseException {
            if (!Utf8.isValid(scratch, 0, n)) {
                throw error("invalid " + (label ? "label" : "metric") + " name " + quote(decodeLenient(scratch, 0, n)));
            }
            return strings.get(scratch, 0, n);
        }

        private int put(int n, byte c) {
            if (n == scratch.length) {
                scratch = Arrays.copyOf(scratch, n * 2);
            }
            scratch[n] = c;
            return n + 1;
        }

        /** A label value after its opening quote, up to and including the closing one. */
        private String readLabelValue() throws TextParseException {
            int start = pos;
            while (pos < end) {
                byte c = b[pos];
                if (c == '"') {
                    String v = decodeValue(b, start, pos);
                    pos++;
                    return v;
                }
                if (c == '\\' || c == '\n') {
                    break;
                }
                pos++;
            }
            requireMore();
            int n = pos - start;
            ensureScratch(n + 16);
            System.arraycopy(b, start, scratch, 0, n);
            boolean escaped = false;
            while (true) {
                requireMore();
                byte c = b[pos++];
                if (escaped) {
                    switch (c) {
                        case '"', '\\' -> n = put(n, c);
                        case 'n' -> n = put(n, (byte) '\n');
                        default -> throw invalidEscape(c);
                    }
                    escaped = false;
                } else if (c == '"') {
                    return decodeValue(scratch, 0, n);
                } else if (c == '\n') {
                    throw error("label value " + quote(decodeLenient(scratch, 0, n)) + " contains unescaped new-line");
                } else if (c == '\\') {
                    escaped = true;
                } else {
                    n = put(n, c);
                }
            }
        }

        private String decodeValue(byte[] src, int from, int to) throws TextParseException {
            if (!Utf8.isValid(src, from, to)) {
                throw error("invalid label value " + quote(decodeLenient(src, from, to)));
            }
            return strings.get(src, from, to);
        }

        private long parseTimestamp(int from, int to) throws TextParseException {
            int i = from;
            boolean negative = false;
            if (i < to && (b[i] == '+' || b[i] == '-')) {
                negative = b[i] == '-';
                i++;
            }
            if (i >= to) {
                throw error("expected integer as timestamp, got " + quote(decodeLenient(b, from, to)));
            }
            long v = 0;
            for (; i < to; i++) {
                byte c = b[i];
                if (c < '0' || c > '9') {
                    throw error("expected integer as timestamp, got " + quote(decodeLenient(b, from, to)));
                }
                // Accumulate negatively so Long.MIN_VALUE fits.
                long next = v * 10 - (c - '0');
                if (v < Long.MIN_VALUE / 10 || next > v) {
                    throw error("expected integer as timestamp, got " + quote(decodeLenient(b, from, to)));
                }
                v = next;
            }
            if (!negative) {
                if (v == Long.MIN_VALUE) {
                    throw error("expected integer as timestamp, got " + quote(decodeLenient(b, from, to)));
                }
                v = -v;
            }
            return v;
        }

        // ---- names

        private boolean validMetricName(String name) {
            if (name.isEmpty()) {
                return false;
            }
            if (!legacy) {
                return true;
            }
            char c = name.charAt(0);
            if (!(isLetterOrUnderscore(c) || c == ':')) {
                return false;
            }
            for (int i = 1; i < name.length(); i++) {
                c = name.charAt(i);
                if (!(isLetterOrUnderscore(c) || c == ':' || (c >= '0' && c <= '9'))) {
                    return false;
                }
            }
            return true;
        }

        private boolean validLabelName(String name) {
            if (name.isEmpty()) {
                return false;
            }
            if (!legacy) {
                return true;
            }
            char c = name.charAt(0);
            if (!isLetterOrUnderscore(c)) {
                return false;
            }
            for (int i = 1; i < name.length(); i++) {
                c = name.charAt(i);
                if (!(isLetterOrUnderscore(c) || (c >= '0' && c <= '9'))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isLetterOrUnderscore(int c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        }

        private static boolean isNameChar(byte c, boolean label) {
            return isLetterOrUnderscore(c) || (c >= '0' && c <= '9') || (!label && c == ':');
        }

        // ---- helpers

        private static boolean isBlank(byte c) {
            return c == ' ' || c == '\t';
        }

        private void skipBlanks() {
            while (pos < end && isBlank(b[pos])) {
                pos++;
            }
        }

        private void skipToNewline() throws TextParseException {
            while (pos < end && b[pos] != '\n') {
                pos++;
            }
            requireMore();
            pos++;
        }

        /** Input ending inside a line: expfmt needs every line newline-terminated. */
        private void requireMore() throws TextParseException {
            if (pos >= end) {
                throw error("unexpected end of input stream");
            }
        }

        private boolean isWord(int from, int to, String word) {
            if (to - from != word.length()) {
                return false;
            }
            for (int i = 0; i < word.length(); i++) {
                if (b[from + i] != word.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private void ensureScratch(int n) {
            if (scratch.length < n) {
                scratch = new byte[Math.max(n, scratch.length * 2)];
            }
        }

        private TextParseException invalidEscape(byte c) {
            String shown = c == '\n' ? "\\n" : c >= 0x20 && c < 0x7f ? String.valueOf((char) c)
                    : String.format("\\x%02x", c & 0xff);
            return error("invalid escape sequence '\\" + shown + "'");
        }

        private TextParseException error(String detail) {
            return new TextParseException(line, detail);
        }

        private static String decodeLenient(byte[] src, int from, int to) {
            return new String(src, from, to - from, StandardCharsets.UTF_8);
        }

        private static String quote(String s) {
            StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\t' -> sb.append("\\t");
                    case '\r' -> sb.append("\\r");
                    default -> {
                        if (c < 0x20) {
                            sb.append(String.format("\\x%02x", (int) c));
                        } else {
                            sb.append(c);
                        }
                    }
                }
            }
            return sb.append('"').toString();
        }

        private static String quoteByte(byte c) {
            return switch (c) {
                case '\n' -> "'\\n'";
                case '\t' -> "'\\t'";
                case '\'' -> "'\\''";
                default -> c >= 0x20 && c < 0x7f ? "'" + (char) c + "'" : String.format("'\\x%02x'", c & 0xff);
            };
        }
    }
}
