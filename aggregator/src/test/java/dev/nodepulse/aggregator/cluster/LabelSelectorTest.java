package dev.nodepulse.aggregator.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

    private static final Map<String, String> WEB = Map.of("app", "web", "tier", "front", "replicas", "3");

    @Test
    void equalityAndSets() {
        assertTrue(LabelSelector.parse("app=web").matches(WEB));
        assertTrue(LabelSelector.parse("app==web,tier=front").matches(WEB));
        assertFalse(LabelSelector.parse("app=web,tier=back").matches(WEB));
        assertTrue(LabelSelector.parse("app!=db").matches(WEB));
        assertTrue(LabelSelector.parse("missing!=x").matches(WEB));
        assertTrue(LabelSelector.parse("app in (db, web)").matches(WEB));
        assertFalse(LabelSelector.parse("app notin (web)").matches(WEB));
        assertTrue(LabelSelector.parse("tier").matches(WEB));
        assertTrue(LabelSelector.parse("!missing").matches(WEB));
        assertFalse(LabelSelector.parse("!app").matches(WEB));
        assertTrue(LabelSelector.parse("replicas>2").matches(WEB));
        assertFalse(LabelSelector.parse("replicas<3").matches(WEB));
        assertTrue(LabelSelector.parse("").matches(Map.of()));
    }

    @Test
    void malformed() {
        assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("app in web"));
        assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("app=web,"));
        assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("=web"));
        assertThrows(IllegalArgumentException.class, () -> LabelSelector.parse("a>b"));
    }

    @Test
    void fieldSelectors() {
        Map<String, String> f = Map.of("metadata.name", "web-1", "metadata.namespace", "default");
        assertTrue(FieldSelector.parse("metadata.name=web-1").matches(f));
        assertTrue(FieldSelector.parse("metadata.name!=web-2,metadata.namespace==default").matches(f));
        assertFalse(FieldSelector.parse("metadata.namespace=kube-system").matches(f));
        assertThrows(IllegalArgumentException.class, () -> FieldSelector.parse("spec.nodeName=a"));
    }
}
