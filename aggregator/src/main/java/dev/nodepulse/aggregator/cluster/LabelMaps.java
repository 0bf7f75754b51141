package dev.nodepulse.aggregator.cluster;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * One shared, immutable instance per distinct label map: the pods of a ReplicaSet carry identical labels, so at
 * 100 pods per node this keeps one copy per workload instead of one per pod. Weakly held, so label sets of
 * deleted pods are not kept.
 */
final class LabelMaps {

    private static final Map<Map<String, String>, WeakReference<Map<String, String>>> POOL = new WeakHashMap<>();

    private LabelMaps() {}

    /** Sorted by key, as Go marshals maps. */
    static Map<String, String> intern(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return Map.of();
        }
        Map<String, String> sorted = Collections.unmodifiableMap(new TreeMap<>(labels));
        synchronized (POOL) {
            WeakReference<Map<String, String>> ref = POOL.get(sorted);
            Map<String, String> existing = ref == null ? null : ref.get();
            if (existing != null) {
                return existing;
            }
            POOL.put(sorted, new WeakReference<>(sorted));
            return sorted;
        }
    }
}
