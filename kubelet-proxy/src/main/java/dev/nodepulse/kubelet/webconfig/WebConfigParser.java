package dev.nodepulse.kubelet.webconfig;

import dev.nodepulse.cli.Durations;
import dev.nodepulse.kubelet.tls.ServingTls;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads the web config YAML the way exporter-toolkit does with yaml.v2's UnmarshalStrict: unknown keys and
 * duplicate keys are errors, scalars decode into string fields with their literal text, YAML 1.1 booleans,
 * Go durations. SnakeYAML only builds the node tree (no object construction, so no YAML type tricks).
 */
public final class WebConfigParser {

    private static final Set<String> TOP = Set.of("tls_server_config", "http_server_config", "rate_limit",
            "basic_auth_users");
    private static final Set<String> TLS = Set.of("cert", "key", "client_ca", "cert_file", "key_file", "client_auth_type",
            "client_ca_file", "cipher_suites", "curve_preferences", "min_version", "max_version",
            "prefer_server_cipher_suites", "client_allowed_sans");
    private static final Set<String> HTTP = Set.of("http2", "headers");
    private static final Set<String> RATE = Set.of("interval", "burst");
    private static final Set<String> TLS_VERSIONS = Set.of("TLS10", "TLS11", "TLS12", "TLS13");
    /** exporter-toolkit's settable headers and, where it restricts them, their allowed values. */
    private static final Map<String, List<String>> HEADERS = Map.of(
            "Strict-Transport-Security", List.of(),
            "X-Content-Type-Options", List.of("nosniff"),
            "X-Frame-Options", List.of("deny", "sameorigin"),
            "X-XSS-Protection", List.of(),
            "Content-Security-Policy", List.of());
    /** A bcrypt hash as golang.org/x/crypto/bcrypt and OpenBSD write it: $2a$, $2b$, $2x$ or $2y$, cost, 53 chars. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[abxy]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");

    private WebConfigParser() {}

    /** Parses and validates {@code yaml}; relative file names are resolved against {@code dir}. */
    public static WebConfig parse(String yaml, Path dir) throws WebConfigException {
        Node root;
        try {
            LoaderOptions opts = new LoaderOptions();
            opts.setMaxAliasesForCollections(50);
            opts.setCodePointLimit(1 << 20);
            DumperOptions dump = new DumperOptions();
            root = new Yaml(new SafeConstructor(opts), new Representer(dump), dump, opts).compose(new StringReader(yaml));
        } catch (YAMLException e) {
            throw new WebConfigException("yaml: " + e.getMessage().replace('\n', ' '));
        }
        Map<String, Node> top = mapping(root, "web.Config", TOP);
        Map<String, Node> tls = mapping(top.get("tls_server_config"), "web.TLSConfig", TLS);
        Map<String, Node> http = mapping(top.get("http_server_config"), "web.HTTPConfig", HTTP);
        Map<String, Node> rate = mapping(top.get("rate_limit"), "web.RateLimiterConfig", RATE);

        List<String> ciphers = strings(tls.get("cipher_suites"));
        for (String c : ciphers) {
            if (!ServingTls.knownCipherSuite(c)) {
                throw new WebConfigException("unknown cipher: " + c);
            }
        }
        List<String> curves = strings(tls.get("curve_preferences"));
        for (String c : curves) {
            if (ServingTls.namedGroup(c) == null) {
                throw new WebConfigException("unknown curve: " + c);
            }
        }
        String min = string(tls.get("min_version"), "TLS12");
        String max = string(tls.get("max_version"), "TLS13");
        for (String v : List.of(min, max)) {
            if (!TLS_VERSIONS.contains(v)) {
                throw new WebConfigException("unknown TLS version: " + v);
            }
        }
        if (min.compareTo(max) > 0) {
            throw new WebConfigException("min_version " + min + " is above max_version " + max);
        }
        Node sans = tls.get("client_allowed_sans");
        WebConfig.Tls t = new WebConfig.Tls(string(tls.get("cert"), ""), string(tls.get("key"), ""),
                string(tls.get("client_ca"), ""), join(dir, string(tls.get("cert_file"), "")),
                join(dir, string(tls.get("key_file"), "")), string(tls.get("client_auth_type"), ""),
                join(dir, string(tls.get("client_ca_file"), "")), ciphers, curves, min, max,
                bool(tls.get("prefer_server_cipher_suites"), true), isNull(sans) ? null : strings(sans));

        Map<String, String> headers = stringMap(http.get("headers"), "map[string]string");
        for (Map.Entry<String, String> h : headers.entrySet()) {
            List<String> allowed = HEADERS.get(h.getKey());
            if (allowed == null) {
                throw new WebConfigException("HTTP header \"" + h.getKey() + "\" can not be configured");
            }
            if (!allowed.isEmpty() && !allowed.contains(h.getValue())) {
                throw new WebConfigException("invalid value for " + h.getKey() + ". Expected one of: "
                        + goQuoted(allowed) + ", but got: \"" + h.getValue() + "\"");
            }
        }
        WebConfig.Http hc = new WebConfig.Http(bool(http.get("http2"), true), headers);
        WebConfig.RateLimit rl = new WebConfig.RateLimit(duration(rate.get("interval")), integer(rate.get("burst")));

        Map<String, String> users = stringMap(top.get("basic_auth_users"), "map[string]config.Secret");
        for (Map.Entry<String, String> u : users.entrySet()) {
            var m = BCRYPT.matcher(u.getValue());
            if (!m.matches()) {
                throw new WebConfigException("basic_auth_users: the password of user \"" + u.getKey()
                        + "\" is not a bcrypt hash ($2a$, $2b$ or $2y$, cost, 53 characters)");
            }
            int cost = Integer.parseInt(m.group(1));
            if (cost < 4 || cost > 31) {
                throw new WebConfigException("crypto/bcrypt: cost " + cost + " is outside allowed inclusive range 4..31");
            }
        }
        return new WebConfig(t, hc, rl, users);
    }

    private static Map<String, Node> mapping(Node n, String type, Set<String> fields) throws WebConfigException {
        Map<String, Node> out = new HashMap<>();
        if (isNull(n)) {
            return out;
        }
        if (!(n instanceof MappingNode m)) {
            throw mismatch(n, type);
        }
        for (NodeTuple t : m.getValue()) {
            String key = scalarText(t.getKeyNode(), "string");
            if (!fields.contains(key)) {
                throw new WebConfigException("yaml: unmarshal errors:\n  line " + line(t.getKeyNode()) + ": field " + key
                        + " not found in type " + type);
            }
            if (out.put(key, t.getValueNode()) != null) {
                throw new WebConfigException("yaml: unmarshal errors:\n  line " + line(t.getKeyNode()) + ": key \"" + key
                        + "\" already set in map");
            }
        }
        return out;
    }

    private static Map<String, String> stringMap(Node n, String type) throws WebConfigException {
        Map<String, String> out = new LinkedHashMap<>();
        if (isNull(n)) {
            return out;
        }
        if (!(n instanceof MappingNode m)) {
            throw mismatch(n, type);
        }
        for (NodeTuple t : m.getValue()) {
            String key = scalarText(t.getKeyNode(), "string");
            if (out.containsKey(key)) {
                throw new WebConfigException("yaml: unmarshal errors:\n  line " + line(t.getKeyNode()) + ": key \"" + key
                        + "\" already set in map");
            }
            out.put(key, string(t.getValueNode(), ""));
        }
        return out;
    }

    private static List<String> strings(Node n) throws WebConfigException {
        List<String> out = new ArrayList<>();
        if (isNull(n)) {
            return out;
        }
        if (!(n instanceof SequenceNode s)) {
            throw mismatch(n, "[]string");
        }
        for (Node item : s.getValue()) {
            out.add(string(item, ""));
        }
        return out;
    }

    private static String string(Node n, String def) throws WebConfigException {
        if (isNull(n)) {
            return def;
        }
        return scalarText(n, "string");
    }

    private static boolean bool(Node n, boolean def) throws WebConfigException {
        if (isNull(n)) {
            return def;
        }
        String v = scalarText(n, "bool");
        return switch (v) {
            case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", "y", "Y" -> true;
            case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF", "n", "N" -> false;
            default -> throw new WebConfigException("yaml: unmarshal errors:\n  line " + line(n) + ": cannot unmarshal !!str `"
                    + v + "` into bool");
        };
    }

    private static int integer(Node n) throws WebConfigException {
        if (isNull(n)) {
            return 0;
        }
        String v = scalarText(n, "int");
        try {
            return Integer.decode(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new WebConfigException("yaml: unmarshal errors:\n  line " + line(n) + ": cannot unmarshal !!str `" + v
                    + "` into int");
        }
    }

    /** yaml.v2 reads a time.Duration from Go's duration syntax, or from an integer count of nanoseconds. */
    private static Duration duration(Node n) throws WebConfigException {
        if (isNull(n)) {
            return Duration.ZERO;
        }
        String v = scalarText(n, "time.Duration");
        if (((ScalarNode) n).getTag().equals(Tag.INT)) {
            return Duration.ofNanos(Long.parseLong(v));
        }
        try {
            return Durations.parse(v);
        } catch (IllegalArgumentException e) {
            throw new WebConfigException("time: " + e.getMessage());
        }
    }

    private static String scalarText(Node n, String type) throws WebConfigException {
        if (!(n instanceof ScalarNode s)) {
            throw mismatch(n, type);
        }
        return s.getValue();
    }

    private static boolean isNull(Node n) {
        return n == null || (n instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
    }

    private static WebConfigException mismatch(Node n, String type) {
        String kind = n instanceof MappingNode ? "!!map" : n instanceof SequenceNode ? "!!seq" : "!!str";
        return new WebConfigException("yaml: unmarshal errors:\n  line " + line(n) + ": cannot unmarshal " + kind
                + " into " + type);
    }

    private static int line(Node n) {
        return n.getStartMark() == null ? 0 : n.getStartMark().getLine() + 1;
    }

    /** prometheus/common's JoinDir: relative, non-empty names are taken relative to the config file. */
    private static String join(Path dir, String file) {
        if (file.isEmpty() || Path.of(file).isAbsolute() || dir == null) {
            return file;
        }
        return dir.resolve(file).toString();
    }

    private static String goQuoted(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            sb.append(i == 0 ? "" : " ").append('"').append(values.get(i)).append('"');
        }
        return sb.append(']').toString();
    }
}
