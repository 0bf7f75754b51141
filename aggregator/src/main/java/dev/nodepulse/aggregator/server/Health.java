package dev.nodepulse.aggregator.server;

import dev.nodepulse.aggregator.api.ApiResponse;
import dev.nodepulse.http.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /healthz}, {@code /livez} and {@code /readyz} as the generic API server answers them: "ok" or, with
 * {@code ?verbose}, one {@code [+]name ok} line per check; {@code ?exclude=name} skips a check; a failing check
 * gives 500 with the listing and "reason withheld"; {@code /<group>/<check>} asks one check.
 */
public final class Health {

    /** A named check: null when healthy, else the reason. */
    public record Check(String name, Supplier<String> problem) {}

    private final Map<String, List<Check>> groups = new LinkedHashMap<>();

    public Health group(String name, List<Check> checks) {
        groups.put(name, List.copyOf(checks));
        return this;
    }

    public boolean serves(String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        for (String g : groups.keySet()) {
            if (p.equals("/" + g) || p.startsWith("/" + g + "/")) {
                return true;
            }
        }
        return false;
    }

    public ApiResponse handle(String path, String rawQuery) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        for (Map.Entry<String, List<Check>> g : groups.entrySet()) {
            String base = "/" + g.getKey();
            if (p.startsWith(base + "/")) {
                String name = p.substring(base.length() + 1);
                for (Check c : g.getValue()) {
                    if (c.name().equals(name)) {
                        String problem = c.problem().get();
                        return problem == null ? ApiResponse.text(200, "ok")
                                : ApiResponse.text(500, "internal server error: " + problem + "\n");
                    }
                }
                return ApiResponse.text(404, "404 page not found\n");
            }
            if (p.equals(base)) {
                return all(g.getKey(), g.getValue(), Query.parse(rawQuery));
            }
        }
        return ApiResponse.text(404, "404 page not found\n");
    }

    private static ApiResponse all(String group, List<Check> checks, Query q) {
        List<String> excluded = q.all("exclude");
        StringBuilder sb = new StringBuilder();
        boolean failed = false;
        for (Check c : checks) {
            if (excluded.contains(c.name())) {
                sb.append("[+]").append(c.name()).append(" excluded: ok\n");
                continue;
            }
            String problem = c.problem().get();
            if (problem == null) {
                sb.append("[+]").append(c.name()).append(" ok\n");
            } else {
                failed = true;
                sb.append("[-]").append(c.name()).append(" failed: reason withheld\n");
            }
        }
        if (failed) {
            return ApiResponse.text(500, sb + group + " check failed\n");
        }
        if (q.has("verbose")) {
            return ApiResponse.text(200, sb + group + " check passed\n");
        }
        return ApiResponse.text(200, "ok");
    }
}
