package dev.nodepulse.agent.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.AgentFlags;
import dev.nodepulse.cli.FlagValues;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class WebSecurityFlagsTest {

    @Test
    void protectedPathsAreTheKubeletsTrees() {
        Predicate<String> p = WebSecurityFlags.protectedPaths(false, "/metrics");
        assertTrue(p.test("/stats/summary"));
        assertTrue(p.test("/metrics/resource"));
        assertTrue(p.test("/metrics/cadvisor"));
        assertFalse(p.test("/metrics"));
        assertFalse(p.test("/healthz"));
        assertFalse(p.test("/"));
        assertTrue(WebSecurityFlags.protectedPaths(true, "/metrics").test("/metrics"));
    }

    @Test
    void defaultsServePlainHttpAndContradictionsAreRefused() throws Exception {
        assertFalse(WebSecurityFlags.configure(parse(), "/metrics").tls());
        assertTrue(WebSecurityFlags.configure(parse("--web.tls-self-signed"), "/metrics").tls());
        assertEquals("--web.kube-auth.protect-node-metrics needs --web.kube-auth", assertThrows(IllegalArgumentException.class,
                () -> WebSecurityFlags.configure(parse("--web.kube-auth.protect-node-metrics"), "/metrics")).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> WebSecurityFlags.configure(parse("--client-ca-file=/x"), "/metrics"));
        assertThrows(IllegalArgumentException.class,
                () -> WebSecurityFlags.configure(parse("--tls-cert-file=/x"), "/metrics"));
    }

    private static FlagValues parse(String... args) throws Exception {
        return AgentFlags.define().parse(args);
    }
}
