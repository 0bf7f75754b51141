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

    private final String path;
    private final Map<String, Object> fields;

    JsonObject(String path, Map<String, Object> fields) {
        this.path = path;
        this.fields = fields;
    }

    public String path() {
        return path;
    }

    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    public Object get(String name) {
        if (fields.containsKey(name)) {
            return fields.get(name);
        }
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

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
                out.add(new JsonObject(path + "." + name + "[" + i + "]", new LinkedHashMap<>()));
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
                throw new JsonException(path + "." + name + ": " + n.text() + " overflows uint64");
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
                throw new JsonException(path + "." + name + ": " + n.text() + " overflows int64");
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
        try {
            Instant t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            return t.equals(GO_ZERO_TIME) ? null : t;
        } catch (DateTimeParseException e) {
            throw new JsonException(path + "." + name + ": \"" + s + "\" is not an RFC 3339 time");
        }
    }

    private JsonException mismatch(String name, String expected, Object found) {
        return new JsonException(path + "." + name + ": expected " + expected + ", found " + kind(found));
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
        return path + fields;
    }
}
