package dev.nodepulse.kubelet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The kubelet's path → subresource table (pkg/kubelet/server/auth.go) with fine-grained authz on. */
class NodeRequestAttributesTest {

    @Test
    void pathsMapAsTheKubeletMapsThem() {
        assertEquals(List.of("stats"), subresources("GET", "/stats/summary"));
        assertEquals(List.of("stats"), subresources("GET", "/stats"));
        assertEquals(List.of("metrics"), subresources("GET", "/metrics"));
        assertEquals(List.of("metrics"), subresources("GET", "/metrics/cadvisor"));
        assertEquals(List.of("metrics"), subresources("GET", "/metrics/resource"));
        assertEquals(List.of("metrics"), subresources("GET", "/metrics/probes"));
        assertEquals(List.of("proxy"), subresources("GET", "/metricsfoo"));
        assertEquals(List.of("proxy"), subresources("GET", "/statsx"));
        assertEquals(List.of("log"), subresources("GET", "/logs/syslog"));
        assertEquals(List.of("checkpoint"), subresources("POST", "/checkpoint/ns/pod/c"));
        assertEquals(List.of("pods", "proxy"), subresources("GET", "/pods"));
        assertEquals(List.of("pods", "proxy"), subresources("GET", "/runningpods/"));
        assertEquals(List.of("healthz", "proxy"), subresources("GET", "/healthz/ping"));
        assertEquals(List.of("configz", "proxy"), subresources("GET", "/configz"));
        assertEquals(List.of("proxy"), subresources("GET", "/"));
        assertEquals(List.of("proxy"), subresources("GET", "/exec/ns/pod/c"));
    }

    @Test
    void verbsFromHttpMethods() {
        assertEquals("get", NodeRequestAttributes.of("GET", "/stats/summary", "n").get(0).verb());
        assertEquals("create", NodeRequestAttributes.of("POST", "/stats/summary", "n").get(0).verb());
        assertEquals("update", NodeRequestAttributes.verb("PUT"));
        assertEquals("patch", NodeRequestAttributes.verb("PATCH"));
        assertEquals("delete", NodeRequestAttributes.verb("DELETE"));
        assertEquals("", NodeRequestAttributes.verb("HEAD"));
        assertEquals("node-7", NodeRequestAttributes.of("GET", "/metrics", "node-7").get(0).nodeName());
    }

    private static List<String> subresources(String method, String path) {
        return NodeRequestAttributes.of(method, path, "n").stream().map(NodeRequestAttributes::subresource).toList();
    }
}
