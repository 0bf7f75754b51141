package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ApiCallsTest {

    private static ApiCalls.Scan scanFixture() throws Exception {
        String entry = "dev/nodepulse/deploy/fixture/ClientCalls.class";
        try (InputStream in = ApiCallsTest.class.getClassLoader().getResourceAsStream(entry)) {
            return ApiCalls.scan(Map.of(entry, in.readAllBytes()));
        }
    }

    @Test
    void mapsGeneratedApiMethodsToRbacRequests() throws Exception {
        Set<String> found = scanFixture().calls().stream()
                .map(c -> c.verb() + " " + c.group() + "/" + c.resource()).collect(Collectors.toCollection(java.util.TreeSet::new));
        assertEquals(Set.of("list /nodes", "watch /nodes", "list /pods", "watch /pods", "get /configmaps",
                "create authentication.k8s.io/tokenreviews", "create authorization.k8s.io/subjectaccessreviews"), found);
    }

    @Test
    void pathLiteralsKeepNamespaceAndName() throws Exception {
        ApiCalls.Call cm = scanFixture().calls().stream().filter(c -> c.resource().equals("configmaps") && c.method().startsWith("/"))
                .findFirst().orElseThrow();
        assertEquals("kube-system", cm.namespace());
        assertEquals("extension-apiserver-authentication", cm.name());
        assertEquals("get", cm.verb());
    }

    @Test
    void reportsGenericApiUseAsUnmapped() throws Exception {
        Set<String> unmapped = scanFixture().unmapped();
        assertTrue(unmapped.stream().anyMatch(u -> u.startsWith("io/kubernetes/client/util/generic/GenericKubernetesApi")), unmapped.toString());
        assertTrue(unmapped.stream().anyMatch(u -> u.startsWith("path prefix \"/api/v1/namespaces/\"")), unmapped.toString());
    }

    @Test
    void pluralsOfKinds() {
        assertEquals(List.of("configmaps", "tokenreviews", "endpoints", "networkpolicies", "nodes"),
                List.of("ConfigMap", "TokenReview", "Endpoints", "NetworkPolicy", "Node").stream().map(ApiCalls::plural).toList());
    }
}
