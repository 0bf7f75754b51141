package dev.nodepulse.testing;

import dev.nodepulse.json.JsonNumber;
import dev.nodepulse.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Renders a parsed JSON tree in one canonical text (key order kept, numbers normalised) for comparisons. */
public final class JsonTrees {

    private JsonTrees() {}

    public static String canonical(Object v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v, 0);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v, int depth) {
        if (v instanceof JsonObject o) {
            sb.append("{\n");
            for (Map.Entry<String, Object> e : o.fields().entrySet()) {
                sb.append("  ".repeat(depth + 1)).append('"').append(e.getKey()).append("\": ");
                append(sb, e.getValue(), depth + 1);
                sb.append('\n');
            }
            sb.append("  ".repeat(depth)).append('}');
        } else if (v instanceof List<?> l) {
            sb.append("[\n");
            for (Object item : l) {
                sb.append("  ".repeat(depth + 1));
                append(sb, item, depth + 1);
                sb.append('\n');
            }
            sb.append("  ".repeat(depth)).append(']');
        } else if (v instanceof JsonNumber n) {
            sb.append(new BigDecimal(n.text()).stripTrailingZeros().toString());
        } else if (v instanceof String s) {
            sb.append('"').append(s).append('"');
        } else {
            sb.append(v);
        }
    }
}
