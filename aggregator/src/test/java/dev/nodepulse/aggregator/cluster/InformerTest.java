package dev.nodepulse.aggregator.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The list/watch loop: paged lists, watch events, bookmarks, and a fresh list when the watch's version expired. */
class InformerTest {

    /** An API that serves pages from a list of JSON items and watch lines from a queue. */
    static final class ScriptedApi implements KubeApi {
        final List<String> items = Collections.synchronizedList(new ArrayList<>());
        final BlockingQueue<String> watchLines = new LinkedBlockingQueue<>();
        final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
        volatile String version = "10";

        @Override
        public String get(String path, Map<String, String> query, String accept) {
            requests.add(query);
            int limit = Integer.parseInt(query.get("limit"));
            int from = query.containsKey("continue") ? Integer.parseInt(query.get("continue")) : 0;
            List<String> snapshot = new ArrayList<>(items);
            int to = Math.min(snapshot.size(), from + limit);
            return "{\"kind\":\"PodList\",\"metadata\":{\"resourceVersion\":\"" + version + "\""
                    + (to < snapshot.size() ? ",\"continue\":\"" + to + "\"" : "") + "},\"items\":["
                    + String.join(",", snapshot.subList(from, to)) + "]}";
        }

        @Override
        public WatchStream watch(String path, Map<String, String> query, String accept) {
            requests.add(query);
            return new WatchStream() {
                @Override
                public String nextLine() throws IOException {
                    try {
                        String l = watchLines.poll(5, TimeUnit.SECONDS);
                        return l == null || l.equals("END") ? null : l;
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }

                @Override
                public void close() {
                }
            };
        }
    }

    static String pod(String ns, String name, String rv, String app) {
        return "{\"metadata\":{\"namespace\":\"" + ns + "\",\"name\":\"" + name + "\",\"resourceVersion\":\"" + rv
                + "\",\"labels\":{\"app\":\"" + app + "\"}}}";
    }

    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached");
            Thread.sleep(20);
        }
    }

    @Test
    void listsInPagesThenFollowsTheWatchAndRelistsOnExpiry() throws Exception {
        ScriptedApi api = new ScriptedApi();
        for (int i = 0; i < 1203; i++) {
            api.items.add(pod("ns", "p" + i, "5", "web"));
        }
        try (Informer<PodMeta> pods = new Informer<PodMeta>("pods", api, "/api/v1/pods", Map.of("fieldSelector", "status.phase=Running"),
                "application/json", "application/json", new Informer.Codec<PodMeta>() {
                    @Override
                    public PodMeta decode(dev.nodepulse.json.JsonObject item) throws dev.nodepulse.json.JsonException {
                        var m = item.object("metadata");
                        return new PodMeta(m.string("namespace"), m.string("name"), m.stringMap("labels"));
                    }

                    @Override
                    public String key(PodMeta p) {
                        return p.namespace() + "/" + p.name();
                    }
                }, null).start()) {
            await(pods::hasSynced);
            assertEquals(1203, pods.size());
            assertEquals(3, api.requests.stream().filter(q -> q.containsKey("limit")).count(), "three pages of 500");
            assertEquals("status.phase=Running", api.requests.get(0).get("fieldSelector"));

            api.watchLines.add("{\"type\":\"ADDED\",\"object\":" + pod("ns", "new", "11", "db") + "}");
            api.watchLines.add("{\"type\":\"DELETED\",\"object\":" + pod("ns", "p0", "12", "web") + "}");
            api.watchLines.add("{\"type\":\"MODIFIED\",\"object\":" + pod("ns", "p1", "13", "api") + "}");
            api.watchLines.add("{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{\"resourceVersion\":\"20\"}}}");
            await(() -> pods.get("ns/new") != null && pods.get("ns/p0") == null);
            assertEquals("api", pods.get("ns/p1").labels().get("app"));

            // the server ends the watch; the next one resumes from the bookmark's version
            api.watchLines.add("END");
            await(() -> api.requests.stream().anyMatch(q -> "20".equals(q.get("resourceVersion"))));

            // the version expired: list again, and objects gone in between disappear
            api.items.clear();
            api.items.add(pod("ns", "survivor", "30", "web"));
            api.version = "30";
            api.watchLines.add("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\","
                    + "\"message\":\"too old resource version: 20 (25)\",\"reason\":\"Expired\",\"code\":410}}");
            await(() -> pods.size() == 1 && pods.get("ns/survivor") != null);
        }
    }
}
