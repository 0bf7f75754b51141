package dev.nodepulse.json;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A decoded JSON object with typed getters that follow Go's encoding/json: a missing key and an explicit
 * {@code null} both read as "absent" (null), keys match exactly or else case-insensitively, unknown keys
 * are ignored, and a value of the wrong type is an error naming its path (e.g. {@code $.node.cpu.time}).
 */
public final class JsonObject {

    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private final JsonObject parent;
    private final String key;
    private final Map<String, Object> fields;

    /** @param key this object's key in {@code parent} (with an [index] suffix inside arrays), or "$" at the top */
    JsonObject(JsonObject parent, String key, Map<String, Object> fields) {
        this.parent = parent;
        this.key = key;
        this.fields = fields;
    }

    /** Where this object sits, e.g. {@code $.pods[0].containers[1]}; computed only for error messages. */
    public String path() {
        if (parent == null) {
            return key;
        }
        return parent.path() + "." + key;
    }

    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public Object get(String name) {
        Object v = fields.get(name);
        if (v != null || fields.containsKey(name)) {
            return v;
        }
        if (folded == null) {
            folded = new java.util.HashMap<>(fields.size() * 2);
            for (String k : fields.keySet()) {
                folded.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), k);
            }
        }
        String k = folded.get(name.toLowerCase(java.util.Locale.ROOT));
        return k == null ? null : fields.get(k);
    }

    /** Lower-cased key → key, built on the first miss, for Go's case-insensitive key matching. */
    private Map<String, String> folded;

    public boolean has(String name) {
        return get(name) != null;
    }

    public JsonObject object(String name) throws JsonException {
        Object v = get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonObject o) {
            return o;
        }
        throw mismatch(name, "an object", v);
    }

    /** A list of objects, or null when absent; {@code []} gives an empty list. */
    public List<JsonObject> objects(String name) throws JsonException {
        Object v = get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> list)) {
            throw mismatch(name, "an array", v);
        }
        List<JsonObject> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            if (item == null) {
                // Go decodes null into a struct element as its zero value.
                out.add(new JsonObject(this, name + "[" + i + "]", new LinkedHashMap<>()));
            } else if (item instanceof JsonObject o) {
                out.add(o);
            } else {
                throw mismatch(name + "[" + i + "]", "an object", item);
            }
        }
        return out;
    }

    public String string(String name) throws JsonException {
        Object v = get(name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw mismatch(name, "a string", v);
    }

    /** A string field Go declares without a pointer: absent reads as "". */
    public String stringOrEmpty(String name) throws JsonException {
        String s = string(name);
        return s == null ? "" : s;
    }

    public Map<String, String> stringMap(String name) throws JsonException {
        Object v = get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof JsonObject o)) {
            throw mismatch(name, "an object", v);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : o.fields.entrySet()) {
            if (e.getValue() != null && !(e.getValue() instanceof String)) {
                throw o.mismatch(e.getKey(), "a string", e.getValue());
            }
            out.put(e.getKey(), e.getValue() == null ? "" : (String) e.getValue());
        }
        return out;
    }

    /** A uint64 (negative longs stand for values above 2^63-1); null when absent. */
    public Long unsigned(String name) throws JsonException {
        Object v = get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isInteger() && !n.text().startsWith("-")) {
            try {
                return Long.parseUnsignedLong(n.text());
            } catch (NumberFormatException e) {
                throw new JsonException(path() + "." + name + ": " + n.text() + " overflows uint64");
            }
        }
        throw mismatch(name, "an unsigned integer", v);
    }

    public Long signed(String name) throws JsonException {
        Object v = get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonNumber n && n.isInteger()) {
            try {
                return Long.parseLong(n.text());
            } catch (NumberFormatException e) {
                throw new JsonException(path() + "." + name + ": " + n.text() + " overflows int64");
            }
        }
        throw mismatch(name, "an integer", v);
    }

    public Double number(String name) throws JsonException {
        Object v = get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof JsonNumber n) {
            return n.doubleValue();
        }
        throw mismatch(name, "a number", v);
    }

    public Boolean bool(String name) throws JsonException {
        Object v = get(name);
        if (v == null || v instanceof Boolean) {
            return (Boolean) v;
        }
        throw mismatch(name, "a boolean", v);
    }

    /** A metav1.Time: RFC 3339 with any offset and fraction; null for null, absent or Go's zero time. */
    public Instant time(String name) throws JsonException {
        String s = string(name);
        if (s == null) {
            return null;
        }
        Instant fast = wholeSecondUtc(s);
        if (fast != null) {
            return fast.equals(GO_ZERO_TIME) ? null : fast;
        }
        try {
            Instant t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return t.equals(GO_ZERO_TIME) ? null : t;
        } catch (DateTimeParseException e) {
            throw new JsonException(path() + "." + name + ": \"" + s + "\" is not an RFC 3339 time");
        }
    }

    /** The kubelet's own form, "2006-01-02T15:04:05Z", without the general parser; null for any other form. */
    private static Instant wholeSecondUtc(String s) {
        if (s.length() != 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':' || s.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86400 + hour * 3600L + minute * 60L + second);
    }

    private static int digits(String s, int from, int n) {
        int v = 0;
        for (int i = from; i < from + n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private JsonException mismatch(String name, String expected, Object found) {
        return new JsonException(path() + "." + name + ": expected " + expected + ", found " + kind(found));
    }

    static String kind(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof JsonObject) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        if (v instanceof String s) {
            return "the string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (v instanceof JsonNumber n) {
            return "the number " + n.text();
        }
        return v.toString();
    }

    @Override
    public String toString() {
        return path() + fields;
    }
}
