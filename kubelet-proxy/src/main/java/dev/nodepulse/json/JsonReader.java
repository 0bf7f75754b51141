package dev.nodepulse.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 parser into a small tree: {@link JsonObject}, {@link List}, {@link String},
 * {@link JsonNumber}, {@link Boolean} and {@code null}. Typed access and Go's decoding rules live in
 * {@link JsonObject}; this class only checks syntax.
 */
public final class JsonReader {

    /** Deeper documents are refused rather than risking the stack (the kubelet's are five levels deep). */
    private static final int MAX_DEPTH = 256;

    private final String in;
    private int pos;
    private int depth;

    private JsonReader(String in) {
        this.in = in;
    }

    /** Parses one JSON value; anything but whitespace after it is an error. */
    public static Object parse(String json) throws JsonException {
        JsonReader r = new JsonReader(json);
        r.skipWhitespace();
        Object v = r.value(null, "$");
        r.skipWhitespace();
        if (r.pos != json.length()) {
            throw r.error("unexpected data after the top-level value");
        }
        return v;
    }

    /** Parses a document whose top level must be an object. */
    public static JsonObject parseObject(String json) throws JsonException {
        Object v = parse(json);
        if (!(v instanceof JsonObject o)) {
            throw new JsonException("$: expected an object, found " + JsonObject.kind(v));
        }
        return o;
    }

    /** One value; {@code parent} and {@code key} say where it sits, for error messages built only when needed. */
    private Object value(JsonObject parent, String key) throws JsonException {
        if (pos >= in.length()) {
            throw error("unexpected end of input");
        }
        char c = in.charAt(pos);
        switch (c) {
            case '{':
                return object(parent, key);
            case '[':
                return array(parent, key);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private JsonObject object(JsonObject parent, String key) throws JsonException {
        enter();
        pos++;
        Map<String, Object> fields = new LinkedHashMap<>();
        JsonObject self = new JsonObject(parent, key, fields);
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return self;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a field name");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            // Go keeps the last of duplicate keys; so do we.
            fields.put(name, value(self, name));
            skipWhitespace();
            char c = next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
        depth--;
        return self;
    }

    private List<Object> array(JsonObject parent, String key) throws JsonException {
        enter();
        pos++;
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return items;
        }
        while (true) {
            skipWhitespace();
            items.add(value(parent, key + "[" + items.size() + "]"));
            skipWhitespace();
            char c = next();
            if (c == ']') {
                break;
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
        depth--;
        return items;
    }

    private String string() throws JsonException {
        pos++;
        StringBuilder sb = null;
        int start = pos;
        while (true) {
            if (pos >= in.length()) {
                throw error("unterminated string");
            }
            char c = in.charAt(pos);
            if (c == '"') {
                String s = sb == null ? in.substring(start, pos) : sb.append(in, start, pos).toString();
                pos++;
                return s;
            }
            if (c < 0x20) {
                throw error("control character in string");
            }
            if (c == '\\') {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(in, start, pos);
                pos++;
                char e = next();
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> sb.append(hex4());
                    default -> {
                        pos--;
                        throw error("invalid escape '\\" + e + "'");
                    }
                }
                start = pos;
            } else {
                pos++;
            }
        }
    }

    private char hex4() throws JsonException {
        if (pos + 4 > in.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(in.charAt(pos + i), 16);
            if (d < 0) {
                throw error("invalid \\u escape");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private JsonNumber number() throws JsonException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                pos++;
            }
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("invalid number: digit expected after '.'");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number: digit expected in exponent");
            }
            while (isDigit(peek())) {
                pos++;
            }
        }
        return new JsonNumber(in.substring(start, pos));
    }

    private void literal(String word) throws JsonException {
        if (!in.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
    }

    private void enter() throws JsonException {
        if (++depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private char peek() {
        return pos < in.length() ? in.charAt(pos) : '\0';
    }

    private char next() throws JsonException {
        if (pos >= in.length()) {
            throw error("unexpected end of input");
        }
        return in.charAt(pos++);
    }

    private void expect(char c) throws JsonException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private JsonException error(String what) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, in.length()); i++) {
            if (in.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new JsonException("invalid JSON at line " + line + " column " + col + ": " + what);
    }
}
