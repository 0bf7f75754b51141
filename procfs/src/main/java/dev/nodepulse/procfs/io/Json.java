package dev.nodepulse.procfs.io;

import dev.nodepulse.procfs.ParseException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small JSON reader for the files the agent reads from the host: container runtimes' state (OCI config.json,
 * CRI-O and Docker configs) and the canned netlink answers node_exporter's end-to-end test feeds the wifi and qdisc
 * collectors. Objects become ordered maps, arrays lists, numbers {@link BigDecimal} (u64 counters must not lose
 * digits), and the literals Boolean or null. The modules that read host files have no JSON dependency.
 */
public final class Json {

    private final String text;
    private final String source;
    private int pos;

    private Json(String text, String source) {
        this.text = text;
        this.source = source;
    }

    public static Object parse(String text, String source) throws ParseException {
        Json j = new Json(text, source);
        j.skipBlanks();
        Object v = j.value();
        j.skipBlanks();
        if (j.pos != text.length()) {
            throw j.error("trailing characters");
        }
        return v;
    }

    /**
     * A member of an object found the way Go's encoding/json matches struct fields: the exact key first,
     * then any key equal ignoring case. Null when absent.
     */
    public static Object member(Map<?, ?> object, String name) {
        Object exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<?, ?> e : object.entrySet()) {
            if (e.getKey() instanceof String k && k.equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The object at the end of a chain of keys, or null when any step is missing or not an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object root, String... keys) {
        Object cur = root;
        for (String k : keys) {
            if (!(cur instanceof Map)) {
                return null;
            }
            cur = ((Map<String, Object>) cur).get(k);
        }
        return cur instanceof Map ? (Map<String, Object>) cur : null;
    }

    /** The string member {@code key} of {@code object}; null when the object is null or the member is not a string. */
    public static String string(Map<String, Object> object, String key) {
        return object != null && object.get(key) instanceof String s ? s : null;
    }

    private Object value() throws ParseException {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Map<String, Object> object() throws ParseException {
        Map<String, Object> out = new LinkedHashMap<>();
        pos++;
        skipBlanks();
        if (peek() == '}') {
            pos++;
            return out;
        }
        while (true) {
            skipBlanks();
            if (peek() != '"') {
                throw error("object key expected");
            }
            String key = string();
            skipBlanks();
            expect(':');
            skipBlanks();
            out.put(key, value());
            skipBlanks();
            char c = next();
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw error("',' or '}' expected");
            }
        }
    }

    private List<Object> array() throws ParseException {
        List<Object> out = new ArrayList<>();
        pos++;
        skipBlanks();
        if (peek() == ']') {
            pos++;
            return out;
        }
        while (true) {
            skipBlanks();
            out.add(value());
            skipBlanks();
            char c = next();
            if (c == ']') {
                return out;
            }
            if (c != ',') {
                throw error("',' or ']' expected");
            }
        }
    }

    private String string() throws ParseException {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = next();
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("short \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> throw error("unknown escape \\" + e);
            }
        }
    }

    private BigDecimal number() throws ParseException {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw error("unexpected character '" + text.charAt(pos) + "'");
        }
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) {
            throw error("bad number " + text.substring(start, pos));
        }
    }

    private Object literal(String word, Object value) throws ParseException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected literal");
        }
        pos += word.length();
        return value;
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() throws ParseException {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos);
    }

    private char next() throws ParseException {
        char c = peek();
        pos++;
        return c;
    }

    private void expect(char c) throws ParseException {
        if (next() != c) {
            throw error("'" + c + "' expected");
        }
    }

    private ParseException error(String why) {
        return new ParseException(source + ": invalid JSON at offset " + pos + ": " + why);
    }
}
